/**
 * Issue 6 end to end, in real Chromium at 800×1280: a village head offline records a flood, the damage of three
 * households (with their entitlements), hands rice to two with a drawn signature, reloads, prints the signature
 * list, syncs; a second device hands rice again to one of them (warned by its ledger) → after both sync the commune
 * officer sees the flagged pair and voids one with a reason; the signature is downloadable by the officer and not
 * by a user of another commune.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn as signInAt, synced } from '../support/app-world';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';

const available = chromiumAvailable('e2e relief');

describe.skipIf(!available)('e2e: emergencies and relief for a village head', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);

  async function recordDamage(page: Page, search: string, hungry: string) {
    await page.getByRole('button', { name: 'Ghi thiệt hại' }).click();
    const form = page.getByTestId('damage-form');
    await form.getByLabel('Tìm theo tên chủ hộ, tên thành viên, CCCD hoặc số điện thoại').fill(search);
    await form.getByRole('button').filter({ hasText: 'Thôn' }).first().click();
    await form.getByLabel('Số người thiếu đói').fill(hungry);
    await expect.poll(() => form.getByTestId('entitlements').textContent()).toContain('kg');
    await form.getByRole('button', { name: 'Lưu' }).click();
  }

  async function sign(page: Page) {
    const pad = page.getByTestId('signature-pad').last();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 50);
    await page.mouse.down();
    for (let i = 1; i < 12; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + 50 + (i % 2) * 60);
    await page.mouse.up();
  }

  async function token(username: string): Promise<string> {
    const response = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  it('records a flood offline, hands out rice with signatures, prints, syncs, and the officer settles a double handout', async () => {
    const headContext = await world.browser.newContext({ viewport: TABLET });
    const head = await signIn(headContext, 'thon.lyson');
    await headContext.setOffline(true);

    await head.getByRole('link', { name: 'Thiên tai, cứu trợ' }).click();
    await head.getByLabel('Loại sự kiện').selectOption('flood');
    for (const village of ['Thôn Đông An Vĩnh', 'Thôn Tây An Vĩnh', 'Thôn Đông An Hải'])
      await head.getByLabel(village).check();
    await head.getByRole('button', { name: 'Lưu' }).click();
    await head.waitForURL('**/emergencies/*');
    const eventUrl = head.url();

    await recordDamage(head, 'duoc', '4');
    await recordDamage(head, 'truong le', '3');
    await recordDamage(head, 'dang thanh', '5');
    await expect.poll(async () => head.getByTestId('damage-list').locator(':scope > li').count()).toBe(3);
    expect(await head.getByTestId('damage-list').textContent()).toContain('180 kg');
    // The village list for food support (Form 5a) comes straight out of the damage recorded.
    expect(await head.getByTestId('food-list').locator('tbody tr').count()).toBe(3);

    await head.getByRole('button', { name: 'Tạo đợt cứu trợ' }).click();
    await head.waitForURL('**/rounds/*');
    const roundUrl = head.url();
    for (const name of ['Nguyễn Văn Được', 'Trương Thị Lệ']) {
      await head
        .getByTestId('planned')
        .locator('li')
        .filter({ hasText: name })
        .getByRole('button', { name: 'Phát' })
        .click();
      await sign(head);
      await head.getByTestId('handout-form').getByRole('button', { name: 'Phát' }).click();
      await expect.poll(() => head.getByTestId('handouts').textContent()).toContain(name);
    }
    await head.reload();
    await expect.poll(async () => head.getByTestId('handouts').locator('li').count()).toBe(2);
    expect(await head.getByTestId('round-summary').textContent()).toMatch(/^2 hộ/);

    // The signature list, as printed: one A4 page per village, the app's chrome hidden.
    await head.getByRole('link', { name: 'In danh sách ký nhận' }).click();
    await head.emulateMedia({ media: 'print' });
    await expect.poll(async () => head.getByTestId('print-page').count()).toBe(3);
    expect(await head.locator('.status-bar').isVisible()).toBe(false);
    expect(await head.getByTestId('print-page').first().textContent()).toContain('DANH SÁCH KÝ NHẬN');
    // Nguyễn Văn Được's household: 4 people recorded with the damage, 60 kg handed out.
    expect(await head.getByTestId('print-page').first().locator('tbody tr').first().textContent()).toMatch(
      /Nguyễn Văn Được460/,
    );
    const pdf = await head.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await head.emulateMedia({ media: 'screen' });

    await headContext.setOffline(false);
    await head.goto(roundUrl);
    await synced(head);
    // Attachments go after the data: wait until the queue is empty too.
    await expect
      .poll(
        () =>
          head.evaluate(
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

    // A collaborator's tablet hands rice again to Nguyễn Văn Được: its ledger warns, the handout is kept.
    const otherContext = await world.browser.newContext({ viewport: TABLET });
    const other = await signIn(otherContext, 'ctv.lyson');
    await otherContext.setOffline(true);
    await other.goto(roundUrl);
    await other
      .getByTestId('planned')
      .locator('li')
      .filter({ hasText: 'Nguyễn Văn Được' })
      .getByRole('button', { name: 'Phát' })
      .click();
    // A handout has a receipt (or the reason there is none): the recipient signs (issue 11).
    await sign(other);
    await other.getByTestId('handout-form').getByRole('button', { name: 'Phát' }).click();
    await expect.poll(() => other.getByTestId('double-warning').textContent()).toContain('đã nhận');
    await other.getByTestId('handout-form').getByRole('button', { name: 'Vẫn phát' }).click();
    await expect.poll(async () => other.getByTestId('handouts').locator('li').count()).toBe(3);
    await otherContext.setOffline(false);
    await synced(other);

    // The officer sees the pair flagged and voids one with a reason.
    const officeContext = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(officeContext, 'canbo.lyson');
    await officer.goto(roundUrl);
    await expect
      .poll(async () => officer.getByTestId('handouts').locator('li').filter({ hasText: 'nghi phát trùng' }).count())
      .toBe(2);
    const flagged = officer.getByTestId('handouts').locator('li').filter({ hasText: 'nghi phát trùng' }).last();
    await flagged.getByRole('button', { name: 'Hủy phiếu' }).click();
    await officer.getByLabel('Lý do hủy').fill('Hộ đã nhận ở điểm phát của trưởng thôn');
    await officer.getByRole('button', { name: 'Xác nhận hủy' }).click();
    await synced(officer);
    await synced(head);
    await head.goto(roundUrl);
    await expect
      .poll(() => head.getByTestId('handouts').textContent())
      .toContain('Hộ đã nhận ở điểm phát của trưởng thôn');
    await head.goto(eventUrl);
    await expect.poll(() => head.getByTestId('in-time').textContent()).toContain('%');

    // The signature: the officer may download it, a user of another commune may not.
    const receipts = await world.server.db.all<{ data: string }>(
      "SELECT data FROM records WHERE type = 'distribution'",
    );
    const hash = receipts.map((r) => JSON.parse(r.data) as { receipt?: string }).find((d) => d.receipt)?.receipt;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const asOfficer = await fetch(`${world.server.url}/api/attachments/${hash}`, {
      headers: { Authorization: `Bearer ${await token('canbo.lyson')}` },
    });
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.headers.get('content-type')).toBe('image/png');
    const asStranger = await fetch(`${world.server.url}/api/attachments/${hash}`, {
      headers: { Authorization: `Bearer ${await token('ctv.bato')}` },
    });
    expect(asStranger.status).toBe(404);

    await Promise.all([headContext.close(), otherContext.close(), officeContext.close()]);
  });
});
