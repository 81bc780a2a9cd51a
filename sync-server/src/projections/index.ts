/**
 * @module The server's read side: every projection, in one list. A record write calls `applyProjections` in its
 * transaction (sync/write-record.ts, the only caller); `npm run projections:rebuild` rebuilds them all from the
 * records. Adding one: a file beside this one implementing `Projection`, its SQL in store/, its tables in a new
 * migration whose `after` runs its `rebuild`, and a line below (docs/architecture.md, "How a projection is added").
 */
import type { Database, SqlExecutor } from '../db/database';
import { holdEveryCommuneVersion } from '../store/sync-log';
import type { StoredRecord } from '../store/records';
import type { Projection } from './projection';
import { communeCounts } from './commune-counts';

export type { Projection } from './projection';

export const PROJECTIONS: readonly Projection[] = [communeCounts];

/** The migration whose hook is running in a transaction: projections made by it or later are not there yet. */
const migrating = new WeakMap<SqlExecutor, number>();

/** Runs a migration's hook: record writes in it keep only the projections that already exist. */
export async function whileMigrating<T>(tx: SqlExecutor, version: number, run: () => Promise<T>): Promise<T> {
  migrating.set(tx, version);
  try {
    return await run();
  } finally {
    // SQLite hands every transaction the same executor: forget the mark, or later writes would skip projections.
    migrating.delete(tx);
  }
}

/** Keeps every projection right for one record write (see Projection.apply). */
export async function applyProjections(
  tx: SqlExecutor,
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): Promise<void> {
  const migration = migrating.get(tx);
  for (const projection of PROJECTIONS) {
    if (migration === undefined || projection.migration < migration) await projection.apply(tx, before, after);
  }
}

export interface Rebuilt {
  name: string;
  /** The projection's rows as the writes had kept them, and as rebuilt from the records. */
  live: unknown[];
  rebuilt: unknown[];
}

/**
 * Rebuilds each projection from the records, each in one transaction (`keep: false` rolls it back: a check only).
 * The transaction first holds every commune's version counter, which every record write takes before it touches a
 * projection: writes of a running server wait, and none lands between the read of the records and the new rows.
 */
export async function rebuildAll(db: Database, options: { keep: boolean } = { keep: true }): Promise<Rebuilt[]> {
  const results: Rebuilt[] = [];
  for (const projection of PROJECTIONS) {
    const result = await db
      .transaction(async (tx) => {
        await holdEveryCommuneVersion(tx);
        const live = await projection.rows(tx);
        await projection.rebuild(tx);
        const rebuilt: Rebuilt = { name: projection.name, live, rebuilt: await projection.rows(tx) };
        if (!options.keep) throw new RolledBack(rebuilt);
        return rebuilt;
      })
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return error.result;
        throw error;
      });
    results.push(result);
  }
  return results;
}

class RolledBack extends Error {
  constructor(readonly result: Rebuilt) {
    super('check only: rolled back');
  }
}
