/** An in-process server on a fresh SQLite database with the demo accounts, for HTTP tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../sync-server/src/db/open';
import { prepareDatabase } from '../../sync-server/src/server';
import { createApp } from '../../sync-server/src/http/app';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import type { RateLimit } from '../../sync-server/src/http/rate-limit';
import type { AttachmentBytes } from '../../sync-server/src/attachments/file-store';
import { testPasswords } from './passwords';

export async function testServer(
  options: { staticDir?: string; dataDir?: string; syncRate?: RateLimit; attachments?: AttachmentBytes } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ansinh-http-'));
  const db = await openDatabase({ dataDir, databaseUrl: undefined });
  const passwords = testPasswords();
  await prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords });
  let now = Date.now();
  const logs: string[] = [];
  const app = createApp({
    db,
    clock: () => now,
    sessionTtlMs: 24 * 3600 * 1000,
    staticDir: options.staticDir,
    ...(options.syncRate ? { syncRate: options.syncRate } : {}),
    ...(options.attachments ? { attachments: options.attachments } : {}),
    log: (line) => logs.push(line),
    passwords,
  });

  async function post(path: string, body: unknown, token?: string) {
    return app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await post('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  return {
    app,
    db,
    dataDir,
    logs,
    post,
    login,
    advanceClock: (ms: number) => {
      now += ms;
    },
  };
}
