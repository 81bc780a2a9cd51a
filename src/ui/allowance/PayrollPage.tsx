/**
 * @module The commune's payroll month for the officer (issue 13): the server makes it from the decisions
 * (GET /api/payroll/:code/:month), so it needs the network; shown as the signature list with its totals, the
 * increase/decrease list and the suspensions proposed; downloaded as XLSX or a bank's CSV; printed on A4 landscape.
 * Categories are not on this screen, so nothing on it can tell HIV status.
 */
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import type { Payroll } from '../../domain/payroll/payroll';
import type { PayrollMonthView } from '../../shared/payroll-steps';
import { PayrollSteps } from './PayrollSteps';
import { useSession } from '../services';
import { todayIso } from '../dates';
import { formatVnd } from '../format';
import { TextField } from '../fields';
import { useWorkplace } from '../use-commune';
import { useLanguage, useSay } from '../i18n';
import type { Message } from '../../shared/messages';
import { formatMonth } from './words';
import { parseMonth } from './desk-input';
import { usePayrollT } from './payroll-texts';

/** The month the list is being made for: the next one (Art. 34: the list goes to the payer before the 25th). */
const nextMonth = () => {
  const [y, m] = todayIso().split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

export function PayrollPage() {
  const t = usePayrollT();
  const session = useSession();
  const say = useSay();
  const { commune } = useWorkplace();
  const [typed, setTyped] = useState(formatMonth(nextMonth()));
  const [view, setView] = useState<PayrollMonthView | undefined>();
  const list = view?.list;
  const [error, setError] = useState<string | undefined>();
  if (!session || !commune) return null;
  const communeName = session.user.communes.find((c) => c.code === commune)?.name ?? commune;
  const month = parseMonth(typed);
  const auth = { Authorization: `Bearer ${session.token}` };

  async function make() {
    if (!month) return;
    setError(undefined);
    try {
      const answer = await fetch(`/api/payroll/${commune}/${month}`, { headers: auth });
      const body = (await answer.json()) as PayrollMonthView & { error?: { message: string } };
      if (!answer.ok) return setError(t.payrollFailed(body.error?.message ?? String(answer.status)));
      setView(body);
    } catch {
      setError(t.payrollOnline);
    }
  }

  /** One step on the month shown; the month comes back as it now stands. */
  async function take(step: 'approve' | 'lock' | 'reopen', body: unknown): Promise<string | undefined> {
    if (!list) return undefined;
    try {
      const answer = await fetch(`/api/payroll/${list.commune}/${list.month}/${step}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const back = (await answer.json()) as PayrollMonthView & { error?: { message: string; problem?: Message } };
      if (!answer.ok) return t.stepFailed(say(back.error?.problem ?? back.error?.message ?? String(answer.status)));
      setView(back);
      return undefined;
    } catch {
      return t.payrollOnline;
    }
  }

  async function download(kind: 'xlsx' | 'csv') {
    if (!list) return;
    try {
      const answer = await fetch(`/api/payroll/${list.commune}/${list.month}/${kind}`, { headers: auth });
      if (!answer.ok) return setError(t.payrollFailed(String(answer.status)));
      const name = /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '')?.[1] ?? `payroll.${kind}`;
      const url = URL.createObjectURL(await answer.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError(t.payrollOnline);
    }
  }

  return (
    <section class="print-list payroll-print" data-testid="payroll">
      <div class="no-print card">
        <Link to="/review">← {t.back}</Link>
        <h1>{t.payrollTitle}</h1>
        <p class="hint">{t.payrollOnline}</p>
        <TextField name="payroll-month" label={t.payrollMonth} value={typed} onInput={setTyped} />
        <p class="actions">
          <button type="button" disabled={!month} onClick={() => void make()}>
            {t.payrollShow}
          </button>
          {list && (
            <>
              <button type="button" class="secondary" onClick={() => void download('xlsx')}>
                {t.downloadXlsx}
              </button>
              <button type="button" class="secondary" onClick={() => void download('csv')}>
                {t.downloadCsv}
              </button>
              <button type="button" class="secondary" onClick={() => window.print()}>
                {t.print}
              </button>
            </>
          )}
        </p>
        {error && (
          <p class="error" data-testid="payroll-error">
            {error}
          </p>
        )}
      </div>
      {view && <PayrollSteps view={view} take={take} />}
      {list && <PayrollList list={list} communeName={communeName} />}
    </section>
  );
}

function PayrollList({ list, communeName }: { list: Payroll; communeName: string }) {
  const t = usePayrollT();
  const lang = useLanguage();
  const money = (n: number) => (n ? formatVnd(n) : '');
  const tot = list.totals;
  return (
    <article class="a4 landscape" data-testid="payroll-list">
      <header>
        {/* The heading of an official list: a legal name, the same in every language. */}
        <p>UBND {communeName.toUpperCase()}</p>
        <h2>{t.payrollHeading}</h2>
        <p>{t.payrollOfMonth(formatMonth(list.month))}</p>
        {list.provisional && <p class="hint">{t.payrollProvisional}</p>}
      </header>
      {list.lines.length === 0 ? (
        <p>{t.payrollEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {[
                t.colNo,
                t.colName,
                t.colBorn,
                t.colVillage,
                t.colDecision,
                t.colThisMonth,
                t.colCarried,
                t.colArrears,
                t.colBurial,
                t.colTotal,
                t.colSign,
              ].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.lines.map((l, i) => (
              <tr key={`${l.beneficiaryId}-${l.line}-${l.careCode ?? ''}`} data-testid="payroll-row">
                <td>{i + 1}</td>
                <td>{l.fullName}</td>
                <td>{l.birthYear ?? ''}</td>
                <td>{l.village ?? ''}</td>
                <td>{l.decisionNumbers.join(', ')}</td>
                <td>{money(l.thisMonth)}</td>
                <td>{money(l.carried.amount)}</td>
                <td>{money(l.arrears.amount)}</td>
                <td>{money(l.oneOffs.reduce((s, o) => s + o.amount, 0))}</td>
                <td>{formatVnd(l.total)}</td>
                <td class="sign" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p data-testid="payroll-totals">
        <strong>{t.totals(tot.lines, tot.people, formatVnd(tot.amount))}</strong>
      </p>
      {list.changes.length > 0 && (
        <section data-testid="payroll-changes">
          <h3>{t.changesTitle}</h3>
          <ul class="plain">
            {list.changes.map((c) => (
              <li key={`${c.group}-${c.reason}-${c.beneficiaryId}-${c.line}-${c.careCode ?? ''}`}>
                {t.changeGroups[c.group]} · {t.changeReasons[c.reason]} · {c.fullName}: {formatVnd(c.oldAmount)} →{' '}
                {formatVnd(c.newAmount)}
                {c.decisionNumber ? ` (${c.decisionNumber})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {list.proposals.length > 0 && (
        <section class="no-print" data-testid="payroll-proposals">
          <h3>{t.proposalsTitle}</h3>
          <ul class="plain">
            {list.proposals.map((p) => (
              <li key={p.beneficiaryId}>
                {list.lines.find((l) => l.beneficiaryId === p.beneficiaryId)?.fullName ?? ''}: {p.basis[lang]}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer>
        {[t.preparedBy, t.chairman].map((who) => (
          <div key={who}>
            <p>{who}</p>
            <span class="hint">{t.signAndName}</span>
          </div>
        ))}
      </footer>
    </article>
  );
}
