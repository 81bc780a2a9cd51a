/**
 * Issue 12, an application the commune returns, in real Chromium at 800×1280 against the real server: the
 * collaborator's tablet shows it returned with the officer's reason; reopened offline, it is the application as
 * sent (every field asked), the missing paper is ticked, it survives a reload and is sent again; online the server
 * holds the same case, submitted again, once.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { vnDay } from '../support/vn-day';
import { TABLET, appWorld, demoDevice, signIn, synced } from '../support/app-world';
import { goOffline } from '../support/offline';
import {
  LY_SON,
  allowanceApplication,
  demoHousehold,
  memberFields,
  mutation,
  patchMutation,
} from '../support/fixtures';
import type { AllowanceApplication } from '../../src/shared/records/allowance';

const available = chromiumAvailable('e2e allowance return');

describe.skipIf(!available)('e2e: a returned application corrected on the tablet', () => {
  const world = appWorld();

  it('#12 returned with a reason, reopened offline, the paper added, sent again: the server holds it once, submitted', async () => {
    const [household, member, dossier] = [randomUUID(), randomUUID(), randomUUID()];
    const collaborator = await demoDevice(world.server.url, 'ctv.lyson');
    const application = allowanceApplication({ filedOn: vnDay(2), papers: ['citizen-id'] });
    expect(
      await collaborator(
        (s) => demoHousehold(s, { headName: 'Nguyễn Thị Hoa', address: 'Số 12' }, household),
        (s) =>
          patchMutation(
            s,
            member,
            memberFields(household, { fullName: 'Nguyễn Thị Hoa', birthDate: '1944-05-10', relation: 'chủ hộ' }),
            0,
            'member',
          ),
        (s) =>
          patchMutation(
            s,
            dossier,
            { kind: 'allowance', subjectId: member, communeCode: LY_SON, note: '', data: application },
            0,
            'case',
          ),
        (s) => mutation(s, { kind: 'command', id: dossier, command: 'submit' }),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied']);
    const officer = await demoDevice(world.server.url, 'canbo.lyson');
    expect(
      await officer((s) =>
        mutation(s, { kind: 'command', id: dossier, command: 'return', comment: 'Thiếu giấy xác nhận cư trú' }),
      ),
    ).toEqual(['applied']);

    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, world.server.url, 'ctv.lyson');
    await page.goto(`${world.server.url}/members/${member}`);
    const cases = page.getByTestId('allowance-cases');
    await expect.poll(() => cases.textContent()).toContain('Bị trả lại — Thiếu giấy xác nhận cư trú');
    const offline = await goOffline(tablet, page);

    await page.getByTestId('allowance-reopen').click();
    await page.waitForURL(`**/members/${member}/allowance/${dossier}`);
    await expect
      .poll(() => page.getByTestId('returned-because').textContent())
      .toBe('Xã trả lại hồ sơ để bổ sung: Thiếu giấy xác nhận cư trú. Sửa rồi gửi lại.');
    // The application as sent, every field asked (the papers may say otherwise than the registry).
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await page.getByLabel('Tình trạng hôn nhân').inputValue()).toBe('widowed');
    expect(await page.getByLabel('Căn cước công dân (cần)').isChecked()).toBe(true);
    await page.getByLabel('Sổ hộ khẩu hoặc xác nhận của công an xã về nơi cư trú (cần)').check();
    // Reloaded, the correction is kept.
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Sổ hộ khẩu hoặc xác nhận của công an xã về nơi cư trú (cần)').isChecked())
      .toBe(true);
    await page.getByRole('button', { name: 'Gửi xã' }).click();
    await page.waitForURL(`**/members/${member}`);

    await offline.goOnline();
    await synced(page);
    await synced(page);
    const rows = await world.server.db.all<{ id: string; data: string }>(
      "SELECT id, data FROM records WHERE type = 'case'",
    );
    const mine = rows.map((r) => ({ id: r.id, ...JSON.parse(r.data) })).filter((r) => r.subjectId === member);
    expect(mine.map((r) => r.id)).toEqual([dossier]);
    const stored = mine[0] as { status: string; history: { command: string }[]; data: AllowanceApplication };
    expect(stored.status).toBe('submitted');
    expect(stored.history.map((h) => h.command)).toEqual(['submit', 'return', 'submit']);
    expect(stored.data.papers.sort()).toEqual(['citizen-id', 'residence']);
    await expect.poll(() => page.getByTestId('allowance-status').textContent()).toBe('Đã gửi, chờ duyệt');
    await tablet.close();
  }, 120_000);
});
