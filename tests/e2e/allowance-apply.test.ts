/**
 * Issue 12, an allowance application on the tablet, in real Chromium at 800×1280: a collaborator offline opens a
 * registered woman of 82, applies for her on form 1d — what the registry knows shown and not asked, the rest
 * answered, the papers ticked and photographed — sees the proposal's monthly amount, reloads (the draft is all
 * there), sends it to the commune ("Gửi xã"), and once online the server holds the application once, submitted,
 * with the photo uploaded and readable by the commune officer.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, demoDevice, signIn, synced } from '../support/app-world';
import { goOffline } from '../support/offline';
import { demoHousehold, memberFields, patchMutation } from '../support/fixtures';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { proposeAllowance } from '../../src/shared/allowance-proposal';
import type { AllowanceApplication } from '../../src/shared/records/allowance';
import { formatVnd } from '../../src/ui/format';

const available = chromiumAvailable('e2e allowance application');

describe.skipIf(!available)('e2e: an allowance application filed offline on the tablet', () => {
  const world = appWorld();
  async function token(username: string): Promise<string> {
    const response = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  it('#12 offline: apply on form 1d with a photo, see the amount, reload, send; online the server holds it once', async () => {
    const [household, member] = [randomUUID(), randomUUID()];
    const device = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await device(
        (s) => demoHousehold(s, { headName: 'Nguyễn Thị Hoa', address: 'Số 12' }, household),
        (s) =>
          patchMutation(
            s,
            member,
            memberFields(household, {
              fullName: 'Nguyễn Thị Hoa',
              sex: 'female',
              birthDate: '1944-05-10',
              relation: 'chủ hộ',
              citizenId: '051144000123',
              hasHealthInsurance: true,
            }),
            0,
            'member',
          ),
      ),
    ).toEqual(['applied', 'applied']);

    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, world.server.url, 'ctv.lyson');
    const offline = await goOffline(tablet, page);

    // The member, offline: no application yet, and the way to one.
    await page.goto(`${world.server.url}/households/${household}`);
    await page
      .getByTestId('member-list')
      .getByRole('link', { name: /Nguyễn Thị Hoa/ })
      .click();
    await expect.poll(() => page.textContent('main')).toContain('Chưa có hồ sơ trợ cấp nào.');
    await page.getByRole('link', { name: 'Đề nghị trợ cấp' }).click();
    const form = page.locator('select[name="form"]');
    await form.waitFor();
    await form.selectOption('1d');

    // What the registry knows is shown as such, not asked.
    const registry = page.getByTestId('from-registry');
    await expect.poll(() => registry.textContent()).toContain('Nguyễn Thị Hoa');
    expect(await registry.textContent()).toContain('10/05/1944');
    expect(await registry.textContent()).toContain('051144000123');
    expect(await registry.textContent()).toContain('Số 12');
    expect(await page.getByLabel('Số CCCD', { exact: true }).count()).toBe(0);
    // No approved survey for the household: its poverty is asked. HIV is not asked on form 1d.
    await page.getByLabel('Hộ nghèo, cận nghèo').selectOption('poor');
    expect(await page.getByTestId('hiv-section').count()).toBe(0);
    await page.getByLabel('Tình trạng hôn nhân').selectOption('widowed');
    await page.getByLabel('Người có nghĩa vụ và quyền phụng dưỡng').selectOption('none');
    // The form's own questions and the benefits she already receives (CASES.md §1.1).
    await page.getByLabel('Thông tin người phụng dưỡng (họ tên, tuổi, nghề nghiệp, nơi ở, thu nhập)').fill('Không có');
    await page.getByLabel('Trợ cấp ưu đãi người có công (đồng/tháng)').fill('1200000');
    await expect.poll(() => page.getByTestId('current-benefits').textContent()).toContain('Sẽ ghi: 1.200.000 đ');

    // The papers still missing are said, then ticked; one photographed.
    const missing = page.getByTestId('proposal-missing');
    await expect.poll(() => missing.textContent()).toContain('Căn cước công dân');
    await page.getByLabel('Căn cước công dân (cần)').check();
    await page.getByLabel('Sổ hộ khẩu hoặc xác nhận của công an xã về nơi cư trú (cần)').check();
    await expect.poll(() => missing.textContent()).toBe('Đủ thông tin để cán bộ xã xem xét.');
    const png = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(400, 300);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 400, 300);
      context.fillStyle = '#123';
      context.fillText('CCCD 051144000123', 20, 150);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    });
    await page
      .locator('input[name="paper-photo"]')
      .setInputFiles({ name: 'cccd.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await expect.poll(() => page.getByTestId('photo-count').textContent()).toBe('Đã chụp 1 ảnh.');

    // The proposal: what the engine gives this month for the application as filled.
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const expected = proposeAllowance(
      {
        form: '1d',
        filedOn: `${month}-01`,
        applicant: {
          fullName: 'Nguyễn Thị Hoa',
          birthDate: '1944-05-10',
          sex: 'female',
          ethnicity: '01',
          residence: 'x',
          hasHealthInsurance: true,
        },
        householdPoverty: 'poor',
        currentBenefits: [],
        papers: ['residence', 'citizen-id'],
        photos: [],
        facts: { maritalStatus: 'widowed', supporter: 'none' },
      } satisfies AllowanceApplication,
      undefined,
      '21548',
      month,
    );
    expect(expected.amount).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('proposal-amount').textContent()).toBe(formatVnd(expected.amount));
    expect(await page.getByTestId('proposal-amount').textContent()).toMatch(/^\d{1,3}(\.\d{3})+ đ$/);
    expect(await page.getByTestId('proposal-category').textContent()).toMatch(/cao tuổi|Người/);

    // Reloaded, offline: the draft is all there.
    await page.reload();
    await form.waitFor();
    expect(await form.inputValue()).toBe('1d');
    expect(await page.getByLabel('Tình trạng hôn nhân').inputValue()).toBe('widowed');
    expect(await page.getByLabel('Căn cước công dân (cần)').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('photo-count').textContent()).toBe('Đã chụp 1 ảnh.');
    await expect.poll(() => page.getByTestId('proposal-amount').textContent()).toBe(formatVnd(expected.amount));

    // Sent to the commune: back on the member page, listed, waiting for the network.
    await page.getByRole('button', { name: 'Gửi xã' }).click();
    await page.waitForURL(`**/members/${member}`);
    const cases = page.getByTestId('allowance-cases');
    await expect.poll(() => cases.textContent()).toContain('Hồ sơ trợ cấp xã hội hằng tháng · ');
    expect(await page.getByTestId('allowance-draft').count()).toBe(0);

    // Online: sent once, submitted, the photo uploaded.
    await offline.goOnline();
    await synced(page);
    await synced(page);
    const rows = await world.server.db.all<{ id: string; data: string }>(
      "SELECT id, data FROM records WHERE type = 'case'",
    );
    const applications = rows
      .map((r) => ({ id: r.id, data: JSON.parse(r.data) as Record<string, unknown> }))
      .filter((r) => r.data.subjectId === member);
    expect(applications).toHaveLength(1);
    const stored = applications[0]!.data as {
      kind: string;
      status: string;
      sensitive?: unknown;
      data: AllowanceApplication;
    };
    expect(stored).toMatchObject({
      kind: 'allowance',
      status: 'submitted',
      data: {
        form: '1d',
        householdPoverty: 'poor',
        applicant: { fullName: 'Nguyễn Thị Hoa', birthDate: '1944-05-10', citizenId: '051144000123' },
        papers: ['residence', 'citizen-id'],
        facts: { maritalStatus: 'widowed', supporter: 'none' },
        details: { supporter: 'Không có' },
        currentBenefits: [{ kind: 'merit', amount: 1_200_000 }],
      },
    });
    expect(stored.sensitive).toBeUndefined();
    expect(stored.data.photos).toHaveLength(1);
    const photo = await fetch(`${world.server.url}/api/attachments/${stored.data.photos[0]}`, {
      headers: { Authorization: `Bearer ${await token('canbo.lyson')}` },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    await expect.poll(() => page.getByTestId('allowance-status').textContent()).toBe('Đã gửi, chờ duyệt');
    await tablet.close();
  });
});
