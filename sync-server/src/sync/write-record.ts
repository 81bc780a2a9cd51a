/**
 * @module The one way a record is written on the server: it takes the next version of its commune, marks the
 * fields it touched with that version and their writer, and when the record left another commune, that
 * commune's log gets a tombstone so its devices drop their copy. `removeRecord` is the one way a row is removed.
 * Both keep the read side (projections/) right in the same transaction: a test fails when any other file writes
 * the records table (tests/unit/sql-stays-in-store.test.ts).
 */
import type { SqlExecutor } from '../db/database';
import { addTombstone, deleteRecord, putRecord, type StoredRecord } from '../store/records';
import { nextCommuneVersion } from '../store/sync-log';
import { applyProjections } from '../projections';
import type { PushContext } from './context';

/**
 * `before` is the record as it is stored now — read in this transaction, under its lock — or undefined for a new
 * one. It says where the record was (a move leaves a tombstone there) and what it counted for in the projections.
 */
export async function writeRecord(
  tx: SqlExecutor,
  context: PushContext & { stamp?: string },
  record: Omit<StoredRecord, 'version'>,
  options: { before: StoredRecord | undefined; touched?: readonly string[] },
): Promise<number> {
  const { before, touched = [] } = options;
  const previousCommune = before?.commune;
  if (previousCommune !== undefined && previousCommune !== record.commune) {
    const removedAt = await nextCommuneVersion(tx, previousCommune);
    await addTombstone(tx, {
      commune: previousCommune,
      version: removedAt,
      type: record.type,
      id: record.id,
      now: context.now,
    });
  }
  const version = await nextCommuneVersion(tx, record.commune);
  const fields = { ...record.meta.f };
  const moved = previousCommune !== undefined && previousCommune !== record.commune;
  // Bases are versions of the record's commune: after a move, every field is restamped in the new numbering, or
  // an up-to-date edit there would look stale (or a stale one current).
  if (moved)
    for (const [field, writer] of Object.entries(fields)) fields[field] = [version, writer[1], writer[2], writer[3]];
  for (const field of touched) fields[field] = [version, context.clientId, context.userId, context.stamp ?? ''];
  const written: StoredRecord = { ...record, version, meta: { f: fields } };
  await putRecord(tx, written, context.now, context.userId);
  // After both communes' versions were taken: their row locks order every writer of their projection rows too.
  await applyProjections(tx, before, written);
  return version;
}

/**
 * Removes a record's row and tells its commune's devices to drop their copy (a tombstone at the next version).
 * Only for a record that another one replaces (migration 6: pairs regrouped into clusters); a user's delete is
 * soft (`deleted`), written by `writeRecord`. `removedAt` dates the tombstone for pruning.
 */
export async function removeRecord(tx: SqlExecutor, record: StoredRecord, removedAt: number): Promise<void> {
  await deleteRecord(tx, record.id);
  await addTombstone(tx, {
    commune: record.commune,
    version: await nextCommuneVersion(tx, record.commune),
    type: record.type,
    id: record.id,
    now: removedAt,
  });
  await applyProjections(tx, record, undefined);
}
