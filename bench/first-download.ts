/**
 * The first download of a commune with 2,000 households and 8,000 members, in real Chromium against the built
 * PWA and the real server (npm run bench:sync runs it after bench/sync.ts). Prints the bytes on the wire (gzip),
 * the requests, the time the device spent applying pages to IndexedDB, and the wall time over loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/support/browser';
import { startHttpServer } from '../tests/support/http-server';
import { DEMO_PASSWORD, LY_SON } from '../sync-server/src/seed/demo';
import { preloadCommune } from './commune';

const HOUSEHOLDS = 2000;

const dataDir = mkdtempSync(join(tmpdir(), 'bench-download-'));
const server = await startHttpServer({ dataDir, staticDir: resolve('dist') });
await preloadCommune(server.db, LY_SON, HOUSEHOLDS);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/api/sync')) return;
    requests += 1;
    void request.sizes().then((sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize));
  });
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Tên đăng nhập').fill('ctv.lyson');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  const started = Date.now();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('last-sync').filter({ hasText: 'Đồng bộ lần cuối' }).waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - started;
  const figures = await page.evaluate(async () => {
    const apply = performance.getEntriesByName('an-sinh:apply-sync-page').reduce((sum, e) => sum + e.duration, 0);
    const dbs = await indexedDB.databases();
    return { apply, dbs: dbs.map((d) => d.name) };
  });
  const counts = await page.evaluate(
    () =>
      new Promise<number[]>((resolveCounts) => {
        const open = indexedDB.open('an-sinh');
        open.onsuccess = () => {
          const tx = open.result.transaction(['households', 'members'], 'readonly');
          const h = tx.objectStore('households').count();
          const m = tx.objectStore('members').count();
          tx.oncomplete = () => resolveCounts([h.result, m.result]);
        };
      }),
  );
  await new Promise((r) => setTimeout(r, 200));
  console.log('\n## First download of a commune in Chromium (800×1280, loopback)');
  console.log(`records on the device: ${counts[0]} households, ${counts[1]} members`);
  console.log(
    `on the wire: ${(bytes / 1024).toFixed(0)} KB gzip in ${requests} sync requests (target ≤ 300 KB); on 2G at 35 kbps that is ~${Math.round((bytes * 8) / 35_000 + requests * 1.3)} s`,
  );
  console.log(
    `applying the pages to IndexedDB: ${(figures.apply / 1000).toFixed(2)} s (target ≤ 3 s); sign-in to synced, wall: ${(wallMs / 1000).toFixed(2)} s`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
