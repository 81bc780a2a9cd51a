/**
 * Issue 11, members' look-alike keys (person_keys) follow their household, on SQLite and PostgreSQL: a member is
 * looked for in the village of its household as the household stands — after an edit of its village, after a
 * rename of the village on the commune's list — and a member of a household the officer deleted is nobody's
 * look-alike any more.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { MIGRATIONS } from '../../sync-server/src/db/migrations';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { freshDatabases, storageEngines } from '../support/engines';
import { LY_SON, createMutation, memberFields, mutation, patchMutation, pushContext } from '../support/fixtures';

const engines = await storageEngines('member keys');

const officer = () => pushContext({ role: 'commune_officer', userId: 'officer' });
const PERSON = { fullName: 'Lê Thị Trùng', birthDate: '1990-03-04' };

/** A household in `village` with one member, the person every test looks for again. */
async function householdWithMember(db: Database, village: string, headName = 'Hoàng Văn Thử') {
  const [household, member] = [randomUUID(), randomUUID()];
  const outcome = await push(db, pushContext(), [
    createMutation(1, { headName, village }, household),
    patchMutation(2, member, memberFields(household, PERSON), 0, 'member'),
  ]);
  expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { household, member };
}

const villageKeyOf = async (db: Database, member: string) =>
  (await db.get<{ village: string }>('SELECT village_key AS village FROM person_keys WHERE record_id = ?', [member]))
    ?.village;

/** The members in an open cluster with `member`, or none. */
async function lookAlikesOf(db: Database, member: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>("SELECT id FROM records WHERE type = 'duplicate' AND commune = ?", [
    LY_SON,
  ]);
  for (const { id } of rows) {
    const data = (await getRecord(db, id))!.data as { status: string; recordType: string; recordIds: string[] };
    if (data.status === 'open' && data.recordType === 'member' && data.recordIds.includes(member))
      return [...data.recordIds].sort();
  }
  return [];
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`member keys [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it("#11 a household's village edited: its members are looked for in the new village, not the old one", async () => {
      const db = await fresh();
      const { household, member } = await householdWithMember(db, 'Thôn Đông');
      const base = (await getRecord(db, household))!.version;
      expect(
        (await push(db, pushContext(), [patchMutation(1, household, { village: 'Thôn Tây' }, base)])).results[0],
      ).toMatchObject({ status: 'applied' });

      // The same person registered again in a household of the new village is flagged with the first.
      const west = await householdWithMember(db, 'Thôn Tây', 'Trần Văn Khác');
      expect(await lookAlikesOf(db, west.member)).toEqual([member, west.member].sort());
      // One of the village the household left is not.
      const east = await householdWithMember(db, 'Thôn Đông', 'Phạm Văn Ba');
      expect(await lookAlikesOf(db, east.member)).toEqual([]);
    });

    it('#11 a village renamed on the list: the members of its households are looked for under the new name', async () => {
      const db = await fresh();
      const village = randomUUID();
      const fields = (values: Record<string, unknown>, base = 0) =>
        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v, base] as [unknown, number]]));
      await push(db, officer(), [
        mutation(1, {
          kind: 'patch',
          type: 'village',
          id: village,
          fields: fields({ communeCode: LY_SON, name: 'Thôn Đông', status: 'active' }),
        }),
      ]);
      const { member } = await householdWithMember(db, 'Thôn Đông');
      const base = (await getRecord(db, village))!.version;
      const renamed = await push(db, officer(), [
        mutation(1, { kind: 'patch', type: 'village', id: village, fields: fields({ name: 'Thôn Đông Hải' }, base) }),
      ]);
      expect(renamed.results[0]).toMatchObject({ status: 'applied' });

      const again = await householdWithMember(db, 'Thôn Đông Hải', 'Trần Văn Khác');
      expect(await lookAlikesOf(db, again.member)).toEqual([member, again.member].sort());
    });

    it('#11 the members of a household the officer deleted are no look-alikes of a later registration', async () => {
      const db = await fresh();
      const { household } = await householdWithMember(db, 'Thôn Đông');
      const deleted = await push(db, officer(), [mutation(1, { kind: 'delete', type: 'household', id: household })]);
      expect(deleted.results[0]).toMatchObject({ status: 'applied' });

      const again = await householdWithMember(db, 'Thôn Đông', 'Trần Văn Khác');
      expect(await lookAlikesOf(db, again.member)).toEqual([]);
    });

    it('#11 migration 13: members keyed before their keys followed the household are keyed as it stands', async () => {
      const db = await fresh();
      const moved = await householdWithMember(db, 'Thôn Đông');
      const base = (await getRecord(db, moved.household))!.version;
      await push(db, pushContext(), [patchMutation(1, moved.household, { village: 'Thôn Tây' }, base)]);
      const gone = await householdWithMember(db, 'Thôn Bắc', 'Phạm Văn Ba');
      const goneKey = await db.get<Record<string, unknown>>('SELECT * FROM person_keys WHERE record_id = ?', [
        gone.member,
      ]);
      await push(db, officer(), [mutation(1, { kind: 'delete', type: 'household', id: gone.household })]);
      // The keys as the server left them before: the member's village as it was, the deleted household's member kept.
      await db.run("UPDATE person_keys SET village_key = 'thon dong' WHERE record_id = ?", [moved.member]);
      await db.run(
        "INSERT INTO person_keys (record_id, record_type, commune, name_key, birth_year, village_key) VALUES (?, 'member', ?, ?, ?, ?)",
        [gone.member, LY_SON, goneKey!.name_key, goneKey!.birth_year, goneKey!.village_key],
      );
      expect(await villageKeyOf(db, moved.member)).toBe('thon dong');

      await db.transaction((tx) => MIGRATIONS.find((m) => m.version === 13)!.after!(tx));
      expect(await villageKeyOf(db, moved.member)).toBe('thon tay');
      expect(await villageKeyOf(db, gone.member)).toBeUndefined();
    });

    it('#11 an edit of a household that keeps its village leaves its members found there', async () => {
      const db = await fresh();
      const { household, member } = await householdWithMember(db, 'Thôn Đông');
      const base = (await getRecord(db, household))!.version;
      await push(db, pushContext(), [patchMutation(1, household, { headName: 'Hoàng Văn Thứ' }, base)]);
      const again = await householdWithMember(db, 'Thôn Đông', 'Trần Văn Khác');
      expect(await lookAlikesOf(db, again.member)).toEqual([member, again.member].sort());
    });
  });
}
