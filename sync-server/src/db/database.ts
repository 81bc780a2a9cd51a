/**
 * @module The one SQL interface the server's storage is written against. SQL uses `?` placeholders and the
 * common dialect of SQLite ≥ 3.35 and PostgreSQL ≥ 13 (ON CONFLICT, RETURNING), so every query is written once
 * and the same contract tests run on both engines.
 */
export interface SqlExecutor {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement and answers how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Holds `key` until the transaction ends, so two transactions that read-modify-write the same record (or check
   * the same duplicate key) take turns. PostgreSQL: an advisory lock; SQLite has a single writer already.
   */
  lock(key: string): Promise<void>;
  /** Several keys in one round trip, always in the same order, so two batches cannot deadlock on them. */
  lockAll(keys: readonly string[]): Promise<void>;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Database extends SqlExecutor {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: all its writes land or none do. Nested calls are not supported. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Runs reads that must see one consistent state (a pull page: records, tombstones, history mark). PostgreSQL:
   * a REPEATABLE READ read-only transaction; SQLite: a deferred transaction on its single connection.
   */
  snapshot<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A failure that says nothing about the request (database unreachable, busy, disk full): the client should
 * retry later, and nothing of the request was applied.
 */
export class TransientStorageError extends Error {
  override readonly name = 'TransientStorageError';
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
  }
}
