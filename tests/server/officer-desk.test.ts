/**
 * Issue 11, the officer's desk, on SQLite and a real PostgreSQL: a conflict names who entered each value (display
 * name and role, the server's word), and "Đúng là trùng" with the record to keep merges the cluster — the others
 * soft-deleted with `mergedInto`, their cases (and a household's members) moved to the one kept.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { createUser } from '../../sync-server/src/store/users';
import { push } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { encodeChanges } from '../../src/shared/wire';
import { expandVersions, type WireChange } from '../../src/shared/protocol';
import type { Role } from '../../src/shared/roles';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  applicationFiledBeforeContext,
  LY_SON,
  createMutation,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyCaseFields,
} from '../support/fixtures';

const engines = await storageEngines('officer desk');
const LIMITS = { rows: 100_000, bytes: 100_000_000 };
const VILLAGE = 'Thôn Đông An Vĩnh';

for (const engine of engines) {
  describe.skipIf(!engine.available)(`officer desk [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    const changes = async (db: Database) =>
      expandVersions(
        JSON.parse(encodeChanges((await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS)).changes)) as WireChange[],
      );
    const user = async (db: Database, username: string, displayName: string, role: Role) =>
      pushContext({
        userId: await createUser(db, { username, displayName, role, passwordHash: 'x', scope: [LY_SON] }, 1),
        role,
      });
    const openCluster = async (db: Database) =>
      (await changes(db)).find((c) => c.type === 'duplicate' && c.data?.status === 'open');

    it('#11 a conflict names each writer as the server knows them: display name and role', async () => {
      const db = await fresh();
      const hoa = await user(db, 'hoa', 'Phạm Thị Hoa', 'collaborator');
      const bien = await user(db, 'bien', 'Võ Văn Biển', 'village_head');
      const id = randomUUID();
      await push(db, hoa, [createMutation(1, {}, id), patchMutation(2, id, { address: 'Tổ 5' }, 1)]);
      expect((await push(db, bien, [patchMutation(1, id, { address: 'Tổ 7' }, 1)])).results[0]?.status).toBe(
        'conflict',
      );
      const conflict = (await changes(db)).find((c) => c.type === 'conflict');
      expect(conflict?.data?.candidates).toMatchObject([
        { value: 'Tổ 5', userId: hoa.userId, userName: 'Phạm Thị Hoa', userRole: 'collaborator', committed: true },
        { value: 'Tổ 7', userId: bien.userId, userName: 'Võ Văn Biển', userRole: 'village_head', committed: false },
      ]);
    });

    it('#11 "Đúng là trùng" keeping the older person: the other is soft-deleted into it and its case moves', async () => {
      const db = await fresh();
      const device = pushContext();
      const home = randomUUID();
      const older = randomUUID();
      const newer = randomUUID();
      const allowance = randomUUID();
      await push(db, device, [
        createMutation(1, { headName: 'Hoàng Văn Thử', village: VILLAGE }, home),
        patchMutation(2, older, memberFields(home, { fullName: 'Lê Thị Trùng', birthDate: '1990' }), 0, 'member'),
        patchMutation(3, newer, memberFields(home, { fullName: 'Lê Thị Trùng', birthDate: '1990' }), 0, 'member'),
        patchMutation(
          4,
          allowance,
          { kind: 'allowance', subjectId: newer, communeCode: LY_SON, note: '', data: applicationFiledBeforeContext() },
          0,
          'case',
        ),
      ]);
      const cluster = await openCluster(db);
      expect(cluster?.data?.recordIds).toEqual([newer, older]);

      // A collaborator may not merge; the record to keep must be in the cluster.
      const officer = pushContext({ role: 'commune_officer', userId: 'officer' });
      const decide = (keep: string) =>
        mutation(1, {
          kind: 'resolve',
          id: cluster!.id,
          value: { decision: 'confirmed', recordIds: [newer, older], keep },
        });
      expect((await push(db, pushContext(), [decide(older)])).results[0]?.status).toBe('rejected');
      expect((await push(db, officer, [decide(randomUUID())])).results[0]).toMatchObject({
        status: 'rejected',
        problem: { code: 'reject.duplicateKeep' },
      });
      expect((await push(db, pushContext({ ...officer, clientId: randomUUID() }), [decide(older)])).results[0]).toEqual(
        { seq: 1, status: 'applied' },
      );

      expect((await getRecord(db, older))?.deleted).toBe(false);
      const merged = await getRecord(db, newer);
      expect(merged).toMatchObject({ deleted: true, data: { fullName: 'Lê Thị Trùng', mergedInto: older } });
      expect(await getRecord(db, allowance)).toMatchObject({ parentId: older, data: { subjectId: older } });
      expect((await getRecord(db, cluster!.id))?.data).toMatchObject({
        status: 'confirmed',
        decision: { by: 'officer', kept: older },
      });
      // Devices get the merged person as deleted and the case under the one kept.
      const pulled = await changes(db);
      expect(pulled.find((c) => c.id === newer)).toMatchObject({ deleted: true });
      expect(pulled.find((c) => c.id === allowance)?.data).toMatchObject({ subjectId: older });
    });

    it('#11 merging two households moves the members and surveys of the one that goes', async () => {
      const db = await fresh();
      const device = pushContext();
      const first = randomUUID();
      const second = randomUUID();
      const member = randomUUID();
      const survey = randomUUID();
      await push(db, device, [
        createMutation(1, { headName: 'Lưu Thị Nguyện', village: VILLAGE, headCitizenId: '051190000123' }, first),
        createMutation(2, { headName: 'Lưu Thị Nguyện', village: VILLAGE, headCitizenId: '051190000123' }, second),
        patchMutation(3, member, memberFields(second, { fullName: 'Lưu Văn Con' }), 0, 'member'),
        patchMutation(4, survey, surveyCaseFields(second), 0, 'case'),
      ]);
      const cluster = await openCluster(db);
      const officer = pushContext({ role: 'commune_officer', userId: 'officer' });
      const value = { decision: 'confirmed', recordIds: cluster!.data!.recordIds, keep: first };
      expect((await push(db, officer, [mutation(1, { kind: 'resolve', id: cluster!.id, value })])).results[0]).toEqual({
        seq: 1,
        status: 'applied',
      });
      expect(await getRecord(db, second)).toMatchObject({ deleted: true, data: { mergedInto: first } });
      expect(await getRecord(db, member)).toMatchObject({ parentId: first, data: { householdId: first } });
      expect(await getRecord(db, survey)).toMatchObject({ parentId: first, data: { subjectId: first } });
    });

    it('#11 a household merged away, or deleted, is no look-alike of a later registration: only the one kept is', async () => {
      const db = await fresh();
      const [kept, merged, deleted, later] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await push(db, pushContext(), [
        createMutation(1, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, kept),
        createMutation(2, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, merged),
      ]);
      const officer = () => pushContext({ role: 'commune_officer', userId: 'officer' });
      const first = await openCluster(db);
      const value = { decision: 'confirmed', recordIds: first!.data!.recordIds, keep: kept };
      await push(db, officer(), [mutation(1, { kind: 'resolve', id: first!.id, value })]);
      // A household registered by mistake, soft-deleted by the officer.
      await push(db, pushContext(), [createMutation(1, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, deleted)]);
      const second = await openCluster(db);
      await push(db, officer(), [
        mutation(1, { kind: 'resolve', id: second!.id, value: 'dismissed' }),
        mutation(2, { kind: 'delete', type: 'household', id: deleted }),
      ]);
      expect(await getRecord(db, deleted)).toMatchObject({ deleted: true });

      await push(db, pushContext(), [createMutation(1, { headName: 'Lưu Thị Nguyễn', village: VILLAGE }, later)]);
      expect((await openCluster(db))?.data?.recordIds).toEqual([later, kept]);
    });

    it('#11 a bare "confirmed" (an app before merging) still leaves the records as they are', async () => {
      const db = await fresh();
      const a = randomUUID();
      const b = randomUUID();
      await push(db, pushContext(), [
        createMutation(1, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, a),
        createMutation(2, { headName: 'Lưu Thị Nguyện', village: VILLAGE }, b),
      ]);
      const cluster = await openCluster(db);
      const officer = pushContext({ role: 'commune_officer', userId: 'officer' });
      await push(db, officer, [mutation(1, { kind: 'resolve', id: cluster!.id, value: 'confirmed' })]);
      expect((await getRecord(db, a))?.deleted).toBe(false);
      expect((await getRecord(db, b))?.deleted).toBe(false);
    });
  });
}
