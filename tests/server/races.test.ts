/**
 * Races between two pushes, on SQLite and a real PostgreSQL, in a chosen order (issue 9, items 10–12).
 *
 * How the order is chosen, without timing: a transaction of the test takes the commune's version counter row
 * (`commune_versions`) and holds it. Every push that writes in that commune then stops at its first write —
 * after its reads, holding its locks. The test starts the pushes one by one, waiting each time until PostgreSQL
 * shows the new one blocked, then lets go. On SQLite, with one writer, the held transaction queues the pushes
 * behind it in the order they were started: the same schedule, run serially.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { nextCommuneVersion } from '../../sync-server/src/store/sync-log';
import { push } from '../../sync-server/src/sync/push';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  BA_TO,
  LY_SON,
  createMutation,
  damageFields,
  distributionData,
  emergencyFields,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('races');

class Released extends Error {}

/** Holds the commune's version counter until `release()`: writers of the commune wait there, after their reads. */
async function holdCommune(db: Database, commune: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const done = db
    .transaction(async (tx) => {
      await nextCommuneVersion(tx, commune);
      held();
      await released;
      throw new Released(); // rolled back: the hold leaves no trace
    })
    .catch((error: unknown) => {
      if (!(error instanceof Released)) throw error;
    });
  await isHeld;
  return {
    async release() {
      release();
      await done;
    },
  };
}

/** Waits until `count` transactions of this database are blocked on a lock (PostgreSQL); SQLite queues instead. */
async function blocked(db: Database, count: number): Promise<void> {
  if (db.kind !== 'postgres') return;
  for (let attempt = 0; attempt < 2000; attempt++) {
    const row = await db.get<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if ((row?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`expected ${count} transactions blocked on a lock; the schedule of this test did not happen`);
}

const officer = () => pushContext({ role: 'commune_officer' });

for (const engine of engines) {
  describe.skipIf(!engine.available)(`races [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    /** A household whose address has an open conflict of two candidates ('Tổ 5' committed, 'Tổ 7'). */
    async function householdWithConflict(db: Database) {
      const id = randomUUID();
      await push(db, pushContext(), [createMutation(1, { address: 'Tổ 1' }, id)]);
      const v1 = (await getRecord(db, id))!.version;
      await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 5' }, v1)]);
      await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 7' }, v1)]);
      const conflict = await db.get<{ id: string }>(
        "SELECT id FROM records WHERE type = 'conflict' AND parent_id = ?",
        [id],
      );
      return { id, conflictId: conflict!.id, base: (await getRecord(db, id))!.version };
    }

    async function conflictsOf(db: Database, recordId: string) {
      const rows = await db.all<{ id: string }>(
        "SELECT id FROM records WHERE type = 'conflict' AND parent_id = ? ORDER BY version",
        [recordId],
      );
      return Promise.all(
        rows.map(
          async (row) =>
            (await getRecord(db, row.id))!.data as {
              status: string;
              candidates: { value: unknown; committed: boolean }[];
            },
        ),
      );
    }

    describe('#9.10 a resolve racing a patch', () => {
      it('#9.10 a patch that joins a conflict while its resolve waits is not lost: it opens a new conflict', async () => {
        const db = await fresh();
        const { id, conflictId, base } = await householdWithConflict(db);
        const hold = await holdCommune(db, LY_SON);
        const late = push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 12' }, base)]);
        await blocked(db, 1); // the patch has read the open conflict and holds the household
        // The officer saw the two candidates of the conflict, not the third one arriving now.
        const resolve = push(db, officer(), [mutation(1, { kind: 'resolve', id: conflictId, value: 'Tổ 7', seen: 2 })]);
        await blocked(db, 2);
        await hold.release();
        const [patched, resolved] = await Promise.all([late, resolve]);

        expect(patched.results[0]).toMatchObject({ status: 'conflict', fields: ['address'] });
        expect(resolved.results[0]).toMatchObject({ status: 'applied' });
        expect((await getRecord(db, id))?.data.address).toBe('Tổ 7');
        const [first, second] = await conflictsOf(db, id);
        expect(first?.status).toBe('resolved');
        expect(first?.candidates.map((c) => c.value)).toEqual(['Tổ 5', 'Tổ 7', 'Tổ 12']);
        // The value the officer never saw is before them again, against the value they chose.
        expect(second).toMatchObject({ status: 'open' });
        expect(second?.candidates.map((c) => [c.value, c.committed])).toEqual([
          ['Tổ 7', true],
          ['Tổ 12', false],
        ]);
      });

      it('#9.10 a patch arriving after the resolve was applied opens a new conflict against the chosen value', async () => {
        const db = await fresh();
        const { id, conflictId, base } = await householdWithConflict(db);
        const hold = await holdCommune(db, LY_SON);
        const resolve = push(db, officer(), [mutation(1, { kind: 'resolve', id: conflictId, value: 'Tổ 7', seen: 2 })]);
        await blocked(db, 1);
        const late = push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 12' }, base)]);
        await blocked(db, 2);
        await hold.release();
        const [resolved, patched] = await Promise.all([resolve, late]);

        expect(resolved.results[0]).toMatchObject({ status: 'applied' });
        expect(patched.results[0]).toMatchObject({ status: 'conflict', fields: ['address'] });
        const conflicts = await conflictsOf(db, id);
        expect(conflicts.map((c) => c.status)).toEqual(['resolved', 'open']);
        expect(conflicts[1]?.candidates.map((c) => c.value)).toEqual(['Tổ 7', 'Tổ 12']);
      });

      it('#9.10 a resolve from an app that does not say what it saw decides every candidate (as before)', async () => {
        const db = await fresh();
        const { id, conflictId, base } = await householdWithConflict(db);
        await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 12' }, base)]);
        await push(db, officer(), [mutation(1, { kind: 'resolve', id: conflictId, value: 'Tổ 12' })]);
        expect((await conflictsOf(db, id)).map((c) => c.status)).toEqual(['resolved']);
        expect((await getRecord(db, id))?.data.address).toBe('Tổ 12');
      });
      it('#9.10 two batches, each resolving a conflict of the record the other patches, do not deadlock', async () => {
        const db = await fresh();
        const one = await householdWithConflict(db);
        const two = await householdWithConflict(db);
        const hold = await holdCommune(db, LY_SON);
        const batch = (patched: typeof one, decided: typeof one) =>
          push(db, officer(), [
            patchMutation(1, patched.id, { notes: 'Đã đến nhà' }, patched.base),
            mutation(2, { kind: 'resolve', id: decided.conflictId, value: 'Tổ 5', seen: 2 }),
          ]);
        const first = batch(one, two);
        await blocked(db, 1);
        const second = batch(two, one);
        await blocked(db, 2);
        await hold.release();
        const outcomes = await Promise.all([first, second]);
        expect(outcomes.map((o) => o.results.map((r) => r.status))).toEqual([
          ['applied', 'applied'],
          ['applied', 'applied'],
        ]);
        expect([(await getRecord(db, one.id))?.data, (await getRecord(db, two.id))?.data]).toMatchObject([
          { address: 'Tổ 5', notes: 'Đã đến nhà' },
          { address: 'Tổ 5', notes: 'Đã đến nhà' },
        ]);
      });
    });

    describe('#9.2 a household moving while one of its members is edited', () => {
      it('#9.2 the member moves with the edit: nothing of it stays in the old commune, the edit is not lost', async () => {
        const db = await fresh();
        const both = () => pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });
        const [household, member] = [randomUUID(), randomUUID()];
        await push(db, both(), [
          createMutation(1, {}, household),
          patchMutation(2, member, memberFields(household), 0, 'member'),
        ]);
        const base = (await getRecord(db, member))!.version;
        const householdBase = (await getRecord(db, household))!.version;
        // The new commune's counter is held: the move has written its removal in Lý Sơn (and holds Lý Sơn's counter)
        // and waits there, before it reads the members; the member's edit reads the member meanwhile.
        const hold = await holdCommune(db, BA_TO);
        const move = push(db, both(), [patchMutation(1, household, { communeCode: BA_TO }, householdBase)]);
        await blocked(db, 1);
        const edit = push(db, both(), [patchMutation(1, member, { fullName: 'Nguyễn Thị Bé Nhỏ' }, base, 'member')]);
        await blocked(db, 2);
        await hold.release();
        const [moved, edited] = await Promise.all([move, edit]);

        expect(moved.results[0]?.status).toBe('applied');
        expect(edited.results[0]?.status).toBe('applied');
        expect(await getRecord(db, member)).toMatchObject({
          commune: BA_TO,
          data: { communeCode: BA_TO, fullName: 'Nguyễn Thị Bé Nhỏ' },
        });
        expect(await getRecord(db, household)).toMatchObject({ commune: BA_TO });
      });
    });

    describe('#9.2 a member registered while its household moves', () => {
      it('#9.2 is not left behind in the commune the household left: it waits for the move and is refused there', async () => {
        const db = await fresh();
        const both = () => pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });
        const [household, member] = [randomUUID(), randomUUID()];
        await push(db, both(), [createMutation(1, {}, household)]);
        const householdBase = (await getRecord(db, household))!.version;
        const hold = await holdCommune(db, LY_SON);
        const move = push(db, both(), [patchMutation(1, household, { communeCode: BA_TO }, householdBase)]);
        await blocked(db, 1);
        // A tablet that has not heard of the move registers a member in Lý Sơn.
        const registered = push(db, pushContext(), [patchMutation(1, member, memberFields(household), 0, 'member')]);
        await blocked(db, 2);
        await hold.release();
        const [moved, answer] = await Promise.all([move, registered]);

        expect(moved.results[0]?.status).toBe('applied');
        expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('hộ gia đình') });
        expect(await getRecord(db, member)).toBeUndefined();
      });
    });

    describe('#9.12 a resolve to the value already committed', () => {
      it('#9.12 a resolve to the committed value does not re-stamp the field: the next up-to-date edit applies', async () => {
        const db = await fresh();
        const { id, conflictId, base } = await householdWithConflict(db);
        const resolved = await push(db, officer(), [
          mutation(1, { kind: 'resolve', id: conflictId, value: 'Tổ 5', seen: 2 }),
        ]);
        expect(resolved.results[0]).toMatchObject({ status: 'applied' });
        expect((await conflictsOf(db, id)).map((c) => c.status)).toEqual(['resolved']);
        // A device that had pulled the record before the decision edits it: nobody changed the field since.
        const edit = await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 9' }, base)]);
        expect(edit.results[0]).toEqual({ seq: 1, status: 'applied' });
        expect((await getRecord(db, id))?.data.address).toBe('Tổ 9');
      });
    });

    describe('#9.11 a void racing a second handout with the same key', () => {
      async function handout(db: Database) {
        const household = randomUUID();
        await push(db, pushContext(), [createMutation(1, {}, household)]);
        const first = randomUUID();
        await push(db, pushContext(), [
          mutation(1, { kind: 'event', type: 'distribution', id: first, data: distributionData(household) }),
        ]);
        return { household, first };
      }
      const voidOf = (target: string) =>
        mutation(1, { kind: 'void', id: randomUUID(), data: { communeCode: LY_SON, target, reason: 'Ghi nhầm hộ' } });

      it('#9.11 a void that read the handout first is kept when a second handout flags it', async () => {
        const db = await fresh();
        const { household, first } = await handout(db);
        const hold = await holdCommune(db, LY_SON);
        const voided = push(db, officer(), [voidOf(first)]);
        await blocked(db, 1);
        const second = randomUUID();
        const again = push(db, pushContext(), [
          mutation(1, { kind: 'event', type: 'distribution', id: second, data: distributionData(household) }),
        ]);
        await blocked(db, 2);
        await hold.release();
        const [voidOutcome, handoutOutcome] = await Promise.all([voided, again]);

        expect(voidOutcome.results[0]).toMatchObject({ status: 'applied' });
        expect(handoutOutcome.results[0]).toMatchObject({ status: 'applied' });
        const firstData = (await getRecord(db, first))!.data;
        expect(firstData.voided).toMatchObject({ reason: 'Ghi nhầm hộ' });
        // Voided before the second handout was looked at: there is nothing left to be a double of.
        expect(firstData.duplicateSuspected).toBe(false);
        expect((await getRecord(db, second))!.data).toMatchObject({ duplicateSuspected: false, duplicateOf: [] });
      });

      it('#9.11 a second handout that read the first one before a void keeps its flags on the voided handout', async () => {
        const db = await fresh();
        const { household, first } = await handout(db);
        const hold = await holdCommune(db, LY_SON);
        const second = randomUUID();
        const again = push(db, pushContext(), [
          mutation(1, { kind: 'event', type: 'distribution', id: second, data: distributionData(household) }),
        ]);
        await blocked(db, 1);
        const voided = push(db, officer(), [voidOf(first)]);
        await blocked(db, 2);
        await hold.release();
        const [handoutOutcome, voidOutcome] = await Promise.all([again, voided]);

        expect(handoutOutcome.results[0]).toMatchObject({ status: 'applied' });
        expect(voidOutcome.results[0]).toMatchObject({ status: 'applied' });
        expect((await getRecord(db, first))!.data).toMatchObject({
          voided: { reason: 'Ghi nhầm hộ' },
          duplicateSuspected: true,
          duplicateOf: [second],
        });
        // Its only partner voided, the second is no longer suspected (issue 11); the pair stays listed.
        expect((await getRecord(db, second))!.data).toMatchObject({ duplicateSuspected: false, duplicateOf: [first] });
      });
    });

    describe('#11 a handout through a damage entry racing the link of that entry to a household', () => {
      const fieldsAt = (fields: Record<string, unknown>, base = 0) =>
        Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, base] as [unknown, number]]));
      /** A household given the round's rice, and a damage entry of a household not registered yet. */
      async function world(db: Database) {
        const household = randomUUID();
        const [emergency, damage, first] = [randomUUID(), randomUUID(), randomUUID()];
        await push(db, officer(), [
          createMutation(1, {}, household),
          mutation(2, { kind: 'patch', type: 'emergency', id: emergency, fields: fieldsAt(emergencyFields()) }),
          mutation(3, { kind: 'patch', type: 'damage', id: damage, fields: fieldsAt(damageFields(emergency)) }),
          mutation(4, { kind: 'event', type: 'distribution', id: first, data: distributionData(household) }),
        ]);
        const { householdId: _none, ...throughDamage } = distributionData(randomUUID(), {
          damageId: damage,
          receipt: 'ab'.repeat(32),
          witnessName: 'Lê Văn Tư',
        });
        const second = randomUUID();
        const base = (await getRecord(db, damage))!.version;
        return {
          first,
          second,
          handout: () =>
            push(db, pushContext({ role: 'village_head' }), [
              mutation(1, { kind: 'event', type: 'distribution', id: second, data: throughDamage }),
            ]),
          link: () =>
            push(db, officer(), [
              mutation(1, {
                kind: 'patch',
                type: 'damage',
                id: damage,
                fields: fieldsAt({ householdId: household, followUp: false }, base),
              }),
            ]),
        };
      }
      const flags = async (db: Database, id: string) => {
        const data = (await getRecord(db, id))!.data as { duplicateSuspected: boolean; duplicateOf: string[] };
        return { suspected: data.duplicateSuspected, of: data.duplicateOf };
      };

      it('#11 a handout that waits for the link counts for the household', async () => {
        const db = await fresh();
        const { first, second, handout, link } = await world(db);
        const hold = await holdCommune(db, LY_SON);
        const linked = link();
        await blocked(db, 1);
        const given = handout();
        await blocked(db, 2);
        await hold.release();
        const outcomes = await Promise.all([linked, given]);
        expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
        expect(await flags(db, second)).toEqual({ suspected: true, of: [first] });
        expect(await flags(db, first)).toEqual({ suspected: true, of: [second] });
      });

      it('#11 a link that waits for a handout through its entry takes that handout too', async () => {
        const db = await fresh();
        const { first, second, handout, link } = await world(db);
        const hold = await holdCommune(db, LY_SON);
        const given = handout();
        await blocked(db, 1);
        const linked = link();
        await blocked(db, 2);
        await hold.release();
        const outcomes = await Promise.all([given, linked]);
        expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
        expect(await flags(db, first)).toEqual({ suspected: true, of: [second] });
        expect(await flags(db, second)).toEqual({ suspected: true, of: [first] });
      });
    });

    describe('#11 a handout to a household racing the new link that takes a damage entry away from it', () => {
      const fieldsAt = (fields: Record<string, unknown>, base = 0) =>
        Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, base] as [unknown, number]]));
      const flags = async (db: Database, id: string) => {
        const data = (await getRecord(db, id))!.data as { duplicateSuspected: boolean; duplicateOf: string[] };
        return { suspected: data.duplicateSuspected, of: [...data.duplicateOf].sort() };
      };
      /** Rice to a household and through an entry linked to it (a pair); the entry is then linked elsewhere. */
      async function world(db: Database) {
        const [home, elsewhere, emergency, damage, a, b, c] = Array.from({ length: 7 }, () => randomUUID()) as [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        const { householdId: _none, ...throughDamage } = distributionData(randomUUID(), {
          damageId: damage,
          receipt: 'ab'.repeat(32),
          witnessName: 'Lê Văn Tư',
        });
        await push(db, officer(), [
          createMutation(1, {}, home),
          createMutation(2, {}, elsewhere),
          mutation(3, { kind: 'patch', type: 'emergency', id: emergency, fields: fieldsAt(emergencyFields()) }),
          mutation(4, {
            kind: 'patch',
            type: 'damage',
            id: damage,
            fields: fieldsAt(damageFields(emergency, { householdId: home, followUp: false })),
          }),
          mutation(5, { kind: 'event', type: 'distribution', id: a, data: distributionData(home) }),
          mutation(6, { kind: 'event', type: 'distribution', id: b, data: throughDamage }),
        ]);
        const base = (await getRecord(db, damage))!.version;
        return {
          a,
          b,
          c,
          relink: () =>
            push(db, officer(), [
              mutation(1, {
                kind: 'patch',
                type: 'damage',
                id: damage,
                fields: fieldsAt({ householdId: elsewhere }, base),
              }),
            ]),
          handout: () =>
            push(db, pushContext({ role: 'village_head' }), [
              mutation(1, { kind: 'event', type: 'distribution', id: c, data: distributionData(home) }),
            ]),
        };
      }

      for (const first of ['relink', 'handout'] as const)
        it(`#11 a handout ${first === 'relink' ? 'after' : 'before'} the new link it races: the entry's handout ends apart from both`, async () => {
          const db = await fresh();
          const { a, b, c, relink, handout } = await world(db);
          expect(await flags(db, b)).toEqual({ suspected: true, of: [a] });
          const hold = await holdCommune(db, LY_SON);
          const one = first === 'relink' ? relink() : handout();
          await blocked(db, 1);
          const other = first === 'relink' ? handout() : relink();
          await blocked(db, 2);
          await hold.release();
          const outcomes = await Promise.all([one, other]);
          expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
          expect((await flags(db, b)).suspected).toBe(false);
          expect((await flags(db, a)).suspected).toBe(true);
          // Handed out after the link moved the entry away, the new handout was never paired with it.
          expect(await flags(db, c)).toEqual({ suspected: true, of: first === 'relink' ? [a] : [a, b].sort() });
        });
    });

    describe('#11 a merge of two households ("Đúng là trùng") racing what names the one merged away', () => {
      const fieldsAt = (fields: Record<string, unknown>, base = 0) =>
        Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, base] as [unknown, number]]));
      const flags = async (db: Database, id: string) => {
        const data = (await getRecord(db, id))!.data as { duplicateSuspected: boolean; duplicateOf: string[] };
        return { suspected: data.duplicateSuspected, of: [...data.duplicateOf].sort() };
      };
      /**
       * A household registered twice (a cluster of two), the round's rice given to the one to keep, and a damage
       * entry of the emergency; `linked`: the entry already linked to the one to merge away.
       */
      async function world(db: Database, linked: boolean) {
        const [kept, away, emergency, damage, given] = Array.from({ length: 5 }, () => randomUUID()) as [
          string,
          string,
          string,
          string,
          string,
        ];
        const entry = damageFields(emergency, linked ? { householdId: away, followUp: false } : {});
        await push(db, officer(), [
          createMutation(1, { headName: 'Lưu Thị Nguyện', village: 'Thôn Đông' }, kept),
          createMutation(2, { headName: 'Lưu Thị Nguyện', village: 'Thôn Đông' }, away),
          mutation(3, { kind: 'patch', type: 'emergency', id: emergency, fields: fieldsAt(emergencyFields()) }),
          mutation(4, { kind: 'patch', type: 'damage', id: damage, fields: fieldsAt(entry) }),
          mutation(5, { kind: 'event', type: 'distribution', id: given, data: distributionData(kept) }),
        ]);
        const cluster = await db.get<{ id: string }>("SELECT id FROM records WHERE type = 'duplicate'");
        const base = (await getRecord(db, damage))!.version;
        return {
          kept,
          away,
          damage,
          given,
          merge: () =>
            push(db, officer(), [
              mutation(1, {
                kind: 'resolve',
                id: cluster!.id,
                value: { decision: 'confirmed', recordIds: [away, kept], keep: kept },
              }),
            ]),
          handout: (id: string) =>
            push(db, pushContext({ role: 'village_head' }), [
              mutation(1, { kind: 'event', type: 'distribution', id, data: distributionData(away) }),
            ]),
          link: () =>
            push(db, officer(), [
              mutation(1, {
                kind: 'patch',
                type: 'damage',
                id: damage,
                fields: fieldsAt({ householdId: away, followUp: false }, base),
              }),
            ]),
          note: () =>
            push(db, officer(), [
              mutation(1, { kind: 'patch', type: 'damage', id: damage, fields: fieldsAt({ members: 4 }, base) }),
            ]),
        };
      }
      /** Runs `first` and `second` in that order: the first stops at its first write, the second queues behind it. */
      async function inOrder<T>(db: Database, first: () => Promise<T>, second: () => Promise<T>): Promise<T[]> {
        const hold = await holdCommune(db, LY_SON);
        const one = first();
        await blocked(db, 1);
        const other = second();
        await blocked(db, 2);
        await hold.release();
        return Promise.all([one, other]);
      }

      for (const first of ['merge', 'handout'] as const)
        it(`#11 a handout to the household merged away ${first === 'merge' ? 'after' : 'before'} the merge it races counts for the one kept`, async () => {
          const db = await fresh();
          const { given, merge, handout } = await world(db, false);
          const late = randomUUID();
          const outcomes =
            first === 'merge'
              ? await inOrder(db, merge, () => handout(late))
              : await inOrder(db, () => handout(late), merge);
          expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
          expect(await flags(db, late)).toEqual({ suspected: true, of: [given] });
          expect(await flags(db, given)).toEqual({ suspected: true, of: [late] });
        });

      it('#11 a link to the household merged away that came first is carried to the one kept', async () => {
        const db = await fresh();
        const { kept, damage, merge, link } = await world(db, false);
        const [linked, merged] = await inOrder(db, link, merge);
        expect([linked, merged].map((o) => o!.results[0]?.status)).toEqual(['applied', 'applied']);
        expect((await getRecord(db, damage))?.data.householdId).toBe(kept);
      });

      it('#11 a link to the household merged away that waited for the merge is refused: the entry names no household gone', async () => {
        const db = await fresh();
        const { damage, merge, link } = await world(db, false);
        const [merged, linked] = await inOrder(db, merge, link);
        expect(merged!.results[0]?.status).toBe('applied');
        expect(linked!.results[0]).toMatchObject({
          status: 'rejected',
          problem: { code: 'reject.damageHouseholdMissing' },
        });
        expect((await getRecord(db, damage))?.data).not.toHaveProperty('householdId');
      });

      for (const first of ['merge', 'edit'] as const)
        it(`#11 an edit of another field of a linked entry ${first === 'merge' ? 'waiting for' : 'before'} the merge keeps the link to the one kept`, async () => {
          const db = await fresh();
          const { kept, damage, merge, note } = await world(db, true);
          const outcomes = first === 'merge' ? await inOrder(db, merge, note) : await inOrder(db, note, merge);
          expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
          expect((await getRecord(db, damage))?.data).toMatchObject({ householdId: kept, members: 4 });
        });
    });

    describe('#11 a village renamed while households name it', () => {
      const villagePatch = (seq: number, id: string, fields: Record<string, unknown>, base = 0) =>
        mutation(seq, {
          kind: 'patch',
          type: 'village',
          id,
          fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, base] as [unknown, number]])),
        });
      /** "Thôn Đông" on the list with one household in it; the rename to "Thôn Đông Hải", ready to push. */
      async function world(db: Database) {
        const village = randomUUID();
        const household = randomUUID();
        await push(db, officer(), [
          villagePatch(1, village, { communeCode: LY_SON, name: 'Thôn Đông', status: 'active' }),
          createMutation(2, { village: 'Thôn Đông' }, household),
        ]);
        const base = (await getRecord(db, village))!.version;
        const seen = (await getRecord(db, household))!.version;
        return {
          household,
          rename: () => push(db, officer(), [villagePatch(1, village, { name: 'Thôn Đông Hải' }, base)]),
          register: (id: string) => push(db, pushContext(), [createMutation(1, { village: 'Thôn Đông' }, id)]),
          edit: () => push(db, pushContext(), [patchMutation(1, household, { address: 'Tổ 8' }, seen)]),
        };
      }
      const villageOf = async (db: Database, id: string) => (await getRecord(db, id))?.data.village;

      for (const first of ['rename', 'register'] as const)
        it(`#11 a household registered under the old name ${first === 'rename' ? 'after' : 'before'} the rename it races ends under the new name`, async () => {
          const db = await fresh();
          const { rename, register } = await world(db);
          const registered = randomUUID();
          const hold = await holdCommune(db, LY_SON);
          const one = first === 'rename' ? rename() : register(registered);
          await blocked(db, 1);
          const other = first === 'rename' ? register(registered) : rename();
          await blocked(db, 2);
          await hold.release();
          const outcomes = await Promise.all([one, other]);
          expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
          expect(await villageOf(db, registered)).toBe('Thôn Đông Hải');
        });

      it('#11 an edit of another field waiting for the rename keeps the new name', async () => {
        const db = await fresh();
        const { household, rename, edit } = await world(db);
        const hold = await holdCommune(db, LY_SON);
        const renamed = rename();
        await blocked(db, 1);
        const edited = edit();
        await blocked(db, 2);
        await hold.release();
        const outcomes = await Promise.all([renamed, edited]);
        expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
        expect((await getRecord(db, household))?.data).toMatchObject({ village: 'Thôn Đông Hải', address: 'Tổ 8' });
      });
    });

    describe("#11 a member registered while its household's village is edited, or the household deleted", () => {
      for (const first of ['member', 'village'] as const)
        it(`#11 a member registered ${first === 'member' ? 'before' : 'after'} the edit it races is looked for in the new village`, async () => {
          const db = await fresh();
          const [household, member] = [randomUUID(), randomUUID()];
          await push(db, pushContext(), [createMutation(1, { village: 'Thôn Đông' }, household)]);
          const base = (await getRecord(db, household))!.version;
          const register = () =>
            push(db, pushContext(), [
              patchMutation(1, member, memberFields(household, { fullName: 'Lê Thị Trùng' }), 0, 'member'),
            ]);
          const edit = () => push(db, officer(), [patchMutation(1, household, { village: 'Thôn Tây' }, base)]);
          const hold = await holdCommune(db, LY_SON);
          const one = first === 'member' ? register() : edit();
          await blocked(db, 1);
          const other = first === 'member' ? edit() : register();
          await blocked(db, 2);
          await hold.release();
          const outcomes = await Promise.all([one, other]);
          expect(outcomes.map((o) => o.results[0]?.status)).toEqual(['applied', 'applied']);
          const key = await db.get<{ village: string }>(
            'SELECT village_key AS village FROM person_keys WHERE record_id = ?',
            [member],
          );
          expect(key?.village).toBe('thon tay');
        });

      for (const first of ['member', 'delete'] as const)
        it(`#11 a member registered ${first === 'member' ? 'before' : 'after'} the deletion of its household it races keeps no look-alike key`, async () => {
          const db = await fresh();
          const [household, member] = [randomUUID(), randomUUID()];
          await push(db, pushContext(), [createMutation(1, {}, household)]);
          const register = () =>
            push(db, pushContext(), [patchMutation(1, member, memberFields(household), 0, 'member')]);
          const remove = () => push(db, officer(), [mutation(1, { kind: 'delete', type: 'household', id: household })]);
          const hold = await holdCommune(db, LY_SON);
          const one = first === 'member' ? register() : remove();
          await blocked(db, 1);
          const other = first === 'member' ? remove() : register();
          await blocked(db, 2);
          await hold.release();
          const [registered, removed] =
            first === 'member' ? await Promise.all([one, other]) : (await Promise.all([one, other])).reverse();
          expect(removed!.results[0]?.status).toBe('applied');
          // Registered first, the member is deleted with its household's key; after, it is refused.
          expect(registered!.results[0]?.status).toBe(first === 'member' ? 'applied' : 'rejected');
          expect(await db.get('SELECT record_id FROM person_keys WHERE record_id = ?', [member])).toBeUndefined();
        });
    });
  });
}
