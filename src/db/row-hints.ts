/**
 * @module What this tab last saw stored — the rows it read through `records.ts` or wrote itself, and the clock it
 * wrote — kept as hints for the next save, never shown. A save built from a hint is sent together with a read of
 * the stored row and clock, in one round trip, and taken back whole when they are not the hint (another tab, a
 * sync, a save through Dexie changed them): then it is made again from what is stored (outbox.ts). A wrong hint
 * costs a round trip, never a lost or wrong write.
 */
import type { Hlc } from '../shared/hlc';
import type { ClockOffset } from './client-id';
import type { AnSinhDb, LocalRecord } from './database';

/** Enough for the records of the pages a user moves between; the oldest hint goes first. */
const MAX_ROWS = 200;

const rows = new WeakMap<AnSinhDb, Map<string, LocalRecord>>();
const clocks = new WeakMap<AnSinhDb, ClockHint>();

export interface ClockHint {
  last: Hlc | undefined;
  offset: ClockOffset | undefined;
}

const keyOf = (table: string, id: string) => `${table}/${id}`;

export function rememberRows(db: AnSinhDb, table: string, seen: readonly (LocalRecord | undefined)[]): void {
  // A list that long is a commune's, not the page being edited.
  if (seen.length > MAX_ROWS) return;
  let known = rows.get(db);
  if (!known) {
    known = new Map();
    rows.set(db, known);
  }
  for (const row of seen) {
    if (!row) continue;
    const key = keyOf(table, row.id);
    known.delete(key);
    known.set(key, row);
  }
  for (const oldest of known.keys()) {
    if (known.size <= MAX_ROWS) break;
    known.delete(oldest);
  }
}

export function rowHint(db: AnSinhDb, table: string, id: string): LocalRecord | undefined {
  return rows.get(db)?.get(keyOf(table, id));
}

export function forgetRow(db: AnSinhDb, table: string, id: string): void {
  rows.get(db)?.delete(keyOf(table, id));
}

export function rememberClock(db: AnSinhDb, clock: ClockHint): void {
  clocks.set(db, clock);
}

export function clockHint(db: AnSinhDb): ClockHint | undefined {
  return clocks.get(db);
}
