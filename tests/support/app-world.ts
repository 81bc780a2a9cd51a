/**
 * The e2e world: the built PWA and the real server on loopback over a fresh data folder, real Chromium, and the
 * steps every scenario takes (sign in, sync and wait for that very run).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startHttpServer } from './http-server';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src/shared/protocol';
import type { mutation } from './fixtures';

export const DIST = resolve('dist');
export const TABLET = { width: 800, height: 1280 };

/**
 * Call at the top of a describe: starts the server and Chromium before its tests, stops them after. A test may stop
 * and restart the server (same data folder and port); one that fails while it is stopped must not take the next
 * tests down with it, so each test starts with the server running. `serverClockOffsetMs` sets the server's clock
 * off real time (the browser then looks that far off).
 */
export function appWorld(settings: { serverClockOffsetMs?: number } = {}) {
  const options = () => ({
    dataDir: world.dataDir,
    staticDir: DIST,
    attachments: true,
    clockOffsetMs: settings.serverClockOffsetMs ?? 0,
  });
  const world = {
    browser: undefined as unknown as Browser,
    server: undefined as unknown as Awaited<ReturnType<typeof startHttpServer>>,
    dataDir: mkdtempSync(join(tmpdir(), 'ansinh-e2e-')),
    running: false,
    async stopServer() {
      world.running = false;
      await world.server.stop();
    },
    /** The same server again: same data folder, same port (the tablets' origin), same options. */
    async restartServer() {
      if (world.running) await world.stopServer();
      world.server = await startHttpServer({ ...options(), port: world.server.port });
      world.running = true;
    },
  };
  beforeAll(async () => {
    if (!existsSync(join(DIST, 'sw.js')))
      throw new Error('dist/ is missing: npm test builds it (vite build) before the tests');
    world.server = await startHttpServer(options());
    world.running = true;
    world.browser = await launchChromium();
  });
  beforeEach(async () => {
    if (world.server && !world.running) await world.restartServer();
  });
  afterAll(async () => {
    await world.browser?.close();
    if (world.running) await world.server.stop();
    rmSync(world.dataDir, { recursive: true, force: true });
  });
  return world;
}

export async function signIn(context: BrowserContext, url: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/households');
  await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/Đồng bộ lần cuối: \d{2}\/\d{2}\/\d{4}/);
  // The service worker must be active before a test takes the network away, or offline navigations fail.
  await page.evaluate(() => navigator.serviceWorker.ready);
  return page;
}

/** Runs a sync from the button and waits for that run (not an earlier one) to finish with nothing left to send. */
export async function synced(page: Page): Promise<void> {
  const status = page.locator('[data-sync-finished]');
  const before = Number(await status.getAttribute('data-sync-finished'));
  await expect.poll(() => status.getAttribute('data-sync-running')).toBe('false');
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect
    .poll(async () => Number(await status.getAttribute('data-sync-finished')), { timeout: 20_000 })
    .toBeGreaterThan(before);
  await expect
    .poll(() => page.getByTestId('pending').textContent(), { timeout: 20_000 })
    .toBe('Không có thay đổi chờ gửi');
}

/**
 * Signs in as a demo user over HTTP and answers a function that pushes mutations as one new device (its own
 * client id and seq), returning each mutation's status: how an e2e test seeds what other devices did.
 */
export async function demoDevice(serverUrl: string, username: string) {
  const login = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const clientId = randomUUID();
  let seq = 0;
  return async (...ops: ((seq: number) => ReturnType<typeof mutation>)[]) => {
    const mutations = ops.map((op) => op(++seq));
    const answer = await fetch(`${serverUrl}/api/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId, mutations, pull: [] }),
    });
    return ((await answer.json()) as { results: { status: string }[] }).results.map((r) => r.status);
  };
}
