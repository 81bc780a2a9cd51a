/**
 * @module The SQL of the payroll months (issue 13): per commune and month, where the list stands (approved, locked,
 * reopened), the list itself as it was approved — kept as JSON, because a locked list must read back as it was sent
 * to the payer whatever the records say later — its history, and the payer's returns line by line. The rules of
 * which step may follow which are in sync-server/src/payroll/months.ts.
 */
import type { SqlExecutor } from '../db/database';
import type { PayrollMonthState, PayrollMonthStep } from '../../../src/shared/payroll-steps';

export type { PayrollMonthState, PayrollMonthStep } from '../../../src/shared/payroll-steps';

export interface PayrollMonthRow {
  readonly commune: string;
  readonly month: string;
  readonly state: PayrollMonthState;
  /** The approved list (a `Payroll` as JSON text); absent while the month is open. */
  readonly list?: string;
  readonly fingerprint?: string;
  readonly approvedBy?: string;
  readonly approvedAt?: number;
  readonly lockedBy?: string;
  readonly lockedAt?: number;
  readonly signer?: string;
  readonly signedOn?: string;
  readonly history: readonly PayrollMonthStep[];
}

interface Row {
  commune: string;
  month: string;
  state: PayrollMonthState;
  list: string | null;
  fingerprint: string | null;
  approved_by: string | null;
  approved_at: number | string | null;
  locked_by: string | null;
  locked_at: number | string | null;
  signer: string | null;
  signed_on: string | null;
  history: string;
}

const COLUMNS =
  'commune, month, state, list, fingerprint, approved_by, approved_at, locked_by, locked_at, signer, signed_on, history';

function fromRow(r: Row): PayrollMonthRow {
  // BIGINT may come back as text from PostgreSQL.
  const time = (t: number | string | null) => (t === null ? 0 : Number(t));
  return {
    commune: r.commune,
    month: r.month,
    state: r.state,
    ...(r.list !== null ? { list: r.list } : {}),
    ...(r.fingerprint !== null ? { fingerprint: r.fingerprint } : {}),
    ...(r.approved_by !== null ? { approvedBy: r.approved_by, approvedAt: time(r.approved_at) } : {}),
    ...(r.locked_by !== null ? { lockedBy: r.locked_by, lockedAt: time(r.locked_at) } : {}),
    ...(r.signer !== null ? { signer: r.signer } : {}),
    ...(r.signed_on !== null ? { signedOn: r.signed_on } : {}),
    history: JSON.parse(r.history) as PayrollMonthStep[],
  };
}

export async function getPayrollMonth(
  db: SqlExecutor,
  commune: string,
  month: string,
  withList = true,
): Promise<PayrollMonthRow | undefined> {
  const columns = withList ? COLUMNS : COLUMNS.replace('list, ', 'NULL AS list, ');
  const row = await db.get<Row>(`SELECT ${columns} FROM payroll_months WHERE commune = ? AND month = ?`, [
    commune,
    month,
  ]);
  return row && fromRow(row);
}

/** The commune's locked months before `month`, oldest first, with their lists. */
export async function lockedMonthsBefore(db: SqlExecutor, commune: string, month: string): Promise<PayrollMonthRow[]> {
  const rows = await db.all<Row>(
    `SELECT ${COLUMNS} FROM payroll_months WHERE commune = ? AND month < ? AND state = 'locked'`,
    [commune, month],
  );
  // Sorted here: PostgreSQL's collation may order text unlike SQLite's (months are ASCII, but keep one rule).
  return rows.map(fromRow).sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** The commune's months that are not open, without their lists (the calendar of the payroll screen). */
export async function payrollMonthsOf(db: SqlExecutor, commune: string): Promise<PayrollMonthRow[]> {
  const rows = await db.all<Row>(
    `SELECT ${COLUMNS.replace('list, ', 'NULL AS list, ')} FROM payroll_months WHERE commune = ?`,
    [commune],
  );
  return rows.map(fromRow).sort((a, b) => (a.month < b.month ? -1 : 1));
}

export async function putPayrollMonth(tx: SqlExecutor, m: PayrollMonthRow): Promise<void> {
  await tx.run(
    `INSERT INTO payroll_months (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (commune, month) DO UPDATE SET state = excluded.state, list = excluded.list,
       fingerprint = excluded.fingerprint, approved_by = excluded.approved_by, approved_at = excluded.approved_at,
       locked_by = excluded.locked_by, locked_at = excluded.locked_at, signer = excluded.signer,
       signed_on = excluded.signed_on, history = excluded.history`,
    [
      m.commune,
      m.month,
      m.state,
      m.list ?? null,
      m.fingerprint ?? null,
      m.approvedBy ?? null,
      m.approvedAt ?? null,
      m.lockedBy ?? null,
      m.lockedAt ?? null,
      m.signer ?? null,
      m.signedOn ?? null,
      JSON.stringify(m.history),
    ],
  );
}

export interface PayrollReturnRow {
  readonly line: number;
  readonly status: 'paid' | 'unpaid';
  readonly amount: number;
  readonly paidOn?: string;
  readonly reason?: string;
  readonly recordedBy: string;
  readonly recordedAt: number;
}

export async function payrollReturnsOf(db: SqlExecutor, commune: string, month: string): Promise<PayrollReturnRow[]> {
  const rows = await db.all<{
    line: number | string;
    status: 'paid' | 'unpaid';
    amount: number | string;
    paid_on: string | null;
    reason: string | null;
    recorded_by: string;
    recorded_at: number | string;
  }>(
    'SELECT line, status, amount, paid_on, reason, recorded_by, recorded_at FROM payroll_returns WHERE commune = ? AND month = ?',
    [commune, month],
  );
  return rows
    .map((r) => ({
      line: Number(r.line),
      status: r.status,
      amount: Number(r.amount),
      ...(r.paid_on !== null ? { paidOn: r.paid_on } : {}),
      ...(r.reason !== null ? { reason: r.reason } : {}),
      recordedBy: r.recorded_by,
      recordedAt: Number(r.recorded_at),
    }))
    .sort((a, b) => a.line - b.line);
}

/** Records a line's return; answers whether anything changed (the same return again changes nothing). */
export async function putPayrollReturn(
  tx: SqlExecutor,
  commune: string,
  month: string,
  r: PayrollReturnRow,
): Promise<boolean> {
  const changed = await tx.run(
    `INSERT INTO payroll_returns (commune, month, line, status, amount, paid_on, reason, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (commune, month, line) DO UPDATE SET status = excluded.status, amount = excluded.amount,
       paid_on = excluded.paid_on, reason = excluded.reason, recorded_by = excluded.recorded_by,
       recorded_at = excluded.recorded_at
     WHERE payroll_returns.status <> excluded.status OR payroll_returns.amount <> excluded.amount
       OR COALESCE(payroll_returns.paid_on, '') <> COALESCE(excluded.paid_on, '')
       OR COALESCE(payroll_returns.reason, '') <> COALESCE(excluded.reason, '')`,
    [commune, month, r.line, r.status, r.amount, r.paidOn ?? null, r.reason ?? null, r.recordedBy, r.recordedAt],
  );
  return changed > 0;
}
