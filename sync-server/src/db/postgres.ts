/**
 * @module PostgreSQL through `pg` — used when DATABASE_URL is set (production). Queries are written with `?`
 * placeholders (see database.ts) and numbered here.
 */
import pg from 'pg';
import type { Database, SqlExecutor } from './database';
import { TransientStorageError } from './database';

/** BIGINT (oid 20) comes back as a string by default; our bigints are versions and epoch ms, safe as numbers. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Connection and server-side failures worth retrying: class 08 (connection), 53 (resources), 57P (shutdown), 40 (serialization). */
function classify(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(08|53|57P|40)/.test(code)) {
    return new TransientStorageError(`PostgreSQL is unavailable (${code})`, { cause: error });
  }
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(code)) {
    return new TransientStorageError(`PostgreSQL is unreachable (${code})`, { cause: error });
  }
  if (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message)) {
    return new TransientStorageError('PostgreSQL connection lost', { cause: error });
  }
  return error;
}

function executorFor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  const query = async (sql: string, params: readonly unknown[] = []) => {
    try {
      return await client.query(numberPlaceholders(sql), params as unknown[]);
    } catch (error) {
      throw classify(error);
    }
  };
  return {
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    lock: async (key) => void (await query('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [key])),
    lockAll: async (keys) => {
      if (keys.length === 0) return;
      const sorted = [...new Set(keys)].sort();
      await query(
        'SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n',
        [sorted],
      );
    },
  };
}

export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, types, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const top = executorFor(pool);
  async function inTransaction<T>(begin: string, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw classify(error);
    }
    try {
      await client.query(begin);
      const result = await fn(executorFor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw classify(error);
    } finally {
      client.release();
    }
  }
  return {
    kind: 'postgres',
    ...top,
    transaction: (fn) => inTransaction('BEGIN', fn),
    snapshot: (fn) => inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn),
    async exec(script) {
      try {
        await pool.query(script);
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => pool.end(),
  };
}
