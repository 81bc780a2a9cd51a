// From the registry to the question: a household's member records and its survey answers become a poverty
// question. Member facts are taken from the records (age, health insurance, schooling, occupation, disability);
// only what the registry cannot know comes from the survey.
import type { MemberFields } from '../../shared/records/member';
import type { SurveyAnswers } from '../../shared/records/survey';
import type { PovertyMember, PovertyQuestion } from './schema';

type Member = MemberFields & { id: string };

const QUALIFICATION: Record<MemberFields['schooling'], NonNullable<PovertyMember['qualification']>> = {
  none: 'none',
  primary: 'primary',
  'lower-secondary': 'lower-secondary',
  'upper-secondary': 'upper-secondary',
  vocational: 'vocational',
  // A degree is at least a vocational qualification for the adult-education indicator.
  'college-university': 'vocational',
};

/** Only the year known: the middle of it, so an age is never off by more than half a year. */
function isoBirthDate(birthDate: string): string {
  return birthDate.length === 4 ? `${birthDate}-07-01` : birthDate;
}

export function toPovertyQuestion(input: {
  area: 'rural' | 'urban';
  members: readonly Member[];
  answers: SurveyAnswers;
}): PovertyQuestion {
  const { answers } = input;
  const present = input.members.filter((m) => m.status === 'present');
  const members: PovertyMember[] = present.map((m) => ({
    dateOfBirth: isoBirthDate(m.birthDate),
    hasHealthInsurance: m.hasHealthInsurance,
    employment: m.occupation,
    studying: m.studying,
    qualification: QUALIFICATION[m.schooling],
    disability: m.disability,
    ...(answers.malnourished ? { malnourished: answers.malnourished.includes(m.id) } : {}),
    ...(answers.behindInSchool && m.studying
      ? { atAgeAppropriateSchoolLevel: !answers.behindInSchool.includes(m.id) }
      : {}),
  }));
  const household: NonNullable<PovertyQuestion['household']> = {};
  if (answers.floorAreaM2 !== undefined) household.floorAreaM2 = answers.floorAreaM2;
  if (answers.nonDurableStructures !== undefined) household.nonDurableStructures = answers.nonDurableStructures;
  if (answers.waterSource !== undefined) household.waterSource = answers.waterSource;
  if (answers.latrine !== undefined) household.latrine = answers.latrine;
  if (answers.usesTelecom !== undefined) household.usesTelecom = answers.usesTelecom;
  if (answers.hasInformationDevice !== undefined) household.hasInformationDevice = answers.hasInformationDevice;
  if (answers.wasteCollectedOrTreated !== undefined)
    household.wasteCollectedOrTreated = answers.wasteCollectedOrTreated;
  const income: PovertyQuestion['income'] =
    answers.incomeMode === 'household'
      ? { householdMonthly: answers.householdIncome ?? 0, memberCount: Math.max(1, present.length) }
      : { perCapitaMonthly: answers.incomePerCapita ?? 0 };
  return { question: 'poverty', reviewDate: answers.reviewDate, area: input.area, income, members, household };
}
