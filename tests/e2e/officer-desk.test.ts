/**
 * Issue 11, the officer's desk, in real Chromium against the real server. A collaborator's address loses a
 * conflict: their Sync page and the household say it waits for the commune officer. The officer sees the conflict
 * named for the household and the field in Vietnamese, each value with who entered it (name, role), when and on
 * which device, and the value in use; opens a submitted survey's answers and result before approving; compares a
 * possible duplicate side by side and confirms it, so one person stays in the household. Once decided, the
 * collaborator learns which value was kept.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, demoDevice, signIn, synced } from '../support/app-world';
import {
  BA_TO,
  LY_SON,
  createMutation,
  DEMO_VILLAGE,
  householdFields,
  memberFields,
  mutation,
  patchMutation,
  surveyCaseFields,
} from '../support/fixtures';
import { findUserByUsername, setUserCommunes } from '../../sync-server/src/store/users';
import { DEMO_VILLAGES } from '../../sync-server/src/seed/demo';

const available = chromiumAvailable('e2e officer desk');

describe.skipIf(!available)('e2e: the officer desk', () => {
  const world = appWorld();

  const api = (username: string) => demoDevice(world.server.url, username);

  it('names a conflict for people, shows a survey before approval, merges a confirmed duplicate, and tells the collaborator whose value lost', async () => {
    const household = randomUUID();
    const survey = randomUUID();
    const hoa = await api('ctv.lyson');
    expect(
      await hoa(
        (s) =>
          patchMutation(
            s,
            household,
            householdFields({ headName: 'Đỗ Văn Bàn', village: DEMO_VILLAGE, address: 'Tổ 1' }),
          ),
        (s) =>
          patchMutation(
            s,
            randomUUID(),
            memberFields(household, { fullName: 'Đỗ Thị Hai Lần', birthDate: '1990-05-12', relation: 'vợ' }),
            0,
            'member',
          ),
        (s) =>
          patchMutation(
            s,
            randomUUID(),
            memberFields(household, { fullName: 'Đỗ Thị Hai Lần', birthDate: '1990', relation: 'vợ' }),
            0,
            'member',
          ),
        (s) => patchMutation(s, survey, surveyCaseFields(household), 0, 'case'),
        (s) => mutation(s, { kind: 'command', id: survey, command: 'submit' }),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

    // Lê Văn Tâm has the household on his tablet, offline; meanwhile Phạm Thị Hoa changes its address.
    const tam = await world.browser.newContext({ viewport: TABLET });
    const collaborator = await signIn(tam, world.server.url, 'ctv2.lyson');
    await collaborator.goto(`${world.server.url}/households/${household}`);
    await expect.poll(() => collaborator.getByTestId('household-head').textContent()).toContain('Đỗ Văn Bàn');
    await tam.setOffline(true);
    expect(await hoa((s) => patchMutation(s, household, { address: 'Tổ 5' }, 1))).toEqual(['applied']);
    await collaborator.getByRole('button', { name: 'Sửa' }).click();
    await collaborator.getByLabel('Địa chỉ').fill('Tổ 7');
    await collaborator.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => collaborator.getByTestId('household-head').count()).toBe(1);
    await tam.setOffline(false);
    await synced(collaborator);
    await collaborator.goto(`${world.server.url}/sync`);
    await expect
      .poll(() => collaborator.getByTestId('my-conflict').textContent())
      .toContain('Giá trị bạn nhập cho Địa chỉ của hộ Đỗ Văn Bàn đang chờ cán bộ xã quyết định');
    await collaborator.goto(`${world.server.url}/households/${household}`);
    await expect.poll(() => collaborator.getByTestId('field-conflict').textContent()).toContain('đang chờ cán bộ xã');

    const office = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(office, world.server.url, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();

    // The conflict: the household, the field in Vietnamese, who entered each value, on which device, and the value in use.
    const conflict = officer.getByTestId('conflict');
    await expect.poll(() => conflict.getByTestId('conflict-about').textContent()).toBe('Địa chỉ của hộ Đỗ Văn Bàn');
    expect(await conflict.getByTestId('conflict-current').textContent()).toContain('Tổ 5');
    const candidates = conflict.getByTestId('candidate');
    expect(await candidates.filter({ hasText: 'Tổ 5' }).textContent()).toContain(
      'Phạm Thị Hoa (CTV Lý Sơn) (cộng tác viên)',
    );
    const lost = await candidates.filter({ hasText: 'Tổ 7' }).textContent();
    expect(lost).toContain('Lê Văn Tâm (CTV Lý Sơn) (cộng tác viên)');
    expect(lost).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · máy [0-9a-f]{8}/);
    expect(await conflict.textContent()).not.toContain(household);

    // The survey: its answers, indicators and the server's result before approval.
    const row = officer.getByTestId('case-row').filter({ hasText: 'Đỗ Văn Bàn' });
    await row.getByRole('button', { name: 'Xem câu trả lời và kết quả' }).click();
    const detail = row.getByTestId('survey-detail');
    await expect.poll(() => detail.textContent()).toContain('Nguồn nước sinh hoạt');
    expect(await detail.textContent()).toContain('Nước máy');
    expect(await detail.getByTestId('server-result').textContent()).toMatch(/Kết quả máy chủ tính: .+/);
    // The device's own explanation comes from the rules engine's chunk, loaded on demand: waited for, not assumed.
    await expect.poll(() => detail.getByTestId('poverty-result').count()).toBe(1);
    await row.getByRole('button', { name: 'Phê duyệt' }).click();

    // The duplicate: both registrations side by side, what matches and what differs; confirmed keeps one.
    const cluster = officer.getByTestId('duplicate-cluster').filter({ hasText: 'Đỗ Thị Hai Lần' });
    await expect.poll(() => cluster.getByTestId('duplicate-member').count()).toBe(2);
    expect(await cluster.getByTestId('compare-fullName').first().textContent()).toContain('giống nhau');
    expect(await cluster.getByTestId('compare-birthDate').first().textContent()).toContain('khác nhau');
    await cluster.getByRole('button', { name: 'Đúng là trùng' }).click();
    await expect.poll(() => cluster.count()).toBe(0);

    await conflict
      .getByTestId('candidate')
      .filter({ hasText: 'Tổ 5' })
      .getByRole('button', { name: 'Chọn giá trị này' })
      .click();
    await synced(officer);
    await synced(officer);
    await officer.goto(`${world.server.url}/households/${household}`);
    await expect
      .poll(() =>
        officer
          .getByTestId('member-list')
          .getByRole('link', { name: /Đỗ Thị Hai Lần/ })
          .count(),
      )
      .toBe(1);

    // The collaborator learns the decision on the Sync page, and the badge is gone from the household.
    await synced(collaborator);
    await collaborator.goto(`${world.server.url}/sync`);
    await expect
      .poll(() => collaborator.getByTestId('my-conflict-decided').textContent())
      .toContain('Cán bộ xã đã quyết định Địa chỉ của hộ Đỗ Văn Bàn: giữ giá trị "Tổ 5"');
    await collaborator.goto(`${world.server.url}/households/${household}`);
    await expect.poll(() => collaborator.getByTestId('my-conflicts').textContent()).toContain('Tổ 5');
    expect(await collaborator.getByTestId('field-conflict').count()).toBe(0);
    await Promise.all([tam.close(), office.close()]);
  }, 120_000);

  it('#11 with two communes, the emergencies and review pages show the remembered one from their first render', async () => {
    // In each commune: a household with a survey waiting for review, and an emergency — each named for its commune.
    const names = { [LY_SON]: 'Lý Sơn', [BA_TO]: 'Ba Tơ' } as const;
    const mark = (code: typeof LY_SON | typeof BA_TO) => ({
      household: `Hộ Dấu ${names[code]}`,
      village: `Làng Dấu ${names[code]}`,
    });
    for (const [code, username] of [
      [LY_SON, 'canbo.lyson'],
      [BA_TO, 'canbo.bato'],
    ] as const) {
      const household = randomUUID();
      const survey = randomUUID();
      const device = await api(username);
      expect(
        await device(
          // In a village of the commune's demo list: the server refuses a household in any other.
          (s) =>
            createMutation(
              s,
              { communeCode: code, headName: mark(code).household, village: DEMO_VILLAGES[code]![0]! },
              household,
            ),
          (s) => patchMutation(s, survey, { ...surveyCaseFields(household), communeCode: code }, 0, 'case'),
          (s) => mutation(s, { kind: 'command', id: survey, command: 'submit' }),
          (s) =>
            mutation(s, {
              kind: 'patch',
              type: 'emergency',
              id: randomUUID(),
              fields: {
                communeCode: [code, 0],
                type: ['flood', 0],
                date: ['2026-10-01', 0],
                villages: [[mark(code).village], 0],
                description: ['', 0],
              },
            }),
        ),
      ).toEqual(['applied', 'applied', 'applied', 'applied']);
    }
    const officer = await findUserByUsername(world.server.db, 'canbo.lyson');
    if (!officer) throw new Error('no demo officer');
    await setUserCommunes(world.server.db, officer.id, [BA_TO, LY_SON]);
    try {
      const context = await world.browser.newContext({ viewport: TABLET });
      const page = await signIn(context, world.server.url, 'canbo.lyson');
      const commune = page.getByLabel('Xã/phường/đặc khu');
      await expect.poll(() => commune.locator('option').count()).toBe(2);
      // The officer works in the commune that is not their first one; the device remembers it.
      const first = (await commune.inputValue()) as typeof LY_SON | typeof BA_TO;
      const remembered = first === LY_SON ? BA_TO : LY_SON;
      await commune.selectOption(remembered);
      await page.reload();
      await expect.poll(() => commune.inputValue()).toBe(remembered);

      // A slow tablet: its device settings answer 300 ms late. Everything the page ever shows is watched for the
      // first commune's household or village, which the remembered commune's pages must never show, even briefly.
      await context.addInitScript(
        ({ marks }) => {
          const seen: string[] = [];
          Object.assign(window, { seenMarks: seen });
          new MutationObserver(() => {
            const text = document.body?.textContent ?? '';
            for (const m of marks) if (text.includes(m) && !seen.includes(m)) seen.push(m);
          }).observe(document, { subtree: true, childList: true, characterData: true });
          const get = IDBObjectStore.prototype.get;
          IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
            const request = get.call(this, key);
            if (this.transaction.db.name !== 'keyval-store') return request;
            return new Proxy(request, {
              set(target, prop, value) {
                const late =
                  (prop === 'onsuccess' || prop === 'oncomplete') && typeof value === 'function'
                    ? (event: Event) => setTimeout(() => value.call(target, event), 300)
                    : value;
                return Reflect.set(target, prop, late, target);
              },
              get(target, prop) {
                const value = Reflect.get(target, prop, target);
                return typeof value === 'function' ? value.bind(target) : value;
              },
            });
          };
        },
        { marks: [mark(first).household, mark(first).village] },
      );
      for (const [path, shown] of [
        ['/emergencies', mark(remembered).village],
        ['/review', mark(remembered).household],
      ] as const) {
        await page.goto(`${world.server.url}${path}`);
        await expect.poll(() => page.textContent('main'), { timeout: 10_000 }).toContain(shown);
        expect(await page.evaluate(() => (window as unknown as { seenMarks: string[] }).seenMarks), path).toEqual([]);
      }
      await context.close();
    } finally {
      await setUserCommunes(world.server.db, officer.id, [LY_SON]);
    }
  });
});
