/**
 * Issue 11: the demo communes get their lists of villages, every village their demo households name, as records
 * of the `village` kind that sync like the others — on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, DEMO_HOUSEHOLDS, DEMO_VILLAGES, LY_SON, BA_TO } from '../../sync-server/src/seed/demo';
import { storageEngines } from '../support/engines';
import { testPasswords } from '../support/passwords';

const engines = await storageEngines('demo villages');

for (const engine of engines) {
  describe.skipIf(!engine.available)(`demo villages [${engine.name}]`, () => {
    it('#11 each demo commune has its villages, active, including every village its demo households name', async () => {
      const db = await engine.openFresh();
      await seedDemo(db, Date.now(), { registry: false, passwords: testPasswords() });
      for (const commune of [LY_SON, BA_TO]) {
        const rows = await db.all<{ data: string | Record<string, unknown> }>(
          "SELECT data FROM records WHERE type = 'village' AND commune = ?",
          [commune],
        );
        const villages = rows.map((row) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data));
        expect(villages.map((v) => v.name).sort()).toEqual([...DEMO_VILLAGES[commune]!].sort());
        expect(new Set(villages.map((v) => v.status))).toEqual(new Set(['active']));
        for (const household of DEMO_HOUSEHOLDS.filter((h) => h.communeCode === commune))
          expect(villages.map((v) => v.name)).toContain(household.village);
      }
      await db.close();
    });
  });
}
