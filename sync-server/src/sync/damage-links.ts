/**
 * @module Which damage entries name a registered household (their `householdId`, kind.ts `refers`). Read by a
 * merge of households, to link them to the household kept (apply/handout-keys.ts `followMerge`), and, before its
 * batch takes its locks, to name the entries it will rewrite (lock-keys.ts).
 */
import type { SqlExecutor } from '../db/database';
import { recordsOfType, type StoredRecord } from '../store/records';

/**
 * Entries of the commune linked to one of `households`; with `deleted`, those the officer deleted too (they are
 * never edited again, but the handouts made through them still count).
 */
export async function entriesLinkedTo(
  tx: SqlExecutor,
  commune: string,
  households: ReadonlySet<string>,
  options: { deleted: boolean },
): Promise<StoredRecord[]> {
  const entries = await recordsOfType(tx, commune, 'damage');
  if (options.deleted) entries.push(...(await recordsOfType(tx, commune, 'damage', { deleted: true })));
  return entries.filter((entry) => households.has(String(entry.data.householdId)));
}
