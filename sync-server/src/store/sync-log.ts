/**
 * @module What the server remembers per device (last answered seq and each answer, when it last synced each
 * commune) and per commune (a version counter and how far back its history of removals goes). All but the last
 * sync are written inside the transaction that carries the mutation's effects.
 */
import type { SqlExecutor } from '../db/database';
import type { Message } from '../../../src/shared/messages';
import type { MutationResult } from '../../../src/shared/protocol';

/**
 * Locks the device's row for the rest of the transaction (PostgreSQL row lock; SQLite has one writer anyway)
 * and answers its last seq. A device seen for the first time starts at 0.
 */
export async function lockClient(tx: SqlExecutor, clientId: string, userId: string, now: number): Promise<number> {
  const row = await tx.get<{ lastSeq: number; userId: string }>(
    `INSERT INTO sync_clients (client_id, user_id, last_seq, created_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (client_id) DO UPDATE SET last_seq = sync_clients.last_seq
     RETURNING last_seq AS "lastSeq", user_id AS "userId"`,
    [clientId, userId, now],
  );
  // A device's queue belongs to the user who started it: another account may not answer (or swallow) its changes.
  if (row && row.userId !== userId) throw new ClientOfAnotherUserError();
  return row?.lastSeq ?? 0;
}

/**
 * Issue 11: the name the device's user gave it (already validated, `DeviceName`); empty clears it. A device seen
 * for the first time gets its row here. Only the user the device belongs to names it: another account's request
 * changes nothing (its push is then refused by lockClient as before).
 */
export async function saveDeviceName(
  db: SqlExecutor,
  clientId: string,
  userId: string,
  name: string,
  now: number,
): Promise<void> {
  await db.run(
    `INSERT INTO sync_clients (client_id, user_id, last_seq, created_at, device_name) VALUES (?, ?, 0, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET device_name = excluded.device_name
     WHERE sync_clients.user_id = excluded.user_id`,
    [clientId, userId, now, name === '' ? null : name],
  );
}

/** The name the device has on the server, if its user gave it one. */
export async function deviceNameOf(db: SqlExecutor, clientId: string): Promise<string | undefined> {
  const row = await db.get<{ name: string | null }>(
    'SELECT device_name AS "name" FROM sync_clients WHERE client_id = ?',
    [clientId],
  );
  return row?.name ?? undefined;
}

/** The device's last answered seq, without locking anything (a request that pushes nothing). 0 for a new device. */
export async function lastSeqOf(db: SqlExecutor, clientId: string): Promise<number> {
  const row = await db.get<{ lastSeq: number }>('SELECT last_seq AS "lastSeq" FROM sync_clients WHERE client_id = ?', [
    clientId,
  ]);
  return row?.lastSeq ?? 0;
}

export class ClientOfAnotherUserError extends Error {
  override readonly name = 'ClientOfAnotherUserError';
  constructor() {
    super('this clientId belongs to another user');
  }
}

export async function recordResult(
  tx: SqlExecutor,
  entry: { clientId: string; mutationId: string; userId: string; result: MutationResult; now: number },
): Promise<void> {
  const { clientId, mutationId, userId, result, now } = entry;
  // A refusal keeps its message code beside the Vietnamese reason, so a replayed answer is the same answer.
  const detail =
    result.status === 'rejected'
      ? result.problem
        ? JSON.stringify({ reason: result.reason, problem: result.problem })
        : result.reason
      : result.status === 'conflict'
        ? JSON.stringify(result.fields)
        : null;
  await tx.run(
    'INSERT INTO mutation_results (client_id, seq, mutation_id, user_id, status, detail, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [clientId, result.seq, mutationId, userId, result.status, detail, now],
  );
  await tx.run('UPDATE sync_clients SET last_seq = ? WHERE client_id = ?', [result.seq, clientId]);
}

export async function storedResults(
  db: SqlExecutor,
  clientId: string,
  seqs: readonly number[],
): Promise<MutationResult[]> {
  if (seqs.length === 0) return [];
  const rows = await db.all<{ seq: number; status: string; detail: string | null }>(
    `SELECT seq, status, detail FROM mutation_results WHERE client_id = ? AND seq IN (${seqs.map(() => '?').join(', ')}) ORDER BY seq`,
    [clientId, ...seqs],
  );
  return rows.map((row): MutationResult => {
    if (row.status === 'rejected') return { seq: row.seq, status: 'rejected', ...storedRefusal(row.detail ?? '') };
    if (row.status === 'conflict')
      return { seq: row.seq, status: 'conflict', fields: JSON.parse(row.detail ?? '[]') as string[] };
    return { seq: row.seq, status: 'applied' };
  });
}

/**
 * Takes the next version of a commune's change log. In PostgreSQL the counter row stays locked until commit, so
 * writers of one commune commit in version order and a reader at `version > cursor` never skips a change.
 */
export async function nextCommuneVersion(tx: SqlExecutor, commune: string): Promise<number> {
  const row = await tx.get<{ version: number }>(
    `INSERT INTO commune_versions (commune, version) VALUES (?, 1)
     ON CONFLICT (commune) DO UPDATE SET version = commune_versions.version + 1
     RETURNING version`,
    [commune],
  );
  if (!row) throw new Error(`no version taken for commune ${commune}`);
  return row.version;
}

/**
 * Holds every commune's version counter until the transaction ends (PostgreSQL row locks; SQLite has one writer):
 * no record is written meanwhile, since each write takes its commune's counter first (a projection's rebuild).
 */
export async function holdEveryCommuneVersion(tx: SqlExecutor): Promise<void> {
  await tx.run('UPDATE commune_versions SET version = version');
}

/** Cursors (other than 0) below this version may have missed a removal that is no longer kept: reset them. */
export async function historyFrom(db: SqlExecutor, commune: string): Promise<number> {
  const row = await db.get<{ historyFrom: number }>(
    'SELECT history_from AS "historyFrom" FROM commune_versions WHERE commune = ?',
    [commune],
  );
  return row?.historyFrom ?? 0;
}

/**
 * Forgets tombstones older than the horizon. Each commune remembers the newest version it forgot, so a device
 * whose cursor is older gets a reset instead of silently keeping a record that left.
 */
export async function pruneTombstones(tx: SqlExecutor, createdBefore: number): Promise<number> {
  const pruned = await tx.all<{ commune: string; upTo: number }>(
    'SELECT commune, MAX(version) AS "upTo" FROM tombstones WHERE created_at < ? GROUP BY commune',
    [createdBefore],
  );
  for (const { commune, upTo } of pruned) {
    await tx.run('UPDATE commune_versions SET history_from = ? WHERE commune = ? AND history_from < ?', [
      Number(upTo),
      commune,
      Number(upTo),
    ]);
  }
  return tx.run('DELETE FROM tombstones WHERE created_at < ?', [createdBefore]);
}

/** A refusal as stored: `{reason, problem}` as JSON, or (answered before message codes) the reason alone. */
function storedRefusal(detail: string): { reason: string; problem?: Message } {
  if (detail.startsWith('{"reason":')) {
    try {
      const parsed = JSON.parse(detail) as { reason: string; problem?: Message };
      return parsed.problem ? { reason: parsed.reason, problem: parsed.problem } : { reason: parsed.reason };
    } catch {
      // a reason that only looks like JSON
    }
  }
  return { reason: detail };
}

/** A device's last sync with a commune is kept to the minute: most requests then write nothing. */
export const LAST_SYNC_GRANULARITY_MS = 60_000;

/**
 * A device synced these communes now (sync_client_communes: one row per device and commune, the time of its last
 * sync and who was signed in). A row already this recent, for the same user, is left as it is: a write of its own
 * on every request would cost a commit (an fsync) on each page of a download and each pushed batch — the read
 * that decides costs next to nothing. Rows in a fixed order, so two requests of one device cannot deadlock.
 */
export async function noteSync(
  db: SqlExecutor,
  entry: { clientId: string; userId: string; communes: readonly string[]; now: number },
): Promise<void> {
  const { clientId, userId, now } = entry;
  if (entry.communes.length === 0) return;
  const known = new Map(
    (
      await db.all<{ commune: string; userId: string; lastSyncAt: number }>(
        'SELECT commune, user_id AS "userId", last_sync_at AS "lastSyncAt" FROM sync_client_communes WHERE client_id = ?',
        [clientId],
      )
    ).map((row) => [row.commune, row]),
  );
  const stale = [...new Set(entry.communes)].sort().filter((commune) => {
    const row = known.get(commune);
    return !row || row.userId !== userId || now - Number(row.lastSyncAt) >= LAST_SYNC_GRANULARITY_MS;
  });
  if (stale.length === 0) return;
  await db.run(
    `INSERT INTO sync_client_communes (client_id, commune, user_id, last_sync_at) VALUES ${stale.map(() => '(?, ?, ?, ?)').join(', ')}
     ON CONFLICT (client_id, commune) DO UPDATE SET user_id = excluded.user_id, last_sync_at = excluded.last_sync_at`,
    stale.flatMap((commune) => [clientId, commune, userId, now]),
  );
}

export interface LastSync {
  commune: string;
  clientId: string;
  userId: string;
  displayName: string;
  lastSyncAt: number;
}

/**
 * The last sync of each device with these communes, newest first — only while the user who synced still holds the
 * commune (a device that lost it has purged it).
 */
export async function lastSyncs(db: SqlExecutor, communes: readonly string[]): Promise<LastSync[]> {
  if (communes.length === 0) return [];
  const rows = await db.all<Omit<LastSync, 'lastSyncAt'> & { lastSyncAt: number | string }>(
    `SELECT s.commune, s.client_id AS "clientId", s.user_id AS "userId", u.display_name AS "displayName", s.last_sync_at AS "lastSyncAt"
     FROM sync_client_communes s JOIN users u ON u.id = s.user_id
     WHERE s.commune IN (${communes.map(() => '?').join(', ')})
       AND (u.whole_province = 1 OR EXISTS (SELECT 1 FROM user_communes uc WHERE uc.user_id = u.id AND uc.commune = s.commune))`,
    communes,
  );
  return rows
    .map((row) => ({ ...row, lastSyncAt: Number(row.lastSyncAt) }))
    .sort((a, b) => b.lastSyncAt - a.lastSyncAt || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
}
