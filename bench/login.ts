/**
 * npm run bench:login — what 32 sign-ins sent at once do to everyone else: the latency of /api/health and of a
 * static file (served from disk through libuv's thread pool, the same pool scrypt runs on) while they run.
 * Same run, same machine: idle; before (today's N = 2^15, no limit, no bound); N = 2^17 with no bound (what raising
 * N alone would do); after (N = 2^17, the default bound — 1 hash at a time on 2 cores — and backoff) with 32 wrong
 * passwords for one account and with 32 different accounts from 32 addresses; and 2 at a time for comparison.
 * Server and load share this process; the load is only sockets.
 */
import type { AddressInfo } from 'node:net';
import { request as httpRequest, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { openDatabase } from '../sync-server/src/db/open';
import { prepareDatabase } from '../sync-server/src/server';
import { createApp, type AppDeps } from '../sync-server/src/http/app';
import { createUser } from '../sync-server/src/store/users';
import { DEFAULT_SCRYPT, LEGACY_SCRYPT, type ScryptParams } from '../sync-server/src/auth/password';
import { DEFAULT_HASHING, scryptHasher } from '../sync-server/src/auth/hashing';
import { DEFAULT_LOGIN_LIMITS } from '../sync-server/src/http/login-limit';

const LOGINS = 32;
const PASSWORD = 'mat-khau-bench-2026';
const NO_LIMITS = {
  ...DEFAULT_LOGIN_LIMITS,
  account: { free: 1e9, baseMs: 0, maxMs: 0 },
  address: { free: 1e9, baseMs: 0, maxMs: 0 },
};
const UNBOUNDED = { concurrency: 1e9, queue: 0 };

interface Scenario {
  name: string;
  params: ScryptParams;
  deps: Partial<AppDeps>;
  /** 'one-account': 32 wrong passwords for admin from one address; 'many': 32 right passwords, 32 accounts and addresses. */
  load: 'none' | 'one-account' | 'many';
}

const SCENARIOS: Scenario[] = [
  { name: 'idle (no sign-ins)', params: DEFAULT_SCRYPT, deps: {}, load: 'none' },
  {
    name: 'before: N=2^15, no limit, no bound',
    params: LEGACY_SCRYPT,
    deps: { loginLimits: NO_LIMITS, hashing: UNBOUNDED },
    load: 'one-account',
  },
  {
    name: `after: N=2^17, limits, ${DEFAULT_HASHING.concurrency} at a time — one account`,
    params: DEFAULT_SCRYPT,
    deps: {},
    load: 'one-account',
  },
  {
    name: `after: N=2^17, limits, ${DEFAULT_HASHING.concurrency} at a time — 32 accounts`,
    params: DEFAULT_SCRYPT,
    deps: {},
    load: 'many',
  },
  // The alternative default, for comparison: both cores hashing.
  {
    name: 'same, but 2 at a time — 32 accounts',
    params: DEFAULT_SCRYPT,
    deps: { hashing: { concurrency: 2, queue: 6 } },
    load: 'many',
  },
  // Last: four 128 MiB hashes at once raise the process's RSS for good, which would blur the rows after it.
  {
    name: 'N=2^17, no limit, no bound',
    params: DEFAULT_SCRYPT,
    deps: { loginLimits: NO_LIMITS, hashing: UNBOUNDED },
    load: 'one-account',
  },
];

/**
 * One request on its own connection with node:http. Not fetch: undici's fetch itself waits on libuv's thread pool
 * here, so in this shared process it would measure the client's queue, not the server's (seen: 6 s vs 0.5 s).
 */
function request(
  port: number,
  method: string,
  path: string,
  options: { body?: string; forwardedFor?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.body
      ? { 'Content-Type': 'application/json', 'X-Forwarded-For': options.forwardedFor ?? '' }
      : {};
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);

async function run(scenario: Scenario) {
  const root = mkdtempSync(join(tmpdir(), 'bench-login-'));
  const staticDir = join(root, 'dist');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>An Sinh</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'x'.repeat(200_000));
  const db = await openDatabase({ dataDir: join(root, 'data'), databaseUrl: undefined });
  const hasher = scryptHasher(scenario.params);
  await prepareDatabase(db, { seedDemo: true, demoRegistry: false, now: Date.now(), passwords: hasher });
  const hash = await hasher.hash(PASSWORD);
  for (let i = 0; i < LOGINS; i++)
    await createUser(
      db,
      {
        username: `canbo${i}`,
        displayName: `Cán bộ ${i}`,
        role: 'commune_officer',
        passwordHash: hash,
        scope: ['21548'],
      },
      1,
    );
  const app = createApp({
    db,
    clock: Date.now,
    sessionTtlMs: 86_400_000,
    staticDir,
    passwords: hasher,
    trustedProxies: ['127.0.0.1'],
    ...scenario.deps,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const port = (server.address() as AddressInfo).port;

  const timed = async (path: string) => {
    const started = performance.now();
    await request(port, 'GET', path);
    return performance.now() - started;
  };
  await timed('/api/health');
  await timed('/assets/app.js');

  const statuses = new Map<number, number>();
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const logins =
    scenario.load === 'none'
      ? [new Promise((resolve) => setTimeout(resolve, 2_000))]
      : Array.from({ length: LOGINS }, (_, i) =>
          request(port, 'POST', '/api/auth/login', {
            forwardedFor: scenario.load === 'many' ? `198.51.100.${i}` : '203.0.113.7',
            body: JSON.stringify(
              scenario.load === 'many'
                ? { username: `canbo${i}`, password: PASSWORD }
                : { username: 'admin', password: `doan-${i}` },
            ),
          }).then((status) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }),
        );
  let done = false;
  const allDone = Promise.all(logins).then(() => {
    done = true;
    return performance.now() - started;
  });
  // A probe every 50 ms, each on its own (a slow one does not hold the next back), until the last sign-in answers.
  const health: Promise<number>[] = [];
  const files: Promise<number>[] = [];
  while (!done) {
    health.push(timed('/api/health'));
    files.push(timed('/assets/app.js'));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const wall = await allDone;
  const healthMs = (await Promise.all(health)).sort((a, b) => a - b);
  const filesMs = (await Promise.all(files)).sort((a, b) => a - b);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
  rmSync(root, { recursive: true, force: true });
  const outcome =
    [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${n}×${status}`)
      .join(' ') || '—';
  console.log(
    `${scenario.name.padEnd(52)} health p50${ms(quantile(healthMs, 0.5))} p95${ms(quantile(healthMs, 0.95))} max${ms(healthMs.at(-1)!)} | file p50${ms(quantile(filesMs, 0.5))} p95${ms(quantile(filesMs, 0.95))} max${ms(filesMs.at(-1)!)} | sign-ins ${outcome.padEnd(16)} in ${(wall / 1000).toFixed(2)} s | peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`,
  );
}

console.log(
  `bench:login — ${LOGINS} sign-ins at once; latency of GET /api/health and of a 200 KB static file, probed every 50 ms meanwhile`,
);
console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`,
);
for (const scenario of SCENARIOS) await run(scenario);
