/**
 * Issue 9, item 7: sign-in under a flood. Failures limited per account and per address with exponential backoff
 * (429 + Retry-After), hashing bounded by a semaphore (503 beyond a short queue), scrypt at N = 2^17 with old
 * hashes replaced at the next sign-in. The clock is the app's injected clock; nothing here waits for real time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync-server/src/db/open';
import type { Database } from '../../sync-server/src/db/database';
import { prepareDatabase } from '../../sync-server/src/server';
import { createApp, type AppDeps } from '../../sync-server/src/http/app';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { createUser, findUserByUsername } from '../../sync-server/src/store/users';
import {
  DEFAULT_SCRYPT,
  LEGACY_SCRYPT,
  hashPassword,
  parseHash,
  scryptMemory,
} from '../../sync-server/src/auth/password';
import { DEFAULT_HASHING, scryptHasher, type PasswordHasher } from '../../sync-server/src/auth/hashing';
import { DEFAULT_LOGIN_LIMITS } from '../../sync-server/src/http/login-limit';
import { testPasswords } from '../support/passwords';

const opened: Database[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** `serverHasher`: the server's own default hasher (real scrypt parameters) instead of the cheap test one. */
async function world(deps: Partial<AppDeps> = {}, options: { serverHasher?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-login-'));
  dirs.push(dataDir);
  const db = await openDatabase({ dataDir, databaseUrl: undefined });
  opened.push(db);
  const passwords = testPasswords();
  await prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords });
  let now = 1_765_000_000_000;
  const app = createApp({
    db,
    clock: () => now,
    sessionTtlMs: 3600_000,
    ...(options.serverHasher ? {} : { passwords }),
    ...deps,
  });
  const login = (username: string, password: string, from?: { address: string; forwardedFor?: string }) =>
    app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(from?.forwardedFor ? { 'X-Forwarded-For': from.forwardedFor } : {}),
        },
        body: JSON.stringify({ username, password }),
      },
      // What @hono/node-server gives a handler: the Node request, whose socket has the peer's address.
      from
        ? {
            incoming: {
              socket: {
                remoteAddress: from.address,
                remotePort: 40000,
                remoteFamily: from.address.includes(':') ? 'IPv6' : 'IPv4',
              },
            },
          }
        : undefined,
    );
  return { app, db, login, advance: (ms: number) => (now += ms), now: () => now };
}

const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

/**
 * A hasher that counts verifications and how many run at once; held, they finish only once the test calls
 * `releaseAll` (from then on they finish at once).
 */
function countingHasher(options: { hold: boolean } = { hold: false }) {
  const inner = testPasswords();
  let holding = options.hold;
  const held: (() => void)[] = [];
  const counts = { active: 0, max: 0, calls: 0, stored: [] as string[] };
  const hasher: PasswordHasher = {
    ...inner,
    decoy: inner.decoy,
    async verify(password, stored) {
      counts.calls += 1;
      counts.stored.push(stored);
      counts.active += 1;
      counts.max = Math.max(counts.max, counts.active);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      const valid = await inner.verify(password, stored);
      counts.active -= 1;
      return valid;
    },
  };
  const releaseAll = () => {
    holding = false;
    for (const release of held.splice(0)) release();
  };
  return { hasher, counts, releaseAll };
}

/** Lets every request already sent run until it waits on something the test holds. */
const settle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('#9.7 sign-in limited per account and per address', () => {
  it('#9.7 300 wrong passwords for admin: five are checked, the rest get 429 with Retry-After and a Vietnamese message saying when', async () => {
    const { login } = await world();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 300; i++) {
      last = await login('admin', `doan-${i}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, DEFAULT_LOGIN_LIMITS.account.free + 1)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(DEFAULT_LOGIN_LIMITS.account.free + 1).every((s) => s === 429)).toBe(true);
    expect(last!.headers.get('Retry-After')).toBe('2');
    // 1_765_000_000_000 is 12:46:40 in Vietnam; the wait ends two seconds later.
    expect(await message(last!)).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 2 giây (lúc 12:46:42).');
  });

  it('#9.7 each further failure doubles the wait, the right password waits too, and a sign-in clears the count', async () => {
    const { login, advance } = await world();
    for (let i = 0; i < 6; i++) expect((await login('ctv.lyson', 'sai')).status).toBe(401);
    expect((await login('ctv.lyson', DEMO_PASSWORD)).status).toBe(429);
    advance(2_000);
    expect((await login('ctv.lyson', 'sai')).status).toBe(401);
    const waiting = await login('ctv.lyson', DEMO_PASSWORD);
    expect([waiting.status, waiting.headers.get('Retry-After')]).toEqual([429, '4']);
    advance(4_000);
    expect((await login('ctv.lyson', DEMO_PASSWORD)).status).toBe(200);
    // Cleared: five free mistakes again.
    for (let i = 0; i < 6; i++) expect((await login('ctv.lyson', 'sai')).status).toBe(401);
    expect((await login('ctv.lyson', 'sai')).status).toBe(429);
  });

  it('#9.7 a wrong username is limited like a wrong password: same answers, same hash cost (the decoy)', async () => {
    const { hasher, counts } = countingHasher();
    const { login } = await world({ passwords: hasher });
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 8; i++) {
        const response = await login(username, 'sai');
        out.push([response.status, response.headers.get('Retry-After'), await response.json()]);
      }
      return out;
    };
    const known = await answers('canbo.bato');
    const checkedKnown = counts.calls;
    const unknown = await answers('khong.ton.tai');
    expect(unknown).toEqual(known);
    expect(counts.calls - checkedKnown).toBe(checkedKnown);
    const decoy = counts.stored.at(-1)!;
    const real = (await findUserByUsername((await world()).db, 'canbo.bato'))!.passwordHash;
    expect(parseHash(decoy)!.params).toEqual(parseHash(real)!.params);
  });

  it('#9.7 failures from one address are limited across accounts; another address is not', async () => {
    const { login } = await world();
    const free = DEFAULT_LOGIN_LIMITS.address.free;
    for (let i = 0; i <= free; i++)
      expect((await login(`ten-${i}`, 'sai', { address: '203.0.113.7' })).status).toBe(401);
    expect((await login('ten-moi', 'sai', { address: '::ffff:203.0.113.7' })).status).toBe(429);
    expect((await login('ten-moi', 'sai', { address: '198.51.100.2' })).status).toBe(401);
  });

  it('#9.7 one IPv6 subscriber (a /64) counts as one address', async () => {
    const { login } = await world();
    const free = DEFAULT_LOGIN_LIMITS.address.free;
    for (let i = 0; i <= free; i++)
      expect((await login(`ten-${i}`, 'sai', { address: `2001:db8:1:2::${i.toString(16)}` })).status).toBe(401);
    expect((await login('ten-moi', 'sai', { address: '2001:db8:1:2:ffff::1' })).status).toBe(429);
    expect((await login('ten-moi', 'sai', { address: '2001:db8:1:3::1' })).status).toBe(401);
  });

  it('#9.7 X-Forwarded-For is believed only from a trusted proxy', async () => {
    const direct = await world();
    const free = DEFAULT_LOGIN_LIMITS.address.free;
    // Without a trusted proxy a forged header changes nothing: the socket's address is counted.
    for (let i = 0; i <= free; i++)
      await direct.login(`ten-${i}`, 'sai', { address: '203.0.113.7', forwardedFor: `10.9.0.${i}` });
    expect((await direct.login('ten-moi', 'sai', { address: '203.0.113.7', forwardedFor: '10.9.9.9' })).status).toBe(
      429,
    );

    const proxied = await world({ trustedProxies: ['127.0.0.1'] });
    // Behind the proxy the client is the rightmost address the proxy appended; what the client wrote is further left.
    for (let i = 0; i <= free; i++)
      await proxied.login(`ten-${i}`, 'sai', { address: '127.0.0.1', forwardedFor: `1.1.1.${i}, 203.0.113.7` });
    expect((await proxied.login('ten-moi', 'sai', { address: '127.0.0.1', forwardedFor: '203.0.113.7' })).status).toBe(
      429,
    );
    expect(
      (await proxied.login('ten-moi', 'sai', { address: '127.0.0.1', forwardedFor: '203.0.113.7, 198.51.100.2' }))
        .status,
    ).toBe(401);
  });
});

describe('#9.7 hashing bounded', () => {
  it('#9.7 hashes run at most two at a time (one core left to the event loop); a short queue waits and sign-ins beyond it get 503 with Retry-After', async () => {
    const { concurrency, queue } = DEFAULT_HASHING;
    expect(concurrency).toBeGreaterThanOrEqual(1);
    expect(concurrency).toBeLessThanOrEqual(Math.max(1, Math.min(2, availableParallelism() - 1)));
    const { hasher, counts, releaseAll } = countingHasher({ hold: true });
    const { app, login } = await world({ passwords: hasher });
    const pending = Array.from({ length: 20 }, (_, i) => login(`nguoi-${i}`, 'sai', { address: `198.51.100.${i}` }));
    // Every request reaches the semaphore; no hash is allowed to finish yet.
    await settle();
    expect(counts.active).toBe(concurrency);
    expect((await app.request('/api/health')).status).toBe(200);
    releaseAll();
    const responses = await Promise.all(pending);
    const statuses = responses.map((r) => r.status);
    expect(counts.max).toBe(concurrency);
    expect(statuses.filter((s) => s === 401)).toHaveLength(concurrency + queue);
    const busy = responses.filter((r) => r.status === 503);
    expect(busy).toHaveLength(20 - concurrency - queue);
    expect(busy[0]!.headers.get('Retry-After')).toBe('3');
    expect(await message(busy[0]!)).toMatch(/^Máy chủ đang bận .* thử lại sau vài giây\.$/);
  });

  it('#9.7 a sign-in refused as busy does not count as a failure', async () => {
    const { hasher, counts, releaseAll } = countingHasher({ hold: true });
    const { login } = await world({ passwords: hasher, hashing: { concurrency: 1, queue: 0 } });
    const holding = login('ctv.bato', 'sai', { address: '198.51.100.1' });
    await settle();
    expect(counts.active).toBe(1);
    for (let i = 0; i < 10; i++) expect((await login('admin', 'sai', { address: '198.51.100.2' })).status).toBe(503);
    releaseAll();
    expect((await holding).status).toBe(401);
    expect((await login('admin', DEMO_PASSWORD, { address: '198.51.100.2' })).status).toBe(200);
  });
});

describe('#9.7 scrypt parameters', () => {
  // The one test with the real parameters (about a second of hashing): every other test injects N = 2^10.
  it('#9.7 real defaults: an old N=2^15 hash signs in and is replaced by N=2^17 (maxmem fits, at most 2 × 128 MiB at once); a wrong password replaces nothing', async () => {
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(scryptMemory(DEFAULT_SCRYPT)).toBeLessThanOrEqual(129 * 1024 * 1024);
    expect(DEFAULT_HASHING.concurrency * scryptMemory(DEFAULT_SCRYPT)).toBeLessThanOrEqual(260 * 1024 * 1024);
    expect(parseHash(scryptHasher().decoy)!.params).toEqual(DEFAULT_SCRYPT);
    const { db, login } = await world({}, { serverHasher: true });
    const legacy = await hashPassword('mat-khau-cu-2024', LEGACY_SCRYPT);
    expect(legacy).toMatch(/^scrypt\$32768\$8\$1\$/);
    await createUser(
      db,
      { username: 'cu', displayName: 'Tài khoản cũ', role: 'collaborator', passwordHash: legacy, scope: ['21548'] },
      1,
    );
    expect((await login('cu', 'sai-roi')).status).toBe(401);
    expect((await findUserByUsername(db, 'cu'))!.passwordHash).toBe(legacy);
    expect((await login('cu', 'mat-khau-cu-2024')).status).toBe(200);
    const upgraded = (await findUserByUsername(db, 'cu'))!.passwordHash;
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login('cu', 'mat-khau-cu-2024')).status).toBe(200);
    expect((await findUserByUsername(db, 'cu'))!.passwordHash).toBe(upgraded);
  });
});
