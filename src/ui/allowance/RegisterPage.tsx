/**
 * @module The beneficiary register of the commune chosen, for this month: who receives the monthly allowance under
 * a decision and where each stands after its decided changes (receiving, suspended, stopped, moved out, from which
 * month), the category (said neutrally where it would tell HIV status), this month's coefficient and amount, the
 * decision and the last change decision, the burial support for one who died; how many are paid and the monthly
 * total; and the changes the engine finds due (turning 80…), each opening the change form pre-filled.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { allowanceCases, type AllowanceCase } from '../../db/cases';
import { changeCases, type ChangeCase } from '../../db/change-cases';
import { db } from '../services';
import { formatVnDate, todayIso } from '../dates';
import { formatNumber, formatVnd } from '../format';
import { useWorkplace } from '../use-commune';
import { registerInput, registerRow, registerTotals, type RegisterRow } from './register';
import type { ListWords } from './lists';
import { formatMonth, useDeskT, useListWords } from './words';
import { useChangeTexts } from './change-texts';

/**
 * Rows worked out already, by what they came from (the grant's and its changes' versions, the month, the
 * language): each row runs the benefit timeline, so a sync that changes one grant works out that one again only.
 */
const worked = new Map<string, RegisterRow>();
const MAX_WORKED = 5000;

function rowKey(grant: AllowanceCase, own: readonly ChangeCase[], month: string, lang: string): string {
  return [grant.id, grant.version, month, lang, ...own.map((c) => `${c.id}:${c.version}`)].join('|');
}

/**
 * The register worked out a slice at a time (about 30 ms each), so a commune of hundreds of beneficiaries never
 * holds the screen still; undefined until every row is there the first time, with how many are done meanwhile.
 */
function useRegister(
  cases: { grants: AllowanceCase[]; changes: ChangeCase[] } | undefined,
  month: string,
  words: ListWords,
) {
  const input = useMemo(() => (cases ? registerInput(cases.grants, cases.changes) : undefined), [cases]);
  const [register, setRegister] = useState<ReturnType<typeof registerTotals> | undefined>(undefined);
  const [done, setDone] = useState(0);
  useEffect(() => {
    if (!input) return;
    let stopped = false;
    const rows: RegisterRow[] = [];
    let next = 0;
    const slice = () => {
      if (stopped) return;
      const until = performance.now() + 30;
      while (next < input.length && performance.now() < until) {
        const item = input[next++];
        if (!item) continue;
        const key = rowKey(item.grant, item.own, month, words.lang);
        let row = worked.get(key);
        if (!row) {
          row = registerRow(item.grant, item.own, month, words);
          if (worked.size >= MAX_WORKED) worked.clear();
          worked.set(key, row);
        }
        rows.push(row);
      }
      setDone(next);
      if (next < input.length) setTimeout(slice, 0);
      else setRegister(registerTotals(rows));
    };
    slice();
    return () => {
      stopped = true;
    };
  }, [input, month, words.lang, words.neutralCategory]);
  // While a change is worked out, the register as it was stays on screen.
  return { register, done, of: input?.length ?? 0 };
}

export function RegisterPage() {
  const t = useDeskT();
  const c = useChangeTexts();
  const words = useListWords();
  const { commune } = useWorkplace();
  const month = todayIso().slice(0, 7);
  const cases = useLiveQuery(
    async () =>
      commune ? { grants: await allowanceCases(db, commune), changes: await changeCases(db, commune) } : undefined,
    [commune],
  );
  const { register, done, of } = useRegister(cases, month, words);
  if (!cases) return null;
  const due = register?.rows.filter((r) => r.due.length > 0) ?? [];
  return (
    <section class="card" data-testid="allowance-register">
      <Link to="/review">← {t.back}</Link>
      <h1>{t.allowanceRegisterTitle}</h1>
      <p class="hint">{c.registerMonth(formatMonth(month))}</p>
      {!register ? (
        <p class="hint" data-testid="register-working">
          {c.registerWorking(done, of)}
        </p>
      ) : register.rows.length === 0 ? (
        <p>{t.allowanceRegisterEmpty}</p>
      ) : (
        <>
          <p data-testid="register-total">{t.allowanceRegisterTotal(register.count, formatVnd(register.total))}</p>
          <table>
            <thead>
              <tr>
                <th>{t.allowanceColNumber}</th>
                <th>{t.allowanceColName}</th>
                <th>{t.allowanceColCategory}</th>
                <th>{c.colState}</th>
                <th>{t.allowanceCoefficient}</th>
                <th>{c.colThisMonth}</th>
                <th>{t.allowanceColDecision}</th>
                <th>{c.colLastChange}</th>
              </tr>
            </thead>
            <tbody>
              {register.rows.map((row, index) => (
                <Row key={row.id} row={row} index={index} />
              ))}
            </tbody>
          </table>
        </>
      )}
      {due.length > 0 && (
        <div data-testid="register-due">
          <h2>{c.dueTitle}</h2>
          <ul class="plain">
            {due.flatMap((row) =>
              row.due.map((d) => (
                <li key={`${row.id}-${d.kind}-${d.effectiveMonth}`} data-testid="due-change">
                  <strong>{row.fullName}</strong> ·{' '}
                  {d.kind === 'adjust'
                    ? c.dueAdjust(formatMonth(d.effectiveMonth), d.category, formatNumber(d.coefficient ?? 0))
                    : c.dueStop(formatMonth(d.effectiveMonth))}{' '}
                  <Link
                    to="/allowances/$caseId"
                    params={{ caseId: row.id }}
                    search={{ propose: d.kind, from: d.effectiveMonth }}
                  >
                    {c.dueOpen}
                  </Link>
                </li>
              )),
            )}
          </ul>
        </div>
      )}
    </section>
  );
}

function Row({ row, index }: { row: RegisterRow; index: number }) {
  const t = useDeskT();
  const c = useChangeTexts();
  const state = row.state ? c.changeStateSince(c.changeStates[row.state], formatMonth(row.since)) : '';
  return (
    <tr data-testid="register-row" data-state={row.state ?? 'pending'}>
      <td>{index + 1}</td>
      <td>
        <Link to="/allowances/$caseId" params={{ caseId: row.id }}>
          {row.fullName}
        </Link>
      </td>
      <td>{row.category}</td>
      {row.decision ? (
        <>
          <td data-testid="register-state">
            {state}
            {row.burial && (
              <>
                <br />
                {c.changeBurialAmount(formatVnd(row.burial.amount))}
              </>
            )}
          </td>
          <td>{row.coefficient === undefined ? '' : formatNumber(row.coefficient)}</td>
          <td data-testid="register-amount">{formatVnd(row.amount)}</td>
          <td>
            {t.allowanceDecisionOf(row.decision.number, formatVnDate(row.decision.signedOn))} · {t.allowanceColStart}{' '}
            {formatMonth(row.decision.startMonth)}
          </td>
          <td>
            {row.lastChange &&
              `${t.allowanceChangeKinds[row.lastChange.kind]} ${c.changeFrom(formatMonth(row.lastChange.effectiveMonth))} · ${t.allowanceDecisionOf(row.lastChange.number, formatVnDate(row.lastChange.signedOn))}`}
          </td>
        </>
      ) : (
        <td colSpan={5}>{t.allowanceDecisionPending}</td>
      )}
    </tr>
  );
}
