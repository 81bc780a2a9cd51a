/**
 * One contract suite, run against SQLite and a real PostgreSQL. Test names carry the SYNC.md guarantee they
 * check ([G1] exactly once, [G2] rejections answered, [G5] scope, [G6] resumable pull).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { migrate } from '../../sync-server/src/db/migrations';
import { listUnits } from '../../sync-server/src/store/units';
import { communesOf, createUser, findUserByUsername } from '../../sync-server/src/store/users';
import { createSession, deleteSession, findSessionUser } from '../../sync-server/src/store/sessions';
import { getHousehold } from '../../sync-server/src/store/households';
import { push, MalformedBatchError } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { storageEngines } from '../support/engines';
import { BA_TO, LY_SON, createMutation, putMutation } from '../support/fixtures';

const engines = await storageEngines('storage contract');

for (const engine of engines) {
  describe.skipIf(!engine.available)(`storage contract [${engine.name}]`, () => {
    const open: Database[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((db) => db.close()));
    });
    const fresh = async () => {
      const db = await engine.openFresh();
      open.push(db);
      return db;
    };
    const context = (overrides: Partial<Parameters<typeof push>[1]> = {}) => ({
      userId: 'u1',
      scope: new Set([LY_SON]),
      clientId: randomUUID(),
      now: 1_750_000_000_000,
      ...overrides,
    });

    it('migrations run once: a second start applies nothing and keeps the data', async () => {
      const db = await fresh();
      expect(await migrate(db)).toEqual([]);
      expect(await listUnits(db)).toHaveLength(96);
    });

    it('loads the 96 commune-level units of the new Quảng Ngãi, with diacritics intact', async () => {
      const units = await listUnits(await fresh());
      expect(units).toHaveLength(96);
      expect(units.find((u) => u.code === LY_SON)).toEqual({ code: LY_SON, name: 'Đặc khu Lý Sơn', unitType: 'đặc khu' });
      expect(units.filter((u) => u.unitType === 'phường')).toHaveLength(9);
    });

    it('[G5] a user sees exactly the communes assigned; province staff see all 96', async () => {
      const db = await fresh();
      await createUser(db, { username: 'a', displayName: 'A', role: 'collaborator', passwordHash: 'x', scope: [LY_SON] }, 1);
      await createUser(db, { username: 'p', displayName: 'P', role: 'province_staff', passwordHash: 'x', scope: 'province' }, 1);
      const a = await findUserByUsername(db, 'a');
      const p = await findUserByUsername(db, 'p');
      expect(a && (await communesOf(db, a))).toEqual([{ code: LY_SON, name: 'Đặc khu Lý Sơn' }]);
      expect(p && (await communesOf(db, p))).toHaveLength(96);
      expect(await findUserByUsername(db, 'nobody')).toBeUndefined();
    });

    it('a duplicate username is refused by the database', async () => {
      const db = await fresh();
      const user = { username: 'a', displayName: 'A', role: 'collaborator' as const, passwordHash: 'x', scope: [LY_SON] };
      await createUser(db, user, 1);
      await expect(createUser(db, user, 1)).rejects.toThrow();
    });

    it('sessions: found while live, gone when expired or deleted', async () => {
      const db = await fresh();
      const id = await createUser(db, { username: 'a', displayName: 'A', role: 'collaborator', passwordHash: 'x', scope: [LY_SON] }, 1);
      await createSession(db, 'hash1', id, 1000, 2000);
      expect(await findSessionUser(db, 'hash1', 1999)).toBe(id);
      expect(await findSessionUser(db, 'hash1', 2000)).toBeUndefined();
      await deleteSession(db, 'hash1');
      expect(await findSessionUser(db, 'hash1', 1500)).toBeUndefined();
    });

    it('[G1] the same batch pushed twice is applied once and answered the same', async () => {
      const db = await fresh();
      const ctx = context();
      const batch = [createMutation(1), createMutation(2)];
      const first = await push(db, ctx, batch);
      const second = await push(db, ctx, batch);
      expect(first).toEqual({ lastSeq: 2, results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'applied' }] });
      expect(second).toEqual(first);
      const page = await pull(db, [{ commune: LY_SON, cursor: 0 }], 100);
      expect(page.changes).toHaveLength(2);
      expect(page.changes.map((c) => c.version)).toEqual([1, 2]);
    });

    it('[G1] a retry that overlaps answered mutations applies only the new ones', async () => {
      const db = await fresh();
      const ctx = context();
      const id = randomUUID();
      await push(db, ctx, [createMutation(1, {}, id)]);
      const outcome = await push(db, ctx, [createMutation(1, {}, id), putMutation(2, id, { notes: 'sửa lần 2' })]);
      expect(outcome.results).toEqual([{ seq: 1, status: 'applied' }, { seq: 2, status: 'applied' }]);
      const stored = await getHousehold(db, id);
      expect(stored?.household.notes).toBe('sửa lần 2');
      expect(stored?.household.version).toBe(2);
    });

    it('[G1] a batch that starts beyond last seq + 1 is a gap: nothing is applied', async () => {
      const db = await fresh();
      const ctx = context();
      await push(db, ctx, [createMutation(1)]);
      const outcome = await push(db, ctx, [createMutation(3), createMutation(4)]);
      expect(outcome).toEqual({ lastSeq: 1, results: [], gap: { expected: 2 } });
      expect((await pull(db, [{ commune: LY_SON, cursor: 0 }], 100)).changes).toHaveLength(1);
    });

    it('[G1] seqs that are not consecutive are a malformed batch, refused before any write', async () => {
      const db = await fresh();
      await expect(push(db, context(), [createMutation(1), createMutation(3)])).rejects.toThrow(MalformedBatchError);
      await expect(push(db, context(), [{ nothing: true }])).rejects.toThrow(MalformedBatchError);
      expect((await pull(db, [{ commune: LY_SON, cursor: 0 }], 100)).changes).toHaveLength(0);
    });

    it('[G2] an invalid mutation is rejected with a reason naming the field; the rest of the batch applies', async () => {
      const db = await fresh();
      const ctx = context();
      const outcome = await push(db, ctx, [createMutation(1), createMutation(2, { headCitizenId: '12345' }), createMutation(3)]);
      expect(outcome.lastSeq).toBe(3);
      expect(outcome.results[0]).toEqual({ seq: 1, status: 'applied' });
      expect(outcome.results[1]).toMatchObject({ seq: 2, status: 'rejected' });
      expect(outcome.results[1]?.status === 'rejected' && outcome.results[1].reason).toContain('headCitizenId');
      expect(outcome.results[2]).toEqual({ seq: 3, status: 'applied' });
      // The rejection is remembered: a retry gets the same reason back.
      expect((await push(db, ctx, [createMutation(2, { headCitizenId: '12345' })])).results).toEqual([outcome.results[1]]);
    });

    it('[G2] a mutation written by a too-new or too-old schema is rejected with a reason, not dropped', async () => {
      const db = await fresh();
      const id = randomUUID();
      const outcome = await push(db, context(), [putMutation(1, id, { headName: 'X Y' }, 99), putMutation(2, id, { headName: 'X Y' }, -5)]);
      expect(outcome.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    });

    it('[G5] a household in a commune outside the scope is rejected, and nothing about it is written', async () => {
      const db = await fresh();
      const outcome = await push(db, context(), [createMutation(1, { communeCode: BA_TO })]);
      expect(outcome.results[0]).toMatchObject({ status: 'rejected' });
      expect((await pull(db, [{ commune: BA_TO, cursor: 0 }], 100)).changes).toHaveLength(0);
    });

    it('[G5] editing an existing household of another commune is rejected, even when the patch claims our commune', async () => {
      const db = await fresh();
      const id = randomUUID();
      await push(db, context({ scope: new Set([BA_TO]) }), [createMutation(1, { communeCode: BA_TO }, id)]);
      const outcome = await push(db, context(), [putMutation(1, id, { communeCode: LY_SON, notes: 'chiếm' })]);
      expect(outcome.results[0]).toMatchObject({ status: 'rejected' });
      expect((await getHousehold(db, id))?.commune).toBe(BA_TO);
      expect((await getHousehold(db, id))?.household.notes).toBe('');
    });

    it('[G6] a pull in small pages visits every change once, in version order, and resumes from its cursor', async () => {
      const db = await fresh();
      const ctx = context();
      await push(db, ctx, Array.from({ length: 7 }, (_, i) => createMutation(i + 1)));
      const seen: number[] = [];
      let cursor = 0;
      for (let page = 0; page < 10; page++) {
        const result = await pull(db, [{ commune: LY_SON, cursor }], 3);
        seen.push(...result.changes.map((c) => c.version));
        cursor = result.cursors[LY_SON] ?? cursor;
        if (!result.hasMore) break;
      }
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect((await pull(db, [{ commune: LY_SON, cursor }], 3)).changes).toEqual([]);
    });

    it('[G6] concurrent pushes of two devices to one commune get distinct versions and a reader misses none', async () => {
      const db = await fresh();
      const a = context();
      const b = context({ userId: 'u2' });
      await Promise.all([
        push(db, a, Array.from({ length: 20 }, (_, i) => createMutation(i + 1))),
        push(db, b, Array.from({ length: 20 }, (_, i) => createMutation(i + 1))),
      ]);
      const page = await pull(db, [{ commune: LY_SON, cursor: 0 }], 1000);
      expect(page.changes.map((c) => c.version)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('a failure inside a transaction rolls back every write of it', async () => {
      const db = await fresh();
      await expect(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO commune_versions (commune, version) VALUES (?, ?)', ['99999', 5]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.get('SELECT version FROM commune_versions WHERE commune = ?', ['99999'])).toBeUndefined();
    });

    it('data survives closing and reopening the database (a server restart)', async () => {
      const db = await fresh();
      const ctx = context();
      await push(db, ctx, [createMutation(1)]);
      await db.close();
      open.splice(open.indexOf(db), 1);
      const again = await engine.reopen(db);
      open.push(again);
      expect((await push(again, ctx, [createMutation(1)])).results).toEqual([{ seq: 1, status: 'applied' }]);
      expect((await pull(again, [{ commune: LY_SON, cursor: 0 }], 10)).changes).toHaveLength(1);
    });
  });
}
