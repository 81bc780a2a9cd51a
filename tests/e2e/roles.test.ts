/**
 * Issue 9, item 3 in real Chromium: province staff watch a commune's households but the app offers them nothing
 * to write (no register, edit, survey, member, emergency, round, review), and the server refuses a write sent
 * around the app, naming the role. A collaborator on the same screens still sees every button of the field.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn as signInAt } from '../support/app-world';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src/shared/protocol';
import { createMutation, LY_SON } from '../support/fixtures';

const available = chromiumAvailable('e2e roles');

describe.skipIf(!available)('e2e: what each role is offered', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);

  it('#9.3 province staff read a commune and are offered nothing to write; the server refuses a forged write by role', async () => {
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, 'so.tinh');
    await page.getByLabel('Xã/phường/đặc khu').selectOption(LY_SON);
    await expect
      .poll(() => page.getByTestId('household-list').textContent(), { timeout: 20_000 })
      .toContain('Nguyễn Văn Được');
    expect(await page.getByRole('link', { name: 'Thêm hộ mới' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Duyệt hồ sơ' }).count()).toBe(0);

    await page.getByTestId('household-list').getByText('Nguyễn Văn Được').click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Nguyễn Văn Được');
    for (const name of ['Sửa', 'Rà soát mới', 'Thêm thành viên'])
      expect(await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count(), name).toBe(0);

    // A member's page, reached by its address: the person, read-only, with no form to save.
    await page.goto(`${page.url()}/members/new`);
    await expect.poll(() => page.getByTestId('read-only').textContent()).toContain('chỉ được xem');
    expect(await page.getByRole('button', { name: 'Lưu' }).count()).toBe(0);
    await page.goBack();

    await page.getByRole('link', { name: 'Thiên tai, cứu trợ' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Thiên tai');
    expect(await page.getByRole('heading', { name: 'Ghi sự kiện mới' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tạo đợt tặng quà' }).count()).toBe(0);

    // Around the app: the same write the screens no longer offer, sent by hand.
    const login = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'so.tinh', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const answer = await fetch(`${world.server.url}/api/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        schema: SCHEMA_VERSION,
        clientId: crypto.randomUUID(),
        mutations: [createMutation(1)],
        pull: [],
      }),
    });
    expect(((await answer.json()) as { results: unknown[] }).results).toEqual([
      {
        seq: 1,
        status: 'rejected',
        reason: 'Vai trò cán bộ tỉnh không được tạo hộ gia đình.',
        problem: {
          code: 'reject.notPermitted',
          params: { role: 'province_staff', action: 'create', kind: 'household' },
        },
      },
    ]);
    await context.close();
  });

  it('a collaborator on the same screens is offered the field work', async () => {
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, 'ctv.lyson');
    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain('Nguyễn Văn Được');
    expect(await page.getByRole('link', { name: 'Thêm hộ mới' }).count()).toBe(1);
    await page.getByTestId('household-list').getByText('Nguyễn Văn Được').click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Nguyễn Văn Được');
    for (const name of ['Sửa', 'Rà soát mới', 'Thêm thành viên'])
      expect(await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count(), name).toBe(1);
    await context.close();
  });
});
