/**
 * @module A submitted survey as the officer checks it before approving or returning it: the answers with their
 * labels, the indicators and the class worked out again on this device (the survey screen's PovertyResult), and
 * the server's own result, which is the one recorded.
 */
import { useMemo } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { classifyPoverty, type PovertyAnswer } from '../../domain';
import { toPovertyQuestion } from '../../domain/poverty/from-registry';
import { getHousehold } from '../../db/households';
import { membersOf } from '../../db/members';
import type { SurveyCase } from '../../db/cases';
import { db } from '../services';
import { useT } from '../i18n';
import { formatVnDate } from '../dates';
import { formatVnd } from '../format';
import { PovertyResult } from '../survey/PovertyResult';
import { useSurveyTexts } from '../survey/texts';
import { useReviewTexts } from './texts';

export function SurveyDetail({ survey }: { survey: SurveyCase }) {
  const t = useT();
  const rv = useReviewTexts();
  const st = useSurveyTexts();
  const data = useLiveQuery(
    async () => ({
      household: await getHousehold(db, survey.subjectId).catch(() => undefined),
      members: (await membersOf(db, survey.subjectId)).members,
    }),
    [survey.subjectId],
  );
  const answer = useMemo((): PovertyAnswer | undefined => {
    if (!data?.household) return undefined;
    try {
      return classifyPoverty(
        toPovertyQuestion({ area: data.household.area, members: data.members, answers: survey.answers }),
      );
    } catch {
      return undefined;
    }
  }, [data, survey.answers]);
  const a = survey.answers;
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? t.yes : t.no);
  const names = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => data?.members.find((m) => m.id === id)?.fullName ?? rv.unknownPerson).join(', ') || '—';
  const rows: [string, string][] = [
    [st.reviewPeriod, st.periods[a.period]],
    [t.reviewDate, formatVnDate(a.reviewDate)],
    a.incomeMode === 'per-capita'
      ? [st.incomePerCapita, a.incomePerCapita === undefined ? '—' : formatVnd(a.incomePerCapita)]
      : [t.householdIncome, a.householdIncome === undefined ? '—' : formatVnd(a.householdIncome)],
    [st.floorArea, a.floorAreaM2 === undefined ? '—' : String(a.floorAreaM2)],
    [st.nonDurable, a.nonDurableStructures === undefined ? '—' : String(a.nonDurableStructures)],
    [t.water, a.waterSource ? st.waters[a.waterSource] : '—'],
    [st.latrine, a.latrine ? st.latrines[a.latrine] : '—'],
    [st.usesTelecom, yesNo(a.usesTelecom)],
    [st.hasInformationDevice, yesNo(a.hasInformationDevice)],
    [st.wasteCollected, yesNo(a.wasteCollectedOrTreated)],
    [st.malnourishedChildren, names(a.malnourished)],
    [st.behindInSchool, names(a.behindInSchool)],
  ];
  return (
    <div class="survey-detail" data-testid="survey-detail">
      <h3>{rv.answersTitle}</h3>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p data-testid="server-result">
        {rv.serverResult}: <strong>{survey.result ? t.classifications[survey.result.classification] : '—'}</strong>
        {survey.result && ` · ${st.deprivations(survey.result.deprivationCount)}`}
      </p>
      {answer ? <PovertyResult answer={answer} /> : data && <p class="hint">{rv.householdNotOnDevice}</p>}
    </div>
  );
}
