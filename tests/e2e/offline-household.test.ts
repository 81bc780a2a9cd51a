/**
 * The walking skeleton end to end, in real Chromium against the built PWA and the real server:
 * first visit online → offline reload from the service worker → a household created offline survives a reload
 * and waits as "1 change" → the server restarts → back online it syncs → a second user of the commune sees it,
 * a user of another commune does not.
 */

import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn as signInAt } from '../support/app-world';
import { goOffline } from '../support/offline';

const available = chromiumAvailable('e2e offline household');

describe.skipIf(!available)('e2e: one household from an offline tablet to a second device', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);

  it('works offline, keeps the change across reloads and a server restart, and syncs it to the commune only', async () => {
    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');
    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain('Nguyễn Văn Được');

    // The service worker has precached the shell and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // The installable-app checks Chromium itself runs.
    // (Detached before going offline: in this Chromium, detaching any CDP session drops the page's emulated
    // `navigator.onLine`.)
    const cdp = await tablet.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Test contexts are incognito by nature; every other reason would be the app's fault.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    await cdp.detach();

    // Offline — and the server really gone, so nothing can come from the network. `goOffline` and not
    // `tablet.setOffline` alone: this Chromium forgets the emulated `navigator.onLine` on every new document.
    const offline = await goOffline(tablet, page);
    await world.stopServer();
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('Không có mạng');
    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain('Nguyễn Văn Được');

    // A deep link opens offline too.
    await page.goto(`${world.server.url}/households/new`);
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('Không có mạng');
    await page.getByLabel('Họ tên chủ hộ').fill('Huỳnh Thị Ngoài Khơi');
    await page.getByLabel('Thôn/tổ dân phố').fill('Thôn Tây An Hải');
    await page.getByLabel('Số CCCD của chủ hộ (không bắt buộc)').fill('0510');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('12 chữ số');
    await page.getByLabel('Số CCCD của chủ hộ (không bắt buộc)').fill('051190004321');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Huỳnh Thị Ngoài Khơi');
    const householdUrl = page.url();

    await page.reload();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Huỳnh Thị Ngoài Khơi');
    await expect.poll(() => page.getByTestId('network').textContent()).toBe('Không có mạng');
    await expect.poll(() => page.getByTestId('pending').textContent()).toBe('1 thay đổi chờ gửi');

    // The server comes back (same data folder and port: a restart) and so does the network.
    await world.restartServer();
    await offline.goOnline();
    await expect
      .poll(() => page.getByTestId('pending').textContent(), { timeout: 20_000 })
      .toBe('Không có thay đổi chờ gửi');

    // Another restart between two syncs loses nothing.
    await world.restartServer();

    const second = await world.browser.newContext({ viewport: TABLET });
    const colleague = await signIn(second, 'ctv2.lyson');
    await expect.poll(() => colleague.getByTestId('household-list').textContent()).toContain('Huỳnh Thị Ngoài Khơi');
    await colleague.goto(householdUrl);
    await expect.poll(() => colleague.getByTestId('household-head').textContent()).toContain('Huỳnh Thị Ngoài Khơi');

    const other = await world.browser.newContext({ viewport: TABLET });
    const stranger = await signIn(other, 'ctv.bato');
    await expect.poll(() => stranger.getByTestId('household-list').textContent()).toContain('Đinh Văn Pháo');
    expect(await stranger.getByTestId('household-list').textContent()).not.toContain('Huỳnh Thị Ngoài Khơi');
    await stranger.goto(householdUrl);
    await expect.poll(() => stranger.textContent('main')).toContain('Không tìm thấy hộ này trên máy.');

    await Promise.all([tablet.close(), second.close(), other.close()]);
  });

  it('an edit saved offline in one tab shows at once in another tab on the same household, and after a reload', async () => {
    // The save is written straight to IndexedDB (src/db/direct-write.ts); the other tab hears of it through
    // Dexie's storage-mutated message, as it would of a save made through Dexie.
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, 'ctv.lyson');
    await page
      .getByTestId('household-list')
      .getByRole('link', { name: /Nguyễn Văn Được/ })
      .click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Nguyễn Văn Được');
    const other = await context.newPage();
    await other.goto(page.url());
    await expect.poll(() => other.getByTestId('household-head').textContent()).toContain('Nguyễn Văn Được');
    const offline = await goOffline(context, page);
    await page.getByRole('button', { name: 'Sửa' }).click();
    await page.getByLabel('Ghi chú').fill('Mái nhà dột sau bão số 13');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('dl').textContent()).toContain('Mái nhà dột sau bão số 13');
    await expect.poll(() => other.locator('dl').textContent()).toContain('Mái nhà dột sau bão số 13');
    await other.reload();
    await expect.poll(() => other.locator('dl').textContent()).toContain('Mái nhà dột sau bão số 13');
    await offline.goOnline();
    await context.close();
  });

  it('one tab of the origin syncs at a time (Web Locks), and refused persistent storage is shown', async () => {
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, 'ctv.lyson');
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    if (!persisted) await expect.poll(() => page.getByTestId('storage-warning').isVisible()).toBe(true);
    else expect(await page.getByTestId('storage-warning').count()).toBe(0);

    // Another tab holds the sync lock: this tab's "sync now" must not send anything meanwhile.
    const other = await context.newPage();
    await other.goto(`${world.server.url}/households`);
    // Wait until the lock is really granted: until then a sync of either tab (the other's first one, or a second
    // one of this tab queued at sign-in) may hold it and send requests that are not the click's.
    await other.evaluate(
      () =>
        new Promise<void>((granted) => {
          void navigator.locks.request('an-sinh-sync', () => {
            granted();
            return new Promise<void>(
              (resolve) => ((window as unknown as { releaseSync: () => void }).releaseSync = resolve),
            );
          });
        }),
    );
    await expect.poll(() => page.locator('[data-sync-running]').getAttribute('data-sync-running')).toBe('false');
    const syncs: string[] = [];
    page.on('request', (request) => void (request.url().endsWith('/api/sync') && syncs.push(request.url())));
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.waitForTimeout(1500);
    expect(syncs).toHaveLength(0);
    await other.evaluate(() => (window as unknown as { releaseSync: () => void }).releaseSync());
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect.poll(() => syncs.length).toBeGreaterThan(0);
    await context.close();
  });
});
