/**
 * The web manifest's screenshots, taken from the app itself: the built PWA and the demo server on loopback, real
 * Chromium (Debian's), a collaborator of Lý Sơn signed in, the household list on a phone (narrow) and on a tablet
 * in landscape (wide) — the files and sizes the built manifest declares (vite.config.ts). Written to
 * public/screenshots/ and committed; run again when the screens change: `npm run screenshots` (it builds first).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHttpServer } from '../tests/support/http-server';
import { launchChromium } from '../tests/support/browser';
import { DEMO_PASSWORD } from '../sync-server/src/seed/demo';

interface Screenshot {
  src: string;
  sizes: string;
}

async function main() {
  const manifest = JSON.parse(readFileSync(resolve('dist/manifest.webmanifest'), 'utf8')) as {
    screenshots: Screenshot[];
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-screenshots-'));
  const server = await startHttpServer({ dataDir, staticDir: resolve('dist'), demoRegistry: true });
  const browser = await launchChromium();
  const out = resolve('public/screenshots');
  mkdirSync(out, { recursive: true });
  try {
    for (const shot of manifest.screenshots) {
      const [width = 0, height = 0] = shot.sizes.split('x').map(Number);
      const context = await browser.newContext({ viewport: { width, height } });
      // A fresh profile's storage warning is not what the app looks like day to day.
      await context.addInitScript(() => {
        StorageManager.prototype.persisted = () => Promise.resolve(true);
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Tên đăng nhập').fill('ctv.lyson');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL('**/households');
      await page.getByTestId('household-list').locator('li').first().waitFor();
      await page.waitForFunction(() => /\d{2}\/\d{2}\/\d{4}/.test(document.body.textContent ?? ''));
      await page.screenshot({ path: join(out, shot.src.replace('/screenshots/', '')) });
      await context.close();
      console.log(`public${shot.src}: ${width}×${height}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('bench/manifest-screenshots.ts')) await main();
