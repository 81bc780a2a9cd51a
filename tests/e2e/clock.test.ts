/**
 * Issue 9, item 13 in real Chromium: a tablet whose clock runs two days ahead of the server is told so in the
 * status bar after its first sync, and the emergency form refuses to date an event in the server's future.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn } from '../support/app-world';

const available = chromiumAvailable('e2e clock');
const TWO_DAYS = 2 * 24 * 3_600_000;

describe.skipIf(!available)('e2e: a tablet clock two days fast', () => {
  // The server two days behind real time: to it, this browser's clock runs two days fast.
  const world = appWorld({ serverClockOffsetMs: -TWO_DAYS });

  it('#9.13 the status bar tells the user to fix the clock, and a form will not date an event in the future', async () => {
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'thon.lyson');
    await expect
      .poll(() => page.getByTestId('clock-warning').textContent())
      .toMatch(/^Đồng hồ của máy tính bảng đang nhanh 2 ngày so với máy chủ\. Hãy chỉnh lại ngày giờ/);

    await page.getByRole('link', { name: 'Thiên tai, cứu trợ' }).click();
    await page.getByLabel('Loại sự kiện').selectOption('flood');
    await page.getByLabel('Thôn Đông An Vĩnh').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() =>
        page
          .locator('form')
          .getByText(/Ngày xảy ra ở tương lai/)
          .count(),
      )
      .toBe(1);
    expect(page.url()).toMatch(/\/emergencies$/);
    await context.close();
  });
});
