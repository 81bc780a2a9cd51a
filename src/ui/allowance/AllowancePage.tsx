/**
 * @module A monthly-allowance application for a registered member (issue 12), filed by the collaborator on the
 * tablet, offline. What the registry knows is filled in and shown as such; the rest is asked, with the questions
 * of the chosen form in the engine's words. The proposal (category, coefficient, amount, what is still missing)
 * follows every change; every change is kept as a draft; "Gửi xã" saves the case and queues its submit command.
 * Loaded on demand: it carries the rules engine.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { getMember, membersOf } from '../../db/members';
import { getHousehold } from '../../db/households';
import { allowanceCase, approvedClassifications } from '../../db/cases';
import { loadDraft, saveDraft } from '../../db/drafts';
import { allowanceDraftKey, dropPaperPhoto, keepPaperPhoto, submitAllowance } from '../../db/allowance';
import { isQuotaError, QUOTA_MESSAGE } from '../../db/errors';
import { newId } from '../../shared/ids';
import { ALLOWANCE_FORMS, type APPLICATION_PAPERS } from '../../shared/records/allowance';
import { ETHNIC_GROUPS } from '../../shared/reference/ethnic-groups';
import { requiredPapers } from '../../shared/allowance-proposal';
import { db, useCan, useSession } from '../services';
import { useLanguage, useSay } from '../i18n';
import { useAllowanceT } from './texts';
import { FormDetailsSection } from './FormDetailsSection';
import { todayIso, formatVnDate } from '../dates';
import { formatVnd, parseQuantity } from '../format';
import { CheckField, SelectField, TextField, TriState } from '../fields';
import { downscalePhoto } from '../relief/SignaturePad';
import {
  AllowanceDraftSchema,
  CARE_FORMS,
  childCandidates,
  withChildren,
  FORM_FACTS,
  buildApplication,
  checkApplication,
  draftFromApplication,
  factValue,
  isAsked,
  liveProposal,
  papersOffered,
  prefillDraft,
  setFact,
  type AllowanceDraft,
  type DraftKey,
  type IssueKey,
  type FactQuestion,
} from './application-form';

const CHOICE_FACTS = {
  father: 'parentStatuses',
  mother: 'parentStatuses',
  maritalStatus: 'maritalStatuses',
  supporter: 'supporters',
  studying: 'studyingLevels',
} as const;

/** A new application for the member, or (`caseId`) one the commune returned, reopened to be corrected and sent again. */
export function AllowancePage({ memberId, caseId }: { memberId: string; caseId?: string }) {
  const t = useAllowanceT();
  const say = useSay();
  const lang = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const draftKey = allowanceDraftKey(memberId, caseId);
  // Only who may file a case gets a form whose sending the server would take (src/shared/permissions.ts).
  const mayApply = useCan('case', 'create');
  const data = useLiveQuery(async () => {
    const member = await getMember(db, memberId);
    const household = member ? await getHousehold(db, member.householdId).catch(() => undefined) : undefined;
    const approved = household
      ? (await approvedClassifications(db, household.communeCode)).get(household.id)
      : undefined;
    const members = household ? (await membersOf(db, household.id)).members : [];
    const returned = caseId ? await allowanceCase(db, caseId) : undefined;
    return { member, household, approved, members, returned };
  }, [memberId, caseId]);
  const [draft, setDraft] = useState<AllowanceDraft | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [sendTried, setSendTried] = useState(false);

  const communeName = (code: string) => session?.user.communes.find((c) => c.code === code)?.name ?? code;
  useEffect(() => {
    if (!data?.member || !data.household || draft) return;
    const { member, household, approved, returned } = data;
    if (caseId && returned?.status !== 'returned') return;
    void loadDraft(db, draftKey).then((stored) => {
      const parsed = v.safeParse(AllowanceDraftSchema, stored);
      setDraft(
        parsed.success
          ? (parsed.output as AllowanceDraft)
          : returned
            ? draftFromApplication({
                caseId: returned.id,
                application: returned.application,
                sensitive: returned.sensitive,
                members: data.members,
              })
            : prefillDraft({
                caseId: newId(Date.now()),
                member,
                household,
                communeName: communeName(household.communeCode),
                approvedSurvey: approved,
                today: todayIso(),
              }),
      );
    });
  }, [data, draftKey]);

  const month = todayIso().slice(0, 7);
  const communeCode = data?.household?.communeCode ?? '';
  const proposal = useMemo(
    () => (draft && communeCode ? liveProposal(draft, communeCode, month) : undefined),
    [draft, communeCode, month],
  );
  const check = useMemo(() => (draft ? checkApplication(draft) : undefined), [draft]);

  if (!data) return null;
  const { member, household } = data;
  if (!member || !household) return <p class="card">{t.notFound}</p>;
  if (!mayApply)
    return (
      <p class="card hint" data-testid="read-only">
        {t.readOnly}
      </p>
    );
  if (caseId && data.returned?.status !== 'returned')
    return (
      <p class="card hint" data-testid="not-returned">
        {t.notReturned}
      </p>
    );
  if (!draft) return null;

  function update(patch: Partial<AllowanceDraft>) {
    setAndKeep({ ...draft!, ...patch });
  }
  function setAndKeep(next: AllowanceDraft) {
    setDraft(next);
    // Every change reaches IndexedDB: a reload, a closed tab or a flat battery loses nothing typed.
    void saveDraft(db, draftKey, { ...next }, Date.now()).catch((e: unknown) =>
      setError(isQuotaError(e) ? QUOTA_MESSAGE : String(e)),
    );
  }
  const issues = check && !check.ok ? check.issues : {};
  const issue = (key: IssueKey) => (sendTried && issues[key] ? say(issues[key]) : undefined);
  // An amount is shown back as it will be recorded ("Sẽ ghi: 1.500.000 đ"), its problem at once.
  const MONEY: ReadonlySet<DraftKey> = new Set(['pensionAmount', 'carerIncome']);
  const field = (key: DraftKey & keyof typeof t, label: string = t[key] as string) => {
    const typed = draft[key] as string;
    const money = MONEY.has(key) && typed.trim() ? parseQuantity(typed, 'VND') : undefined;
    return (
      <TextField
        name={key}
        label={label}
        value={typed}
        onInput={(value) => update({ [key]: value })}
        {...(MONEY.has(key) ? { inputMode: 'numeric' as const } : {})}
        hint={money?.ok ? t.readAs(formatVnd(money.value)) : undefined}
        error={money && !money.ok ? say(money.message) : issue(key)}
      />
    );
  };
  const needed = requiredPapers(buildApplication(draft).application);
  const paperTitle = (paper: (typeof APPLICATION_PAPERS)[number]) => t.papers[paper];

  async function addPhoto(file: File) {
    try {
      const bytes = await downscalePhoto(file);
      const hash = await keepPaperPhoto(db, { caseId: draft!.caseId, communeCode, bytes }, Date.now());
      if (!draft!.photos.includes(hash)) update({ photos: [...draft!.photos, hash] });
    } catch (e) {
      setError(isQuotaError(e) ? QUOTA_MESSAGE : `${t.saveFailed} ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  async function removePhoto(hash: string) {
    update({ photos: draft!.photos.filter((h) => h !== hash) });
    await dropPaperPhoto(db, hash, draft!.caseId);
  }

  async function submit(event: Event) {
    event.preventDefault();
    setSendTried(true);
    if (!check?.ok) return;
    try {
      const sent = await submitAllowance(
        db,
        {
          caseId: draft!.caseId,
          memberId,
          communeCode,
          application: check.application,
          ...(check.sensitive ? { sensitive: check.sensitive } : {}),
          draftKey,
        },
        Date.now(),
      );
      if (!sent.ok) return setError(sent.issues.map((m) => say(m)).join(' '));
      await navigate({ to: '/members/$memberId', params: { memberId } });
    } catch (e) {
      setError(isQuotaError(e) ? QUOTA_MESSAGE : `${t.saveFailed} ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const known = (key: DraftKey) => !isAsked(draft, key);
  const registryRows = (
    [
      [t.fullName, draft.fullName, 'fullName'],
      [t.born, draft.birthDate, 'birthDate'],
      [t.sex, draft.sex === 'male' ? t.male : draft.sex === 'female' ? t.female : '', 'sex'],
      [t.ethnicity, ETHNIC_GROUPS.find(([code]) => code === draft.ethnicity)?.[1] ?? draft.ethnicity, 'ethnicity'],
      [t.citizenId, draft.citizenId, 'citizenId'],
      [t.residence, draft.residence, 'residence'],
      [t.hasHealthInsurance, draft.hasHealthInsurance ? t.yes : t.no, 'hasHealthInsurance'],
      [t.disability, t.disabilityLevels[draft.disabilityLevel], 'disabilityLevel'],
      [t.disabilityCertifiedOn, draft.disabilityCertifiedOn, 'disabilityCertifiedOn'],
      [
        t.householdPovertyLabel,
        draft.householdPoverty && t.householdPovertyOptions[draft.householdPoverty],
        'householdPoverty',
      ],
    ] as [string, string, DraftKey][]
  ).filter(([, , key]) => known(key));

  const factControl = (question: FactQuestion) => {
    const value = factValue(draft.facts, question);
    const label = t.factLabels[question];
    const set = (answer: unknown) => update({ facts: setFact(draft.facts, question, answer) });
    if (question in CHOICE_FACTS) {
      const options = t[CHOICE_FACTS[question as keyof typeof CHOICE_FACTS]];
      return (
        <SelectField
          key={question}
          name={`fact-${question}`}
          label={label}
          value={(value as string | undefined) ?? ''}
          placeholder={t.unknown}
          options={Object.entries(options)}
          onChange={(answer) => set(answer === '' ? undefined : answer)}
        />
      );
    }
    return (
      <TriState
        key={question}
        name={`fact-${question}`}
        label={label}
        value={value as boolean | undefined}
        onChange={set}
        yes={t.yes}
        no={t.no}
        unknown={t.unknown}
      />
    );
  };

  const line = proposal?.answer?.paid.lines.find((l) => l.code === proposal.categoryCode);
  return (
    <section>
      <h1>
        {t.allowanceTitle}: {member.fullName}
      </h1>
      <p class="hint">{t.draftKept}</p>
      {data.returned?.status === 'returned' && (
        <p class="error" data-testid="returned-because">
          {t.returnedBecause(data.returned.history.findLast((h) => h.command === 'return')?.comment ?? '')}
        </p>
      )}
      <form class="survey-layout" onSubmit={(e) => void submit(e)} noValidate>
        <div>
          <section class="card">
            <SelectField
              name="form"
              label={t.allowanceFormLabel}
              value={draft.form}
              options={ALLOWANCE_FORMS.map((f) => [f, t.allowanceForms[f]] as const)}
              onChange={(form) => update({ form })}
            />
            {field('filedOn')}
          </section>
          <section class="card" aria-labelledby="applicant-title">
            <h2 id="applicant-title">{t.applicantSection}</h2>
            {registryRows.length > 0 && (
              <dl data-testid="from-registry">
                {registryRows.map(([label, value, key]) => (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>
                      {value} <span class="badge">{t.fromRegistry}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {!isAsked({ ...draft, correcting: false }, 'fullName') && (
              <CheckField
                name="correcting"
                label={t.correctFromPapers}
                checked={draft.correcting}
                onChange={(correcting) => update({ correcting })}
              />
            )}
            {!known('fullName') && field('fullName')}
            {!known('birthDate') && field('birthDate', t.applicantBirthDate)}
            {!known('sex') && (
              <SelectField
                name="sex"
                label={t.sex}
                value={draft.sex}
                placeholder=""
                options={[
                  ['male', t.male],
                  ['female', t.female],
                ]}
                onChange={(sex) => update({ sex })}
                error={issue('sex')}
              />
            )}
            {!known('ethnicity') && (
              <SelectField
                name="ethnicity"
                label={t.ethnicity}
                value={draft.ethnicity}
                options={ETHNIC_GROUPS}
                onChange={(ethnicity) => update({ ethnicity })}
              />
            )}
            {!known('citizenId') && field('citizenId')}
            {field('citizenIdIssuedOn')}
            {field('citizenIdIssuedBy')}
            {!known('residence') && field('residence')}
            {field('livesWith')}
            {!known('hasHealthInsurance') && (
              <CheckField
                name="hasHealthInsurance"
                label={t.hasHealthInsurance}
                checked={draft.hasHealthInsurance}
                onChange={(hasHealthInsurance) => update({ hasHealthInsurance })}
              />
            )}
            {!known('householdPoverty') && (
              <SelectField
                name="householdPoverty"
                label={t.householdPovertyLabel}
                value={draft.householdPoverty}
                placeholder={t.unknown}
                options={Object.entries(t.householdPovertyOptions) as ['poor' | 'near-poor' | 'none', string][]}
                onChange={(householdPoverty) => update({ householdPoverty })}
                error={issue('householdPoverty')}
              />
            )}
          </section>
          <section class="card" aria-labelledby="disability-title">
            <h2 id="disability-title">{t.disabilitySection}</h2>
            {!known('disabilityLevel') && (
              <SelectField
                name="disabilityLevel"
                label={t.disability}
                value={draft.disabilityLevel}
                options={Object.entries(t.disabilityLevels) as [AllowanceDraft['disabilityLevel'], string][]}
                onChange={(disabilityLevel) => update({ disabilityLevel })}
              />
            )}
            {draft.disabilityLevel !== 'none' && (
              <>
                {field('disabilityCertificateNo')}
                {!known('disabilityCertifiedOn') && field('disabilityCertifiedOn', t.disabilityCertifiedOnDay)}
                {field('disabilityIssuer')}
              </>
            )}
          </section>
          <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{t.factsSection}</h2>
            {FORM_FACTS[draft.form].map(factControl)}
            {draft.form === '1c' && (
              <fieldset class="field" data-testid="children-raised">
                <legend>{t.childrenRaised}</legend>
                {childCandidates(member, data.members).map((child) => (
                  <CheckField
                    key={child.id}
                    name={`child-${child.id}`}
                    label={`${child.fullName} (${formatVnDate(child.birthDate)}${/^\d{4}$/.test(child.birthDate) ? ` — ${t.childNeedsFullDate}` : ''})`}
                    checked={draft.childIds.includes(child.id)}
                    onChange={(on) =>
                      setAndKeep(
                        withChildren(
                          draft,
                          data.members,
                          on ? [...draft.childIds, child.id] : draft.childIds.filter((id) => id !== child.id),
                        ),
                      )
                    }
                  />
                ))}
              </fieldset>
            )}
            {draft.facts.income?.pension && FORM_FACTS[draft.form].includes('pension') && field('pensionAmount')}
            {draft.form === '1b' && (
              <fieldset class="field" data-testid="hiv-section">
                <legend>{t.hivSection}</legend>
                <CheckField name="hiv" label={t.hivStatus} checked={draft.hiv} onChange={(hiv) => update({ hiv })} />
                {draft.hiv && field('hivDetectedOn')}
                <p class="hint">{t.hivNeverShown}</p>
              </fieldset>
            )}
          </section>
          <FormDetailsSection
            form={draft.form}
            typed={draft.details}
            onInput={(key, value) => update({ details: { ...draft.details, [key]: value } })}
            issue={issue}
          />
          <section class="card" aria-labelledby="proxy-title">
            <h2 id="proxy-title">{t.proxySection}</h2>
            {field('proxyName')}
            {draft.proxyName.trim() && (
              <>
                {field('proxyRelation')}
                {field('proxyCitizenId')}
              </>
            )}
          </section>
          {CARE_FORMS.has(draft.form) && (
            <section class="card" aria-labelledby="carer-title">
              <h2 id="carer-title">{t.carerSection}</h2>
              {field('carerName')}
              {field('carerRelation')}
              {field('carerCitizenId')}
              {field('carerIncome')}
            </section>
          )}
          <section class="card" aria-labelledby="papers-title">
            <h2 id="papers-title">{t.papersSection}</h2>
            {papersOffered(draft.form)
              .filter((p) => needed.includes(p) || draft.papers.includes(p))
              .map((paper) => (
                <CheckField
                  key={paper}
                  name={`paper-${paper}`}
                  label={`${paperTitle(paper)} (${t.paperNeeded})`}
                  checked={draft.papers.includes(paper)}
                  onChange={(on) =>
                    update({
                      papers: on ? [...new Set([...draft.papers, paper])] : draft.papers.filter((p) => p !== paper),
                    })
                  }
                />
              ))}
            {papersOffered(draft.form)
              .filter((p) => !needed.includes(p) && !draft.papers.includes(p))
              .map((paper) => (
                <CheckField
                  key={paper}
                  name={`paper-${paper}`}
                  label={paperTitle(paper)}
                  checked={false}
                  onChange={(on) => on && update({ papers: [...draft.papers, paper] })}
                />
              ))}
            <label class="field">
              {t.photosLabel}
              <input
                type="file"
                name="paper-photo"
                accept="image/*"
                capture="environment"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) void addPhoto(file);
                }}
              />
            </label>
            <p data-testid="photo-count">{t.photoCount(draft.photos.length)}</p>
            {draft.photos.length > 0 && (
              <ul class="plain">
                {draft.photos.map((hash, index) => (
                  <li key={hash}>
                    {t.photoOf(index + 1)}{' '}
                    <button type="button" class="secondary" onClick={() => void removePhoto(hash)}>
                      {t.removePhoto}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div id="allowance-proposal">
          <section class="card result" aria-live="polite" data-testid="allowance-proposal">
            <h2>{t.proposalTitle}</h2>
            {!proposal?.answer ? (
              <p>{t.proposalNotYet}</p>
            ) : line ? (
              <dl>
                <div>
                  <dt>{t.proposalCategory}</dt>
                  <dd data-testid="proposal-category">{line.title[lang]}</dd>
                </div>
                <div>
                  <dt>{t.proposalCoefficient}</dt>
                  <dd data-testid="proposal-coefficient">{String(proposal.coefficient).replace('.', ',')}</dd>
                </div>
                <div>
                  <dt>{t.proposalAmount}</dt>
                  <dd data-testid="proposal-amount">{formatVnd(proposal.amount)}</dd>
                </div>
              </dl>
            ) : (
              <p>{t.proposalNone}</p>
            )}
            {proposal?.answer && (
              <ol class="explanation" data-testid="proposal-explanation">
                {proposal.answer.explanation.steps.map((step, index) => (
                  <li key={index}>{step[lang]}</li>
                ))}
              </ol>
            )}
            <h3>{t.stillMissing}</h3>
            {proposal && proposal.missing.length > 0 ? (
              <ul data-testid="proposal-missing">
                {proposal.missing.map((m) => (
                  <li key={m.what === 'paper' ? m.paper : m.what}>
                    {m.what === 'paper' ? t.missingPaper(paperTitle(m.paper)) : t.allowanceMissing[m.what]}
                  </li>
                ))}
              </ul>
            ) : (
              <p data-testid="proposal-missing">{proposal ? t.nothingMissing : ''}</p>
            )}
            <p class="hint">{t.proposalMonth(formatVnDate(`${month}-01`).slice(3))}</p>
          </section>
          {error && (
            <p class="error" role="alert">
              {say(error)}
            </p>
          )}
          {sendTried && Object.keys(issues).length > 0 && (
            <p class="error" role="alert" data-testid="allowance-problems">
              {t.fixBeforeSending(Object.keys(issues).length)}
            </p>
          )}
          <button type="submit">{t.sendToCommune}</button>
        </div>
      </form>
      {line && (
        <a class="sticky-summary" href="#allowance-proposal">
          {t.proposalAmount}: <strong>{formatVnd(proposal!.amount)}</strong>
        </a>
      )}
    </section>
  );
}
