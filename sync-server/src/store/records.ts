/**
 * @module Records on the server, whatever their kind: the current state of each, tagged with the commune
 * version that last wrote it, plus per-field bookkeeping (`meta`) for merging.
 */
import type { SqlExecutor } from '../db/database';
import type { RecordTypeName } from '../../../src/shared/records/registry';

/** Who last wrote a field, at which commune version: [version, clientId, userId, stamp]. */
export type FieldWriter = [version: number, clientId: string, userId: string, stamp: string];
export interface RecordMeta {
  f: Record<string, FieldWriter>;
}

export interface StoredRecord {
  id: string;
  type: RecordTypeName;
  commune: string;
  version: number;
  parentId: string | null;
  data: Record<string, unknown>;
  meta: RecordMeta;
  deleted: boolean;
  createdAt: number;
}

interface Row {
  id: string;
  type: RecordTypeName;
  commune: string;
  version: number;
  parentId: string | null;
  data: string;
  meta: string;
  deleted: number | boolean;
  createdAt: number;
}

function fromRow(row: Row): StoredRecord {
  return {
    ...row,
    data: JSON.parse(row.data) as Record<string, unknown>,
    meta: JSON.parse(row.meta) as RecordMeta,
    deleted: Boolean(row.deleted),
  };
}

const SELECT =
  'SELECT id, type, commune, version, parent_id AS "parentId", data, meta, deleted, created_at AS "createdAt" FROM records';

export async function getRecord(db: SqlExecutor, id: string): Promise<StoredRecord | undefined> {
  const row = await db.get<Row>(`${SELECT} WHERE id = ?`, [id]);
  return row && fromRow(row);
}

export async function getRecords(db: SqlExecutor, ids: readonly string[]): Promise<StoredRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<Row>(`${SELECT} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  return rows.map(fromRow);
}

export async function childrenOf(db: SqlExecutor, parentId: string): Promise<StoredRecord[]> {
  return (await db.all<Row>(`${SELECT} WHERE parent_id = ? ORDER BY id`, [parentId])).map(fromRow);
}

/** What a read side needs of a record (no per-field bookkeeping). */
export type ScannedRecord = Pick<StoredRecord, 'id' | 'type' | 'commune' | 'parentId' | 'data' | 'deleted'>;

/**
 * Every record of these kinds, a page at a time in id order (a projection's rebuild): `after` is the last id of
 * the previous page, '' for the first.
 */
export async function scanRecords(
  db: SqlExecutor,
  types: readonly RecordTypeName[],
  after: string,
  limit: number,
): Promise<ScannedRecord[]> {
  const rows = await db.all<{
    id: string;
    type: RecordTypeName;
    commune: string;
    parentId: string | null;
    data: string;
    deleted: number | boolean;
  }>(
    `SELECT id, type, commune, parent_id AS "parentId", data, deleted FROM records WHERE type IN (${types.map(() => '?').join(', ')}) AND id > ? ORDER BY id LIMIT ?`,
    [...types, after, limit],
  );
  return rows.map((row) => ({
    ...row,
    data: JSON.parse(row.data) as Record<string, unknown>,
    deleted: Boolean(row.deleted),
  }));
}

export async function putRecord(
  tx: SqlExecutor,
  record: StoredRecord,
  updatedAt: number,
  updatedBy: string,
): Promise<void> {
  await tx.run(
    `INSERT INTO records (id, type, commune, version, parent_id, data, meta, deleted, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET commune = excluded.commune, version = excluded.version, parent_id = excluded.parent_id,
       data = excluded.data, meta = excluded.meta, deleted = excluded.deleted, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
    [
      record.id,
      record.type,
      record.commune,
      record.version,
      record.parentId,
      JSON.stringify(record.data),
      JSON.stringify(record.meta),
      record.deleted ? 1 : 0,
      record.createdAt,
      updatedAt,
      updatedBy,
    ],
  );
}

/** Removes a record's row for good (only a record replaced by another: sync/write-record.ts `removeRecord`). */
export async function deleteRecord(tx: SqlExecutor, id: string): Promise<void> {
  await tx.run('DELETE FROM records WHERE id = ?', [id]);
}

/** Ids of the records of one kind that are not deleted, oldest version first (migrations). */
export async function liveIdsOfType(db: SqlExecutor, type: RecordTypeName): Promise<string[]> {
  return (
    await db.all<{ id: string }>('SELECT id FROM records WHERE type = ? AND deleted = 0 ORDER BY version', [type])
  ).map((r) => r.id);
}

/**
 * The records of one kind in a commune, not deleted (a commune's villages, its households) or, with `deleted`,
 * soft-deleted (households merged away, entries deleted).
 */
export async function recordsOfType(
  db: SqlExecutor,
  commune: string,
  type: RecordTypeName,
  options: { deleted: boolean } = { deleted: false },
): Promise<StoredRecord[]> {
  const rows = await db.all<Row>(`${SELECT} WHERE commune = ? AND type = ? AND deleted = ? ORDER BY id`, [
    commune,
    type,
    options.deleted ? 1 : 0,
  ]);
  return rows.map(fromRow);
}

/** How many records a commune holds, not counting one kind. */
export async function countRecordsExcept(db: SqlExecutor, commune: string, type: RecordTypeName): Promise<number> {
  return Number(
    (
      await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM records WHERE commune = ? AND type <> ?', [
        commune,
        type,
      ])
    )?.n ?? 0,
  );
}

export async function addTombstone(
  tx: SqlExecutor,
  entry: { commune: string; version: number; type: string; id: string; now: number },
): Promise<void> {
  await tx.run('INSERT INTO tombstones (commune, version, type, id, created_at) VALUES (?, ?, ?, ?, ?)', [
    entry.commune,
    entry.version,
    entry.type,
    entry.id,
    entry.now,
  ]);
}

/**
 * One entry of a commune's change log as a device receives it. `data` stays the stored JSON text: a download
 * of a whole commune never parses and re-serialises its records.
 */
export type LogRow =
  | { kind: 'record'; version: number; type: RecordTypeName; id: string; data: string; deleted: boolean }
  | { kind: 'tombstone'; version: number; type: RecordTypeName; id: string };

/**
 * A commune's changes after `cursor` in version order: current records and tombstones share one counter. Call it
 * inside `Database.snapshot` (as pull does), so both queries see the same commits.
 */
export async function changesSince(db: SqlExecutor, commune: string, cursor: number, limit: number): Promise<LogRow[]> {
  const [records, tombstones] = await Promise.all([
    db.all<{ version: number; type: RecordTypeName; id: string; data: string; deleted: number | boolean }>(
      'SELECT version, type, id, data, deleted FROM records WHERE commune = ? AND version > ? ORDER BY version LIMIT ?',
      [commune, cursor, limit],
    ),
    db.all<{ version: number; type: RecordTypeName; id: string }>(
      'SELECT version, type, id FROM tombstones WHERE commune = ? AND version > ? ORDER BY version LIMIT ?',
      [commune, cursor, limit],
    ),
  ]);
  const rows: LogRow[] = records.map((r) => ({
    kind: 'record',
    version: r.version,
    type: r.type,
    id: r.id,
    data: r.data,
    deleted: Boolean(r.deleted),
  }));
  if (tombstones.length === 0) return rows;
  rows.push(...tombstones.map((t) => ({ kind: 'tombstone' as const, ...t })));
  return rows.sort((a, b) => a.version - b.version).slice(0, limit);
}

/** Event ids of a commune that share a duplicate key (same household, round and item). */
export async function eventsWithKey(db: SqlExecutor, commune: string, key: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    'SELECT event_id AS id FROM event_keys WHERE commune = ? AND dup_key = ? ORDER BY event_id',
    [commune, key],
  );
  return rows.map((r) => r.id);
}

export async function addEventKey(tx: SqlExecutor, commune: string, key: string, id: string): Promise<void> {
  await tx.run('INSERT INTO event_keys (commune, dup_key, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
    commune,
    key,
    id,
  ]);
}

/**
 * An event's key is now `key`, in place of the one it had (a handout that counts for another household now). Each
 * event has one key; found by its id (index of migration 12).
 */
export async function replaceEventKey(tx: SqlExecutor, commune: string, id: string, key: string): Promise<void> {
  await tx.run('DELETE FROM event_keys WHERE commune = ? AND event_id = ?', [commune, id]);
  await addEventKey(tx, commune, key, id);
}
