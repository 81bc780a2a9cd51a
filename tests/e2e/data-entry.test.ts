/**
 * Issue 11, data entry, in real Chromium at 800×1280: a household head typed "huynh thi lien" is offered
 * "Huynh Thi Lien" and warned it has no diacritics; a member born on 31/02, in 2031 or in 1850, or with a
 * disability certified on 99/99/2020, is refused saying what is wrong, and nothing is saved until it is right (one
 * stored born in 1850 before that rule is shown with a warning and edited as it is, or corrected); a
 * new survey shows no error before anything is typed, one once a field is left, its sections and how many are
 * done, refuses a review date of 31/02 or in the future at the field, and is listed as a draft on the household
 * page; its income "1,5" or "1.500,5" is refused (never 15 đ) and "1.200" m² asks which of 1200 or 1,2, each
 * number shown back as it will be recorded; a damage entry's count left empty or typed "1,5" is refused at its
 * field, not read as 0; a handout's recipient CCCD "123" is refused at its field instead of dropped; the village
 * is picked from the commune's list ("an binh" finds "Thôn An Bình"), one the list lacks is added under "Khác (ghi
 * rõ)" for review, and the commune officer puts it on the list.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, demoDevice, signIn as signInAt, synced } from '../support/app-world';
import { LY_SON, demoHousehold, memberFields, patchMutation } from '../support/fixtures';
import { getRecord, putRecord } from '../../sync-server/src/store/records';
import { nextCommuneVersion } from '../../sync-server/src/store/sync-log';

const available = chromiumAvailable('e2e data entry');

describe.skipIf(!available)('e2e: data entry says what is wrong and loses nothing', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);
  const errorOf = (page: Page, name: string) => page.locator(`#${name}-error`);

  it('#11 names, impossible dates, a survey in sections with errors after leaving a field, and its draft listed', async () => {
    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');

    // A name typed in small letters, without diacritics: the capitalised form is offered, the warning shown.
    await page.goto(`${world.server.url}/households/new`);
    await page.getByLabel('Họ tên chủ hộ').fill('huynh thi lien');
    await page.getByLabel('Thôn/tổ dân phố').click();
    const hints = page.getByTestId('headName-hints');
    await expect.poll(() => hints.textContent()).toContain('Tên chưa có dấu');
    await hints.getByRole('button', { name: 'Dùng “Huynh Thi Lien”' }).click();
    expect(await page.getByLabel('Họ tên chủ hộ').inputValue()).toBe('Huynh Thi Lien');
    await page.getByLabel('Thôn/tổ dân phố').fill('Thôn Đông An Vĩnh');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Huynh Thi Lien');
    const household = page.url();

    // Dates that cannot be: each says what is wrong, and nothing is saved.
    await page.getByRole('link', { name: 'Thêm thành viên' }).click();
    await page.getByLabel('Họ và tên').fill('Huỳnh Thị Liên');
    await expect.poll(() => page.getByTestId('fullName-hints').count()).toBe(0);
    await page.getByLabel('Giới tính').selectOption('female');
    await page.getByLabel('Quan hệ với chủ hộ').selectOption('chủ hộ');
    const born = page.getByLabel('Ngày sinh (dd/mm/yyyy, hoặc chỉ năm)');
    for (const [typed, said] of [
      ['31/02/1980', 'không có trên lịch'],
      ['2031', 'Ngày sinh ở tương lai: 2031'],
      ['1850', 'Năm phải từ 1900 trở đi'],
    ] as const) {
      await born.fill(typed);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await expect.poll(() => errorOf(page, 'birthDate').textContent()).toContain(said);
      expect(page.url()).toContain('/members/new');
    }
    await born.fill('03/04/1980');
    await page.getByLabel('Mức độ khuyết tật').selectOption('mild');
    await page.getByLabel('Ngày xác định mức độ khuyết tật').fill('99/99/2020');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => errorOf(page, 'disabilityCertifiedOn').textContent()).toContain('không có trên lịch');
    await page.getByLabel('Ngày xác định mức độ khuyết tật').fill('01/02/2020');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(household);
    await expect.poll(() => page.getByTestId('member-list').textContent()).toContain('03/04/1980');

    // A new survey: no error before anything is typed; sections and how many are done.
    await page.getByRole('link', { name: 'Rà soát mới' }).click();
    const income = page.getByLabel('Tổng thu nhập của hộ/tháng (đồng)');
    await income.waitFor();
    expect(await page.locator('.error').count()).toBe(0);
    await expect.poll(() => page.getByTestId('survey-progress').textContent()).toBe('Đã xong 1/4 phần');
    await income.click();
    await page.getByLabel('Diện tích nhà ở (m²)').click();
    await expect.poll(() => errorOf(page, 'householdIncome').textContent()).toBe('Nhập thu nhập');
    await income.fill('4.000.000');
    await expect.poll(() => errorOf(page, 'householdIncome').count()).toBe(0);
    await expect.poll(() => page.getByTestId('survey-progress').textContent()).toBe('Đã xong 2/4 phần');

    // The review date: a day that does not exist, then one in the future, each said at the field.
    const reviewDate = page.getByLabel('Ngày rà soát');
    const today = await reviewDate.inputValue();
    await reviewDate.fill('31/02/2026');
    await income.click();
    await expect.poll(() => errorOf(page, 'reviewDate').textContent()).toContain('không có trên lịch');
    await reviewDate.fill(`01/01/${Number(today.slice(6)) + 5}`);
    await expect.poll(() => errorOf(page, 'reviewDate').textContent()).toContain('Ngày rà soát ở tương lai');
    await expect.poll(() => page.getByTestId('survey-progress').textContent()).toBe('Đã xong 1/4 phần');
    await page.getByRole('button', { name: 'Gửi cán bộ xã' }).click();
    await expect.poll(() => page.getByTestId('survey-problems').textContent()).toContain('Còn 1 chỗ cần sửa');
    await reviewDate.fill(today);
    await expect.poll(() => page.getByTestId('survey-progress').textContent()).toBe('Đã xong 2/4 phần');

    // The household page lists the draft, and the way back to it.
    await page.goto(household);
    const drafts = page.getByTestId('survey-drafts');
    await expect.poll(() => drafts.textContent()).toContain('Đã xong 2/4 phần');
    expect(await page.getByTestId('surveys').textContent()).toContain('Chưa gửi phiếu nào.');
    await drafts.getByRole('link', { name: 'Nhập tiếp' }).click();
    await expect.poll(() => income.inputValue()).toBe('4.000.000');
    await tablet.close();
  });

  it('#11 a member stored born in 1850, before the rule "from 1900", is shown with a warning and edited; 1851 typed is refused', async () => {
    const [household, member] = [randomUUID(), randomUUID()];
    const device = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await device(
        // In a village of the demo list: the server refuses a household in any other (issue 11, server).
        (s) => demoHousehold(s, { headName: 'Trần Văn Xưa' }, household),
        (s) =>
          patchMutation(
            s,
            member,
            memberFields(household, { fullName: 'Trần Thị Cố', birthDate: '1950', relation: 'mẹ' }),
            0,
            'member',
          ),
      ),
    ).toEqual(['applied', 'applied']);
    // As a server before the rule accepted it: born "1850", a slip for 1950.
    const db = world.server.db;
    const stored = (await getRecord(db, member))!;
    await db.transaction(async (tx) =>
      putRecord(
        tx,
        { ...stored, version: await nextCommuneVersion(tx, LY_SON), data: { ...stored.data, birthDate: '1850' } },
        Date.now(),
        'old-server',
      ),
    );

    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');
    await page.goto(`${world.server.url}/households/${household}`);
    // The person is there, flagged; nothing is said to be unreadable.
    const row = page.getByTestId('member-list').locator('li').filter({ hasText: 'Trần Thị Cố' });
    await expect.poll(() => row.textContent()).toContain('1850');
    expect(await row.getByTestId('to-correct').textContent()).toBe('Cần sửa: Ngày sinh');
    expect(await page.textContent('main')).not.toContain('không đọc được');

    await row.getByRole('link').click();
    await expect
      .poll(() => page.getByTestId('stored-issues').textContent())
      .toContain('Ngày sinh: Năm phải từ 1900 trở đi. Hồ sơ được ghi trước khi có quy định này');
    const born = page.getByLabel('Ngày sinh (dd/mm/yyyy, hoặc chỉ năm)');
    expect(await born.inputValue()).toBe('1850');
    // Another year before 1900 typed is refused at the field.
    await born.fill('1851');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => errorOf(page, 'birthDate').textContent()).toContain('Năm phải từ 1900 trở đi');
    // Left as it is, another field changed: saved, and the server takes it.
    await born.fill('1850');
    await page.getByLabel('Tình trạng').selectOption('deceased');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(`**/households/${household}`);
    await synced(page);
    expect((await getRecord(db, member))?.data).toMatchObject({ birthDate: '1850', status: 'deceased' });

    // Corrected: the warning is gone.
    await row.getByRole('link').click();
    await born.fill('1950');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(`**/households/${household}`);
    await expect.poll(() => row.textContent()).toContain('1950');
    expect(await row.getByTestId('to-correct').count()).toBe(0);
    await synced(page);
    expect((await getRecord(db, member))?.data).toMatchObject({ birthDate: '1950' });
    await tablet.close();
  });

  it('#11 a survey reads an income as whole đồng and asks which "1.200" m² is: nothing is sent from a number it cannot read', async () => {
    const [household, member] = [randomUUID(), randomUUID()];
    const device = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await device(
        (s) => demoHousehold(s, { headName: 'Phạm Văn Số' }, household),
        (s) =>
          patchMutation(
            s,
            member,
            memberFields(household, { fullName: 'Phạm Văn Số', birthDate: '1980', relation: 'chủ hộ' }),
            0,
            'member',
          ),
      ),
    ).toEqual(['applied', 'applied']);
    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');
    await page.goto(`${world.server.url}/households/${household}/survey`);
    const income = page.getByLabel('Tổng thu nhập của hộ/tháng (đồng)');
    const area = page.getByLabel('Diện tích nhà ở (m²)');
    const readAs = (name: string) => page.locator(`label:has(input[name="${name}"]) .hint`);

    // "1,5" đ is no income of 15 đ: refused at the field, with nothing read back, and the survey is not sent.
    await income.fill('1,5');
    await area.click();
    await expect
      .poll(() => errorOf(page, 'householdIncome').textContent())
      .toContain('Số tiền là số nguyên đồng, không có phần lẻ');
    expect(await readAs('householdIncome').count()).toBe(0);
    await page.getByRole('button', { name: 'Gửi cán bộ xã' }).click();
    await expect.poll(() => page.getByTestId('survey-problems').textContent()).toContain('Còn 1 chỗ cần sửa');
    expect(page.url()).toContain('/survey');
    await income.fill('1.500,5');
    await expect.poll(() => errorOf(page, 'householdIncome').textContent()).toContain('số nguyên đồng');
    await income.fill('1.500.000');
    await expect.poll(() => readAs('householdIncome').textContent()).toBe('Sẽ ghi: 1.500.000 đ');
    expect(await errorOf(page, 'householdIncome').count()).toBe(0);

    // "1.200" m² could be twelve hundred or one point two: the field says both, and reads what is written plainly.
    await area.fill('1.200');
    await income.click();
    await expect
      .poll(() => errorOf(page, 'floorAreaM2').textContent())
      .toBe('Không rõ "1.200" là 1200 hay 1,2: hãy viết 1200 hoặc 1,2');
    expect(await readAs('floorAreaM2').count()).toBe(0);
    await area.fill('1,2');
    await expect.poll(() => readAs('floorAreaM2').textContent()).toBe('Sẽ ghi: 1,2 m²');
    await area.fill('24,5');
    await expect.poll(() => readAs('floorAreaM2').textContent()).toBe('Sẽ ghi: 24,5 m²');

    // Sent once every number is read: the server holds what the form said it would record.
    await page.getByRole('button', { name: 'Gửi cán bộ xã' }).click();
    await page.waitForURL(`**/households/${household}`);
    await synced(page);
    const sent = await world.server.db.get<{ data: string }>(
      "SELECT data FROM records WHERE type = 'case' AND data LIKE ?",
      [`%${household}%`],
    );
    expect(JSON.parse(sent!.data)).toMatchObject({
      data: { answers: { householdIncome: 1_500_000, floorAreaM2: 24.5 } },
    });
    await tablet.close();
  });

  it("#11 a damage entry's counts and a handout's recipient CCCD are refused at their fields, not read as 0 or dropped", async () => {
    const headContext = await world.browser.newContext({ viewport: TABLET });
    const head = await signIn(headContext, 'thon.lyson');
    await head.getByRole('link', { name: 'Thiên tai, cứu trợ' }).click();
    await head.getByLabel('Loại sự kiện').selectOption('flood');
    await head.getByLabel('Thôn Đông An Vĩnh').check();
    await head.getByRole('button', { name: 'Lưu' }).click();
    await head.waitForURL('**/emergencies/*');
    await head.getByRole('button', { name: 'Ghi thiệt hại' }).click();
    const damage = head.getByTestId('damage-form');
    await damage.getByLabel('Tìm theo tên chủ hộ, tên thành viên, CCCD hoặc số điện thoại').fill('duoc');
    await damage.getByRole('button').filter({ hasText: 'Thôn' }).first().click();
    // A count emptied or typed "1,5" is said at its field (it was read as 0, or refused below the form as "a number").
    const deaths = damage.getByLabel('Số người chết');
    const save = damage.getByRole('button', { name: 'Lưu' });
    await deaths.fill('');
    await expect.poll(() => errorOf(head, 'deaths').textContent()).toBe('Nhập một số (0 nếu không có)');
    expect(await save.isDisabled()).toBe(true);
    await deaths.fill('1,5');
    await expect.poll(() => errorOf(head, 'deaths').textContent()).toContain('Phải là số nguyên');
    await deaths.fill('0');
    await expect.poll(() => errorOf(head, 'deaths').count()).toBe(0);
    await damage.getByLabel('Số người thiếu đói').fill('04');
    await expect
      .poll(() => damage.locator('label:has(input[name="hungryMembers"]) .hint').textContent())
      .toBe('Sẽ ghi: 4');
    await save.click();
    await head.getByRole('button', { name: 'Tạo đợt cứu trợ' }).click();
    await head.waitForURL('**/rounds/*');
    await head.getByTestId('planned').locator('li').first().getByRole('button', { name: 'Phát' }).click();
    const form = head.getByTestId('handout-form');
    await form.getByLabel('Số CCCD (không bắt buộc)').fill('123');
    await form.getByRole('button', { name: 'Phát' }).click();
    await expect.poll(() => errorOf(head, 'recipientCitizenId').textContent()).toBe('Số CCCD phải gồm đúng 12 chữ số');
    expect(await form.count()).toBe(1);
    expect(await form.getByLabel('Số CCCD (không bắt buộc)').inputValue()).toBe('123');
    await headContext.close();
  });

  it('#11 the village comes from the commune list; one added under "Khác (ghi rõ)" waits for the officer to put it on the list', async () => {
    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');
    await page.goto(`${world.server.url}/households/new`);
    await page.getByLabel('Họ tên chủ hộ').fill('Lê Thị Bình');
    const village = page.getByLabel('Thôn/tổ dân phố');
    await village.fill('an binh');
    const options = page.getByTestId('village-options');
    await expect.poll(() => options.locator('button').allTextContents()).toEqual(['Thôn An Bình']);
    await options.getByRole('button', { name: 'Thôn An Bình' }).click();
    expect(await village.inputValue()).toBe('Thôn An Bình');
    await expect.poll(() => options.count()).toBe(0);

    // A village not on the list is refused until "Khác (ghi rõ)" says it is new; then it waits for review.
    await village.fill('Thôn Bến Đình');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => errorOf(page, 'village').textContent()).toContain('Chọn một thôn trong danh sách');
    expect(page.url()).toContain('/households/new');
    await page.getByLabel('Khác (ghi rõ): thôn chưa có trong danh sách').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain('Lê Thị Bình');
    expect(await page.textContent('main')).toContain('Thôn Bến Đình');
    // The next household of that village finds it, marked as waiting for review.
    await page.goto(`${world.server.url}/households/new`);
    await village.fill('ben dinh');
    await options.getByRole('button', { name: 'Thôn Bến Đình' }).click();
    await expect
      .poll(() => page.locator('.village-picker .hint').textContent())
      .toBe('Thôn này đang chờ cán bộ xã xem xét.');
    await synced(page);
    // The server took the village before the household naming it, so it took the household (its list is checked).
    const onServer = await world.server.db.get<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM records WHERE type = 'household' AND data LIKE ?",
      ['%Lê Thị Bình%Thôn Bến Đình%'],
    );
    expect(Number(onServer?.n)).toBe(1);

    // The commune officer sees it under review and puts it on the list.
    const office = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(office, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Thôn', exact: true }).click();
    await expect.poll(() => officer.getByRole('heading', { name: 'Danh mục thôn' }).count()).toBe(1);
    const forReview = officer.getByTestId('villages-for-review');
    await expect.poll(() => forReview.getByTestId('village-row').count()).toBe(1);
    expect(await forReview.getByLabel('Tên thôn/tổ dân phố').inputValue()).toBe('Thôn Bến Đình');
    await forReview.getByRole('button', { name: 'Đưa vào danh sách' }).click();
    await expect.poll(() => forReview.count()).toBe(0);
    const listed = officer.getByTestId('villages-listed').getByLabel('Tên thôn/tổ dân phố');
    await expect
      .poll(async () =>
        (await listed.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).includes(
          'Thôn Bến Đình',
        ),
      )
      .toBe(true);
    await synced(officer);
    // A collaborator's village page is not offered.
    expect(await page.getByRole('link', { name: 'Thôn', exact: true }).count()).toBe(0);
    await tablet.close();
    await office.close();
  });
});
