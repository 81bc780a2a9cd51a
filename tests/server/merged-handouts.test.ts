/**
 * Issue 11, handouts after "Đúng là trùng" merges a household into another, on SQLite and PostgreSQL: what
 * counted for the household merged away counts for the one kept in the check for double handouts ("nghi phát
 * trùng") — its own handouts and those through the damage entries linked to it, which now name the one kept. The
 * handouts stay as recorded (facts); their keys and flags are what move.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { MIGRATIONS } from '../../sync-server/src/db/migrations';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { writeRecord } from '../../sync-server/src/sync/write-record';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  createMutation,
  damageFields,
  distributionData,
  emergencyFields,
  mutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('merged handouts');

const VILLAGE = 'Thôn Đông An Vĩnh';
const officer = () => pushContext({ role: 'commune_officer', userId: 'officer' });
const villageHead = () => pushContext({ role: 'village_head' });
const fieldsAt = (fields: Record<string, unknown>, base = 0) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, base] as [unknown, number]]));

/** The round's rice to a registered household, or through a damage entry (receipt and witness). */
const toHousehold = (id: string, household: string) =>
  mutation(1, { kind: 'event', type: 'distribution', id, data: distributionData(household) });
const throughDamage = (id: string, damage: string) => {
  const { householdId: _none, ...data } = distributionData(randomUUID(), {
    damageId: damage,
    receipt: 'ab'.repeat(32),
    witnessName: 'Trưởng thôn Lê Văn Tư',
  });
  return mutation(1, { kind: 'event', type: 'distribution', id, data });
};

/** A household registered twice (same head, same village): the server opens a cluster of the two. */
async function registeredTwice(db: Database) {
  const [kept, away] = [randomUUID(), randomUUID()];
  await push(db, pushContext(), [
    createMutation(1, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, kept),
    createMutation(2, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, away),
  ]);
  return { kept, away };
}

async function openClusterOf(db: Database, record: string) {
  const rows = await db.all<{ id: string }>("SELECT id FROM records WHERE type = 'duplicate' ORDER BY version");
  for (const { id } of rows) {
    const data = (await getRecord(db, id))!.data as { status: string; recordIds: string[] };
    if (data.status === 'open' && data.recordIds.includes(record)) return { id, recordIds: data.recordIds };
  }
  throw new Error(`no open cluster holds ${record}`);
}

/** "Đúng là trùng", keeping `keep`: the mutation the officer's desk sends. */
async function mergeOf(db: Database, keep: string) {
  const cluster = await openClusterOf(db, keep);
  return mutation(1, {
    kind: 'resolve',
    id: cluster.id,
    value: { decision: 'confirmed', recordIds: cluster.recordIds, keep },
  });
}

async function merge(db: Database, keep: string) {
  expect((await push(db, officer(), [await mergeOf(db, keep)])).results[0]).toMatchObject({ status: 'applied' });
}

async function give(db: Database, op: ReturnType<typeof mutation>) {
  expect((await push(db, villageHead(), [op])).results[0]).toMatchObject({ status: 'applied' });
}

async function flags(db: Database, id: string) {
  const data = (await getRecord(db, id))?.data as { duplicateSuspected: boolean; duplicateOf: string[] };
  return { suspected: data.duplicateSuspected, of: [...data.duplicateOf].sort() };
}

/** An emergency's damage entry of a household not registered yet, linked by the officer to `household`. */
async function linkedEntry(db: Database, household: string) {
  const [emergency, damage] = [randomUUID(), randomUUID()];
  await push(db, officer(), [
    mutation(1, { kind: 'patch', type: 'emergency', id: emergency, fields: fieldsAt(emergencyFields()) }),
    mutation(2, {
      kind: 'patch',
      type: 'damage',
      id: damage,
      fields: fieldsAt(damageFields(emergency, { householdId: household, followUp: false })),
    }),
  ]);
  return damage;
}

const sorted = (...ids: string[]) => [...ids].sort();

for (const engine of engines) {
  describe.skipIf(!engine.available)(`merged handouts [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#11 handouts to the household merged away and to the one kept are compared once merged; later handouts see them all', async () => {
      const db = await fresh();
      const { kept, away } = await registeredTwice(db);
      const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await give(db, toHousehold(a, kept));
      await give(db, toHousehold(b, away));
      expect(await flags(db, a)).toEqual({ suspected: false, of: [] });

      await merge(db, kept);
      expect(await flags(db, a)).toEqual({ suspected: true, of: [b] });
      expect(await flags(db, b)).toEqual({ suspected: true, of: [a] });
      // The handout stays as it was recorded: to the household merged away.
      expect((await getRecord(db, b))?.data).toMatchObject({ householdId: away });

      await give(db, toHousehold(c, kept));
      expect(await flags(db, c)).toEqual({ suspected: true, of: sorted(a, b) });
      expect(await flags(db, b)).toEqual({ suspected: true, of: sorted(a, c) });
      // A tablet that had not synced the merge hands out to the household merged away: it counts for the one kept.
      await give(db, toHousehold(d, away));
      expect(await flags(db, d)).toEqual({ suspected: true, of: sorted(a, b, c) });
      expect(await flags(db, a)).toEqual({ suspected: true, of: sorted(b, c, d) });
    });

    it('#11 a damage entry linked to the household merged away names the one kept; its handouts count there', async () => {
      const db = await fresh();
      const { kept, away } = await registeredTwice(db);
      const damage = await linkedEntry(db, away);
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await give(db, toHousehold(a, kept));
      await give(db, throughDamage(b, damage));
      expect(await flags(db, b)).toEqual({ suspected: false, of: [] });

      await merge(db, kept);
      expect((await getRecord(db, damage))?.data).toMatchObject({ householdId: kept });
      expect(await flags(db, a)).toEqual({ suspected: true, of: [b] });
      expect(await flags(db, b)).toEqual({ suspected: true, of: [a] });
      expect((await getRecord(db, b))?.data).toMatchObject({ damageId: damage });
      expect((await getRecord(db, b))?.data).not.toHaveProperty('householdId');
      await give(db, throughDamage(c, damage));
      expect(await flags(db, c)).toEqual({ suspected: true, of: sorted(a, b) });
    });

    it('#11 a household merged into one that is merged in turn: its handouts follow to the last one kept', async () => {
      const db = await fresh();
      const { kept: middle, away: first } = await registeredTwice(db);
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await give(db, toHousehold(a, first));
      await merge(db, middle);
      // Registered again later, the household is put in a new cluster with the one kept, and merged into it.
      const last = randomUUID();
      await push(db, pushContext(), [createMutation(1, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, last)]);
      await give(db, toHousehold(b, last));
      await merge(db, last);
      expect(await getRecord(db, middle)).toMatchObject({ deleted: true, data: { mergedInto: last } });
      expect(await flags(db, a)).toEqual({ suspected: true, of: [b] });
      expect(await flags(db, b)).toEqual({ suspected: true, of: [a] });
      await give(db, toHousehold(c, first));
      expect(await flags(db, c)).toEqual({ suspected: true, of: sorted(a, b) });
    });

    it('#11 migration 13: a household merged away before merges followed handouts counts for the one kept', async () => {
      const db = await fresh();
      const { kept, away } = await registeredTwice(db);
      const damage = await linkedEntry(db, away);
      const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await give(db, toHousehold(a, kept));
      await give(db, toHousehold(b, away));
      await give(db, throughDamage(c, damage));
      // Merged as the server did before: the household soft-deleted into the one kept, nothing else followed.
      await db.transaction(async (tx) => {
        const stored = (await getRecord(tx, away))!;
        const merged = { ...stored, deleted: true, data: { ...stored.data, mergedInto: kept } };
        await writeRecord(tx, pushContext(), merged, { before: stored });
      });
      expect(await flags(db, a)).toEqual({ suspected: false, of: [] });

      await db.transaction((tx) => MIGRATIONS.find((m) => m.version === 13)!.after!(tx));
      expect((await getRecord(db, damage))?.data).toMatchObject({ householdId: kept });
      expect(await flags(db, a)).toEqual({ suspected: true, of: sorted(b, c) });
      expect(await flags(db, b)).toEqual({ suspected: true, of: sorted(a, c) });
      expect(await flags(db, c)).toEqual({ suspected: true, of: sorted(a, b) });
      await give(db, toHousehold(d, kept));
      expect(await flags(db, d)).toEqual({ suspected: true, of: sorted(a, b, c) });
    });

    it('#11 other rounds and items stay apart after a merge', async () => {
      const db = await fresh();
      const { kept, away } = await registeredTwice(db);
      const [a, b] = [randomUUID(), randomUUID()];
      await give(db, toHousehold(a, kept));
      const nextRound = distributionData(away, { roundId: 'lu-thang-11' });
      await give(db, mutation(1, { kind: 'event', type: 'distribution', id: b, data: nextRound }));
      await merge(db, kept);
      expect(await flags(db, a)).toEqual({ suspected: false, of: [] });
      expect(await flags(db, b)).toEqual({ suspected: false, of: [] });
    });
  });
}
