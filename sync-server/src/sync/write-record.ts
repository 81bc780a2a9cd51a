/**
 * @module The one way a record is written on the server: it takes the next version of its commune, marks the
 * fields it touched with that version and their writer, and when the record left another commune, that
 * commune's log gets a tombstone so its devices drop their copy. `removeRecord` is the one way a row is removed.
 */
import type { SqlExecutor } from '../db/database';
import { addTombstone, deleteRecord, putRecord, type StoredRecord } from '../store/records';
import { nextCommuneVersion } from '../store/sync-log';
import type { PushContext } from './context';

export async function writeRecord(
  tx: SqlExecutor,
  context: PushContext & { stamp?: string },
  record: Omit<StoredRecord, 'version'>,
  options: { previousCommune?: string | undefined; touched?: readonly string[] } = {},
): Promise<number> {
  const { previousCommune, touched = [] } = options;
  if (previousCommune !== undefined && previousCommune !== record.commune) {
    const removedAt = await nextCommuneVersion(tx, previousCommune);
    await addTombstone(tx, { commune: previousCommune, version: removedAt, type: record.type, id: record.id, now: context.now });
  }
  const version = await nextCommuneVersion(tx, record.commune);
  const fields = { ...record.meta.f };
  const moved = previousCommune !== undefined && previousCommune !== record.commune;
  // Bases are versions of the record's commune: after a move, every field is restamped in the new numbering, or
  // an up-to-date edit there would look stale (or a stale one current).
  if (moved) for (const [field, writer] of Object.entries(fields)) fields[field] = [version, writer[1], writer[2], writer[3]];
  for (const field of touched) fields[field] = [version, context.clientId, context.userId, context.stamp ?? ''];
  await putRecord(tx, { ...record, version, meta: { f: fields } }, context.now, context.userId);
  return version;
}

/**
 * Removes a record's row and tells its commune's devices to drop their copy (a tombstone at the next version).
 * Only for a record that another one replaces (migration 6: pairs regrouped into clusters); a user's delete is
 * soft (`deleted`), written by `writeRecord`. `removedAt` dates the tombstone for pruning.
 */
export async function removeRecord(tx: SqlExecutor, record: StoredRecord, removedAt: number): Promise<void> {
  await deleteRecord(tx, record.id);
  await addTombstone(tx, { commune: record.commune, version: await nextCommuneVersion(tx, record.commune), type: record.type, id: record.id, now: removedAt });
}
