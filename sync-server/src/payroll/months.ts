/**
 * @module A commune's payroll month as it moves from a list the server computes to the list sent to the payer
 * (issue 13; Decree 20/2021 Art. 34):
 *
 *   open ──approve (commune officer)──▶ approved ──lock (the chairman's signature, recorded)──▶ locked
 *     ▲                                    │                                                     │
 *     └──────────────── reopen, with a reason (kept in the month's history) ◀────────────────────┘
 *
 * - An open month is computed from the records on every request (from-records.ts), on the locked lists before it:
 *   what they covered is not paid again, what they returned unpaid is carried, and a month due that no locked list
 *   covered is arrears. So a decision signed after a month was locked reaches the next month's list as arrears and
 *   never changes the closed one.
 * - Approving keeps the list as the officer saw it (its fingerprint must match what they were shown). Locking needs
 *   the approved list to still be what the records give: a decision in between asks for a new approval.
 * - Months are made in order: a month is approved only on a locked month before it (or as the commune's first), and
 *   reopened only while no later month is kept on it, and before the payer's returns are recorded on it.
 *
 * Each step holds the commune's payroll lock, so two officers take turns on a month.
 */
import { createHash } from 'node:crypto';
import type { Database, SqlExecutor } from '../db/database';
import { payroll, type Payroll } from '../../../src/domain/payroll/payroll';
import type { EarlierList } from '../../../src/domain/payroll/payroll-schema';
import { addMonths, type IsoMonth } from '../../../src/domain/common/dates';
import { message, type Message } from '../../../src/shared/messages';
import {
  getPayrollMonth,
  lockedMonthsBefore,
  payrollMonthsOf,
  payrollReturnsOf,
  putPayrollMonth,
  type PayrollMonthRow,
  type PayrollMonthStep,
} from '../store/payroll-months';
import type { PayrollMonthView } from '../../../src/shared/payroll-steps';
import { payrollBeneficiaries } from './from-records';

export type StepOutcome = { ok: true; view: PayrollMonthView } | { ok: false; status: 409; message: Message };

/** A fingerprint of what a list pays: the same lines, amounts and covers give the same one. */
export function listFingerprint(list: Payroll): string {
  const lines = list.lines.map((l) => JSON.stringify(l)).sort();
  return createHash('sha256')
    .update(JSON.stringify([list.commune, list.month, lines, list.totals]))
    .digest('hex')
    .slice(0, 32);
}

/** The locked lists before `month` as the pure payroll reads them, each line with the payer's return if any. */
async function earlierLists(db: SqlExecutor, commune: string, month: IsoMonth): Promise<EarlierList[]> {
  const out: EarlierList[] = [];
  for (const kept of await lockedMonthsBefore(db, commune, month)) {
    if (!kept.list) continue;
    const list = JSON.parse(kept.list) as Payroll;
    const returns = new Map((await payrollReturnsOf(db, commune, kept.month)).map((r) => [r.line, r.status]));
    out.push({
      month: kept.month as IsoMonth,
      lines: list.lines.map((l, i) => {
        const returned = returns.get(i + 1);
        return {
          beneficiaryId: l.beneficiaryId,
          line: l.line,
          ...(l.careCode ? { careCode: l.careCode } : {}),
          covers: l.covers.map((c) => ({ ...c })),
          ...(returned ? { returned } : {}),
        };
      }),
    });
  }
  return out;
}

/** The month's list as the records give it now, made on the locked lists before it. */
export async function computedMonth(db: SqlExecutor, commune: string, month: IsoMonth): Promise<Payroll> {
  const lists = await earlierLists(db, commune, month);
  return payroll({
    commune,
    month,
    ...(lists[0] ? { listsSince: lists[0].month } : {}),
    beneficiaries: await payrollBeneficiaries(db, commune),
    earlierLists: lists,
  });
}

/** The month's view; `computed`, when the caller has already made the list from the records in this transaction. */
async function viewOf(db: SqlExecutor, commune: string, month: IsoMonth, kept?: PayrollMonthRow, computed?: Payroll) {
  const now = computed ?? (await computedMonth(db, commune, month));
  const nowPrint = listFingerprint(now);
  const changedSince = kept?.fingerprint !== undefined && kept.fingerprint !== nowPrint;
  // A locked list reads as it was sent, whatever came since (that is the next month's). An approved list the
  // records have moved past is shown as they now give it, to be approved again.
  const showKept = kept?.list !== undefined && (kept.state === 'locked' || !changedSince);
  const returns = kept?.state === 'locked' ? await payrollReturnsOf(db, commune, month) : [];
  const view: PayrollMonthView = {
    state: kept?.state ?? 'open',
    list: showKept && kept?.list ? (JSON.parse(kept.list) as Payroll) : now,
    fingerprint: showKept && kept?.fingerprint ? kept.fingerprint : nowPrint,
    changedSince,
    ...(kept?.approvedBy ? { approved: { by: kept.approvedBy, at: kept.approvedAt ?? 0 } } : {}),
    ...(kept?.lockedBy
      ? {
          locked: {
            by: kept.lockedBy,
            at: kept.lockedAt ?? 0,
            signer: kept.signer ?? '',
            signedOn: kept.signedOn ?? '',
          },
        }
      : {}),
    history: kept?.history ?? [],
    returned: {
      paid: returns.filter((r) => r.status === 'paid').length,
      unpaid: returns.filter((r) => r.status === 'unpaid').length,
      amountPaid: returns.reduce((sum, r) => sum + (r.status === 'paid' ? r.amount : 0), 0),
    },
  };
  return { view, now, nowPrint };
}

/** The month as the payroll screen shows it. */
export async function payrollMonth(db: SqlExecutor, commune: string, month: IsoMonth): Promise<PayrollMonthView> {
  return (await viewOf(db, commune, month, await getPayrollMonth(db, commune, month))).view;
}

/** Where each of the commune's kept months stands (no lists), for the screen's calendar. */
export async function payrollCalendar(db: SqlExecutor, commune: string) {
  return (await payrollMonthsOf(db, commune)).map((m) => ({ month: m.month, state: m.state }));
}

const refuse = (message: Message): StepOutcome => ({ ok: false, status: 409, message });

async function inTurn(db: Database, commune: string, step: (tx: SqlExecutor) => Promise<StepOutcome>) {
  return db.transaction(async (tx) => {
    await tx.lock(`payroll:${commune}`);
    return step(tx);
  });
}

/** A month may be kept only on a locked month before it, or as the commune's first kept month. */
async function earlierRefusal(tx: SqlExecutor, commune: string, month: IsoMonth): Promise<Message | undefined> {
  const before = (await payrollMonthsOf(tx, commune)).filter((m) => m.month < month);
  const last = before.at(-1);
  if (!last) return undefined;
  const previous = addMonths(month, -1);
  if (last.month !== previous || last.state !== 'locked')
    return message('payroll.earlierNotLocked', { month: last.state === 'locked' ? previous : last.month });
  return undefined;
}

/** The officer approves the list they were shown (its fingerprint); the list is kept as it then is. */
export async function approveMonth(
  db: Database,
  commune: string,
  month: IsoMonth,
  by: { userId: string; now: number },
  seen: string,
): Promise<StepOutcome> {
  return inTurn(db, commune, async (tx) => {
    const kept = await getPayrollMonth(tx, commune, month, false);
    if (kept?.state === 'locked') return refuse(message('payroll.locked'));
    const earlier = await earlierRefusal(tx, commune, month);
    if (earlier) return refuse(earlier);
    const { view, now, nowPrint: fingerprint } = await viewOf(tx, commune, month, kept);
    if (kept?.state === 'approved' && !view.changedSince) return refuse(message('payroll.alreadyApproved'));
    if (fingerprint !== seen) return refuse(message('payroll.listChanged'));
    const step: PayrollMonthStep = {
      step: 'approved',
      by: by.userId,
      at: by.now,
      amount: now.totals.amount,
      lines: now.totals.lines,
    };
    const approved: PayrollMonthRow = {
      commune,
      month,
      state: 'approved',
      list: JSON.stringify(now),
      fingerprint,
      approvedBy: by.userId,
      approvedAt: by.now,
      history: [...(kept?.history ?? []), step],
    };
    await putPayrollMonth(tx, approved);
    return { ok: true, view: (await viewOf(tx, commune, month, approved, now)).view };
  });
}

/** The chairman's approval, recorded by the officer with who signed and when: the list is locked as approved. */
export async function lockMonth(
  db: Database,
  commune: string,
  month: IsoMonth,
  by: { userId: string; now: number },
  signature: { signer: string; signedOn: string },
): Promise<StepOutcome> {
  return inTurn(db, commune, async (tx) => {
    const kept = await getPayrollMonth(tx, commune, month);
    if (kept?.state === 'locked') return refuse(message('payroll.locked'));
    if (kept?.state !== 'approved') return refuse(message('payroll.notApproved'));
    const { view, now } = await viewOf(tx, commune, month, kept);
    if (view.changedSince) return refuse(message('payroll.changedSinceApproval'));
    const step: PayrollMonthStep = {
      step: 'locked',
      by: by.userId,
      at: by.now,
      ...signature,
      amount: view.list.totals.amount,
      lines: view.list.totals.lines,
    };
    const locked: PayrollMonthRow = {
      ...kept,
      state: 'locked',
      lockedBy: by.userId,
      lockedAt: by.now,
      signer: signature.signer,
      signedOn: signature.signedOn,
      history: [...kept.history, step],
    };
    await putPayrollMonth(tx, locked);
    return { ok: true, view: (await viewOf(tx, commune, month, locked, now)).view };
  });
}

/** An approved or locked month opened again, with the reason kept; the kept list is let go. */
export async function reopenMonth(
  db: Database,
  commune: string,
  month: IsoMonth,
  by: { userId: string; now: number },
  reason: string,
): Promise<StepOutcome> {
  return inTurn(db, commune, async (tx) => {
    const kept = await getPayrollMonth(tx, commune, month, false);
    if (!kept || kept.state === 'open') return refuse(message('payroll.nothingToReopen'));
    const later = (await payrollMonthsOf(tx, commune)).find((m) => m.month > month && m.state !== 'open');
    if (later) return refuse(message('payroll.laterMonthKept', { month: later.month }));
    if ((await payrollReturnsOf(tx, commune, month)).length > 0) return refuse(message('payroll.returnsRecorded'));
    await putPayrollMonth(tx, {
      commune,
      month,
      state: 'open',
      history: [...kept.history, { step: 'reopened', by: by.userId, at: by.now, reason }],
    });
    return { ok: true, view: (await viewOf(tx, commune, month, await getPayrollMonth(tx, commune, month))).view };
  });
}
