// A household's survey classified from its registry and answers, reduced to what a survey case records. One
// function for the tablet (live result), the server (which recomputes what a device sends) and the demo seed.
import type { MemberFields } from '../../shared/records/member';
import type { SurveyAnswers, SurveyResult } from '../../shared/records/survey';
import { classifyPoverty, type PovertyAnswer } from './classify';
import { toPovertyQuestion } from './from-registry';

export function surveyResultOf(answer: PovertyAnswer): SurveyResult {
  return {
    classification: answer.classification,
    deprivationCount: answer.deprivationCount,
    perCapitaIncome: answer.income.perCapitaMonthly,
    standard: answer.standard.id,
    rulePack: answer.rulePack.snapshot,
    provisional: answer.provisional,
  };
}

export function classifySurvey(input: {
  area: 'rural' | 'urban';
  members: readonly (MemberFields & { id: string })[];
  answers: SurveyAnswers;
}): { answer: PovertyAnswer; result: SurveyResult } {
  const answer = classifyPoverty(toPovertyQuestion(input));
  return { answer, result: surveyResultOf(answer) };
}

/** Whether two results say the same thing (the rule pack's snapshot name aside, which only dates them). */
export function sameSurveyResult(a: SurveyResult, b: SurveyResult): boolean {
  return (
    a.classification === b.classification &&
    a.deprivationCount === b.deprivationCount &&
    a.perCapitaIncome === b.perCapitaIncome &&
    a.standard === b.standard &&
    a.provisional === b.provisional
  );
}
