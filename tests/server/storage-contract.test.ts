/**
 * One contract suite for the server's storage and sync logic, run against SQLite and a real PostgreSQL. Test names
 * carry the docs/sync.md guarantee they check: [G1] exactly once, [G2] rejections answered, [G3] field merge and
 * conflicts, [G4] relief as append-only events, [G5] scope, [G6] resumable pull.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { TransientStorageError } from '../../sync-server/src/db/database';
import { migrate } from '../../sync-server/src/db/migrations';
import { listUnits } from '../../sync-server/src/store/units';
import { communesOf, createUser, findUserByUsername } from '../../sync-server/src/store/users';
import { createSession, deleteSession, findSessionUser } from '../../sync-server/src/store/sessions';
import { getRecord } from '../../sync-server/src/store/records';
import { ClientOfAnotherUserError, pruneTombstones } from '../../sync-server/src/store/sync-log';
import { push, MalformedBatchError } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { encodeChanges } from '../../src/shared/wire';
import { expandVersions, type WireChange } from '../../src/shared/protocol';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  applicationFiledBeforeContext,
  BA_TO,
  LY_SON,
  createMutation,
  distributionData,
  householdFields,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyCaseFields,
} from '../support/fixtures';

const engines = await storageEngines('storage contract');
const LIMITS = { rows: 1000, bytes: 10_000_000 };

for (const engine of engines) {
  describe.skipIf(!engine.available)(`storage contract [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    // Read back through the wire format, as a device would see it.
    const changes = async (db: Database, commune = LY_SON, cursor = 0) =>
      expandVersions(
        JSON.parse(encodeChanges((await pull(db, [{ commune, cursor }], LIMITS)).changes)) as WireChange[],
      );

    describe('reference data and accounts', () => {
      it('migrations run once: a second start applies nothing and keeps the data', async () => {
        const db = await fresh();
        expect(await migrate(db)).toEqual([]);
        expect(await listUnits(db)).toHaveLength(96);
      });

      it('loads the 96 commune-level units of the new Quảng Ngãi, with diacritics intact', async () => {
        const units = await listUnits(await fresh());
        expect(units).toHaveLength(96);
        expect(units.find((u) => u.code === LY_SON)).toEqual({
          code: LY_SON,
          name: 'Đặc khu Lý Sơn',
          unitType: 'đặc khu',
        });
        expect(units.filter((u) => u.unitType === 'phường')).toHaveLength(9);
      });

      it('[G5] a user sees exactly the communes assigned; province staff see all 96', async () => {
        const db = await fresh();
        await createUser(
          db,
          { username: 'a', displayName: 'A', role: 'collaborator', passwordHash: 'x', scope: [LY_SON] },
          1,
        );
        await createUser(
          db,
          { username: 'p', displayName: 'P', role: 'province_staff', passwordHash: 'x', scope: 'province' },
          1,
        );
        const a = await findUserByUsername(db, 'a');
        const p = await findUserByUsername(db, 'p');
        expect(a && (await communesOf(db, a))).toEqual([{ code: LY_SON, name: 'Đặc khu Lý Sơn' }]);
        expect(p && (await communesOf(db, p))).toHaveLength(96);
        expect(await findUserByUsername(db, 'nobody')).toBeUndefined();
      });

      it('a duplicate username is refused by the database', async () => {
        const db = await fresh();
        const user = {
          username: 'a',
          displayName: 'A',
          role: 'collaborator' as const,
          passwordHash: 'x',
          scope: [LY_SON],
        };
        await createUser(db, user, 1);
        await expect(createUser(db, user, 1)).rejects.toThrow();
      });

      it('sessions: found while live, gone when expired or deleted', async () => {
        const db = await fresh();
        const id = await createUser(
          db,
          { username: 'a', displayName: 'A', role: 'collaborator', passwordHash: 'x', scope: [LY_SON] },
          1,
        );
        await createSession(db, 'hash1', id, 1000, 2000);
        expect(await findSessionUser(db, 'hash1', 1999)).toBe(id);
        expect(await findSessionUser(db, 'hash1', 2000)).toBeUndefined();
        await deleteSession(db, 'hash1');
        expect(await findSessionUser(db, 'hash1', 1500)).toBeUndefined();
      });
    });

    describe('push', () => {
      it('[G1] the same batch pushed twice is applied once and answered the same', async () => {
        const db = await fresh();
        const ctx = pushContext();
        const batch = [createMutation(1), createMutation(2)];
        const first = await push(db, ctx, batch);
        expect(first).toEqual({
          lastSeq: 2,
          results: [
            { seq: 1, status: 'applied' },
            { seq: 2, status: 'applied' },
          ],
        });
        expect(await push(db, ctx, batch)).toEqual(first);
        expect((await changes(db)).map((c) => c.version)).toEqual([1, 2]);
      });

      it('[G1] a retry that overlaps answered mutations applies only the new ones', async () => {
        const db = await fresh();
        const ctx = pushContext();
        const id = randomUUID();
        await push(db, ctx, [createMutation(1, {}, id)]);
        const outcome = await push(db, ctx, [
          createMutation(1, {}, id),
          patchMutation(2, id, { notes: 'sửa lần 2' }, 1),
        ]);
        expect(outcome.results).toEqual([
          { seq: 1, status: 'applied' },
          { seq: 2, status: 'applied' },
        ]);
        expect((await getRecord(db, id))?.data.notes).toBe('sửa lần 2');
        expect((await getRecord(db, id))?.version).toBe(2);
      });

      it('[G1] a batch that starts beyond last seq + 1 is a gap: nothing is applied', async () => {
        const db = await fresh();
        const ctx = pushContext();
        await push(db, ctx, [createMutation(1)]);
        expect(await push(db, ctx, [createMutation(3), createMutation(4)])).toEqual({
          lastSeq: 1,
          results: [],
          gap: { expected: 2 },
        });
        expect(await changes(db)).toHaveLength(1);
      });

      it('[G1] seqs that are missing or not consecutive are a malformed batch, refused before any write', async () => {
        const db = await fresh();
        await expect(push(db, pushContext(), [createMutation(1), createMutation(3)])).rejects.toThrow(
          MalformedBatchError,
        );
        await expect(push(db, pushContext(), [{ nothing: true }])).rejects.toThrow(MalformedBatchError);
        expect(await changes(db)).toHaveLength(0);
      });

      it('[G1] a wiped device has a new clientId: its seq 1 is applied, not mistaken for the old seq 1', async () => {
        const db = await fresh();
        await push(db, pushContext({ clientId: randomUUID() }), [createMutation(1, { headName: 'Trước khi xóa' })]);
        const outcome = await push(db, pushContext({ clientId: randomUUID() }), [
          createMutation(1, { headName: 'Sau khi xóa' }),
        ]);
        expect(outcome.results).toEqual([{ seq: 1, status: 'applied' }]);
        expect((await changes(db)).map((c) => c.data?.headName)).toEqual(['Trước khi xóa', 'Sau khi xóa']);
      });

      it('[G1] the database failing mid-batch rolls the whole batch back; the retry applies it in order', async () => {
        const db = await fresh();
        const ctx = pushContext();
        const batch = [
          createMutation(1, { headName: 'Một' }),
          createMutation(2, { headName: 'Hai' }),
          createMutation(3, { headName: 'Ba' }),
        ];
        let calls = 0;
        const failing: Database = {
          ...db,
          transaction: (fn) =>
            db.transaction((tx) =>
              fn({
                ...tx,
                run: async (sql, params) => {
                  if (sql.startsWith('INSERT INTO records') && ++calls === 2)
                    throw new TransientStorageError('disk gone');
                  return tx.run(sql, params);
                },
              }),
            ),
        };
        await expect(push(failing, ctx, batch)).rejects.toThrow(TransientStorageError);
        expect(await changes(db)).toHaveLength(0);
        expect((await push(db, ctx, batch)).lastSeq).toBe(3);
        expect((await changes(db)).map((c) => c.data?.headName)).toEqual(['Một', 'Hai', 'Ba']);
      });

      it('[G2] an invalid mutation is rejected with a reason naming the field; the rest of the batch applies', async () => {
        const db = await fresh();
        const ctx = pushContext();
        const outcome = await push(db, ctx, [
          createMutation(1),
          createMutation(2, { headCitizenId: '12345' }),
          createMutation(3),
        ]);
        expect(outcome.lastSeq).toBe(3);
        expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
        expect(outcome.results[1]?.status === 'rejected' && outcome.results[1].reason).toContain('headCitizenId');
        // The rejection is remembered: a retry gets the same reason back.
        expect((await push(db, ctx, [createMutation(2, { headCitizenId: '12345' })])).results).toEqual([
          outcome.results[1],
        ]);
      });

      it('[G2] a field that is not editable is rejected by name', async () => {
        const db = await fresh();
        const outcome = await push(db, pushContext(), [
          patchMutation(1, randomUUID(), { ...householdFields(), status: 'approved' }),
        ]);
        expect(outcome.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('status') });
      });

      it('[G2] a mutation of a too-new schema is rejected with a reason; schema 1 is upgraded', async () => {
        const db = await fresh();
        const id = randomUUID();
        const v1 = {
          seq: 2,
          id: randomUUID(),
          schema: 1,
          at: 5,
          op: { kind: 'household.put', recordId: id, patch: { notes: 'từ bản cũ' } },
        };
        const outcome = await push(db, pushContext(), [
          { ...createMutation(1, {}, id), schema: 99 },
          createMutation(2, {}, id),
          { ...v1, seq: 3 },
        ]);
        expect(outcome.results.map((r) => r.status)).toEqual(['rejected', 'applied', 'applied']);
        expect((await getRecord(db, id))?.data.notes).toBe('từ bản cũ');
      });

      it('[G2] an edit to a record deleted on the server is rejected with a reason, not dropped', async () => {
        const db = await fresh();
        const id = randomUUID();
        await push(db, pushContext(), [createMutation(1, {}, id)]);
        await push(db, pushContext({ role: 'commune_officer' }), [
          mutation(1, { kind: 'delete', type: 'household', id }),
        ]);
        const outcome = await push(db, pushContext(), [patchMutation(1, id, { notes: 'muộn' }, 1)]);
        expect(outcome.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('xóa') });
        expect((await changes(db)).at(-1)).toMatchObject({ id, deleted: true });
      });
    });

    describe('field merge and conflicts', () => {
      async function seeded(db: Database) {
        const id = randomUUID();
        await push(db, pushContext(), [createMutation(1, {}, id)]);
        return id;
      }

      it('[G3] two devices edit different fields from the same base: both values kept, no conflict', async () => {
        const db = await fresh();
        const id = await seeded(db);
        expect(
          (await push(db, pushContext(), [patchMutation(1, id, { phone: '0912345678' }, 1)])).results[0]?.status,
        ).toBe('applied');
        expect(
          (await push(db, pushContext(), [patchMutation(1, id, { notes: 'Nhà dột' }, 1)])).results[0]?.status,
        ).toBe('applied');
        expect((await getRecord(db, id))?.data).toMatchObject({ phone: '0912345678', notes: 'Nhà dột' });
        expect((await changes(db)).filter((c) => c.type === 'conflict')).toEqual([]);
      });

      it('[G3] two devices set the same field to different values: the first stands, one conflict holds both', async () => {
        const db = await fresh();
        const id = await seeded(db);
        const a = pushContext({ userId: 'ua' });
        const b = pushContext({ userId: 'ub' });
        await push(db, a, [patchMutation(1, id, { address: 'Tổ 5' }, 1)]);
        const outcome = await push(db, b, [patchMutation(1, id, { address: 'Tổ 7', notes: 'khác trường' }, 1)]);
        expect(outcome.results).toEqual([{ seq: 1, status: 'conflict', fields: ['address'] }]);
        const record = await getRecord(db, id);
        expect(record?.data).toMatchObject({ address: 'Tổ 5', notes: 'khác trường' });
        const conflicts = (await changes(db)).filter((c) => c.type === 'conflict');
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]?.data).toMatchObject({
          recordId: id,
          field: 'address',
          status: 'open',
          candidates: [
            { value: 'Tổ 5', userId: 'ua', clientId: a.clientId, committed: true },
            { value: 'Tổ 7', userId: 'ub', clientId: b.clientId, committed: false },
          ],
        });
      });

      it('[G3] two devices set the same field to the same value: no conflict', async () => {
        const db = await fresh();
        const id = await seeded(db);
        await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 9' }, 1)]);
        expect((await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 9' }, 1)])).results[0]?.status).toBe(
          'applied',
        );
        expect((await changes(db)).filter((c) => c.type === 'conflict')).toEqual([]);
      });

      it('[G3] a device editing the same field twice before it pulls is not in conflict with itself', async () => {
        const db = await fresh();
        const id = await seeded(db);
        const ctx = pushContext();
        const outcome = await push(db, ctx, [
          patchMutation(1, id, { address: 'Tổ 1' }, 1),
          patchMutation(2, id, { address: 'Tổ 2' }, 1),
        ]);
        expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'applied']);
        expect((await getRecord(db, id))?.data.address).toBe('Tổ 2');
      });

      it('[G3] a tablet whose clock is a year ahead does not win a conflict', async () => {
        const db = await fresh();
        const id = await seeded(db);
        await push(db, pushContext(), [patchMutation(1, id, { address: 'đúng giờ' }, 1)]);
        const future = {
          ...patchMutation(1, id, { address: 'tương lai' }, 1),
          at: Date.now() + 365 * 86_400_000,
          stamp: '9999999999999-0000-future',
        };
        expect((await push(db, pushContext(), [future])).results[0]?.status).toBe('conflict');
        expect((await getRecord(db, id))?.data.address).toBe('đúng giờ');
      });

      it('[G3] a third device joins the open conflict instead of opening another', async () => {
        const db = await fresh();
        const id = await seeded(db);
        for (const value of ['A', 'B', 'C'])
          await push(db, pushContext(), [patchMutation(1, id, { address: value }, 1)]);
        const conflicts = (await changes(db)).filter((c) => c.type === 'conflict');
        expect(conflicts).toHaveLength(1);
        expect((conflicts[0]!.data!.candidates as { value: string }[]).map((c) => c.value)).toEqual(['A', 'B', 'C']);
      });

      it('[G3] a commune officer resolves a conflict: the value is written as a new change and the conflict closes', async () => {
        const db = await fresh();
        const id = await seeded(db);
        await push(db, pushContext(), [patchMutation(1, id, { address: 'A' }, 1)]);
        await push(db, pushContext(), [patchMutation(1, id, { address: 'B' }, 1)]);
        const conflict = (await changes(db)).find((c) => c.type === 'conflict');
        if (!conflict) throw new Error('no conflict');
        const byCollaborator = await push(db, pushContext(), [
          mutation(1, { kind: 'resolve', id: conflict.id, value: 'B' }),
        ]);
        expect(byCollaborator.results[0]?.status).toBe('rejected');
        const officer = pushContext({ role: 'commune_officer', userId: 'officer' });
        expect(
          (await push(db, officer, [mutation(1, { kind: 'resolve', id: conflict.id, value: 'Tổ 4, đã xác minh' })]))
            .results[0]?.status,
        ).toBe('applied');
        expect((await getRecord(db, id))?.data.address).toBe('Tổ 4, đã xác minh');
        expect((await getRecord(db, conflict.id))?.data).toMatchObject({
          status: 'resolved',
          resolution: { value: 'Tổ 4, đã xác minh', by: 'officer' },
        });
        expect(
          (await push(db, officer, [mutation(2, { kind: 'resolve', id: conflict.id, value: 'X' })])).results[0]?.status,
        ).toBe('rejected');
      });
    });

    describe('relief handouts', () => {
      it('[G4] an event is stored once per id, even when two devices send it', async () => {
        const db = await fresh();
        const household = randomUUID();
        await push(db, pushContext(), [createMutation(1, {}, household)]);
        const id = randomUUID();
        const op = { kind: 'event' as const, type: 'distribution' as const, id, data: distributionData(household) };
        await push(db, pushContext(), [mutation(1, op)]);
        expect((await push(db, pushContext(), [mutation(1, op)])).results[0]?.status).toBe('applied');
        expect((await changes(db)).filter((c) => c.type === 'distribution')).toHaveLength(1);
      });

      it('[G4] the same item to the same household in the same round twice: both stored, both flagged, none refused', async () => {
        const db = await fresh();
        const household = randomUUID();
        await push(db, pushContext(), [createMutation(1, {}, household)]);
        const first = randomUUID();
        const second = randomUUID();
        await push(db, pushContext(), [
          mutation(1, { kind: 'event', type: 'distribution', id: first, data: distributionData(household) }),
        ]);
        const outcome = await push(db, pushContext(), [
          mutation(1, {
            kind: 'event',
            type: 'distribution',
            id: second,
            data: distributionData(household, { recipientName: 'Vợ' }),
          }),
        ]);
        expect(outcome.results[0]?.status).toBe('applied');
        expect((await getRecord(db, first))?.data).toMatchObject({ duplicateSuspected: true, duplicateOf: [second] });
        expect((await getRecord(db, second))?.data).toMatchObject({ duplicateSuspected: true, duplicateOf: [first] });
        const other = randomUUID();
        await push(db, pushContext(), [
          mutation(1, {
            kind: 'event',
            type: 'distribution',
            id: other,
            data: distributionData(household, { roundId: 'tet-2027' }),
          }),
        ]);
        expect((await getRecord(db, other))?.data).toMatchObject({ duplicateSuspected: false });
      });

      it('[G4] a mistaken handout is voided with a reason, never deleted; a collaborator may not void', async () => {
        const db = await fresh();
        const household = randomUUID();
        await push(db, pushContext(), [createMutation(1, {}, household)]);
        const id = randomUUID();
        await push(db, pushContext(), [
          mutation(1, { kind: 'event', type: 'distribution', id, data: distributionData(household) }),
        ]);
        const voidOp = {
          kind: 'void' as const,
          id: randomUUID(),
          data: { communeCode: LY_SON, target: id, reason: 'Phát nhầm hộ' },
        };
        expect((await push(db, pushContext(), [mutation(1, voidOp)])).results[0]?.status).toBe('rejected');
        expect((await push(db, pushContext({ role: 'village_head' }), [mutation(1, voidOp)])).results[0]?.status).toBe(
          'applied',
        );
        expect((await getRecord(db, id))?.data).toMatchObject({ quantity: 15, voided: { reason: 'Phát nhầm hộ' } });
        expect((await getRecord(db, voidOp.id))?.type).toBe('distribution_void');
      });

      it('[G4] a handout to a household of another commune is rejected', async () => {
        const db = await fresh();
        const household = randomUUID();
        await push(db, pushContext({ scope: new Set([BA_TO]) }), [
          createMutation(1, { communeCode: BA_TO }, household),
        ]);
        const outcome = await push(db, pushContext(), [
          mutation(1, { kind: 'event', type: 'distribution', id: randomUUID(), data: distributionData(household) }),
        ]);
        expect(outcome.results[0]?.status).toBe('rejected');
      });
    });

    describe('workflow commands', () => {
      async function draftCase(db: Database) {
        const subject = randomUUID();
        const id = randomUUID();
        await push(db, pushContext(), [
          createMutation(1, {}, subject),
          patchMutation(2, id, surveyCaseFields(subject), 0, 'case'),
        ]);
        return id;
      }
      const command = (
        seq: number,
        id: string,
        name: 'submit' | 'verify' | 'approve' | 'reject' | 'return',
        comment?: string,
      ) => mutation(seq, { kind: 'command', id, command: name, ...(comment ? { comment } : {}) });

      it('a case goes draft → submitted → verified → approved, each step by an allowed role', async () => {
        const db = await fresh();
        const id = await draftCase(db);
        expect((await getRecord(db, id))?.data.status).toBe('draft');
        const officer = pushContext({ role: 'commune_officer' });
        expect((await push(db, pushContext(), [command(1, id, 'approve')])).results[0]?.status).toBe('rejected');
        expect((await push(db, pushContext(), [command(1, id, 'submit')])).results[0]?.status).toBe('applied');
        expect(
          (await push(db, officer, [command(1, id, 'verify'), command(2, id, 'approve')])).results.map((r) => r.status),
        ).toEqual(['applied', 'applied']);
        expect((await getRecord(db, id))?.data).toMatchObject({
          status: 'approved',
          history: [{ command: 'submit' }, { command: 'verify' }, { command: 'approve' }],
        });
      });

      it('two officers act at once: the first command wins, the second is answered with why', async () => {
        const db = await fresh();
        const id = await draftCase(db);
        await push(db, pushContext(), [command(1, id, 'submit')]);
        await push(db, pushContext({ role: 'commune_officer' }), [command(1, id, 'approve')]);
        const late = await push(db, pushContext({ role: 'commune_officer' }), [
          command(1, id, 'reject', 'Thu nhập vượt chuẩn'),
        ]);
        expect(late.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('đã phê duyệt') });
      });

      it('returning a case needs a comment; a returned case can be submitted again', async () => {
        const db = await fresh();
        const id = await draftCase(db);
        await push(db, pushContext(), [command(1, id, 'submit')]);
        const officer = pushContext({ role: 'commune_officer' });
        expect((await push(db, officer, [command(1, id, 'return')])).results[0]?.status).toBe('rejected');
        expect((await push(db, officer, [command(2, id, 'return', 'Thiếu số nhân khẩu')])).results[0]?.status).toBe(
          'applied',
        );
        expect((await push(db, pushContext(), [command(1, id, 'submit')])).results[0]?.status).toBe('applied');
      });

      it('two devices propose for the same person: both proposals remain', async () => {
        const db = await fresh();
        const household = randomUUID();
        const subject = randomUUID();
        await push(db, pushContext(), [
          createMutation(1, {}, household),
          patchMutation(2, subject, memberFields(household), 0, 'member'),
        ]);
        const proposal = (id: string) =>
          patchMutation(
            1,
            id,
            {
              communeCode: LY_SON,
              kind: 'allowance',
              subjectId: subject,
              note: 'đề xuất',
              data: applicationFiledBeforeContext(),
            },
            0,
            'case',
          );
        await push(db, pushContext(), [proposal(randomUUID())]);
        await push(db, pushContext(), [proposal(randomUUID())]);
        expect((await changes(db)).filter((c) => c.type === 'case')).toHaveLength(2);
      });
    });

    describe('duplicate registrations', () => {
      it('two devices register the same person offline: the server flags the pair for the officer and merges nothing', async () => {
        const db = await fresh();
        const household = randomUUID();
        await push(db, pushContext(), [createMutation(1, { village: 'Thôn Đông An Vĩnh' }, household)]);
        const first = randomUUID();
        const second = randomUUID();
        await push(db, pushContext(), [
          patchMutation(
            1,
            first,
            { ...memberFields(household, { fullName: 'Trần Thị Mỹ', birthDate: '1990-02-03' }) },
            0,
            'member',
          ),
        ]);
        await push(db, pushContext(), [
          patchMutation(
            1,
            second,
            { ...memberFields(household, { fullName: 'Tran Thi My', birthDate: '1990' }) },
            0,
            'member',
          ),
        ]);
        const flags = (await changes(db)).filter((c) => c.type === 'duplicate');
        expect(flags).toHaveLength(1);
        expect(flags[0]?.data).toMatchObject({
          recordType: 'member',
          recordIds: [second, first],
          reason: 'name-birth-year-village',
          status: 'open',
        });
        expect(await getRecord(db, first)).toBeDefined();
        expect(await getRecord(db, second)).toBeDefined();
        const officer = pushContext({ role: 'commune_officer', userId: 'officer' });
        expect(
          (await push(db, officer, [mutation(1, { kind: 'resolve', id: flags[0]!.id, value: 'dismissed' })])).results[0]
            ?.status,
        ).toBe('applied');
        expect((await getRecord(db, flags[0]!.id))?.data).toMatchObject({
          status: 'dismissed',
          decision: { by: 'officer' },
        });
      });

      it('the same CCCD on two households is flagged; a different person of the same year is not', async () => {
        const db = await fresh();
        await push(db, pushContext(), [createMutation(1, { headName: 'Lê Văn A', headCitizenId: '051080009999' })]);
        await push(db, pushContext(), [
          createMutation(1, { headName: 'Lê Văn B', headCitizenId: '051080009999', village: 'Thôn Khác' }),
        ]);
        await push(db, pushContext(), [createMutation(1, { headName: 'Phan Văn C', village: 'Thôn Khác' })]);
        const flags = (await changes(db)).filter((c) => c.type === 'duplicate');
        expect(flags.map((f) => f.data?.reason)).toEqual(['citizen-id']);
      });
    });

    describe('scope, moves and history', () => {
      it('[G5] a household in a commune outside the scope is rejected, and nothing about it is written', async () => {
        const db = await fresh();
        expect((await push(db, pushContext(), [createMutation(1, { communeCode: BA_TO })])).results[0]).toMatchObject({
          status: 'rejected',
        });
        expect(await changes(db, BA_TO)).toHaveLength(0);
      });

      it('[G5] editing a household of another commune is rejected, even when the patch claims our commune', async () => {
        const db = await fresh();
        const id = randomUUID();
        await push(db, pushContext({ scope: new Set([BA_TO]) }), [createMutation(1, { communeCode: BA_TO }, id)]);
        const outcome = await push(db, pushContext(), [
          patchMutation(1, id, { communeCode: LY_SON, notes: 'chiếm' }, 1),
        ]);
        expect(outcome.results[0]).toMatchObject({ status: 'rejected' });
        expect((await getRecord(db, id))?.commune).toBe(BA_TO);
      });

      it('[G5] a household moving commune leaves a removal in the old commune and arrives, with its members, in the new', async () => {
        const db = await fresh();
        const both = pushContext({ scope: new Set([LY_SON, BA_TO]) });
        const id = randomUUID();
        const member = randomUUID();
        await push(db, both, [
          createMutation(1, {}, id),
          patchMutation(2, member, { ...memberFields(id) }, 0, 'member'),
        ]);
        const before = (await changes(db)).at(-1)?.version ?? 0;
        expect((await push(db, both, [patchMutation(3, id, { communeCode: BA_TO }, 1)])).results[0]?.status).toBe(
          'applied',
        );
        const old = await changes(db, LY_SON, before);
        expect(
          old
            .filter((c) => c.removed)
            .map((c) => c.id)
            .sort(),
        ).toEqual([id, member].sort());
        const arrived = await changes(db, BA_TO);
        expect(arrived.map((c) => [c.type, c.data?.communeCode])).toEqual(
          expect.arrayContaining([
            ['household', BA_TO],
            ['member', BA_TO],
          ]),
        );
      });

      it('[G6] a pull in small pages visits every change once, in version order, and resumes from its cursor', async () => {
        const db = await fresh();
        await push(
          db,
          pushContext(),
          Array.from({ length: 7 }, (_, i) => createMutation(i + 1)),
        );
        const seen: number[] = [];
        let cursor = 0;
        for (let page = 0; page < 10; page++) {
          const result = await pull(db, [{ commune: LY_SON, cursor }], { rows: 3, bytes: LIMITS.bytes });
          seen.push(...result.changes.map((c) => c.version));
          cursor = result.cursors[LY_SON] ?? cursor;
          if (!result.hasMore) break;
        }
        expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(await changes(db, LY_SON, cursor)).toEqual([]);
      });

      it('[G6] a page is bounded by bytes too, and always carries at least one change', async () => {
        const db = await fresh();
        await push(
          db,
          pushContext(),
          Array.from({ length: 5 }, (_, i) => createMutation(i + 1, { notes: 'x'.repeat(900) })),
        );
        const tiny = await pull(db, [{ commune: LY_SON, cursor: 0 }], { rows: 1000, bytes: 10 });
        expect(tiny.changes).toHaveLength(1);
        expect(tiny.hasMore).toBe(true);
        const small = await pull(db, [{ commune: LY_SON, cursor: 0 }], { rows: 1000, bytes: 2500 });
        expect(small.changes.length).toBeGreaterThan(1);
        expect(small.changes.length).toBeLessThan(5);
      });

      it('[G6] concurrent pushes of two devices to one commune get distinct versions and a reader misses none', async () => {
        const db = await fresh();
        await Promise.all([
          push(
            db,
            pushContext(),
            Array.from({ length: 20 }, (_, i) => createMutation(i + 1)),
          ),
          push(
            db,
            pushContext(),
            Array.from({ length: 20 }, (_, i) => createMutation(i + 1)),
          ),
        ]);
        expect((await changes(db)).map((c) => c.version)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      });

      it('[G6] tombstones beyond the horizon are forgotten; an older cursor gets a reset and the commune from the start', async () => {
        const db = await fresh();
        const both = pushContext({ scope: new Set([LY_SON, BA_TO]), now: 1_000 });
        const stays = randomUUID();
        const leaves = randomUUID();
        await push(db, both, [createMutation(1, {}, stays), createMutation(2, {}, leaves)]);
        const cursor = 1;
        await push(db, both, [patchMutation(3, leaves, { communeCode: BA_TO }, 2)]);
        await pruneTombstones(db, 2_000);
        const page = await pull(db, [{ commune: LY_SON, cursor }], LIMITS);
        expect(page.resets).toEqual([LY_SON]);
        expect(page.changes.map((c) => c.id)).toEqual([stays]);
        // Once the device holds the new mark, its cursor is good again, even below the mark.
        const next = await pull(
          db,
          [{ commune: LY_SON, cursor: page.cursors[LY_SON] ?? 0, epoch: page.epochs[LY_SON] ?? 0 }],
          LIMITS,
        );
        expect(next.resets).toEqual([]);
        expect(next.changes).toEqual([]);
        // A device that was up to date before the pruning keeps going without a reset.
        const upToDate = await pull(db, [{ commune: LY_SON, cursor: 3 }], LIMITS);
        expect(upToDate.resets).toEqual([]);
      });
    });

    describe('races and edge cases found in review', () => {
      it('[G3] two devices editing different fields of one record at the same moment both keep their field', async () => {
        const db = await fresh();
        for (let round = 0; round < 10; round++) {
          const id = randomUUID();
          const a = pushContext();
          const b = pushContext();
          await push(db, a, [createMutation(1, {}, id)]);
          const base = (await getRecord(db, id))!.version;
          await Promise.all([
            push(db, a, [patchMutation(2, id, { address: 'A' }, base)]),
            push(db, b, [patchMutation(1, id, { notes: 'B' }, base)]),
          ]);
          expect((await getRecord(db, id))?.data).toMatchObject({ address: 'A', notes: 'B' });
        }
      });

      it('[G4] two devices handing out the same item to the same household at the same moment are flagged', async () => {
        const db = await fresh();
        for (let round = 0; round < 10; round++) {
          const household = randomUUID();
          await push(db, pushContext(), [createMutation(1, {}, household)]);
          const [first, second] = [randomUUID(), randomUUID()];
          await Promise.all([
            push(db, pushContext(), [
              mutation(1, { kind: 'event', type: 'distribution', id: first, data: distributionData(household) }),
            ]),
            push(db, pushContext(), [
              mutation(1, { kind: 'event', type: 'distribution', id: second, data: distributionData(household) }),
            ]),
          ]);
          expect([
            (await getRecord(db, first))?.data.duplicateSuspected,
            (await getRecord(db, second))?.data.duplicateSuspected,
          ]).toEqual([true, true]);
        }
      });

      it('[G3] after a household moves, an up-to-date edit in its new commune is applied, not a conflict', async () => {
        const db = await fresh();
        const both = pushContext({ scope: new Set([LY_SON, BA_TO]) });
        await push(
          db,
          both,
          Array.from({ length: 30 }, (_, i) => createMutation(i + 1)),
        );
        const id = randomUUID();
        await push(db, both, [createMutation(31, {}, id)]);
        await push(db, both, [patchMutation(32, id, { communeCode: BA_TO }, (await getRecord(db, id))!.version)]);
        const moved = (await getRecord(db, id))!;
        const outcome = await push(db, pushContext({ scope: new Set([BA_TO]) }), [
          patchMutation(1, id, { address: 'Tổ 9' }, moved.version),
        ]);
        expect(outcome.results[0]?.status).toBe('applied');
      });

      it("[G5] a member's conflict moves with its household; an officer of the old commune can no longer decide it", async () => {
        const db = await fresh();
        const household = randomUUID();
        const member = randomUUID();
        await push(db, pushContext(), [
          createMutation(1, {}, household),
          patchMutation(2, member, { ...memberFields(household) }, 0, 'member'),
        ]);
        const base = (await getRecord(db, member))!.version;
        await push(db, pushContext(), [patchMutation(1, member, { occupation: 'stable' }, base, 'member')]);
        await push(db, pushContext(), [patchMutation(1, member, { occupation: 'unemployed' }, base, 'member')]);
        await push(db, pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) }), [
          patchMutation(1, household, { communeCode: BA_TO }, (await getRecord(db, household))!.version),
        ]);
        const conflict = await db.get<{ id: string; commune: string }>(
          "SELECT id, commune FROM records WHERE type = 'conflict'",
        );
        expect(conflict?.commune).toBe(BA_TO);
        const outcome = await push(db, pushContext({ role: 'commune_officer' }), [
          mutation(1, { kind: 'resolve', id: conflict!.id, value: 'student' }),
        ]);
        expect(outcome.results[0]?.status).toBe('rejected');
        expect((await getRecord(db, member))?.data.occupation).not.toBe('student');
      });

      it("[G3] a new value for a field under an open conflict joins the conflict; the officer's decision loses nothing unseen", async () => {
        const db = await fresh();
        const id = randomUUID();
        await push(db, pushContext(), [createMutation(1, { address: 'Tổ 1' }, id)]);
        const v1 = (await getRecord(db, id))!.version;
        await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 5' }, v1)]);
        await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 7' }, v1)]);
        const v2 = (await getRecord(db, id))!.version;
        const late = await push(db, pushContext(), [patchMutation(1, id, { address: 'Tổ 12 (đã xác minh)' }, v2)]);
        expect(late.results[0]).toEqual({ seq: 1, status: 'conflict', fields: ['address'] });
        const conflict = (await changes(db)).find((c) => c.type === 'conflict');
        expect((conflict!.data!.candidates as { value: string }[]).map((c) => c.value)).toEqual([
          'Tổ 5',
          'Tổ 7',
          'Tổ 12 (đã xác minh)',
        ]);
      });

      it('a submitted or approved survey can no longer be edited', async () => {
        const db = await fresh();
        const household = randomUUID();
        const id = randomUUID();
        await push(db, pushContext(), [
          createMutation(1, {}, household),
          patchMutation(2, id, surveyCaseFields(household), 0, 'case'),
          mutation(3, { kind: 'command', id, command: 'submit' }),
        ]);
        const edit = await push(db, pushContext(), [
          patchMutation(1, id, { note: 'sửa sau khi gửi' }, (await getRecord(db, id))!.version, 'case'),
        ]);
        expect(edit.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('trả lại') });
      });

      it("[G1] another user cannot push under a device's clientId (and so cannot make its queued changes look answered)", async () => {
        const db = await fresh();
        const victim = pushContext({ userId: 'victim' });
        await push(db, victim, [createMutation(1)]);
        await expect(push(db, { ...victim, userId: 'attacker' }, [createMutation(2)])).rejects.toThrow(
          ClientOfAnotherUserError,
        );
        expect((await push(db, victim, [createMutation(2, { headName: 'Hộ Thật' })])).results).toEqual([
          { seq: 2, status: 'applied' },
        ]);
      });
    });

    describe('durability', () => {
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

      it('data and answers survive closing and reopening the database (a server restart)', async () => {
        // Opened and closed by hand: the test closes it itself, as a stopping server would.
        const db = await engine.openFresh();
        const ctx = pushContext();
        await push(db, ctx, [createMutation(1)]);
        await db.close();
        const again = await engine.reopen(db);
        try {
          expect((await push(again, ctx, [createMutation(1)])).results).toEqual([{ seq: 1, status: 'applied' }]);
          expect(await changes(again)).toHaveLength(1);
        } finally {
          await again.close();
        }
      });
    });
  });
}
