/**
 * @module The officer's steps on an allowance dossier, each with the form of what it records: the ID checked
 * against the population database, the public posting, the chairman's decision (pre-filled from the engine's
 * proposal; a decision that differs needs its reason, as the server requires), the written refusal, the return.
 * Only the steps the workflow allows this role in this status are offered (commandsFor); each is checked by the
 * same workflow before it is queued, and what the server refuses comes back on the dossier.
 */
import { DecisionFigures } from './DecisionFigures';
import { useMemo, useState } from 'preact/hooks';
import { giveCaseCommand, type AllowanceCase } from '../../db/cases';
import { checkDecision, formGrants, grantRule, proposeAllowance } from '../../shared/allowance-proposal';
import type { Role } from '../../shared/roles';
import { commandsFor, type CaseCommand, type CaseKind, type CaseStatus } from '../../shared/workflow';
import { db } from '../services';
import { useLanguage, useSay } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { formatEditable, formatNumber, formatVnd, parseQuantity } from '../format';
import { SelectField, TextAreaField, TextField } from '../fields';
import { formatMonth, useDeskT } from './words';
import { fullDay, parseMonth } from './desk-input';

export function AllowanceCommands({ dossier, role }: { dossier: AllowanceCase; role: Role }) {
  const t = useDeskT();
  const commands = commandsFor('allowance', dossier.status, role).filter((c) => c !== 'submit');
  const [open, setOpen] = useState<CaseCommand | undefined>(undefined);
  const [queued, setQueued] = useState(false);
  if (commands.length === 0) return queued ? <p class="card hint">{t.allowanceStepQueued}</p> : null;
  const done = () => {
    setOpen(undefined);
    setQueued(true);
  };
  return (
    <div class="card" data-testid="allowance-commands">
      <div class="actions">
        {commands.map((command) => (
          <button
            type="button"
            key={command}
            class={open === command ? '' : 'secondary'}
            aria-expanded={open === command}
            onClick={() => setOpen(open === command ? undefined : command)}
          >
            {t.allowanceCommands[command]}
          </button>
        ))}
      </div>
      {queued && !open && <p class="hint">{t.allowanceStepQueued}</p>}
      {open && <CommandForm key={open} command={open} dossier={dossier} role={role} onDone={done} />}
    </div>
  );
}

function CommandForm(props: { command: CaseCommand; dossier: AllowanceCase; role: Role; onDone: () => void }) {
  const target = { kind: 'allowance', id: props.dossier.id, status: props.dossier.status } as const;
  return <StepForm {...props} target={target} />;
}

function StepForm(props: FormProps & { dossier: AllowanceCase }) {
  switch (props.command) {
    case 'verify':
      return <VerifyForm {...props} />;
    case 'post':
      return <PostForm {...props} />;
    case 'approve':
      return <DecisionForm {...props} />;
    case 'reject':
      return <RefusalForm {...props} />;
    default:
      return <ReturnForm {...props} />;
  }
}

/** The case a step is given on: an application or a change to one (src/shared/workflow.ts). */
export interface CaseTarget {
  kind: CaseKind;
  id: string;
  status: CaseStatus;
}
export type FormProps = { command: CaseCommand; target: CaseTarget; role: Role; onDone: () => void };

/** Gives the step; answers the workflow's refusal in the user's words, or nothing once queued. */
export function useGive(props: FormProps) {
  const say = useSay();
  const [error, setError] = useState<string | undefined>(undefined);
  const give = async (payload?: Record<string, unknown>, comment?: string) => {
    const check = await giveCaseCommand(
      db,
      {
        kind: props.target.kind,
        caseId: props.target.id,
        status: props.target.status,
        role: props.role,
        command: props.command,
        comment,
        payload,
      },
      Date.now(),
    );
    if (check.ok) props.onDone();
    else setError(say(check.reason));
  };
  return { give, error, setError };
}

export function Submit({ error, disabled }: { error: string | undefined; disabled?: boolean }) {
  const t = useDeskT();
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={disabled ?? false}>
        {t.allowanceRecord}
      </button>
    </>
  );
}

function VerifyForm(props: FormProps) {
  const t = useDeskT();
  const { give, error, setError } = useGive(props);
  const [date, setDate] = useState(formatVnDate(todayIso()));
  const [result, setResult] = useState<'matches' | 'differs'>('matches');
  const [note, setNote] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const checkedOn = fullDay(date);
    if (!checkedOn) return setError(t.allowanceBadDate);
    void give({ checkedOn, result, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} data-testid="form-verify">
      <TextField name="checkedOn" label={t.allowanceCheckedOn} value={date} onInput={setDate} />
      <SelectField
        name="idResult"
        label={t.allowanceIdResult}
        value={result}
        options={[
          ['matches', t.allowanceIdResults.matches],
          ['differs', t.allowanceIdResults.differs],
        ]}
        onChange={setResult}
      />
      <TextAreaField name="idNote" label={t.allowanceNote} value={note} onInput={setNote} />
      <Submit error={error} />
    </form>
  );
}

function PostForm(props: FormProps) {
  const t = useDeskT();
  const { give, error } = useGive(props);
  return (
    <form
      data-testid="form-post"
      onSubmit={(e) => {
        e.preventDefault();
        void give();
      }}
    >
      <p>{t.allowancePostConfirm}</p>
      <Submit error={error} />
    </form>
  );
}

function DecisionForm(props: FormProps & { dossier: AllowanceCase }) {
  const t = useDeskT();
  const lang = useLanguage();
  const _say = useSay();
  const { dossier } = props;
  const { give, error, setError } = useGive(props);
  const thisMonth = todayIso().slice(0, 7);
  // The engine's proposal pre-fills the form: its category, coefficient, amount and the month it starts.
  const initial = useMemo(() => {
    const p = proposeAllowance(dossier.application, dossier.sensitive, dossier.communeCode, thisMonth);
    const start = p.answer?.start.find((s) => s.code === p.categoryCode)?.month ?? thisMonth;
    // Never before the month the chairman signs in (this month, at the earliest).
    const later = [start, thisMonth].sort()[1] ?? thisMonth;
    return { proposal: p, start: later };
  }, [dossier, thisMonth]);
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState(formatVnDate(todayIso()));
  const [signer, setSigner] = useState('');
  const [category, setCategory] = useState(initial.proposal.categoryCode ?? '');
  const [coefficient, setCoefficient] = useState(formatEditable(initial.proposal.coefficient, 'coefficient'));
  const [amount, setAmount] = useState(formatEditable(initial.proposal.amount, 'VND'));
  const [startMonth, setStartMonth] = useState(formatMonth(initial.start));
  const [reason, setReason] = useState('');
  // A care form grants a support of Art. 20; the others a category of Art. 5.
  const options = formGrants(dossier.application.form).map(
    (code) => [code, grantRule(code, initial.start)?.title[lang] ?? code] as const,
  );
  const parsedAmount = parseQuantity(amount, 'VND');
  const parsedCoefficient = parseQuantity(coefficient, 'coefficient');
  const day = fullDay(signedOn);
  const month = parseMonth(startMonth);
  const decision =
    parsedAmount.ok && parsedCoefficient.ok && day && month
      ? {
          number: number.trim(),
          signedOn: day,
          signer: signer.trim(),
          categoryCode: category,
          coefficient: parsedCoefficient.value,
          amount: parsedAmount.value,
          startMonth: month,
        }
      : undefined;
  // What the server will check: a decision the engine disagrees with stands only with a reason.
  const expected = decision
    ? checkDecision(dossier.application, dossier.sensitive, dossier.communeCode, decision)
    : undefined;
  const differs = expected !== undefined && !expected.ok;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!decision) return setError(!day ? t.allowanceBadDate : !month ? t.allowanceBadMonth : undefined);
    if (differs && !reason.trim()) return setError(t.allowanceOverrideNeeded);
    void give({ ...decision, ...(differs ? { overrideReason: reason.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} data-testid="form-approve">
      <TextField name="decisionNumber" label={t.allowanceDecisionNumber} value={number} onInput={setNumber} />
      <TextField
        name="signedOn"
        label={t.allowanceSignedOn}
        value={signedOn}
        onInput={setSignedOn}
        error={signedOn && !day ? t.allowanceBadDate : undefined}
      />
      <TextField name="signer" label={t.allowanceSigner} value={signer} onInput={setSigner} />
      <DecisionFigures
        options={options}
        category={category}
        onCategory={setCategory}
        coefficient={coefficient}
        onCoefficient={setCoefficient}
        parsedCoefficient={parsedCoefficient}
        amount={amount}
        onAmount={setAmount}
        parsedAmount={parsedAmount}
      />
      <TextField
        name="startMonth"
        label={t.allowanceStartMonth}
        value={startMonth}
        onInput={setStartMonth}
        error={startMonth && !month ? t.allowanceBadMonth : undefined}
      />
      {expected && !expected.ok && (
        <>
          <p class="hint" data-testid="decision-differs">
            {t.allowanceOverrideNeeded} {t.allowanceProposal}: {formatNumber(expected.expected.coefficient)} ·{' '}
            {formatVnd(expected.expected.amount)}
          </p>
          <TextAreaField name="overrideReason" label={t.allowanceOverrideReason} value={reason} onInput={setReason} />
        </>
      )}
      <Submit error={error} />
    </form>
  );
}

export function RefusalForm(props: FormProps) {
  const t = useDeskT();
  const { give, error, setError } = useGive(props);
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState(formatVnDate(todayIso()));
  const [signer, setSigner] = useState('');
  const [reasons, setReasons] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const day = fullDay(signedOn);
    if (!day) return setError(t.allowanceBadDate);
    void give({
      ...(number.trim() ? { number: number.trim() } : {}),
      signedOn: day,
      signer: signer.trim(),
      reasons: reasons.trim(),
    });
  };
  return (
    <form onSubmit={submit} data-testid="form-reject">
      <TextField name="refusalNumber" label={t.allowanceRefusalNumber} value={number} onInput={setNumber} />
      <TextField name="refusalSignedOn" label={t.allowanceSignedOn} value={signedOn} onInput={setSignedOn} />
      <TextField name="refusalSigner" label={t.allowanceSigner} value={signer} onInput={setSigner} />
      <TextAreaField name="refusalReasons" label={t.allowanceReasons} value={reasons} onInput={setReasons} />
      <Submit error={error} disabled={!reasons.trim()} />
    </form>
  );
}

export function ReturnForm(props: FormProps) {
  const t = useDeskT();
  const { give, error } = useGive(props);
  const [reason, setReason] = useState('');
  return (
    <form
      data-testid="form-return"
      onSubmit={(e) => {
        e.preventDefault();
        void give(undefined, reason);
      }}
    >
      <TextAreaField name="returnReason" label={t.allowanceReturnReason} value={reason} onInput={setReason} />
      <Submit error={error} disabled={!reason.trim()} />
    </form>
  );
}
