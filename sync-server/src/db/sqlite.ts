/**
 * @module SQLite through better-sqlite3 — the default, embedded storage (a file under the data folder).
 * better-sqlite3 is synchronous and has one connection, so an async transaction must not interleave with other
 * statements: every top-level call and transaction goes through one queue.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database, SqlExecutor } from './database';
import { TransientStorageError } from './database';

const TRANSIENT_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

function classify(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && [...TRANSIENT_CODES].some((c) => code.startsWith(c))) {
    return new TransientStorageError(`SQLite is unavailable (${code})`, { cause: error });
  }
  return error;
}

export function openSqlite(filename: string): Database {
  const db = new BetterSqlite3(filename);
  db.pragma('journal_mode = WAL');
  // Every commit of the change log reaches the disk: a field device may already have deleted its outbox.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  // Preparing a statement costs more than running it: keep each one (the SQL is our own, a few dozen texts).
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // Texts with IN (?, ?, …) lists vary in length; a bound keeps the cache from growing without end.
      if (statements.size > 500) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const executor: SqlExecutor = {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      try {
        return prepared(sql).all(...params) as T[];
      } catch (error) {
        throw classify(error);
      }
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      try {
        return prepared(sql).get(...params) as T | undefined;
      } catch (error) {
        throw classify(error);
      }
    },
    async run(sql: string, params: readonly unknown[] = []) {
      try {
        return prepared(sql).run(...params).changes;
      } catch (error) {
        throw classify(error);
      }
    },
    // One connection, one writer at a time, transactions queued: nothing else can interleave.
    async lock() {},
    async lockAll() {},
  };

  let queue: Promise<unknown> = Promise.resolve();
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    kind: 'sqlite',
    all: (sql, params) => serialized(() => executor.all(sql, params)),
    get: (sql, params) => serialized(() => executor.get(sql, params)),
    run: (sql, params) => serialized(() => executor.run(sql, params)),
    lock: async () => undefined,
    lockAll: async () => undefined,
    transaction: (fn) =>
      serialized(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(executor);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw classify(error);
        }
      }),
    snapshot: (fn) =>
      serialized(async () => {
        db.exec('BEGIN DEFERRED');
        try {
          return await fn(executor);
        } finally {
          if (db.inTransaction) db.exec('COMMIT');
        }
      }),
    exec: (script) => serialized(async () => void db.exec(script)),
    close: () => serialized(async () => void db.close()),
  };
}
