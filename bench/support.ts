/** Shared pieces of the benchmarks: a real server on loopback over a chosen database, and timing. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Database } from '../sync-server/src/db/database';
import { createApp } from '../sync-server/src/http/app';
import { hashPassword } from '../sync-server/src/auth/password';
import { createUser } from '../sync-server/src/store/users';
import { householdFields } from '../tests/support/fixtures';

export const COMMUNE = '21548';

export async function serveOnLoopback(db: Database) {
  const app = createApp({ db, clock: Date.now, sessionTtlMs: 86_400_000, syncRate: { burst: 1e9, perSecond: 1e9 } });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function benchUser(db: Database, username: string): Promise<void> {
  await createUser(
    db,
    {
      username,
      displayName: username,
      role: 'commune_officer',
      passwordHash: await hashPassword('bench', { N: 1024, r: 8, p: 1 }),
      scope: [COMMUNE],
    },
    1,
  );
}

export async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench' }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Loads `count` households straight into the records table, in multi-row inserts (setup, not measured). */
export async function preloadHouseholds(db: Database, count: number): Promise<string[]> {
  const ids: string[] = [];
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const rows: unknown[] = [];
    const values: string[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const id = randomUUID();
      ids.push(id);
      const data = householdFields({ headName: `Hộ Thử Nghiệm ${i}`, village: `Thôn ${i % 12}` });
      values.push('(?, ?, ?, ?, ?, ?, ?, 0, 1, 1, ?)');
      rows.push(id, 'household', COMMUNE, i + 1, null, JSON.stringify(data), JSON.stringify({ f: {} }), 'bench');
    }
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO records (id, type, commune, version, parent_id, data, meta, deleted, created_at, updated_at, updated_by) VALUES ${values.join(', ')}`,
        rows,
      ),
    );
  }
  await db.run(
    'INSERT INTO commune_versions (commune, version) VALUES (?, ?) ON CONFLICT (commune) DO UPDATE SET version = excluded.version',
    [COMMUNE, count],
  );
  return ids;
}

/** Runs bench/load-client.mjs in its own process and answers the JSON line it prints. */
export function loadClient(mode: 'pull' | 'push', options: object): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    // Options go through a file: a list of 100,000 ids is too long for a command line.
    const file = join(mkdtempSync(join(tmpdir(), 'bench-load-')), 'options.json');
    writeFileSync(file, JSON.stringify(options));
    const child = spawn(process.execPath, [fileURLToPath(new URL('./load-client.mjs', import.meta.url)), mode, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Record<string, unknown>)
        : reject(new Error(`load client exited ${code}`)),
    );
  });
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function perSecond(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
}
