/**
 * @module What a projection is: a view derived from the records, kept right by the server's one write path
 * (sync/write-record.ts) in the transaction of each write, and rebuilt from the records on demand
 * (`npm run projections:rebuild`). Its SQL lives in sync-server/src/store/, its tables come from a migration.
 */
import type { SqlExecutor } from '../db/database';
import type { StoredRecord } from '../store/records';

export interface Projection {
  /** Names it in the rebuild command's output. */
  readonly name: string;
  /**
   * The migration that creates its tables and fills them (its `after` runs `rebuild`). Writes made by the hooks of
   * earlier migrations leave the projection alone — its tables do not exist yet — and that rebuild counts them.
   */
  readonly migration: number;
  /**
   * One record written: `before` is the record as it was stored (undefined: new), `after` as it is now written
   * (undefined: its row was removed). Runs inside the write's transaction, after the commune versions of both were
   * taken. Must give the same rows as `rebuild` would.
   */
  apply(tx: SqlExecutor, before: StoredRecord | undefined, after: StoredRecord | undefined): Promise<void>;
  /** Recomputes the whole view from the records, replacing what it held. */
  rebuild(tx: SqlExecutor): Promise<void>;
  /** Its rows in a fixed order: the live view and a rebuilt one are compared with them. */
  rows(db: SqlExecutor): Promise<unknown[]>;
}
