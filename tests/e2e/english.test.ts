/**
 * Issue 10, "text comes from one place", in real Chromium: with English chosen, a commune officer walks the
 * household list, a household, the member form, a survey, the review desk (a submitted survey, a conflict and a
 * duplicate waiting), the relief screens (emergency list and page, round, printed list) and the Sync page with a
 * refused change. On each screen the visible text (and placeholder, title, aria-label) minus the data this test and
 * the demo seeded (names, villages, communes, ethnic groups) and legal names must hold no Vietnamese letter.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { goOffline } from '../support/offline';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, demoDevice, signIn } from '../support/app-world';
import { DEMO_ACCOUNTS, DEMO_HOUSEHOLDS, DEMO_VILLAGES } from '../../sync-server/src/seed/demo';
import { ETHNIC_GROUPS } from '../../src/shared/reference/ethnic-groups';
import { householdFields, memberFields, mutation, patchMutation, surveyCaseFields } from '../support/fixtures';

const available = chromiumAvailable('e2e english');

/** Letters only Vietnamese writes: ă â đ ê ô ơ ư and every precomposed letter with a Vietnamese tone mark. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

const SEEDED = {
  head: 'Hoàng Văn Thử',
  otherHead: 'Lưu Thị Nguyện',
  village: 'Thôn Đông An Vĩnh',
  twin: 'Lê Thị Trùng',
  kid: 'Hoàng Thị Mận',
};

/** Data and legal names, which stay as they are in any language; longest first so parts of a name go with it. */
const NOT_TRANSLATED = [
  ...Object.values(SEEDED),
  ...DEMO_HOUSEHOLDS.flatMap((h) => [h.headName, h.village, h.address, h.notes]),
  // The communes' lists of villages, offered by the household form (issue 11).
  ...Object.values(DEMO_VILLAGES).flat(),
  ...DEMO_ACCOUNTS.map((a) => a.displayName),
  ...ETHNIC_GROUPS.map(([, name]) => name),
  'Đặc khu Lý Sơn',
  'Xã Ba Tơ',
  'Lý Sơn',
  'Quảng Ngãi',
  'Tiếng Việt', // the language switch names the other language in that language
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Tổ 5',
  'Tổ 7',
]
  .filter((text) => text.length > 0)
  .sort((a, b) => b.length - a.length);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Legal names and citations: "Nghị định 20/2021/NĐ-CP", "Quyết định 861/QĐ-TTg", "NĐ 20/2021", and an article as the
 * law numbers it ("Điều 12 khoản 1 điểm b", shown beside its English "Art. 12(1)(b)").
 */
const LEGAL_ARTICLE = /(khoản \d+ )?Điều \d+( khoản \d+)?( điểm [a-zđ])?/g;
const LEGAL_NAME =
  /(Nghị định|Quyết định|Thông tư|Nghị quyết|Luật|NĐ|QĐ|NQ|TT)\s*\d[\d/]*(?:(?:NĐ|QĐ|NQ|TT)-[\p{Lu}\d-]+)?/gu;

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[placeholder], [title], [aria-label]')].flatMap((el) =>
      ['placeholder', 'title', 'aria-label'].map((name) => el.getAttribute(name) ?? '').filter(Boolean),
    );
    // innerText, not textContent: what is on screen (hidden elements and <option>s not chosen are not read).
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

/** What is left on screen in Vietnamese once data and legal names are taken out, line by line. */
export function vietnameseLeft(text: string): string[] {
  let rest = text.normalize('NFC');
  // Whole words only: the ethnic group "Co" is data, the "Co" of "Committee" is not.
  for (const data of NOT_TRANSLATED)
    rest = rest.replace(new RegExp(`(?<!\\p{L})${escapeRegExp(data.normalize('NFC'))}(?!\\p{L})`, 'gu'), '·');
  rest = rest.replace(LEGAL_NAME, '·').replace(LEGAL_ARTICLE, '·');
  // The currency sign: money is written 5.400.000 đ in every language (issue 11, relief).
  rest = rest.replace(/(?<=\d) đ(?!\p{L})/gu, ' ·');
  return rest
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => VIETNAMESE.test(line));
}

async function expectEnglish(page: Page, screen: string): Promise<void> {
  // Screens fill in from IndexedDB: wait until the text settles before reading it.
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await visibleText(page);
        const same = now === previous;
        previous = now;
        return same;
      },
      { interval: 400 },
    )
    .toBe(true);
  const left = vietnameseLeft(previous);
  expect.soft(left, `Vietnamese text on ${screen} with English chosen:\n${left.join('\n')}`).toEqual([]);
}

describe.skipIf(!available)('e2e: the app in English', () => {
  const world = appWorld();

  const api = (username: string) => demoDevice(world.server.url, username);

  async function syncedInEnglish(page: Page) {
    const status = page.locator('[data-sync-finished]');
    const before = Number(await status.getAttribute('data-sync-finished'));
    await expect.poll(() => status.getAttribute('data-sync-running')).toBe('false');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(async () => Number(await status.getAttribute('data-sync-finished')), { timeout: 20_000 })
      .toBeGreaterThan(before);
  }

  it('shows no Vietnamese but data and legal names on any screen of a commune officer', async () => {
    // What waits on the officer's desk: a submitted survey, a conflict, a duplicate pair.
    const household = randomUUID();
    const other = randomUUID();
    const survey = randomUUID();
    const collaborator = await api('ctv.lyson');
    expect(
      await collaborator(
        (s) =>
          patchMutation(
            s,
            household,
            householdFields({ headName: SEEDED.head, village: SEEDED.village, address: 'Tổ 2' }),
          ),
        (s) =>
          patchMutation(
            s,
            randomUUID(),
            memberFields(household, { fullName: SEEDED.twin, birthDate: '1990-05-12', relation: 'vợ' }),
            0,
            'member',
          ),
        (s) => patchMutation(s, randomUUID(), memberFields(household, { fullName: SEEDED.kid }), 0, 'member'),
        (s) =>
          patchMutation(
            s,
            other,
            householdFields({ headName: SEEDED.otherHead, village: SEEDED.village, address: '' }),
          ),
        (s) =>
          patchMutation(
            s,
            randomUUID(),
            memberFields(other, { fullName: SEEDED.twin, birthDate: '1990', relation: 'con dâu' }),
            0,
            'member',
          ),
        (s) => patchMutation(s, survey, surveyCaseFields(household), 0, 'case'),
        (s) => mutation(s, { kind: 'command', id: survey, command: 'submit' }),
        (s) => patchMutation(s, household, { address: 'Tổ 5' }, 1),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
    expect(await (await api('ctv2.lyson'))((s) => patchMutation(s, household, { address: 'Tổ 7' }, 1))).toEqual([
      'conflict',
    ]);

    const context = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(context, world.server.url, 'canbo.lyson');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain(SEEDED.head);
    await expectEnglish(page, 'the household list');

    // A new household saved empty: the form's own checks speak English.
    await page.getByRole('link', { name: 'New household' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.error').count()).toBeGreaterThan(0);
    await expectEnglish(page, 'the new household form with its errors');

    await page.goto(`${world.server.url}/households/${household}`);
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain(SEEDED.head);
    await expectEnglish(page, 'a household page');

    await page
      .getByTestId('member-list')
      .getByRole('link', { name: new RegExp(SEEDED.kid) })
      .click();
    await expect.poll(() => page.getByLabel('Full name').inputValue()).toBe(SEEDED.kid);
    await page.getByLabel('Full name').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.error').count()).toBeGreaterThan(0);
    await expectEnglish(page, 'the member form with its errors');

    // A member typed like one already registered: the duplicate warning gives its reason.
    await page.goto(`${world.server.url}/households/${household}/members/new`);
    await page.getByLabel('Full name').fill('le thi trung');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Date of birth (dd/mm/yyyy, or the year only)').fill('1990');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('duplicate-warning').count()).toBe(1);
    await expectEnglish(page, 'the member form with a duplicate warning');

    await page.goto(`${world.server.url}/households/${household}/survey`);
    await page.getByLabel('Monthly household income (VND)').fill('abc');
    await page.getByLabel('Review date').fill('31/02');
    await expectEnglish(page, 'the survey page');

    await page.goto(`${world.server.url}/review`);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(1);
    await expect.poll(() => page.getByTestId('duplicate-cluster').count()).toBe(1);
    await expectEnglish(page, 'the review page');

    // The officer's list of villages (issue 11).
    await page.goto(`${world.server.url}/villages`);
    await expect.poll(() => page.getByTestId('village-row').count()).toBeGreaterThan(0);
    await expectEnglish(page, 'the list of villages');

    // Relief: an emergency, its page, a round and the printed list.
    await page.goto(`${world.server.url}/emergencies`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.error').count()).toBeGreaterThan(0);
    await expectEnglish(page, 'the emergency list with the form errors');
    await page.getByLabel('Type of event').selectOption('flood');
    await page.getByLabel(SEEDED.village).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/emergencies/*');
    await page.getByRole('button', { name: 'Record damage' }).click();
    const form = page.getByTestId('damage-form');
    await form.getByLabel('Search by', { exact: false }).fill('hoang van thu');
    await form.getByRole('button').filter({ hasText: SEEDED.head }).first().click();
    await form.getByLabel('People lacking food').fill('3');
    await expect.poll(() => form.getByTestId('entitlements').textContent()).toContain('kg');
    await expectEnglish(page, 'an emergency page with the damage form');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => page.getByTestId('damage-list').locator(':scope > li').count()).toBe(1);
    await expectEnglish(page, 'an emergency page');
    await page.getByRole('button', { name: 'New relief round' }).click();
    await page.waitForURL('**/rounds/*');
    await expectEnglish(page, 'a round page');
    await page.getByRole('link', { name: 'Print the signature list' }).click();
    await expect.poll(async () => page.getByTestId('print-page').count()).toBeGreaterThan(0);
    await expectEnglish(page, 'the printed list');

    // A change the server refuses: the officer edits a household offline that is deleted meanwhile.
    await page.goto(`${world.server.url}/households/${other}`);
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain(SEEDED.otherHead);
    await context.setOffline(true);
    await page
      .getByRole('link', { name: 'Edit' })
      .or(page.getByRole('button', { name: 'Edit' }))
      .first()
      .click();
    await page.getByLabel('Notes').fill('Moved to the mainland');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('household-head').textContent()).toContain(SEEDED.otherHead);
    expect(
      await (await api('canbo.lyson'))((s) => mutation(s, { kind: 'delete', type: 'household', id: other })),
    ).toEqual(['applied']);
    await context.setOffline(false);
    await syncedInEnglish(page);
    await page.goto(`${world.server.url}/sync`);
    await expect.poll(() => page.getByTestId('rejection').count()).toBe(1);
    await expectEnglish(page, 'the Sync page with a refused change');
    await page.goto(`${world.server.url}/households`);
    await expectEnglish(page, 'the household list with a refused change');

    // The English texts are a chunk of their own, fetched when English is chosen: a reload with no network takes
    // them from the precache and opens in English at once.
    await page.evaluate(() => navigator.serviceWorker.ready);
    const offline = await goOffline(context, page);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByTestId('household-list').textContent()).toContain(SEEDED.head);
    await expectEnglish(page, 'the household list opened offline');
    await offline.goOnline();
    await context.close();
  });
});
