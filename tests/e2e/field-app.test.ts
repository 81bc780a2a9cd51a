/**
 * Issue 5 end to end, in real Chromium at 800×1280 against the built PWA and the real server: a collaborator
 * offline registers a household with four members (one already registered elsewhere → a duplicate warning),
 * fills the survey with a reload in the middle (the draft survives), sees "Hộ nghèo" with its reasons, submits;
 * back online it syncs; a commune officer approves on another device and dismisses the cluster of the woman's
 * two registrations; two devices edit the same member's field
 * offline and the officer resolves the conflict.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn as signInAt, synced } from '../support/app-world';

const available = chromiumAvailable('e2e field app');

describe.skipIf(!available)('e2e: the field app of a commune collaborator', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);

  async function addHousehold(page: Page, headName: string, village: string) {
    await page.getByRole('link', { name: 'Thêm hộ mới' }).click();
    await page.getByLabel('Họ tên chủ hộ').fill(headName);
    await page.getByLabel('Thôn/tổ dân phố').fill(village);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain(headName);
  }

  async function addMember(
    page: Page,
    m: {
      name: string;
      sex: 'male' | 'female';
      born: string;
      relation: string;
      occupation: string;
      insured: boolean;
      studying?: boolean;
      schooling?: string;
    },
  ) {
    await page.getByRole('link', { name: 'Thêm thành viên' }).click();
    await page.getByLabel('Họ và tên').fill(m.name);
    await page.getByLabel('Giới tính').selectOption(m.sex);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy, hoặc chỉ năm)').fill(m.born);
    await page.getByLabel('Quan hệ với chủ hộ').selectOption(m.relation);
    await page.getByLabel('Việc làm').selectOption(m.occupation);
    if (m.schooling) await page.getByLabel('Trình độ học vấn').selectOption(m.schooling);
    if (m.insured) await page.getByLabel('Có thẻ bảo hiểm y tế').check();
    if (m.studying) await page.getByLabel('Đang đi học').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
  }

  it('registers offline, warns of a duplicate, keeps the survey draft across a reload, classifies, syncs, gets approved, and resolves a conflict', async () => {
    // Another collaborator has already registered Trần Thị Mỹ (born 1990) in Thôn Tây An Hải.
    const other = await world.browser.newContext({ viewport: TABLET });
    const colleague = await signIn(other, 'ctv2.lyson');
    await addHousehold(colleague, 'Lê Văn Sẵn', 'Thôn Tây An Hải');
    await addMember(colleague, {
      name: 'Trần Thị Mỹ',
      sex: 'female',
      born: '12/05/1990',
      relation: 'vợ',
      occupation: 'self-employed',
      insured: true,
    });
    await expect.poll(() => colleague.getByTestId('member-list').textContent()).toContain('Trần Thị Mỹ');
    await synced(colleague);

    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');
    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain('Lê Văn Sẵn');

    // Offline from here, and the server could as well be gone.
    await tablet.setOffline(true);
    await addHousehold(page, 'Phạm Văn Khó', 'Thôn Tây An Hải');
    const household = page.url();
    await addMember(page, {
      name: 'Phạm Văn Khó',
      sex: 'male',
      born: '1978',
      relation: 'chủ hộ',
      occupation: 'wage-without-contract',
      insured: false,
      schooling: 'primary',
    });
    await page.waitForURL(household);
    await addMember(page, {
      name: 'Phạm Thị Nhỏ',
      sex: 'female',
      born: '03/02/2016',
      relation: 'con',
      occupation: 'student',
      insured: true,
      studying: true,
      schooling: 'primary',
    });
    await page.waitForURL(household);
    await addMember(page, {
      name: 'Phạm Văn Út',
      sex: 'male',
      born: '20/08/2021',
      relation: 'con',
      occupation: 'not-in-labour-force',
      insured: true,
    });
    await page.waitForURL(household);
    // The fourth is the woman already registered: typed without diacritics, the device still recognises her.
    await addMember(page, {
      name: 'tran thi my',
      sex: 'female',
      born: '1990',
      relation: 'vợ',
      occupation: 'self-employed',
      insured: false,
    });
    await expect.poll(() => page.getByTestId('duplicate-warning').textContent()).toContain('Trần Thị Mỹ');
    expect(await page.getByTestId('duplicate-warning').textContent()).toContain('Lê Văn Sẵn');
    await page.getByRole('button', { name: 'Vẫn lưu người mới' }).click();
    await page.waitForURL(household);
    await expect.poll(async () => await page.getByTestId('member-list').locator('li').count()).toBe(4);

    // The survey, with a reload half-way: nothing typed is lost.
    await page.getByRole('link', { name: 'Rà soát mới' }).click();
    await page.getByLabel('Tổng thu nhập của hộ/tháng (đồng)').fill('4.000.000');
    await page.getByLabel('Diện tích nhà ở (m²)').fill('18');
    await page.reload();
    await expect.poll(() => page.getByLabel('Tổng thu nhập của hộ/tháng (đồng)').inputValue()).toBe('4.000.000');
    expect(await page.getByLabel('Diện tích nhà ở (m²)').inputValue()).toBe('18');
    await page.getByLabel('Nhà tiêu').selectOption('none');
    await page
      .getByRole('group', { name: 'Có sử dụng dịch vụ viễn thông (điện thoại, internet)' })
      .getByLabel('Không')
      .check();
    await page.getByRole('group', { name: 'Trẻ em suy dinh dưỡng' }).getByLabel('Phạm Văn Út').check();
    await expect.poll(() => page.getByTestId('classification').textContent()).toBe('Hộ nghèo');
    const result = await page.getByTestId('poverty-result').textContent();
    expect(result).toContain('Nhà tiêu hợp vệ sinh');
    await page.getByRole('button', { name: 'Xem giải thích' }).click();
    expect(await page.getByTestId('explanation').textContent()).toMatch(/07\/2021/);
    await page.getByRole('button', { name: 'Gửi cán bộ xã' }).click();
    await page.waitForURL(household);
    await expect.poll(() => page.textContent('main')).toContain('Đã gửi cán bộ xã, đang chờ đồng bộ');

    // Back online: everything reaches the server.
    await tablet.setOffline(false);
    await synced(page);

    // The commune officer approves on another device.
    const office = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(office, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    await expect.poll(() => officer.getByTestId('case-row').first().textContent()).toContain('Phạm Văn Khó');
    await officer
      .getByTestId('case-row')
      .filter({ hasText: 'Phạm Văn Khó' })
      .getByRole('button', { name: 'Phê duyệt' })
      .click();
    await synced(officer);
    await synced(page);
    await page.goto(household);
    await expect.poll(() => page.getByTestId('classification-badge').textContent()).toMatch(/^Hộ nghèo/);
    // The server noticed the two registrations of the same woman and put them on the officer's desk.
    await synced(officer);
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    // One cluster for the woman, her two registrations named from the officer's device; dismissed as a whole.
    const cluster = officer.getByTestId('duplicate-cluster').filter({ hasText: 'Trần Thị Mỹ' });
    await expect.poll(() => cluster.textContent()).toContain('trùng họ tên, năm sinh và thôn');
    const clusterText = await cluster.textContent();
    expect(clusterText).toContain('2 hồ sơ có thể là cùng một người');
    expect(clusterText).toContain('hộ Lê Văn Sẵn');
    expect(clusterText).toContain('hộ Phạm Văn Khó');
    await cluster.getByRole('button', { name: 'Không trùng' }).click();
    await expect.poll(() => cluster.count()).toBe(0);
    await synced(officer);
    await expect.poll(() => officer.getByTestId('duplicate-cluster').count()).toBe(0);

    // Two devices change the same member's CCCD offline, to different numbers.
    await synced(colleague);
    const memberLink = page.getByTestId('member-list').getByRole('link', { name: /Phạm Thị Nhỏ/ });
    const memberUrl = `${world.server.url}${await memberLink.getAttribute('href')}`;
    await tablet.setOffline(true);
    await other.setOffline(true);
    for (const [p, cccd] of [
      [page, '051316000111'],
      [colleague, '051316000222'],
    ] as const) {
      await p.goto(memberUrl);
      await p.getByLabel('Số CCCD (không bắt buộc)').fill(cccd);
      await p.getByRole('button', { name: 'Lưu' }).click();
      await p.waitForURL(household);
    }
    await tablet.setOffline(false);
    await other.setOffline(false);
    await synced(page);
    await synced(colleague);
    await synced(officer);
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    const conflict = officer.getByTestId('conflict');
    await expect.poll(() => conflict.textContent()).toContain('051316000111');
    expect(await conflict.textContent()).toContain('051316000222');
    await conflict
      .locator('.candidate')
      .filter({ hasText: '051316000222' })
      .getByRole('button', { name: 'Chọn giá trị này' })
      .click();
    await synced(officer);
    for (const p of [page, colleague]) {
      await synced(p);
      await p.goto(memberUrl);
      await expect.poll(() => p.getByLabel('Số CCCD (không bắt buộc)').inputValue()).toBe('051316000222');
    }
    await Promise.all([tablet.close(), other.close(), office.close()]);
  });
});
