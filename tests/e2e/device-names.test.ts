/**
 * Issue 11, device names, in real Chromium against the real server: a collaborator names the tablet on the Sync
 * page ("Tên máy này"; a name too long is refused there, at the field), a conflict arises with a value from that
 * tablet, and the officer's desk names the tablet beside the value — an unnamed device still as "máy <short id>".
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn, synced } from '../support/app-world';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src/shared/protocol';
import { DEMO_VILLAGE, householdFields, patchMutation, type mutation } from '../support/fixtures';

const available = chromiumAvailable('e2e device names');

describe.skipIf(!available)('e2e: device names on the officer desk', () => {
  const world = appWorld();

  async function api(username: string) {
    const login = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const clientId = randomUUID();
    let seq = 0;
    return async (...ops: ((seq: number) => ReturnType<typeof mutation>)[]) => {
      const mutations = ops.map((op) => op(++seq));
      const answer = await fetch(`${world.server.url}/api/sync`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId, mutations, pull: [] }),
      });
      return ((await answer.json()) as { results: { status: string }[] }).results.map((r) => r.status);
    };
  }

  it('a collaborator names the tablet, a conflict arises, and the officer sees the tablet by its name', async () => {
    const household = randomUUID();
    const hoa = await api('ctv.lyson');
    expect(
      await hoa((s) =>
        patchMutation(
          s,
          household,
          householdFields({ headName: 'Trương Văn Tên', village: DEMO_VILLAGE, address: 'Tổ 1' }),
        ),
      ),
    ).toEqual(['applied']);

    const tam = await world.browser.newContext({ viewport: TABLET });
    const collaborator = await signIn(tam, world.server.url, 'ctv2.lyson');
    await collaborator.goto(`${world.server.url}/sync`);
    const card = collaborator.getByTestId('device-name');
    // A name too long is said at the field and not kept.
    await card.getByLabel('Tên máy này').fill('M'.repeat(61));
    await card.getByRole('button', { name: 'Lưu tên máy' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('Tên máy này dài quá 60 ký tự');
    await card.getByLabel('Tên máy này').fill('  Máy tính bảng thôn Đông ');
    await card.getByRole('button', { name: 'Lưu tên máy' }).click();
    await expect.poll(() => card.textContent()).toContain('Đã lưu tên máy');
    expect(await card.getByRole('alert').count()).toBe(0);
    // Kept on the device: the page opened again shows it.
    await collaborator.reload();
    await expect
      .poll(() => collaborator.getByTestId('device-name').getByLabel('Tên máy này').inputValue())
      .toBe('Máy tính bảng thôn Đông');

    // The tablet has the household, offline; meanwhile Phạm Thị Hoa, on an unnamed device, changes its address.
    await collaborator.goto(`${world.server.url}/households/${household}`);
    await expect.poll(() => collaborator.getByTestId('household-head').textContent()).toContain('Trương Văn Tên');
    await tam.setOffline(true);
    expect(await hoa((s) => patchMutation(s, household, { address: 'Tổ 5' }, 1))).toEqual(['applied']);
    await collaborator.getByRole('button', { name: 'Sửa' }).click();
    await collaborator.getByLabel('Địa chỉ').fill('Tổ 7');
    await collaborator.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => collaborator.getByTestId('household-head').count()).toBe(1);
    await tam.setOffline(false);
    await synced(collaborator);

    const office = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(office, world.server.url, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    const conflict = officer.getByTestId('conflict').filter({ hasText: 'Trương Văn Tên' });
    await expect.poll(() => conflict.getByTestId('candidate').count()).toBe(2);
    const candidates = conflict.getByTestId('candidate');
    const fromTablet = candidates.filter({ hasText: 'Tổ 7' });
    expect(await fromTablet.textContent()).toContain('Lê Văn Tâm (CTV Lý Sơn) (cộng tác viên)');
    expect(await fromTablet.getByTestId('candidate-device').textContent()).toBe('Máy tính bảng thôn Đông');
    expect(await candidates.filter({ hasText: 'Tổ 5' }).getByTestId('candidate-device').textContent()).toMatch(
      /^máy [0-9a-f]{8}$/,
    );
    await tam.close();
    await office.close();
  });
});
