/**
 * @module The payer's returns brought onto a locked month (issue 13): the file read and matched to the list as it was
 * sent (returns.ts), shown as a preview — every row that does not match said by its row — and applied only when the
 * officer confirms, the same file read again. Applying records each matched line's return; a line returned as it
 * already was changes nothing, so a second import of the same file applies nothing. Rows with a problem are left
 * out, never the good rows with them.
 */
import type { Database } from '../db/database';
import type { Payroll } from '../../../src/domain/payroll/payroll';
import { message, type Message } from '../../../src/shared/messages';
import { getPayrollMonth, putPayrollReturn } from '../store/payroll-months';
import { matchReturns, readReturnsFile, type ReturnsPreview } from './returns';

export type ReturnsAnswer =
  | { ok: true; preview: ReturnsPreview; applied?: { changed: number; unchanged: number } }
  | { ok: false; status: 400 | 409; message: Message };

/** Reads `bytes` against the locked list of the month; with `apply`, records the matched lines' returns. */
export async function importReturns(
  db: Database,
  commune: string,
  month: string,
  file: { bytes: Uint8Array; name: string },
  by: { userId: string; now: number; today: string },
  apply: boolean,
): Promise<ReturnsAnswer> {
  const read = await readReturnsFile(file.bytes, file.name);
  if ('problem' in read) return { ok: false, status: 400, message: read.problem };
  return db.transaction(async (tx) => {
    await tx.lock(`payroll:${commune}`);
    const kept = await getPayrollMonth(tx, commune, month);
    if (kept?.state !== 'locked' || !kept.list)
      return { ok: false, status: 409, message: message('payroll.notLocked') };
    const preview = matchReturns(JSON.parse(kept.list) as Payroll, read.rows, by.today);
    if (!apply) return { ok: true, preview };
    let changed = 0;
    for (const m of preview.matched) {
      const { row: _row, ...line } = m;
      if (await putPayrollReturn(tx, commune, month, { ...line, recordedBy: by.userId, recordedAt: by.now }))
        changed += 1;
    }
    return { ok: true, preview, applied: { changed, unchanged: preview.matched.length - changed } };
  });
}
