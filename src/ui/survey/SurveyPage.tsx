/**
 * @module The poverty survey of a household. Member facts come from the member records; the rest is asked. The
 * classification and each indicator update as the collaborator types; every keystroke is kept as a draft; a
 * finished survey is sent to the commune office (a case with a "submit" command). The questions come in sections,
 * with how many are complete; a field's problem shows once it has been left, or when the survey is sent.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { classifyPoverty, type PovertyAnswer } from '../../domain';
import { toPovertyQuestion } from '../../domain/poverty/from-registry';
import { surveyResultOf } from '../../domain/poverty/survey-result';
import { getHousehold } from '../../db/households';
import { membersOf } from '../../db/members';
import { loadDraft, saveDraft } from '../../db/drafts';
import { submitSurvey } from '../../db/cases';
import { isQuotaError } from '../../db/errors';
import { QUOTA_MESSAGE } from '../../db/errors';
import { db } from '../services';
import { useT, useSay } from '../i18n';
import { formatVnDate, todayIso, vnDateForCheck } from '../dates';
import { CheckField, SelectField, TextField, TriState } from '../fields';
import {
  checkSurvey,
  emptySurvey,
  isChildOn,
  readings,
  SURVEY_SECTIONS,
  sectionsComplete,
  SurveyDraftSchema,
  validReviewDate,
  type SurveyDraft,
  type SurveySection,
} from './survey-form';
import { PovertyResult } from './PovertyResult';
import { futureDateOnDevice } from '../../db/client-id';
import { useSurveyTexts } from './texts';

export function SurveyPage({ householdId }: { householdId: string }) {
  const t = useT();
  const st = useSurveyTexts();
  const say = useSay();
  const navigate = useNavigate();
  const draftKey = `survey:${householdId}`;
  const data = useLiveQuery(
    async () => ({
      household: await getHousehold(db, householdId).catch(() => undefined),
      members: (await membersOf(db, householdId)).members,
    }),
    [householdId],
  );
  const [draft, setDraft] = useState<SurveyDraft | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Problems show for the fields left (blur) and, once sending was tried, for all of them.
  const [left, setLeft] = useState<ReadonlySet<keyof SurveyDraft>>(new Set());
  const [sendTried, setSendTried] = useState(false);
  const [futureReview, setFutureReview] = useState<string | undefined>();

  useEffect(() => {
    void loadDraft(db, draftKey).then((stored) => {
      const parsed = v.safeParse(SurveyDraftSchema, stored);
      setDraft(parsed.success ? (parsed.output as SurveyDraft) : emptySurvey(formatVnDate(todayIso())));
    });
  }, [draftKey]);

  const reviewIso = draft ? vnDateForCheck(draft.reviewDate) : '';
  const check = useMemo(() => (draft ? checkSurvey(draft, reviewIso || undefined) : undefined), [draft, reviewIso]);
  const reviewDay = validReviewDate(reviewIso);
  useEffect(() => {
    // A review date in the server's future (a tablet clock set wrong, a year mistyped) is said at the field.
    if (!reviewDay) return setFutureReview(undefined);
    void futureDateOnDevice(db, 'case', { data: { answers: { reviewDate: reviewDay } } }, Date.now()).then(
      setFutureReview,
    );
  }, [reviewDay]);
  const answer = useMemo((): PovertyAnswer | string | undefined => {
    if (!check?.ok || !data?.household) return undefined;
    try {
      return classifyPoverty(
        toPovertyQuestion({ area: data.household.area, members: data.members, answers: check.answers }),
      );
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [check, data]);

  if (!data || !draft) return null;
  const { household, members } = data;
  if (!household) return <p class="card">{t.notFound}</p>;

  function update(patch: Partial<SurveyDraft>) {
    const next = { ...draft!, ...patch };
    setDraft(next);
    // Every keystroke reaches IndexedDB: a reload or a flat battery loses nothing typed.
    void saveDraft(db, draftKey, { ...next }, Date.now()).catch((e: unknown) =>
      setError(isQuotaError(e) ? QUOTA_MESSAGE : String(e)),
    );
  }
  const issues: Partial<Record<keyof SurveyDraft, string>> = {
    ...(check && !check.ok ? check.issues : {}),
    ...(futureReview ? { reviewDate: futureReview } : {}),
  };
  const issue = (key: keyof SurveyDraft) => {
    const found = sendTried || left.has(key) ? issues[key] : undefined;
    return found === undefined ? undefined : say(found);
  };
  const leave = (key: keyof SurveyDraft) => () => setLeft(new Set([...left, key]));
  // What a number field was read as, shown under it as it is typed ("Sẽ ghi: 4.500.000 đ"), unless it has a problem.
  const read = readings(draft);
  const readAs = (key: keyof typeof read) => {
    const value = issues[key] === undefined ? read[key] : undefined;
    return value === undefined ? undefined : t.readAs(value);
  };
  const present = members.filter((m) => m.status === 'present');
  const children = present.filter((m) => isChildOn(m.birthDate, reviewDay ?? todayIso()));
  const complete = check ? sectionsComplete(draft, check) : undefined;
  if (complete && futureReview) complete.review = false;
  const doneCount = SURVEY_SECTIONS.filter((section) => complete?.[section]).length;
  const sectionHead = (section: SurveySection) => (
    <h2 id={`survey-${section}-title`}>
      {st.surveySections[section]}{' '}
      <span class={complete?.[section] ? 'badge done' : 'badge'}>
        {complete?.[section] ? st.sectionComplete : st.sectionIncomplete}
      </span>
    </h2>
  );
  const problemCount = Object.keys(issues).length;
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...new Set([...list, id])] : list.filter((x) => x !== id);

  async function submit(event: Event) {
    event.preventDefault();
    setSendTried(true);
    if (!check?.ok || typeof answer !== 'object' || !answer) return;
    // A review date in the server's future (a tablet clock set wrong) would be refused by the server.
    const future = await futureDateOnDevice(db, 'case', { data: { answers: check.answers } }, Date.now());
    if (future) return setFutureReview(future);
    try {
      await submitSurvey(
        db,
        {
          householdId,
          communeCode: household!.communeCode,
          answers: check.answers,
          result: surveyResultOf(answer),
          draftKey,
        },
        Date.now(),
      );
      await navigate({ to: '/households/$householdId', params: { householdId } });
    } catch (e) {
      setError(isQuotaError(e) ? QUOTA_MESSAGE : `${t.saveFailed} ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section>
      <h1>
        {t.survey}: {household.headName}
      </h1>
      <p class="hint">
        {st.draftKept} · {present.length} {t.members.toLowerCase()}
      </p>
      <nav class="card survey-progress" aria-label={st.surveyProgress}>
        <p data-testid="survey-progress">{t.sectionsDone(doneCount, SURVEY_SECTIONS.length)}</p>
        <progress value={doneCount} max={SURVEY_SECTIONS.length} aria-hidden="true" />
        <ol class="inline-list">
          {SURVEY_SECTIONS.map((section) => (
            <li key={section} class={complete?.[section] ? 'done' : ''}>
              <a href={`#survey-${section}`}>
                {complete?.[section] ? '✓ ' : ''}
                {st.surveySections[section]}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <form class="survey-layout" onSubmit={(e) => void submit(e)} noValidate>
        <div>
          <section class="card" id="survey-review" aria-labelledby="survey-review-title">
            {sectionHead('review')}
            <SelectField
              name="period"
              label={st.reviewPeriod}
              value={draft.period}
              options={Object.entries(st.periods) as ['annual' | 'regular', string][]}
              onChange={(period) => update({ period })}
            />
            <TextField
              name="reviewDate"
              label={t.reviewDate}
              value={draft.reviewDate}
              onInput={(reviewDate) => update({ reviewDate })}
              onBlur={leave('reviewDate')}
              inputMode="numeric"
              error={issue('reviewDate')}
            />
          </section>
          <section class="card" id="survey-income" aria-labelledby="survey-income-title">
            {sectionHead('income')}
            <fieldset class="field">
              <legend>{st.incomeMode}</legend>
              {(['household', 'per-capita'] as const).map((mode) => (
                <label class="inline" key={mode}>
                  <input
                    type="radio"
                    name="incomeMode"
                    checked={draft.incomeMode === mode}
                    onChange={() => update({ incomeMode: mode })}
                  />
                  {mode === 'household' ? st.householdLabel : st.perCapitaLabel}
                </label>
              ))}
            </fieldset>
            {draft.incomeMode === 'household' ? (
              <TextField
                name="householdIncome"
                label={t.householdIncome}
                value={draft.householdIncome}
                onInput={(householdIncome) => update({ householdIncome })}
                onBlur={leave('householdIncome')}
                inputMode="numeric"
                hint={readAs('householdIncome')}
                error={issue('householdIncome')}
              />
            ) : (
              <TextField
                name="incomePerCapita"
                label={st.incomePerCapita}
                value={draft.incomePerCapita}
                onInput={(incomePerCapita) => update({ incomePerCapita })}
                onBlur={leave('incomePerCapita')}
                inputMode="numeric"
                hint={readAs('incomePerCapita')}
                error={issue('incomePerCapita')}
              />
            )}
          </section>
          <section class="card" id="survey-housing" aria-labelledby="survey-housing-title">
            {sectionHead('housing')}
            <TextField
              name="floorAreaM2"
              label={st.floorArea}
              value={draft.floorAreaM2}
              onInput={(floorAreaM2) => update({ floorAreaM2 })}
              onBlur={leave('floorAreaM2')}
              inputMode="decimal"
              hint={readAs('floorAreaM2')}
              error={issue('floorAreaM2')}
            />
            <SelectField
              name="nonDurableStructures"
              label={st.nonDurable}
              value={draft.nonDurableStructures}
              placeholder={t.unknown}
              options={[
                ['0', '0'],
                ['1', '1'],
                ['2', '2'],
                ['3', '3'],
              ]}
              onChange={(nonDurableStructures) => update({ nonDurableStructures })}
            />
          </section>
          <section class="card" id="survey-services" aria-labelledby="survey-services-title">
            {sectionHead('services')}
            <SelectField
              name="waterSource"
              label={t.water}
              value={draft.waterSource}
              placeholder={t.unknown}
              options={Object.entries(st.waters)}
              onChange={(waterSource) => update({ waterSource })}
            />
            <SelectField
              name="latrine"
              label={st.latrine}
              value={draft.latrine}
              placeholder={t.unknown}
              options={Object.entries(st.latrines)}
              onChange={(latrine) => update({ latrine })}
            />
            <TriState
              name="usesTelecom"
              label={st.usesTelecom}
              value={draft.usesTelecom}
              onChange={(usesTelecom) => update({ usesTelecom })}
              yes={t.yes}
              no={t.no}
              unknown={t.unknown}
            />
            <TriState
              name="hasInformationDevice"
              label={st.hasInformationDevice}
              value={draft.hasInformationDevice}
              onChange={(hasInformationDevice) => update({ hasInformationDevice })}
              yes={t.yes}
              no={t.no}
              unknown={t.unknown}
            />
            <TriState
              name="wasteCollectedOrTreated"
              label={st.wasteCollected}
              value={draft.wasteCollectedOrTreated}
              onChange={(wasteCollectedOrTreated) => update({ wasteCollectedOrTreated })}
              yes={t.yes}
              no={t.no}
              unknown={t.unknown}
            />
          </section>
          {children.length > 0 && (
            <section class="card" id="survey-children">
              <h2>{st.surveyChildren}</h2>
              <fieldset class="field">
                <legend>{st.malnourishedChildren}</legend>
                {children.map((c) => (
                  <CheckField
                    key={c.id}
                    name={`malnourished-${c.id}`}
                    label={c.fullName}
                    checked={draft.malnourished.includes(c.id)}
                    onChange={(on) => update({ malnourished: toggle(draft.malnourished, c.id, on) })}
                  />
                ))}
              </fieldset>
              {children.some((c) => c.studying) && (
                <fieldset class="field">
                  <legend>{st.behindInSchool}</legend>
                  {children
                    .filter((c) => c.studying)
                    .map((c) => (
                      <CheckField
                        key={c.id}
                        name={`behind-${c.id}`}
                        label={c.fullName}
                        checked={draft.behindInSchool.includes(c.id)}
                        onChange={(on) => update({ behindInSchool: toggle(draft.behindInSchool, c.id, on) })}
                      />
                    ))}
                </fieldset>
              )}
            </section>
          )}
        </div>
        <div id="survey-result">
          {typeof answer === 'object' && answer && <PovertyResult answer={answer} />}
          {typeof answer === 'string' && <p class="error">{answer}</p>}
          {error && (
            <p class="error" role="alert">
              {say(error)}
            </p>
          )}
          {sendTried && problemCount > 0 && (
            <p class="error" role="alert" data-testid="survey-problems">
              {st.fixBeforeSending(problemCount)}
            </p>
          )}
          <button type="submit">{t.submit}</button>
        </div>
      </form>
      {typeof answer === 'object' && answer && (
        // Portrait: the result sits below a long form, so its gist stays in view at the bottom of the screen.
        <a class={`sticky-summary class-${answer.classification}`} href="#survey-result">
          {st.result}: <strong>{t.classifications[answer.classification]}</strong> ·{' '}
          {st.deprivations(answer.deprivationCount)}
        </a>
      )}
    </section>
  );
}
