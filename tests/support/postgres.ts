/**
 * A throwaway PostgreSQL for tests: TEST_DATABASE_URL when set, else a fresh cluster from the system binaries
 * (initdb + pg_ctl on a temp dir and a free port, as the `postgres` user when we are root), stopped afterwards.
 * Each test gets its own database. When no PostgreSQL can be had the suite says so loudly — and with CI set
 * that is a failure, never a silent pass.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  /** A new empty database on the server, for one test. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export type PostgresAvailability = { ok: true; server: PostgresServer } | { ok: false; reason: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function serverAt(adminUrl: string, onStop: () => void): PostgresServer {
  let counter = 0;
  return {
    async createDatabase() {
      const name = `ansinh_test_${process.pid}_${Date.now()}_${++counter}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      onStop();
    },
  };
}

export async function startPostgres(): Promise<PostgresAvailability> {
  if (process.env.TEST_DATABASE_URL)
    return { ok: true, server: serverAt(process.env.TEST_DATABASE_URL, () => undefined) };
  if (!existsSync(join(BIN, 'initdb')))
    return { ok: false, reason: `no PostgreSQL binaries in ${BIN} (apt-get install postgresql-15)` };
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(BIN, command),
      asRoot ? ['-u', 'postgres', '--', join(BIN, command), ...args] : args,
      {
        stdio: 'pipe',
        timeout: 60_000,
      },
    );
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-pg-'));
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    const port = await freePort();
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    const stop = () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    return { ok: true, server: serverAt(`postgres://postgres@127.0.0.1:${port}/postgres`, stop) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    return {
      ok: false,
      reason: `could not start PostgreSQL: ${error instanceof Error ? error.message : String(error)} ${stderr}`,
    };
  }
}

/** Prints a banner that cannot be missed; under CI it throws, so the run is red. */
export function reportUnavailable(suite: string, reason: string): void {
  const banner = `\n${'!'.repeat(78)}\n!! ${suite} DID NOT RUN: ${reason}\n${'!'.repeat(78)}\n`;
  if (process.env.CI) throw new Error(`${suite} cannot run under CI: ${reason}`);
  console.warn(banner);
}
