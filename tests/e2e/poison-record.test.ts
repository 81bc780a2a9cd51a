/**
 * #9.4 in real Chromium: a record an older server accepted — a survey nested 3,900 levels deep, which Chromium's
 * IndexedDB cannot store — no longer keeps a fresh officer's device from receiving the commune. The record is
 * set aside and listed on the Sync page; everything else of the page lands.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { TABLET, appWorld, signIn } from '../support/app-world';
import { nextCommuneVersion } from '../../sync-server/src/store/sync-log';

const available = chromiumAvailable('e2e poison record');
const LY_SON = '21548';

describe.skipIf(!available)('e2e: one record the device cannot store', () => {
  const world = appWorld();

  it("#9.4 a fresh officer device receives the commune's households although one record in it cannot be stored by IndexedDB", async () => {
    const db = world.server.db;
    const household = await db.get<{ id: string }>(
      "SELECT id FROM records WHERE commune = ? AND type = 'household' ORDER BY version LIMIT 1",
      [LY_SON],
    );
    const caseId = randomUUID();
    // Written straight into the database, as an older server accepted it; the text is built without recursion.
    const deep = `${'{"a":'.repeat(3_900)}1${'}'.repeat(3_900)}`;
    await db.transaction(async (tx) => {
      const version = await nextCommuneVersion(tx, LY_SON);
      await tx.run(
        `INSERT INTO records (id, type, commune, version, parent_id, data, meta, deleted, created_at, updated_at, updated_by)
         VALUES (?, 'case', ?, ?, ?, ?, '{"f":{}}', 0, 1, 1, 'old-server')`,
        [
          caseId,
          LY_SON,
          version,
          household!.id,
          `{"communeCode":"${LY_SON}","kind":"survey","subjectId":"${household!.id}","note":"","status":"draft","history":[],"data":${deep}}`,
        ],
      );
    });

    const officer = await world.browser.newContext({ viewport: TABLET });
    // signIn waits for a complete sync ("Đồng bộ lần cuối: …"): every page pulled.
    const page = await signIn(officer, world.server.url, 'canbo.lyson');
    await expect
      .poll(() => page.getByTestId('household-list').textContent(), { timeout: 20_000 })
      .toContain('Nguyễn Văn Được');
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('an-sinh');
          open.onsuccess = () => {
            const count = open.result.transaction('households').objectStore('households').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const onServer = await db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM records WHERE commune = ? AND type = 'household'",
      [LY_SON],
    );
    expect(stored).toBe(Number(onServer?.n));

    await page.getByRole('link', { name: 'Đồng bộ' }).first().click();
    await expect.poll(() => page.getByTestId('set-aside-record').textContent()).toContain(caseId);
    expect(await page.getByTestId('set-aside-record').textContent()).toMatch(/Hồ sơ.*lồng nhau quá/);
    await officer.close();
  });
});
