/**
 * @module What a commune's locked payroll lists spend, by month and by what the money pays (issue 13): each
 * category of Art. 5's monthly allowance and each care support of Art. 20 — this month's amounts, arrears and amounts
 * carried from unpaid lines — and the burial support of Art. 11; with what the payer's returns say was paid, went
 * unpaid, or is not returned yet. The "Kinh phí" column of Mẫu 10a and the province's dashboard read it.
 *
 * Only locked lists count: an open or approved list is not money sent. The funding split (central / local budget)
 * is not in the records, so it is not guessed here.
 */
import { addMonths } from '../../../src/domain/common/dates';
import type { Payroll, PayrollLine } from '../../../src/domain/payroll/payroll';
import type { SqlExecutor } from '../db/database';
import { lockedMonthsBefore, payrollReturnsOf } from '../store/payroll-months';

export interface SpendingRow {
  readonly month: string;
  /** `allowance:<category code>`, `care:<care code>` or `burial`. */
  readonly pays: string;
  readonly lines: number;
  readonly thisMonth: number;
  readonly arrears: number;
  readonly carried: number;
  readonly total: number;
  /** By the payer's returns. */
  readonly paid: number;
  readonly unpaid: number;
  readonly notReturned: number;
}

const paysFor = (l: PayrollLine) =>
  l.line === 'care' ? `care:${l.careCode ?? ''}` : `allowance:${l.categoryCode ?? ''}`;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The spending of the commune's lists locked from `from` to `to` (months, both included). */
export async function communeSpending(
  db: SqlExecutor,
  commune: string,
  from: string,
  to: string,
): Promise<SpendingRow[]> {
  const out: SpendingRow[] = [];
  for (const kept of await lockedMonthsBefore(db, commune, addMonths(to, 1))) {
    if (kept.month < from || !kept.list) continue;
    const list = JSON.parse(kept.list) as Payroll;
    const returns = new Map((await payrollReturnsOf(db, commune, kept.month)).map((r) => [r.line, r]));
    const rows = new Map<string, Mutable<SpendingRow>>();
    const row = (pays: string) => {
      let r = rows.get(pays);
      if (!r) {
        r = {
          month: kept.month,
          pays,
          lines: 0,
          thisMonth: 0,
          arrears: 0,
          carried: 0,
          total: 0,
          paid: 0,
          unpaid: 0,
          notReturned: 0,
        };
        rows.set(pays, r);
      }
      return r;
    };
    list.lines.forEach((l, i) => {
      const returned = returns.get(i + 1)?.status;
      const settle = (r: Mutable<SpendingRow>, amount: number) => {
        r.total += amount;
        if (returned === 'paid') r.paid += amount;
        else if (returned === 'unpaid') r.unpaid += amount;
        else r.notReturned += amount;
      };
      const burial = l.oneOffs.reduce((sum, o) => sum + o.amount, 0);
      const own = l.total - burial;
      if (own > 0) {
        const r = row(paysFor(l));
        r.lines += 1;
        r.thisMonth += l.thisMonth;
        r.arrears += l.arrears.amount;
        r.carried += l.carried.amount;
        settle(r, own);
      }
      if (burial > 0) {
        const r = row('burial');
        r.lines += 1;
        settle(r, burial);
      }
    });
    out.push(...[...rows.values()].sort((a, b) => (a.pays < b.pays ? -1 : 1)));
  }
  return out;
}
