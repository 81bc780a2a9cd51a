/**
 * @module "Thay đổi trợ cấp" on the dossier of an approved grant: where it stands this month after its decided
 * changes (state, coefficient, amount — a new M followed without a decision — and the basis, for those who may
 * read it), the burial support for one who died, its changes with their status, decision or refusal and what the
 * server refused, the officer's steps on an open one (ChangeCommands), and the form to propose one (ChangeForm)
 * offering only the kinds that fit where it stands.
 */
import { useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AllowanceCase } from '../../db/cases';
import { changesOfGrant, type ChangeCase } from '../../db/change-cases';
import { dismissRejection, pendingRecordIds, rejectionsOf } from '../../db/queue';
import type { Rejection } from '../../db/database';
import { CHANGE_KINDS, type ChangeKind } from '../../shared/records/allowance-change';
import type { Role } from '../../shared/roles';
import { commandsFor } from '../../shared/workflow';
import { db } from '../services';
import { problemOf, useLanguage, useSay } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { formatNumber, formatVnd } from '../format';
import { SEES_SENSITIVE, formatMonth, useDeskT } from './words';
import { useChangeTexts } from './change-texts';
import { dueChanges, kindsThatApply, stateSince, standingOf } from './change-lists';
import { ChangeForm } from './ChangeForm';
import { ChangeCommands } from './ChangeCommands';

/** A refused save of a change case proposed on this grant (its fields are sent as [value, base version]). */
function proposes(rejection: Rejection, grantId: string): boolean {
  const op = rejection.op;
  if (op.kind !== 'patch' || op.type !== 'case') return false;
  const data = (op.fields as Record<string, unknown>).data;
  const value = Array.isArray(data) ? (data[0] as { grantCaseId?: unknown } | undefined) : undefined;
  return value?.grantCaseId === grantId;
}

const asKind = (text: unknown): ChangeKind | undefined => CHANGE_KINDS.find((k) => k === text);
/** A month from the address (yyyy-mm), or nothing. */
const asMonth = (text: unknown): string | undefined =>
  typeof text === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : undefined;

export function ChangePanel(props: {
  grant: AllowanceCase;
  role: Role;
  /** From the address: checked here (the route passes them as given). */
  propose?: unknown;
  from?: unknown;
}) {
  const c = useChangeTexts();
  const t = useDeskT();
  const say = useSay();
  const lang = useLanguage();
  const { grant, role } = props;
  const month = todayIso().slice(0, 7);
  const state = useLiveQuery(async () => {
    const changes = await changesOfGrant(db, grant);
    const rejections = new Map<string, Rejection[]>();
    for (const change of changes) rejections.set(change.id, await rejectionsOf(db, change.id));
    // A proposal the server refused whole is taken off the device: its refusal is still shown here.
    const known = new Set(changes.map((change) => change.id));
    const orphans = (await rejectionsOf(db)).filter((r) => !known.has(r.recordId) && proposes(r, grant.id));
    return { changes, rejections, orphans, pending: await pendingRecordIds(db) };
  }, [grant.id, grant.subjectId]);
  const [proposing, setProposing] = useState(asKind(props.propose) !== undefined);
  const [sent, setSent] = useState(false);
  if (!state) return null;
  const standing = standingOf(grant, state.changes, month);
  if (!standing)
    return (
      <div class="card" data-testid="change-panel">
        <h2>{c.changePanel}</h2>
        <p>{c.changeNotDecided}</p>
      </div>
    );
  const kinds = kindsThatApply(standing.state);
  const mayPropose = commandsFor('allowance-change', 'draft', role).includes('submit') && kinds.length > 0;
  const since = stateSince(grant, state.changes, standing.state, month);
  const line = standing.line;
  return (
    <div class="card" data-testid="change-panel">
      <h2>{c.changePanel}</h2>
      <p class="hint">{c.changeThisMonth(formatMonth(month))}</p>
      <dl data-testid="change-standing">
        <div>
          <dt>{c.changeState}</dt>
          <dd data-testid="standing-state">{c.changeStateSince(c.changeStates[standing.state], formatMonth(since))}</dd>
        </div>
        {line?.coefficient !== undefined && (
          <div>
            <dt>{t.allowanceCoefficient}</dt>
            <dd>{formatNumber(line.coefficient)}</dd>
          </div>
        )}
        <div>
          <dt>{t.allowanceAmount}</dt>
          <dd data-testid="standing-amount">{formatVnd(line?.amount ?? 0)}</dd>
        </div>
        {/* The basis names the category (an HIV one too): for those who may read it. */}
        {line && SEES_SENSITIVE.includes(role) && (
          <div>
            <dt>{c.changeBasis}</dt>
            <dd>{line.basis[lang]}</dd>
          </div>
        )}
        {standing.burial && (
          <div>
            <dt>{c.changeBurial}</dt>
            <dd data-testid="standing-burial">
              {formatVnd(standing.burial.amount)} · {standing.burial.basis[lang]}
            </dd>
          </div>
        )}
      </dl>
      <h3>{c.changeList}</h3>
      {state.changes.length === 0 && <p class="hint">{c.changeNone}</p>}
      <ul class="plain">
        {state.changes.map((change) => (
          <ChangeRow
            key={change.id}
            change={change}
            grant={grant}
            changes={state.changes}
            kinds={mayPropose ? kinds : []}
            month={month}
            role={role}
            pending={state.pending.has(change.id)}
            rejections={state.rejections.get(change.id) ?? []}
          />
        ))}
      </ul>
      {state.orphans.map((r) => (
        <p class="error" key={r.seq} data-testid="change-rejection">
          {t.rejectedBecause} {say(problemOf(r))}{' '}
          <button type="button" class="secondary" onClick={() => void dismissRejection(db, r.seq)}>
            {t.dismiss}
          </button>
        </p>
      ))}
      {sent && !proposing && <p class="hint">{c.changeSent}</p>}
      {mayPropose && (
        <button
          type="button"
          class={proposing ? '' : 'secondary'}
          aria-expanded={proposing}
          onClick={() => setProposing(!proposing)}
        >
          {c.changePropose}
        </button>
      )}
      {mayPropose && proposing && (
        <ChangeForm
          grant={grant}
          kinds={kinds}
          due={dueChanges(grant, state.changes, month)}
          initialKind={asKind(props.propose)}
          initialMonth={asMonth(props.from)}
          onDone={() => {
            setProposing(false);
            setSent(true);
          }}
        />
      )}
    </div>
  );
}

function ChangeRow(props: {
  change: ChangeCase;
  grant: AllowanceCase;
  changes: readonly ChangeCase[];
  /** The kinds a change may be proposed as now (none when this role may not propose). */
  kinds: readonly ChangeKind[];
  month: string;
  role: Role;
  pending: boolean;
  rejections: Rejection[];
}) {
  const c = useChangeTexts();
  const t = useDeskT();
  const say = useSay();
  const [correcting, setCorrecting] = useState(false);
  const mayCorrect = props.change.status === 'returned' && props.kinds.length > 0 && !props.pending;
  const { change: row } = props;
  const d = row.decision;
  const parts = [
    t.allowanceChangeKinds[row.change.change],
    c.changeReasons[row.change.reason],
    c.changeFrom(formatMonth(d?.effectiveMonth ?? row.change.effectiveMonth)),
    row.change.eventOn ? formatVnDate(row.change.eventOn) : '',
  ].filter(Boolean);
  return (
    <li data-testid="change-row" data-kind={row.change.change} data-status={row.status}>
      <p>
        {parts.join(' · ')} · <strong data-testid="change-status">{say.words.statuses[row.status]}</strong>
        {props.pending ? ` (${t.waitingToSend})` : ''}
      </p>
      {d && (
        <p>
          {[
            c.changeDecisionOf(d.number, formatVnDate(d.signedOn)),
            d.signer,
            d.coefficient !== undefined ? `${t.allowanceCoefficient} ${formatNumber(d.coefficient)}` : '',
            d.amount !== undefined ? formatVnd(d.amount) : '',
            d.burialAmount !== undefined ? c.changeBurialAmount(formatVnd(d.burialAmount)) : '',
            d.overrideReason ?? '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {row.refusal && <p>{c.changeRefusalOf(formatVnDate(row.refusal.signedOn), row.refusal.reasons)}</p>}
      {row.status === 'returned' && row.history.at(-1)?.comment && (
        <p>
          {t.allowanceCommands.return}: {row.history.at(-1)?.comment}
        </p>
      )}
      {props.rejections.map((r) => (
        <p class="error" key={r.seq} data-testid="change-rejection">
          {t.rejectedBecause} {say(problemOf(r))}{' '}
          <button type="button" class="secondary" onClick={() => void dismissRejection(db, r.seq)}>
            {t.dismiss}
          </button>
        </p>
      ))}
      <ChangeCommands change={row} grant={props.grant} changes={props.changes} role={props.role} />
      {mayCorrect && (
        <button
          type="button"
          class={correcting ? '' : 'secondary'}
          aria-expanded={correcting}
          onClick={() => setCorrecting(!correcting)}
        >
          {c.changeCorrect}
        </button>
      )}
      {mayCorrect && correcting && (
        <ChangeForm
          grant={props.grant}
          kinds={props.kinds}
          due={dueChanges(props.grant, props.changes, props.month)}
          again={row}
          onDone={() => setCorrecting(false)}
        />
      )}
    </li>
  );
}
