/**
 * Issue 11, the commune's list of villages on the server, SQLite and PostgreSQL: a household names a village of
 * its commune's list (one added in the field as "other", waiting for review, included) — or anything while the
 * commune has no list yet; a village renamed on the list carries its new name to the households that name it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { freshDatabases, storageEngines } from '../support/engines';
import { BA_TO, LY_SON, createMutation, mutation, patchMutation, pushContext } from '../support/fixtures';

const engines = await storageEngines('village list');

const officer = () => pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });
const villagePatch = (seq: number, id: string, fields: Record<string, unknown>, base = 0) =>
  mutation(seq, {
    kind: 'patch',
    type: 'village',
    id,
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, base]])),
  });

/** The commune's list as the officer keeps it: one village on it, by id. */
async function listOf(db: Database, names: readonly string[], communeCode = LY_SON) {
  const ids = names.map(() => randomUUID());
  const outcome = await push(
    db,
    officer(),
    names.map((name, index) => villagePatch(index + 1, ids[index]!, { communeCode, name, status: 'active' })),
  );
  expect(outcome.results.every((r) => r.status === 'applied')).toBe(true);
  return ids;
}

const villageOf = async (db: Database, id: string) => (await getRecord(db, id))?.data.village;

for (const engine of engines) {
  describe(`village list [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#11 a household names a village of its commune list, or one added in the same batch as "other"; anything else is refused alone', async () => {
      const db = await fresh();
      await listOf(db, ['Thôn An Bình']);
      const [listed, unlisted, typedLoosely, added, newVillage] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      const outcome = await push(db, pushContext(), [
        createMutation(1, { village: 'Thôn An Bình' }, listed),
        createMutation(2, { village: 'Thôn Bến Đình' }, unlisted),
        createMutation(3, { village: 'thon  an binh' }, typedLoosely),
        // Added on the tablet under "Khác (ghi rõ)", saved before the household that names it.
        villagePatch(4, newVillage, { communeCode: LY_SON, name: 'Thôn Bến Đình', status: 'other' }),
        createMutation(5, { village: 'Thôn Bến Đình' }, added),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'applied', 'applied']);
      expect(outcome.results[1]).toMatchObject({
        problem: { code: 'reject.villageNotListed', params: { village: 'Thôn Bến Đình' } },
        reason: expect.stringContaining('không có trong danh sách thôn của xã'),
      });
      expect(await getRecord(db, unlisted)).toBeUndefined();
      // Written as the list writes it.
      expect(await villageOf(db, typedLoosely)).toBe('Thôn An Bình');
      expect(await villageOf(db, added)).toBe('Thôn Bến Đình');
    });

    it('#11 an edit to a village off the list is refused; one that leaves a village from before the list is not', async () => {
      const db = await fresh();
      const [before, noList] = [randomUUID(), randomUUID()];
      // Registered before the commune had a list (and in a commune that still has none).
      await push(db, officer(), [
        createMutation(1, { village: 'Xóm Cũ' }, before),
        createMutation(2, { communeCode: BA_TO, village: 'Xóm Bất Kỳ' }, noList),
      ]);
      await listOf(db, ['Thôn An Bình']);
      const base = (await getRecord(db, before))!.version;
      const outcome = await push(db, pushContext(), [
        patchMutation(1, before, { address: 'Tổ 9' }, base),
        patchMutation(2, before, { village: 'Xóm Khác' }, base),
        patchMutation(3, before, { village: 'Thôn An Bình' }, base),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(outcome.results[1]).toMatchObject({ problem: { code: 'reject.villageNotListed' } });
      expect((await getRecord(db, before))?.data).toMatchObject({ address: 'Tổ 9', village: 'Thôn An Bình' });
    });

    it('#11 a village renamed on the list carries its new name to the households that name it, and keeps the old one', async () => {
      const db = await fresh();
      const [dong, tay] = await listOf(db, ['Thôn Đông', 'Thôn Tây']);
      const [first, second, elsewhere, late] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const field = pushContext();
      await push(db, field, [
        createMutation(1, { village: 'Thôn Đông' }, first),
        createMutation(2, { village: 'Thôn Đông' }, second),
        createMutation(3, { village: 'Thôn Tây' }, elsewhere),
      ]);
      const seen = (await getRecord(db, first))!.version;
      const base = (await getRecord(db, dong!))!.version;
      const renamed = await push(db, officer(), [villagePatch(1, dong!, { name: 'Thôn Đông Hải' }, base)]);
      expect(renamed.results[0]?.status).toBe('applied');
      expect((await getRecord(db, dong!))?.data).toMatchObject({ name: 'Thôn Đông Hải', formerNames: ['Thôn Đông'] });
      expect(await villageOf(db, first)).toBe('Thôn Đông Hải');
      expect(await villageOf(db, second)).toBe('Thôn Đông Hải');
      expect(await villageOf(db, elsewhere)).toBe('Thôn Tây');
      expect((await getRecord(db, tay!))?.data).not.toHaveProperty('formerNames');

      // A tablet that had not synced the rename: its edit of another field keeps the new name, its household
      // registered under the old name is placed in the village as it is called now.
      const later = await push(db, field, [
        patchMutation(4, first, { address: 'Tổ 8' }, seen),
        createMutation(5, { village: 'Thôn Đông' }, late),
      ]);
      expect(later.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect((await getRecord(db, first))?.data).toMatchObject({ address: 'Tổ 8', village: 'Thôn Đông Hải' });
      expect(await villageOf(db, late)).toBe('Thôn Đông Hải');
      // A look-alike is looked for in the village by its new name.
      const keys = await db.all<{ village: string }>(
        'SELECT village_key AS village FROM person_keys WHERE record_id IN (?, ?)',
        [second, late],
      );
      expect(keys.map((k) => k.village)).toEqual(['thon dong hai', 'thon dong hai']);
    });
  });
}
