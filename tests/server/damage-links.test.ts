/**
 * Issue 11, a damage entry linked to a registered household (its `householdId`), on SQLite and PostgreSQL: the
 * household named must be of the entry's commune and still there; the handouts made through the entry count for
 * that household in the server's check for double handouts ("nghi phát trùng"), whenever the link is made.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { MIGRATIONS } from '../../sync-server/src/db/migrations';
import { getRecord } from '../../sync-server/src/store/records';
import { writeRecord } from '../../sync-server/src/sync/write-record';
import { push } from '../../sync-server/src/sync/push';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  BA_TO,
  LY_SON,
  createMutation,
  damageFields,
  distributionData,
  emergencyFields,
  mutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('damage links');

const patch = (seq: number, type: 'emergency' | 'damage', id: string, fields: Record<string, unknown>) =>
  mutation(seq, {
    kind: 'patch',
    type,
    id,
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, 0]])),
  });

const officer = () => pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });
const villageHead = () => pushContext({ role: 'village_head' });
const RECEIPT = 'ab'.repeat(32);

/** A handout of the round's rice to a registered household, or through a damage entry (receipt and witness). */
const toHousehold = (id: string, household: string) =>
  mutation(1, { kind: 'event', type: 'distribution', id, data: distributionData(household) });
const throughDamage = (id: string, damage: string) => {
  const { householdId: _none, ...data } = distributionData(randomUUID(), {
    damageId: damage,
    receipt: RECEIPT,
    witnessName: 'Trưởng thôn Lê Văn Tư',
  });
  return mutation(1, { kind: 'event', type: 'distribution', id, data });
};

/** Registered households, an emergency's damage entry linked to none of them yet, and what the tests do there. */
async function reliefWorld(db: Database, count: number) {
  const ids = Array.from({ length: count }, () => randomUUID());
  await push(
    db,
    pushContext(),
    ids.map((id, index) => createMutation(index + 1, {}, id)),
  );
  const emergency = randomUUID();
  const damage = randomUUID();
  await push(db, officer(), [
    patch(1, 'emergency', emergency, emergencyFields()),
    patch(2, 'damage', damage, damageFields(emergency)),
  ]);
  return {
    households: ids,
    damage,
    /** The officer links the entry to a registered household (or to none), editing the entry as last synced. */
    async link(householdId: string | null) {
      const base = (await getRecord(db, damage))!.version;
      const fields: Record<string, [unknown, number]> = {
        householdId: [householdId, base],
        followUp: [householdId === null, base],
      };
      return push(db, officer(), [mutation(1, { kind: 'patch', type: 'damage', id: damage, fields })]);
    },
    async give(op: ReturnType<typeof mutation>) {
      expect((await push(db, villageHead(), [op])).results[0]?.status).toBe('applied');
    },
    async flags(id: string) {
      const data = (await getRecord(db, id))?.data as { duplicateSuspected: boolean; duplicateOf: string[] };
      return { suspected: data.duplicateSuspected, of: [...data.duplicateOf].sort() };
    },
  };
}

for (const engine of engines) {
  describe(`damage links [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#11 refuses a damage entry naming a household missing, deleted or of another commune; the rest of the batch applies', async () => {
      const db = await fresh();
      const [here, elsewhere, gone] = [randomUUID(), randomUUID(), randomUUID()];
      await push(db, officer(), [
        createMutation(1, {}, here),
        createMutation(2, { communeCode: BA_TO }, elsewhere),
        createMutation(3, {}, gone),
        mutation(4, { kind: 'delete', type: 'household', id: gone }),
      ]);
      const emergency = randomUUID();
      const [toElsewhere, toNobody, toGone, toHere, followUp] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      const linked = (householdId: string) => damageFields(emergency, { householdId, followUp: false });
      const outcome = await push(db, officer(), [
        patch(1, 'emergency', emergency, emergencyFields()),
        patch(2, 'damage', toElsewhere, linked(elsewhere)),
        patch(3, 'damage', toNobody, linked(randomUUID())),
        patch(4, 'damage', toGone, linked(gone)),
        patch(5, 'damage', toHere, linked(here)),
        patch(6, 'damage', followUp, damageFields(emergency)),
        // Linked later, by an edit, to the other commune's household.
        patch(7, 'damage', followUp, { householdId: elsewhere }),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual([
        'applied',
        'rejected',
        'rejected',
        'rejected',
        'applied',
        'applied',
        'rejected',
      ]);
      for (const refused of [1, 2, 3, 6])
        expect(outcome.results[refused]).toMatchObject({
          problem: { code: 'reject.damageHouseholdMissing' },
          reason: expect.stringContaining('Hộ gia đình được gắn với mục thiệt hại'),
        });
      expect(await getRecord(db, toElsewhere)).toBeUndefined();
      expect((await getRecord(db, toHere))?.data).toMatchObject({ householdId: here });
      expect((await getRecord(db, followUp))?.data).not.toHaveProperty('householdId');
    });

    it('#11 a handout through a follow-up entry and one to the household it is later linked to are flagged at the link; later handouts see both', async () => {
      const db = await fresh();
      const { households, damage, link, give, flags } = await reliefWorld(db, 1);
      const [household] = households as [string];
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await give(toHousehold(a, household));
      await give(throughDamage(b, damage));
      expect(await flags(a)).toEqual({ suspected: false, of: [] });

      expect((await link(household)).results[0]?.status).toBe('applied');
      expect(await flags(a)).toEqual({ suspected: true, of: [b] });
      expect(await flags(b)).toEqual({ suspected: true, of: [a] });
      // The handout stays as it was recorded: through the entry.
      expect((await getRecord(db, b))?.data).not.toHaveProperty('householdId');

      await give(toHousehold(c, household));
      expect(await flags(c)).toEqual({ suspected: true, of: [a, b].sort() });
      expect(await flags(b)).toEqual({ suspected: true, of: [a, c].sort() });
    });

    it('#11 a handout through an entry already linked (a tablet that had not synced the link) counts for the household', async () => {
      const db = await fresh();
      const { households, damage, link, give, flags } = await reliefWorld(db, 1);
      const [household] = households as [string];
      await link(household);
      const [a, b] = [randomUUID(), randomUUID()];
      await give(toHousehold(a, household));
      await give(throughDamage(b, damage));
      expect(await flags(b)).toEqual({ suspected: true, of: [a] });
      expect(await flags(a)).toEqual({ suspected: true, of: [b] });
    });

    it('#11 an entry linked again to another household takes its handouts with it', async () => {
      const db = await fresh();
      const { households, damage, link, give, flags } = await reliefWorld(db, 2);
      const [first, second] = households as [string, string];
      await link(first);
      const [b, c, e] = [randomUUID(), randomUUID(), randomUUID()];
      await give(throughDamage(b, damage));
      expect((await link(second)).results[0]?.status).toBe('applied');
      await give(toHousehold(c, second));
      await give(toHousehold(e, first));
      expect(await flags(c)).toEqual({ suspected: true, of: [b] });
      expect(await flags(e)).toEqual({ suspected: false, of: [] });
    });

    it('#11 an entry linked again to another household, or to none, clears the flags of the pairs it leaves; the pairs stay listed', async () => {
      const db = await fresh();
      const { households, damage, link, give, flags } = await reliefWorld(db, 2);
      const [first, second] = households as [string, string];
      await link(first);
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await give(toHousehold(a, first));
      await give(throughDamage(b, damage));
      expect(await flags(b)).toEqual({ suspected: true, of: [a] });

      // Linked by mistake: the entry is the other household's. The handout to the first is no double any more.
      expect((await link(second)).results[0]?.status).toBe('applied');
      expect(await flags(a)).toEqual({ suspected: false, of: [b] });
      expect(await flags(b)).toEqual({ suspected: false, of: [a] });
      await give(toHousehold(c, second));
      expect(await flags(c)).toEqual({ suspected: true, of: [b] });
      expect(await flags(b)).toEqual({ suspected: true, of: [a, c].sort() });

      // Unlinked: the entry's handouts count for the entry alone again.
      expect((await link(null)).results[0]?.status).toBe('applied');
      expect((await getRecord(db, damage))?.data).not.toHaveProperty('householdId');
      expect(await flags(b)).toEqual({ suspected: false, of: [a, c].sort() });
      expect(await flags(c)).toEqual({ suspected: false, of: [b] });
      expect(await flags(a)).toEqual({ suspected: false, of: [b] });
    });

    it('#11 a pair the new link does not break stays flagged: two handouts through the entry, two to the household it leaves', async () => {
      const db = await fresh();
      const { households, damage, link, give, flags } = await reliefWorld(db, 2);
      const [first, second] = households as [string, string];
      await link(first);
      const [a, a2, b, b2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await give(toHousehold(a, first));
      await give(toHousehold(a2, first));
      await give(throughDamage(b, damage));
      await give(throughDamage(b2, damage));
      expect(await flags(a)).toEqual({ suspected: true, of: [a2, b, b2].sort() });

      await link(second);
      expect(await flags(a)).toEqual({ suspected: true, of: [a2, b, b2].sort() });
      expect(await flags(a2)).toEqual({ suspected: true, of: [a, b, b2].sort() });
      expect(await flags(b)).toEqual({ suspected: true, of: [a, a2, b2].sort() });
      expect(await flags(b2)).toEqual({ suspected: true, of: [a, a2, b].sort() });
    });

    it('#11 an entry linked back to the household it left flags the pair again', async () => {
      const db = await fresh();
      const { households, damage, link, give, flags } = await reliefWorld(db, 2);
      const [first, second] = households as [string, string];
      await link(first);
      const [a, b] = [randomUUID(), randomUUID()];
      await give(toHousehold(a, first));
      await give(throughDamage(b, damage));
      await link(second);
      expect(await flags(a)).toEqual({ suspected: false, of: [b] });
      await link(first);
      expect(await flags(a)).toEqual({ suspected: true, of: [b] });
      expect(await flags(b)).toEqual({ suspected: true, of: [a] });
    });

    it('#11 migration 10: handouts through entries linked before the server followed links count for the household', async () => {
      const db = await fresh();
      const { households, damage, give, flags } = await reliefWorld(db, 1);
      const [household] = households as [string];
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await give(toHousehold(a, household));
      await give(throughDamage(b, damage));
      // Linked as the server did before: the entry written, its handouts left keyed by it.
      await db.transaction(async (tx) => {
        const stored = (await getRecord(tx, damage))!;
        const linked = { ...stored, data: { ...stored.data, householdId: household, followUp: false } };
        await writeRecord(tx, pushContext(), linked, { before: stored, touched: ['householdId'] });
      });
      expect(await flags(a)).toEqual({ suspected: false, of: [] });

      await db.transaction((tx) => MIGRATIONS.find((m) => m.version === 10)!.after!(tx));
      expect(await flags(a)).toEqual({ suspected: true, of: [b] });
      expect(await flags(b)).toEqual({ suspected: true, of: [a] });
      await give(toHousehold(c, household));
      expect(await flags(c)).toEqual({ suspected: true, of: [a, b].sort() });
    });
  });
}
