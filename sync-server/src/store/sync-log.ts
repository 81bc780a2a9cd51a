/**
 * @module What the server remembers per device (last answered seq and each answer) and per commune (a version
 * counter). Both are only ever written inside the transaction that carries the mutation's effects.
 */
import type { SqlExecutor } from '../db/database';
import type { MutationResult } from '../../../src/shared/protocol';

/**
 * Locks the device's row for the rest of the transaction (PostgreSQL row lock; SQLite has one writer anyway)
 * and answers its last seq. A device seen for the first time starts at 0.
 */
export async function lockClient(tx: SqlExecutor, clientId: string, userId: string, now: number): Promise<number> {
  const row = await tx.get<{ lastSeq: number }>(
    `INSERT INTO sync_clients (client_id, user_id, last_seq, created_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (client_id) DO UPDATE SET user_id = excluded.user_id
     RETURNING last_seq AS "lastSeq"`,
    [clientId, userId, now],
  );
  return row?.lastSeq ?? 0;
}

export async function recordResult(
  tx: SqlExecutor,
  entry: { clientId: string; mutationId: string; userId: string; result: MutationResult; now: number },
): Promise<void> {
  const { clientId, mutationId, userId, result, now } = entry;
  await tx.run(
    'INSERT INTO mutation_results (client_id, seq, mutation_id, user_id, status, reason, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [clientId, result.seq, mutationId, userId, result.status, result.status === 'rejected' ? result.reason : null, now],
  );
  await tx.run('UPDATE sync_clients SET last_seq = ? WHERE client_id = ?', [result.seq, clientId]);
}

export async function storedResults(db: SqlExecutor, clientId: string, seqs: readonly number[]): Promise<MutationResult[]> {
  if (seqs.length === 0) return [];
  const rows = await db.all<{ seq: number; status: string; reason: string | null }>(
    `SELECT seq, status, reason FROM mutation_results WHERE client_id = ? AND seq IN (${seqs.map(() => '?').join(', ')}) ORDER BY seq`,
    [clientId, ...seqs],
  );
  return rows.map((row) =>
    row.status === 'rejected' ? { seq: row.seq, status: 'rejected', reason: row.reason ?? '' } : { seq: row.seq, status: 'applied' },
  );
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
