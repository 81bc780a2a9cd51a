/**
 * @module One allowance dossier as the commune officer reviews it: the application's answers, the papers seen and
 * their photos, what the rules engine proposes and why, the ID check, the posting window, the decision or refusal,
 * the deadline, the history — and the steps the role may take now (AllowanceCommands); once approved, where it
 * stands after its changes and the changes proposed and decided on it (ChangePanel). HIV status and the
 * wording that tells it (form 1b's title, the HIV categories, the engine's explanation) are shown here only, and
 * only to the commune officer and above: the server sends the sensitive field to no one else either.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCase, type AllowanceCase } from '../../db/cases';
import { dismissRejection, pendingRecordIds, rejectionsOf } from '../../db/queue';
import { photosOnDevice } from '../../db/attachments';
import { proposeAllowance, requiredPapers, type Missing } from '../../shared/allowance-proposal';
import { ethnicGroupName } from '../../shared/reference/ethnic-groups';
import { db, useSession } from '../services';
import { useLanguage, useSay, problemOf } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { formatDateTime, formatNumber, formatVnd } from '../format';
import { decisionDeadline, publicCategory, publicForm } from './lists';
import { DeadlineNote } from './DeadlineNote';
import { SEES_SENSITIVE, formatMonth, type DeskT, useDeskT, useListWords } from './words';
import { AllowanceCommands } from './AllowanceCommands';
import { ChangePanel } from './ChangePanel';
import { isChoice, type DetailKey } from './form-details';
import { useFormDetailsT } from './form-details-texts';

/** `propose` and `from`: a change the register found due, to open the change form with (ChangePanel). */
export function DossierPage({
  id,
  propose,
  from,
}: {
  id: string;
  propose?: string | undefined;
  from?: string | undefined;
}) {
  const t = useDeskT();
  const say = useSay();
  const session = useSession();
  const state = useLiveQuery(
    async () => ({
      dossier: await allowanceCase(db, id),
      rejections: await rejectionsOf(db, id),
      pending: (await pendingRecordIds(db)).has(id),
    }),
    [id],
  );
  if (!state || !session) return null;
  const { dossier } = state;
  if (!dossier)
    return (
      <section class="card">
        <Link to="/review">← {t.back}</Link>
        <p>{t.allowanceNotOnDevice}</p>
      </section>
    );
  const sensitive = SEES_SENSITIVE.includes(session.user.role);
  return (
    <section data-testid="allowance-dossier">
      <div class="card">
        <Link to="/review">← {t.back}</Link>
        <h1>{dossier.application.applicant.fullName}</h1>
        <p>
          {t.allowanceStatus}: <strong data-testid="allowance-status">{say.words.statuses[dossier.status]}</strong>
          {state.pending ? ` (${t.waitingToSend})` : ''}
        </p>
        <p>
          <DeadlineNote deadline={decisionDeadline(dossier, todayIso())} />
        </p>
        {state.rejections.map((r) => (
          <p class="error" key={r.seq} data-testid="allowance-rejection">
            {t.rejectedBecause} {say(problemOf(r))}{' '}
            <button type="button" class="secondary" onClick={() => void dismissRejection(db, r.seq)}>
              {t.dismiss}
            </button>
          </p>
        ))}
      </div>
      <AllowanceCommands dossier={dossier} role={session.user.role} />
      {dossier.status === 'approved' && (
        <ChangePanel grant={dossier} role={session.user.role} propose={propose} from={from} />
      )}
      <Application dossier={dossier} sensitive={sensitive} />
      <Papers dossier={dossier} sensitive={sensitive} />
      <ProposalCard dossier={dossier} sensitive={sensitive} />
      <Steps dossier={dossier} sensitive={sensitive} />
    </section>
  );
}

function Rows({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl>
      {rows
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function Application({ dossier, sensitive }: { dossier: AllowanceCase; sensitive: boolean }) {
  const t = useDeskT();
  const dt = useFormDetailsT();
  const words = useListWords();
  const a = dossier.application;
  const p = a.applicant;
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const rows: [string, string][] = [
    [t.allowanceForm, sensitive ? t.deskFormTitles[a.form] : publicForm(a.form, words)],
    [t.allowanceFiledOn, formatVnDate(a.filedOn)],
    [t.allowanceFullName, p.fullName],
    [t.allowanceBirthDate, formatVnDate(p.birthDate)],
    [t.allowanceSex, t.allowanceSexes[p.sex]],
    [t.allowanceEthnicity, ethnicGroupName(p.ethnicity)],
    [t.allowanceCitizenId, p.citizenId ?? ''],
    [
      t.allowanceCitizenIdIssued,
      [formatVnDate(p.citizenIdIssuedOn), p.citizenIdIssuedBy ?? ''].filter(Boolean).join(', '),
    ],
    [t.allowanceResidence, p.residence],
    [t.allowanceLivesWith, p.livesWith ?? ''],
    [t.allowanceHealthInsurance, yesNo(p.hasHealthInsurance)],
    [t.allowanceHousehold, t.allowancePoverty[a.householdPoverty]],
    [
      t.allowanceBenefits,
      a.currentBenefits.map((b) => `${t.allowanceBenefitKinds[b.kind]} ${formatVnd(b.amount)}`).join('; '),
    ],
    [t.allowanceDisability, a.disability ? t.allowanceDisabilityLevels[a.disability.level] : ''],
    [t.allowanceProxy, a.proxy ? `${a.proxy.fullName} (${a.proxy.relation})` : ''],
    [t.allowanceCarer, a.carer ? `${a.carer.fullName} (${a.carer.relation})` : ''],
    // The form's own answers (form-details.ts), a choice said in words.
    ...Object.entries(a.details ?? {}).map(([key, value]): [string, string] => [
      dt.labels[key as DetailKey],
      isChoice(key as DetailKey) ? dt.choices[value as keyof typeof dt.choices] : String(value),
    ]),
  ];
  if (sensitive && dossier.sensitive)
    rows.push([
      t.allowanceHiv,
      dossier.sensitive.hiv ? t.allowanceHivYes(formatVnDate(dossier.sensitive.hivDetectedOn)) : t.no,
    ]);
  return (
    <div class="card" data-testid="allowance-application">
      <h2>{t.allowanceApplication}</h2>
      <Rows rows={rows} />
    </div>
  );
}

function Papers({ dossier, sensitive }: { dossier: AllowanceCase; sensitive: boolean }) {
  const t = useDeskT();
  const a = dossier.application;
  const needed = requiredPapers(a);
  const seen = new Set(a.papers);
  const shown = [...new Set([...needed, ...a.papers])];
  const photos = useLiveQuery(() => photosOnDevice(db, a.photos), [a.photos.join(',')]);
  const name = (paper: (typeof shown)[number]) =>
    paper === 'hiv-certificate' && !sensitive ? t.allowanceOtherPaper : t.allowancePaperNames[paper];
  return (
    <div class="card" data-testid="allowance-papers">
      <h2>{t.allowancePapers}</h2>
      <ul class="plain">
        {shown.map((paper) => (
          <li key={paper} class={seen.has(paper) ? 'ok' : 'deprived'}>
            {seen.has(paper) ? '✓' : '✗'} {name(paper)} —{' '}
            {seen.has(paper) ? t.allowancePaperSeen : t.allowancePaperMissing}
          </li>
        ))}
      </ul>
      <h3>{t.allowancePhotos}</h3>
      {a.photos.length === 0 && <p class="hint">{t.allowanceNoPhotos}</p>}
      <div class="photos">
        {a.photos.map((hash, index) => {
          const photo = photos?.get(hash);
          return photo ? (
            <Photo key={hash} bytes={photo.bytes} mime={photo.mime} alt={t.allowancePhotoAlt(index + 1)} />
          ) : (
            <p class="hint" key={hash}>
              {t.allowancePhotoNotHere(index + 1)}
            </p>
          );
        })}
      </div>
    </div>
  );
}

function Photo(props: { bytes: ArrayBuffer; mime: string; alt: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([props.bytes], { type: props.mime })), [props.bytes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt={props.alt} class="paper-photo" />;
}

export function missingText(t: DeskT, missing: Missing, sensitive: boolean): string {
  switch (missing.what) {
    case 'fullBirthDate':
      return t.allowanceMissingBirthDate;
    case 'paper':
      return t.allowanceMissingPaper(
        missing.paper === 'hiv-certificate' && !sensitive
          ? t.allowanceOtherPaper
          : t.allowancePaperNames[missing.paper],
      );
    case 'hivStatus':
      return t.allowanceMissingSensitive;
    case 'disabilityLevel':
      return t.allowanceMissingDisability;
    case 'noCategory':
      return t.allowanceMissingCategory;
  }
}

/** The month the engine is asked about: the decision's start month once recorded, else this month. */
export const proposalMonth = (dossier: AllowanceCase) => dossier.decision?.startMonth ?? todayIso().slice(0, 7);

function ProposalCard({ dossier, sensitive }: { dossier: AllowanceCase; sensitive: boolean }) {
  const t = useDeskT();
  const lang = useLanguage();
  const words = useListWords();
  const [open, setOpen] = useState(false);
  const month = proposalMonth(dossier);
  const proposal = useMemo(
    () => proposeAllowance(dossier.application, dossier.sensitive, dossier.communeCode, month),
    [dossier, month],
  );
  const line = proposal.answer?.paid.lines.find((l) => l.code === proposal.categoryCode);
  const category =
    sensitive && line ? line.title[lang] : publicCategory(proposal.categoryCode, dossier.application.form, words);
  return (
    <div class="card" data-testid="allowance-proposal">
      <h2>{t.allowanceProposal}</h2>
      <p class="hint">{t.allowanceProposalMonth(formatMonth(month))}</p>
      {proposal.categoryCode ? (
        <Rows
          rows={[
            [t.allowanceCategory, category],
            [t.allowanceCoefficient, formatNumber(proposal.coefficient)],
            [t.allowanceAmount, formatVnd(proposal.amount)],
          ]}
        />
      ) : (
        <p>{t.allowanceNoCategory}</p>
      )}
      {proposal.missing.length > 0 && (
        <>
          <h3>{t.allowanceMissing}</h3>
          <ul class="plain" data-testid="allowance-missing">
            {proposal.missing.map((m) => (
              <li key={JSON.stringify(m)}>{missingText(t, m, sensitive)}</li>
            ))}
          </ul>
        </>
      )}
      {/* The engine's reasons name every category it weighed, HIV ones included: officers only. */}
      {sensitive && proposal.answer && (
        <>
          <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t.hideReasons : t.showReasons}
          </button>
          {open && (
            <ol class="explanation" data-testid="allowance-explanation">
              {proposal.answer.explanation.steps.map((step, index) => (
                <li key={index}>{step[lang]}</li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

function Steps({ dossier, sensitive }: { dossier: AllowanceCase; sensitive: boolean }) {
  const t = useDeskT();
  const lang = useLanguage();
  const words = useListWords();
  const { idCheck, posting, decision, refusal } = dossier;
  const rows: [string, string][] = [];
  if (idCheck)
    rows.push([
      t.allowanceIdCheck,
      [formatVnDate(idCheck.checkedOn), t.allowanceIdResults[idCheck.result], idCheck.note ?? '']
        .filter(Boolean)
        .join(' · '),
    ]);
  if (posting)
    rows.push([
      t.allowancePosting,
      `${t.allowancePostingWindow(formatVnDate(posting.from), formatVnDate(posting.until))} · ${t.allowanceComplaintsUntil(formatVnDate(posting.complaintsUntil))}`,
    ]);
  if (decision) {
    const title = sensitive
      ? (proposeAllowance(
          dossier.application,
          dossier.sensitive,
          dossier.communeCode,
          decision.startMonth,
        ).answer?.paid.lines.find((l) => l.code === decision.categoryCode)?.title[lang] ??
        publicCategory(decision.categoryCode, dossier.application.form, words))
      : publicCategory(decision.categoryCode, dossier.application.form, words);
    rows.push([
      t.allowanceDecision,
      [
        t.allowanceDecisionOf(decision.number, formatVnDate(decision.signedOn)),
        decision.signer,
        title,
        `${t.allowanceCoefficient} ${formatNumber(decision.coefficient)}`,
        formatVnd(decision.amount),
        `${t.allowanceColStart} ${formatMonth(decision.startMonth)}`,
        decision.overrideReason ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  if (refusal)
    rows.push([
      t.allowanceRefusal,
      [refusal.number ?? '', formatVnDate(refusal.signedOn), refusal.signer, refusal.reasons]
        .filter(Boolean)
        .join(' · '),
    ]);
  return (
    <div class="card" data-testid="allowance-steps">
      {rows.length > 0 && <Rows rows={rows} />}
      <h2>{t.allowanceHistory}</h2>
      <ul class="plain" data-testid="allowance-history">
        {dossier.history.map((h, index) => (
          <li key={index}>
            {formatDateTime(h.at)} · {t.allowanceCommands[h.command as keyof typeof t.allowanceCommands] ?? h.command}
            {h.comment ? ` — ${h.comment}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
