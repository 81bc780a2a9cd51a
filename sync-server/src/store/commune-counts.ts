/**
 * @module The SQL of the per-commune counts projection (`commune_counts`: one row per commune and metric, never a
 * row at 0), kept by sync-server/src/projections/commune-counts.ts. Every change of a commune's rows is made by a
 * transaction that holds that commune's version counter (a record write took it first), so two writers of one
 * commune take turns on these rows as they already do on the counter: no new lock order.
 */
import type { SqlExecutor } from '../db/database';

export interface CountRow {
  commune: string;
  metric: string;
  n: number;
}

/** Adds each delta to its row (created at need); a row that falls to 0 is removed, so a rebuild writes the same rows. */
export async function addToCommuneCounts(tx: SqlExecutor, deltas: readonly CountRow[]): Promise<void> {
  for (const { commune, metric, n } of deltas) {
    await tx.run(
      'INSERT INTO commune_counts (commune, metric, n) VALUES (?, ?, ?) ON CONFLICT (commune, metric) DO UPDATE SET n = commune_counts.n + excluded.n',
      [commune, metric, n],
    );
    // Only a decrease can reach 0.
    if (n < 0) await tx.run('DELETE FROM commune_counts WHERE commune = ? AND metric = ? AND n = 0', [commune, metric]);
  }
}

export async function replaceCommuneCounts(tx: SqlExecutor, rows: readonly CountRow[]): Promise<void> {
  await tx.run('DELETE FROM commune_counts');
  for (const { commune, metric, n } of rows) {
    if (n !== 0) await tx.run('INSERT INTO commune_counts (commune, metric, n) VALUES (?, ?, ?)', [commune, metric, n]);
  }
}

/** The rows of these communes (all communes when not given), ordered by commune, then metric. */
export async function communeCountRows(db: SqlExecutor, communes?: readonly string[]): Promise<CountRow[]> {
  if (communes?.length === 0) return [];
  const where = communes ? ` WHERE commune IN (${communes.map(() => '?').join(', ')})` : '';
  const rows = await db.all<{ commune: string; metric: string; n: number | string }>(
    `SELECT commune, metric, n FROM commune_counts${where}`,
    communes ?? [],
  );
  // Sorted here, not by ORDER BY: PostgreSQL's collation may order text unlike SQLite's. BIGINT may come as text.
  const byKey = (a: CountRow, b: CountRow) =>
    a.commune === b.commune ? (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) : a.commune < b.commune ? -1 : 1;
  return rows.map((row) => ({ ...row, n: Number(row.n) })).sort(byKey);
}
