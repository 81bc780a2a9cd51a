/**
 * Issue 9, the web side of the server: security headers on every answer (items 14) and a request log that no
 * request can write into (item 9). The CSP itself is proven against the built app in real Chromium
 * (tests/e2e/csp.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createApp } from '../../sync-server/src/http/app';
import { securityHeaders } from '../../sync-server/src/http/security-headers';
import { startServer } from '../../sync-server/src/server';
import { readConfig } from '../../sync-server/src/config';
import { escapeForLog } from '../../sync-server/src/http/request-log';
import { testServer } from '../support/server';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'ansinh-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>An Sinh</title>');
  server = await testServer({ staticDir });
});
afterAll(() => server.db.close());

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('security headers', () => {
  it('#9.14 every answer carries a strict CSP, nosniff, no framing and no referrer', async () => {
    const token = await server.login('ctv.lyson');
    const answers = [
      await server.app.request('/'),
      await server.app.request('/households/abc'),
      await server.app.request('/api/health'),
      await server.app.request('/api/sync', { method: 'POST' }),
      await server.app.request('/api/nothing', { headers: { Authorization: `Bearer ${token}` } }),
    ];
    for (const answer of answers) {
      const csp = answer.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(answer.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(answer.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(answer.headers.get('X-Frame-Options')).toBe('DENY');
      // Plain http on loopback: no HSTS (a browser would pin a server that cannot do TLS).
      expect(answer.headers.get('Strict-Transport-Security')).toBeNull();
    }
  });

  it('#9.14 API answers, personal data included, are never kept by a cache', async () => {
    const token = await server.login('ctv.lyson');
    const sync = await server.post(
      '/api/sync',
      {
        protocol: 1,
        schema: 2,
        clientId: crypto.randomUUID(),
        mutations: [],
        pull: [{ commune: '21548', cursor: 0, epoch: 0 }],
      },
      token,
    );
    expect(sync.status).toBe(200);
    expect(sync.headers.get('Cache-Control')).toBe('no-store');
    const login = await server.post('/api/auth/login', { username: 'ctv.lyson', password: 'sai' });
    expect(login.headers.get('Cache-Control')).toBe('no-store');
    // The app shell stays revalidated, the hashed assets cacheable: only the API is no-store.
    expect((await server.app.request('/households/abc')).headers.get('Cache-Control')).toBe('no-cache');
  });

  it('#9.14 HSTS over TLS only; X-Forwarded-Proto is believed only behind a proxy configured as trusted', async () => {
    // Whether the peer is a trusted proxy is decided from the socket (client-address.ts); here it is given.
    const hsts = async (trusted: boolean, url: string, headers: Record<string, string> = {}) => {
      const app = new Hono()
        .use('*', securityHeaders({ fromTrustedProxy: () => trusted }))
        .get('*', (c) => c.text('ok'));
      return (await app.request(url, { headers })).headers.get('Strict-Transport-Security');
    };
    expect(await hsts(false, 'https://ansinh.example/api/health')).toMatch(/^max-age=\d{8,}/);
    expect(await hsts(false, 'http://ansinh.example/api/health', { 'X-Forwarded-Proto': 'https' })).toBeNull();
    expect(await hsts(true, 'http://ansinh.example/api/health', { 'X-Forwarded-Proto': 'https' })).toMatch(
      /^max-age=\d{8,}/,
    );
    expect(await hsts(true, 'http://ansinh.example/api/health', { 'X-Forwarded-Proto': 'http' })).toBeNull();
    expect(await hsts(true, 'http://ansinh.example/api/health')).toBeNull();
  });

  it('#9.14 a started server believes X-Forwarded-Proto only from an address in TRUSTED_PROXIES (none by default)', async () => {
    for (const [env, expected] of [
      [{}, null],
      [{ TRUSTED_PROXIES: '10.0.0.9' }, null],
      [{ TRUSTED_PROXIES: '10.0.0.9,127.0.0.1' }, 'max-age=31536000'],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-proxy-'));
      const started = await startServer(
        readConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', STATIC_DIR: join(dataDir, 'no-dist'), ...env }),
        () => undefined,
      );
      // A real socket on loopback: the peer address is what decides.
      const listening = serve({ fetch: started.app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => listening.once('listening', resolve));
      try {
        const port = (listening.address() as AddressInfo).port;
        const answer = await fetch(`http://127.0.0.1:${port}/api/health`, {
          headers: { 'X-Forwarded-Proto': 'https' },
        });
        expect(answer.headers.get('Strict-Transport-Security'), JSON.stringify(env)).toBe(expected);
      } finally {
        await new Promise((resolve) => listening.close(resolve));
        started.attachmentCleanup.stop();
        started.stopPruning();
        await started.db.close();
      }
    }
  });
});

describe('request log', () => {
  it('#9.9 a request cannot write a log line of its own', async () => {
    // A server without the built app: what no route answers is not written as asked at all.
    const logs: string[] = [];
    const app = createApp({ db: server.db, clock: Date.now, sessionTtlMs: 1000, log: (line) => logs.push(line) });
    await app.request('/x%0aPOST%20/api/auth/login%20200%201ms');
    await app.request('/api/nothing%0d%0aGET%20/api/health%20200%20%E2%80%A8');
    await app.request('/x%C2%85%1b[2J%7f');
    expect(logs).toHaveLength(3);
    for (const line of logs) expect(line).not.toMatch(CONTROL);
    expect(logs[0]).toMatch(/^GET \(not found\) 404 \d+ms$/);
    // An API path is logged as the route that answered, never as asked.
    expect(logs[1]).toMatch(/^GET \/api\/\* 404 \d+ms$/);
    expect(logs[2]).toMatch(/^GET \(not found\) 404 \d+ms$/);
  });

  it('#9.9 a path nothing answered is not written: it may hold a record id', async () => {
    const logs: string[] = [];
    const app = createApp({ db: server.db, clock: Date.now, sessionTtlMs: 1000, log: (line) => logs.push(line) });
    const id = crypto.randomUUID();
    await app.request(`/households/${id}/members`, { method: 'POST' });
    expect(logs.join('\n')).not.toContain(id);
    expect(logs).toEqual([expect.stringMatching(/^POST \(not found\) 404 \d+ms$/)]);
  });

  it('#9.9 paths of the app shell, which name records, are not written: the log says the shell was served', async () => {
    server.logs.length = 0;
    const id = crypto.randomUUID();
    await server.app.request(`/households/${id}`);
    await server.app.request('/x%0aPOST%20/api/auth/login%20200%201ms');
    expect(server.logs.map((line) => line.replace(/\d+ms$/, 'ms'))).toEqual([
      'GET (app shell) 200 ms',
      'GET (app shell) 200 ms',
    ]);
  });

  it('#9.9 escapes every control character and the backslash, and keeps Vietnamese as it is', () => {
    expect(escapeForLog('a\nb\r\tc\u0000\u007f\u0085\u2028\u2029\\x0a')).toBe(
      'a\\x0ab\\x0d\\x09c\\x00\\x7f\\x85\\u2028\\u2029\\\\x0a',
    );
    expect(escapeForLog('Đặc khu Lý Sơn')).toBe('Đặc khu Lý Sơn');
  });
});
