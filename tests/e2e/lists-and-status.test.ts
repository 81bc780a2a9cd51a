/**
 * Issue 11 (search and lists, status and messages, province staff and layout) in real Chromium: the head's name
 * ranked first and the matching member named, "no match" told apart from the first download (with its count), a
 * submitted survey said to be submitted, no "Failed to fetch", a Vietnamese not-found page, a new household in the
 * commune chosen on the list, province staff refused the form, the storage warning dismissed once, the manifest's
 * id and screenshots, and on a 412×915 phone a one-line header with every tap target at least 44 px.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn as signInAt, synced } from '../support/app-world';
import { DEMO_PASSWORD } from '../../sync-server/src/seed/demo';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src/shared/protocol';
import { BA_TO, LY_SON, createMutation, demoHousehold, memberFields, patchMutation } from '../support/fixtures';
import { findUserByUsername, setUserCommunes } from '../../sync-server/src/store/users';

const available = chromiumAvailable('e2e lists and status');
const PHONE = { width: 412, height: 915 };

describe.skipIf(!available)('e2e: lists, status and messages, layout (issue 11)', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);

  /** Writes records on the server as a collaborator of Lý Sơn, around the app (as another tablet would). */
  async function pushAsCollaborator(mutations: unknown[]): Promise<void> {
    const login = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ctv2.lyson', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const answer = await fetch(`${world.server.url}/api/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        schema: SCHEMA_VERSION,
        clientId: randomUUID(),
        mutations,
        pull: [],
      }),
    });
    const { results } = (await answer.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  }

  /** A fresh profile whose browser grants persistent storage (no warning banner), or refuses it. */
  async function phone(persisted: boolean): Promise<BrowserContext> {
    const context = await world.browser.newContext({ viewport: PHONE });
    await context.addInitScript((granted: boolean) => {
      StorageManager.prototype.persisted = () => Promise.resolve(granted);
      StorageManager.prototype.persist = () => Promise.resolve(granted);
    }, persisted);
    return context;
  }

  it('#11 "bui thi lan" lists Bùi Thị Lan\'s own household first and names the member who matched elsewhere; no match is said as such', async () => {
    const duc = randomUUID();
    const lan = randomUUID();
    await pushAsCollaborator([
      createMutation(1, { headName: 'Bùi Minh Đức', village: 'Thôn Tây An Hải' }, duc),
      patchMutation(2, randomUUID(), memberFields(duc, { fullName: 'Bùi Thị Lan' }), 0, 'member'),
      createMutation(3, { headName: 'Bùi Thị Lan', village: 'Thôn Đông An Vĩnh' }, lan),
    ]);
    const context = await phone(true);
    const page = await signIn(context, 'ctv.lyson');
    const search = page.getByLabel('Tìm theo tên chủ hộ, tên thành viên, CCCD hoặc số điện thoại');
    await search.fill('bui thi lan');
    const items = page.getByTestId('household-list').locator('li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Bùi Thị Lan');
    expect(await items.nth(0).getByTestId('matched-member').count()).toBe(0);
    expect(await items.nth(1).textContent()).toContain('Bùi Minh Đức');
    expect(await items.nth(1).getByTestId('matched-member').textContent()).toBe('Tìm thấy qua thành viên: Bùi Thị Lan');

    await search.fill('khong co ai ten nay');
    await expect.poll(() => page.getByTestId('empty-list').textContent()).toContain('Không có hộ nào khớp');
    expect(await page.textContent('main')).not.toContain('Chưa có hộ nào trong xã này');
    await context.close();
  });

  it('#11 the first download says so, with the households so far, instead of "no households"', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    // Hold the first sync's answer: the list is empty while the commune comes down.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/sync', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${world.server.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('ctv.lyson');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/households');
    await expect
      .poll(() => page.getByTestId('first-download').textContent())
      .toBe('Đang tải dữ liệu xã lần đầu: 0 hộ…');
    expect(await page.textContent('main')).not.toContain('Chưa có hộ nào');
    release();
    await expect.poll(() => page.getByTestId('household-list').locator('li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('first-download').count()).toBe(0);
    await page.unroute('**/api/sync');
    await context.close();
  });

  it('#11 "Đồng bộ ngay" with no answer from the server says there is no connection and nothing is lost', async () => {
    const context = await phone(true);
    const page = await signIn(context, 'ctv.lyson');
    await page.route('**/api/sync', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect
      .poll(() => page.getByTestId('sync-problem').textContent())
      .toBe('Không có kết nối tới máy chủ. Mọi dữ liệu đã nhập vẫn được lưu trên máy và sẽ tự gửi khi có mạng.');
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    expect(await page.textContent('main')).not.toContain('Failed to fetch');
    await context.close();
  });

  it('#11 a survey submitted offline reads "Đã gửi cán bộ xã, đang chờ đồng bộ"; its explanation has no internal codes', async () => {
    const household = randomUUID();
    await pushAsCollaborator([
      demoHousehold(1, { headName: 'Trương Văn Khảo' }, household),
      patchMutation(
        2,
        randomUUID(),
        memberFields(household, { fullName: 'Trương Văn Khảo', birthDate: '1980-03-01', relation: 'chủ hộ' }),
        0,
        'member',
      ),
    ]);
    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, 'ctv.lyson');
    await page.getByLabel('Tìm theo tên chủ hộ, tên thành viên, CCCD hoặc số điện thoại').fill('truong van khao');
    await page.getByTestId('household-list').getByText('Trương Văn Khảo').click();
    await page.getByRole('link', { name: 'Rà soát mới' }).click();
    await page.getByLabel('Tổng thu nhập của hộ/tháng (đồng)').fill('1.000.000');
    await page.getByLabel('Nguồn nước sinh hoạt').selectOption('drilled-well');
    await page.getByLabel('Nhà tiêu').selectOption('simple-pit');
    await page.getByRole('button', { name: 'Xem giải thích' }).click();
    const result = (await page.getByTestId('poverty-result').textContent()) ?? '';
    expect(result).toContain('Giếng khoan');
    expect(result).toContain('Hố xí đơn giản');
    expect(result).toContain('Điều 3 khoản 1 điểm b');
    expect(result).not.toMatch(/drilled-well|simple-pit|health-insurance|POV22-|Art\. 3|quang-ngai|@\d{4}/);
    // The rule pack by name, with the day its rules are in force — not its id "vn+quang-ngai@…".
    expect(await page.getByTestId('rule-pack').textContent()).toMatch(
      /^Bộ quy định áp dụng: Quy định toàn quốc và Tỉnh Quảng Ngãi — các quy định có hiệu lực ngày \d{2}\/\d{2}\/\d{4}\.$/,
    );
    // The provisional rules once, not one "chưa xác nhận" line per rule.
    const notes = (await page.getByTestId('provisional-notes').textContent()) ?? '';
    expect(notes.match(/chưa đối chiếu văn bản gốc/g)).toHaveLength(1);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi cán bộ xã' }).click();
    await page.waitForURL(/\/households\/[^/]+$/);
    await expect.poll(() => page.getByTestId('survey-status').textContent()).toBe('Đã gửi cán bộ xã, đang chờ đồng bộ');
    expect(await page.textContent('main')).not.toContain('Nháp');
    await context.setOffline(false);
    await synced(page);
    await expect.poll(() => page.getByTestId('survey-status').textContent()).toBe('Đã gửi, chờ duyệt');
    await context.close();
  });

  it('#11 an unknown address shows a Vietnamese not-found page with the way back', async () => {
    const context = await phone(true);
    const page = await signIn(context, 'ctv.lyson');
    await page.goto(`${world.server.url}/khong-co-trang-nay`);
    await expect.poll(() => page.getByTestId('not-found').textContent()).toContain('Không tìm thấy trang này');
    expect(await page.textContent('body')).not.toContain('Not Found');
    await page.getByRole('link', { name: 'Về danh sách hộ' }).click();
    await page.waitForURL('**/households');
    await context.close();
  });

  it('#11 "Thêm hộ mới" registers in the commune chosen on the list; province staff are refused the form', async () => {
    const officer = await findUserByUsername(world.server.db, 'canbo.lyson');
    if (!officer) throw new Error('no demo officer');
    await setUserCommunes(world.server.db, officer.id, [BA_TO, LY_SON]);
    try {
      const context = await world.browser.newContext({ viewport: TABLET });
      const page = await signIn(context, 'canbo.lyson');
      const commune = page.getByLabel('Xã/phường/đặc khu');
      await expect.poll(() => commune.locator('option').count()).toBe(2);
      // Whichever the app starts on, choose the other one, and open the form from a fresh load of the page.
      const other = (await commune.inputValue()) === LY_SON ? BA_TO : LY_SON;
      await commune.selectOption(other);
      await page.reload();
      await expect.poll(() => commune.inputValue()).toBe(other);
      await page.getByRole('link', { name: 'Thêm hộ mới' }).click();
      await expect.poll(() => page.getByLabel('Xã/phường/đặc khu').inputValue()).toBe(other);
      await context.close();
    } finally {
      await setUserCommunes(world.server.db, officer.id, [LY_SON]);
    }

    const province = await world.browser.newContext({ viewport: TABLET });
    const staff = await signIn(province, 'so.tinh');
    await staff.goto(`${world.server.url}/households/new`);
    await expect.poll(() => staff.getByTestId('not-permitted').textContent()).toContain('không được thêm hộ mới');
    expect(await staff.getByRole('button', { name: 'Lưu' }).count()).toBe(0);
    await province.close();
  });

  it('#11 the storage warning says what to do, and once dismissed stays away', async () => {
    const context = await phone(false);
    const page = await signIn(context, 'ctv.lyson');
    const warning = page.getByTestId('storage-warning');
    await expect.poll(() => warning.textContent()).toContain('cài ứng dụng lên màn hình chính');
    await warning.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect.poll(() => warning.count()).toBe(0);
    await page.reload();
    await page.getByTestId('household-list').locator('li').first().waitFor();
    expect(await warning.count()).toBe(0);
    await context.close();
  });

  it('#11 the manifest has an id and real screenshots of the sizes it declares', async () => {
    const manifest = (await (await fetch(`${world.server.url}/manifest.webmanifest`)).json()) as {
      id?: string;
      screenshots?: { src: string; sizes: string; type: string; form_factor?: string }[];
    };
    expect(manifest.id).toBe('/');
    expect(manifest.screenshots?.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of manifest.screenshots ?? []) {
      const bytes = Buffer.from(await (await fetch(`${world.server.url}${shot.src}`)).arrayBuffer());
      expect(bytes.subarray(1, 4).toString('latin1'), shot.src).toBe('PNG');
      // The PNG's own width and height (IHDR) are the sizes the manifest declares.
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, shot.src).toBe(shot.sizes);
    }
  });

  it('#11 on a 412×915 phone the header is one line and every tap target is at least 44 px high', async () => {
    const context = await phone(true);
    const page = await signIn(context, 'canbo.lyson');
    const measure = async (target: Page) =>
      target.evaluate(() => {
        const bar = document.querySelector('.status-bar')!.getBoundingClientRect();
        const nav = document.querySelector('.nav')!;
        const small = [...document.querySelectorAll<HTMLElement>('a, button, select, input, textarea')]
          .map((element) => {
            // A radio or checkbox is tapped through its label.
            const box =
              element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')
                ? (element.closest('label') ?? element)
                : element;
            const rect = box.getBoundingClientRect();
            return {
              what: `${element.tagName} ${(element.textContent ?? '').trim().slice(0, 30)}`,
              height: rect.height,
            };
          })
          .filter((e) => e.height > 0 && e.height < 44);
        const links = [...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect().top);
        return {
          header: nav.getBoundingClientRect().bottom - bar.top,
          navRows: new Set(links.map(Math.round)).size,
          navOverflows: nav.scrollWidth - nav.clientWidth,
          small,
        };
      });
    for (const path of ['/households', '/emergencies', '/review', '/sync']) {
      await page.goto(`${world.server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      const layout = await measure(page);
      expect(layout.navRows, path).toBe(1);
      expect(layout.navOverflows, path).toBe(0);
      expect(layout.header, path).toBeLessThanOrEqual(110);
      expect(layout.small, path).toEqual([]);
    }
    // A household's page: the back link and the rest.
    await page.goto(`${world.server.url}/households`);
    await page.getByTestId('household-list').locator('li a').first().click();
    await page.getByTestId('household-head').waitFor();
    expect((await measure(page)).small).toEqual([]);
    await context.close();
  });
});
