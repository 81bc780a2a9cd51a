/**
 * Issue 11 in real Chromium: the commune officer renames a village on the list, and a collaborator's tablet shows
 * the households of that village under the new name after its next sync — the list it had filtered by the old
 * name too (the server carries a rename to the households that name the village).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn as signInAt, synced } from '../support/app-world';

const available = chromiumAvailable('e2e village rename');

describe.skipIf(!available)('e2e: a village renamed on the list (issue 11)', () => {
  const world = appWorld();
  const signIn = (context: BrowserContext, username: string) => signInAt(context, world.server.url, username);

  it('#11 the households of a renamed village show its new name on the tablet, and the village filter follows', async () => {
    const tablet = await world.browser.newContext({ viewport: TABLET });
    const page = await signIn(tablet, 'ctv.lyson');
    const filter = page.getByRole('combobox', { name: 'Thôn/tổ dân phố' });
    await filter.selectOption('Thôn Tây An Vĩnh');
    const items = page.getByTestId('household-list').locator('li');
    await expect.poll(() => items.allTextContents()).toEqual([expect.stringContaining('Trương Thị Lệ')]);

    const office = await world.browser.newContext({ viewport: TABLET });
    const officer = await signIn(office, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Thôn', exact: true }).click();
    const rows = officer.getByTestId('villages-listed').getByTestId('village-row');
    const names = () =>
      rows.getByLabel('Tên thôn/tổ dân phố').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect.poll(names).toContain('Thôn Tây An Vĩnh');
    const row = rows.nth((await names()).indexOf('Thôn Tây An Vĩnh'));
    await row.getByLabel('Tên thôn/tổ dân phố').fill('Tổ dân phố Tây An Vĩnh');
    await row.getByRole('button', { name: 'Lưu' }).click();
    await synced(officer);

    await synced(page);
    await expect.poll(() => filter.inputValue()).toBe('Tổ dân phố Tây An Vĩnh');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringMatching(/Trương Thị Lệ.*Tổ dân phố Tây An Vĩnh/)]);
    await tablet.close();
    await office.close();
  });
});
