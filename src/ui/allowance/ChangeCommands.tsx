/**
 * @module The officer's steps on a proposed change to a decided allowance: the chairman's decision (number, date,
 * signer, the month it takes effect; for an adjustment the category, coefficient and amount pre-filled from the
 * engine on the stored application as the change makes it read, and a reason when they differ; where the grant
 * stands then — all as the server checks it), the written refusal, the return with its reason. Only the steps the workflow allows (commandsFor), each
 * checked by it before it is queued; what the server refuses comes back on the dossier.
 */
import { DecisionFigures } from './DecisionFigures';
import { useMemo, useState } from 'preact/hooks';
import type { AllowanceCase } from '../../db/cases';
import { decidedChanges, decidedGrant, type ChangeCase } from '../../db/change-cases';
import { changeProblem } from '../../db/allowance-changes';
import { adjustedApplication, checkAdjustment } from '../../shared/allowance-history';
import { currentApplication } from './change-lists';
import { formGrants, grantRule, proposeAllowance } from '../../shared/allowance-proposal';
import type { Role } from '../../shared/roles';
import { commandsFor, type CaseCommand } from '../../shared/workflow';
import { useLanguage, useSay } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { formatEditable, formatNumber, formatVnd, parseQuantity } from '../format';
import { TextAreaField, TextField } from '../fields';
import { formatMonth, useDeskT } from './words';
import { fullDay, parseMonth } from './desk-input';
import { RefusalForm, ReturnForm, Submit, useGive, type FormProps } from './AllowanceCommands';
import { useChangeTexts } from './change-texts';

interface Props {
  change: ChangeCase;
  grant: AllowanceCase;
  /** The grant's changes on the device (its decided adjustments make the application read as it now does). */
  changes: readonly ChangeCase[];
  role: Role;
}

export function ChangeCommands(props: Props) {
  const t = useDeskT();
  const c = useChangeTexts();
  const commands = commandsFor('allowance-change', props.change.status, props.role).filter((x) => x !== 'submit');
  const [open, setOpen] = useState<CaseCommand | undefined>(undefined);
  const [queued, setQueued] = useState(false);
  if (commands.length === 0) return queued ? <p class="hint">{t.allowanceStepQueued}</p> : null;
  const target = { kind: 'allowance-change', id: props.change.id, status: props.change.status } as const;
  const form: FormProps | undefined = open && {
    command: open,
    target,
    role: props.role,
    onDone: () => {
      setOpen(undefined);
      setQueued(true);
    },
  };
  return (
    <div data-testid="change-commands">
      <div class="actions">
        {commands.map((command) => (
          <button
            type="button"
            key={command}
            class={open === command ? '' : 'secondary'}
            aria-expanded={open === command}
            onClick={() => setOpen(open === command ? undefined : command)}
          >
            {command === 'approve' ? c.changeDecide : t.allowanceCommands[command]}
          </button>
        ))}
      </div>
      {queued && !open && <p class="hint">{t.allowanceStepQueued}</p>}
      {form?.command === 'approve' && <ChangeDecisionForm key="approve" {...form} {...props} />}
      {form?.command === 'reject' && <RefusalForm key="reject" {...form} />}
      {form?.command === 'return' && <ReturnForm key="return" {...form} />}
    </div>
  );
}

function ChangeDecisionForm(props: FormProps & Props) {
  const t = useDeskT();
  const c = useChangeTexts();
  const lang = useLanguage();
  const say = useSay();
  const { change, grant } = props;
  const adjust = change.change.change === 'adjust';
  const { give, error, setError } = useGive(props);
  // The stored application after the adjustments already decided, as the server checks an adjustment against it.
  const application = useMemo(() => currentApplication(grant, props.changes), [grant, props.changes]);
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState(formatVnDate(todayIso()));
  const [signer, setSigner] = useState('');
  const [effective, setEffective] = useState(formatMonth(change.change.effectiveMonth));
  const day = fullDay(signedOn);
  const month = parseMonth(effective);
  // The engine's figures for the month it takes effect, on the application as the change makes it read.
  const proposal = useMemo(
    () =>
      adjust
        ? proposeAllowance(
            adjustedApplication(application, change.change),
            grant.sensitive,
            grant.communeCode,
            month ?? change.change.effectiveMonth,
            (day ?? todayIso()).slice(0, 7),
          )
        : undefined,
    [adjust, application, change, grant, month, day],
  );
  const [category, setCategory] = useState(proposal?.categoryCode ?? '');
  const [coefficient, setCoefficient] = useState(formatEditable(proposal?.coefficient ?? 0, 'coefficient'));
  const [amount, setAmount] = useState(formatEditable(proposal?.amount ?? 0, 'VND'));
  const [reason, setReason] = useState('');
  const parsedAmount = parseQuantity(amount, 'VND');
  const parsedCoefficient = parseQuantity(coefficient, 'coefficient');
  const figures =
    adjust && parsedAmount.ok && parsedCoefficient.ok
      ? { categoryCode: category, coefficient: parsedCoefficient.value, amount: parsedAmount.value }
      : {};
  const decision =
    day && month && (!adjust || (parsedAmount.ok && parsedCoefficient.ok))
      ? { number: number.trim(), signedOn: day, signer: signer.trim(), effectiveMonth: month, ...figures }
      : undefined;
  // What the server will check: an adjustment the engine disagrees with stands only with a reason.
  const check =
    adjust && decision
      ? checkAdjustment(application, grant.sensitive, grant.communeCode, change.change, decision)
      : undefined;
  const differs = check !== undefined && !check.ok;
  const options = formGrants(grant.application.form).map(
    (code) => [code, grantRule(code, month ?? change.change.effectiveMonth)?.title[lang] ?? code] as const,
  );
  const submit = (e: Event) => {
    e.preventDefault();
    if (!decision) return setError(!day ? t.allowanceBadDate : !month ? t.allowanceBadMonth : undefined);
    if (differs && !reason.trim()) return setError(t.allowanceOverrideNeeded);
    // Where the grant stands in that month, as the server checks it first.
    const decided = decidedGrant(grant);
    const problem =
      decided && changeProblem(decided, decidedChanges(props.changes), change.change, decision.effectiveMonth);
    if (problem) return setError(say(problem));
    void give({ ...decision, ...(differs ? { overrideReason: reason.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} data-testid="form-change-approve">
      <TextField name="decisionNumber" label={t.allowanceDecisionNumber} value={number} onInput={setNumber} />
      <TextField
        name="signedOn"
        label={t.allowanceSignedOn}
        value={signedOn}
        onInput={setSignedOn}
        error={signedOn && !day ? t.allowanceBadDate : undefined}
      />
      <TextField name="signer" label={t.allowanceSigner} value={signer} onInput={setSigner} />
      <TextField
        name="effectiveMonth"
        label={c.changeEffectiveMonth}
        value={effective}
        onInput={setEffective}
        error={effective && !month ? t.allowanceBadMonth : undefined}
      />
      {adjust && (
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
      )}
      {check && !check.ok && (
        <>
          <p class="hint" data-testid="decision-differs">
            {t.allowanceOverrideNeeded}{' '}
            {c.changeEngineSays(formatNumber(check.expected.coefficient), formatVnd(check.expected.amount))}
          </p>
          <TextAreaField name="overrideReason" label={t.allowanceOverrideReason} value={reason} onInput={setReason} />
        </>
      )}
      <Submit error={error} />
    </form>
  );
}
