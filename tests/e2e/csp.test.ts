/**
 * Issue 9, item 14, in real Chromium: the built PWA runs under the server's Content-Security-Policy — online and
 * offline from its service worker, through the screens a village head uses (households, an emergency, a handout
 * with a drawn signature, the printed list, sync, the signature upload) — with zero violations; and the policy is
 * really enforced (an injected inline script is refused and reported), also on the page the service worker serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { startHttpServer } from '../support/http-server';
import { DIST, TABLET, appWorld, signIn, synced } from '../support/app-world';

const available = chromiumAvailable('e2e content security policy');

interface Violation {
  directive: string;
  blocked: string;
  url: string;
}

describe.skipIf(!available)('e2e: the app under its Content-Security-Policy', () => {
  const world = appWorld();

  it('#9.14 the built app loads, works offline and hands out with a signature with zero CSP violations; inline script is refused', async () => {
    // What vite-plugin-pwa and Vite wrote into the shell: no inline script or style for the policy to refuse.
    const shell = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(shell).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(shell).not.toMatch(/<style|\sstyle=/);

    const context = await world.browser.newContext({ viewport: TABLET });
    const violations: Violation[] = [];
    const refusals: string[] = [];
    // In every document, before the app's own script: the browser's own report of each refusal, passed on through
    // the console (a binding would hold a debugger session that keeps Chromium from emulating offline).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.warn(
          `csp-violation ${JSON.stringify({ directive: event.effectiveDirective, blocked: event.blockedURI, url: event.documentURI })}`,
        );
      });
    });
    const watch = (page: Page) =>
      page.on('console', (message) => {
        const text = message.text();
        if (text.startsWith('csp-violation '))
          violations.push(JSON.parse(text.slice('csp-violation '.length)) as Violation);
        else if (/Refused to|Content Security Policy/i.test(text)) refusals.push(text);
      });
    context.on('page', watch);

    const page = await signIn(context, world.server.url, 'thon.lyson');
    const online = await page.reload();
    expect(online?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain('Nguyễn Văn Được');
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();

    // Offline — and the server really gone — from the service worker: the shell it serves carries the policy it
    // was precached with.
    await context.setOffline(true);
    await world.server.stop();
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    expect(offline?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByTestId('household-list').getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toBeTruthy();

    // A flood, a round, a handout with a drawn signature, the printed list.
    await page.getByRole('link', { name: 'Thiên tai, cứu trợ' }).click();
    await page.getByLabel('Loại sự kiện').selectOption('flood');
    await page.getByLabel('Thôn Đông An Vĩnh').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL('**/emergencies/*');
    await page.getByRole('button', { name: 'Ghi thiệt hại' }).click();
    const form = page.getByTestId('damage-form');
    await form.getByLabel('Tìm theo tên chủ hộ, tên thành viên, CCCD hoặc số điện thoại').fill('duoc');
    await form.getByRole('button').filter({ hasText: 'Thôn' }).first().click();
    await form.getByLabel('Số người thiếu đói').fill('4');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('button', { name: 'Tạo đợt cứu trợ' }).click();
    await page.waitForURL('**/rounds/*');
    await page
      .getByTestId('planned')
      .locator('li')
      .filter({ hasText: 'Nguyễn Văn Được' })
      .getByRole('button', { name: 'Phát' })
      .click();
    const pad = (await page.getByTestId('signature-pad').last().boundingBox())!;
    await page.mouse.move(pad.x + 20, pad.y + 50);
    await page.mouse.down();
    for (let i = 1; i < 12; i++) await page.mouse.move(pad.x + 20 + i * 25, pad.y + 50 + (i % 2) * 60);
    await page.mouse.up();
    await page.getByTestId('handout-form').getByRole('button', { name: 'Phát' }).click();
    await expect.poll(() => page.getByTestId('handouts').textContent()).toContain('Nguyễn Văn Được');
    await page.getByRole('link', { name: 'In danh sách ký nhận' }).click();
    await expect.poll(async () => page.getByTestId('print-page').count()).toBe(1);

    // Back online: the data, then the signature, go up under the same policy.
    world.server = await startHttpServer({
      dataDir: world.dataDir,
      staticDir: DIST,
      port: world.server.port,
      attachments: true,
    });
    await context.setOffline(false);
    await page.goBack();
    await synced(page);
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              new Promise<number>((done) => {
                const open = indexedDB.open('an-sinh');
                open.onsuccess = () => {
                  const request = open.result
                    .transaction('attachments')
                    .objectStore('attachments')
                    .index('uploaded')
                    .count(0);
                  request.onsuccess = () => done(request.result);
                };
              }),
          ),
        { timeout: 20_000 },
      )
      .toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Đồng bộ' }).click();
    await page.waitForURL('**/sync');

    expect(violations).toEqual([]);
    expect(refusals).toEqual([]);

    // The listener is live and the policy enforced: an injected inline script does not run, and is reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.map((v) => v.directive)).toEqual(['script-src-elem']);
    await context.close();
  });
});
