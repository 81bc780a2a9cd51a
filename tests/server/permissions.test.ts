/**
 * Issue 9, item 3: writes are limited by role. Every cell of the role × record kind × action matrix is pushed on
 * SQLite and PostgreSQL and must be applied exactly where the expected table below says "yes" — a table written
 * out here by hand, so a change to src/shared/permissions.ts that is not also made here fails. docs/security.md
 * prints the same matrix; the last test keeps the two in step.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { push } from '../../sync-server/src/sync/push';
import { getRecord } from '../../sync-server/src/store/records';
import { PERMISSIONS, type Action } from '../../src/shared/permissions';
import type { RecordTypeName } from '../../src/shared/records/registry';
import type { Role } from '../../src/shared/roles';
import { permissionsTable } from '../support/permissions-table';
import { storageEngines } from '../support/engines';
import {
  BA_TO,
  LY_SON,
  createMutation,
  distributionData,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyCaseFields,
} from '../support/fixtures';

const ROLES: readonly Role[] = ['collaborator', 'village_head', 'commune_officer', 'province_staff', 'admin'];

const EXPECTED = `
household         create  yes yes yes no no
household         edit    yes yes yes no no
household         delete  no  no  yes no no
member            create  yes yes yes no no
member            edit    yes yes yes no no
member            delete  no  no  yes no no
case              create  yes no  yes no no
case              edit    yes no  yes no no
case              delete  no  no  yes no no
case              submit  yes no  yes no no
case              decide  no  no  yes no no
emergency         create  no  yes yes no no
emergency         edit    no  yes yes no no
emergency         delete  no  no  yes no no
damage            create  yes yes yes no no
damage            edit    yes yes yes no no
damage            delete  no  no  yes no no
relief_round      create  no  yes yes no no
relief_round      edit    no  yes yes no no
relief_round      delete  no  no  yes no no
distribution      create  yes yes yes no no
distribution_void create  no  yes yes no no
conflict          resolve no  no  yes no no
duplicate         resolve no  no  yes no no
village           create  yes yes yes no no
village           edit    no  no  yes no no
village           delete  no  no  yes no no
`
  .trim()
  .split('\n')
  .map((line) => {
    const [kind, action, ...answers] = line.split(/\s+/);
    return {
      kind: kind as RecordTypeName,
      action: action as Action,
      allowed: Object.fromEntries(ROLES.map((role, i) => [role, answers[i] === 'yes'])) as Record<Role, boolean>,
    };
  });

const officer = () => pushContext({ role: 'commune_officer', userId: 'officer' });
let villages = 0;
const village = () => `Thôn Ma Trận ${++villages}`;

const emergencyFields = () => ({
  communeCode: LY_SON,
  type: 'storm',
  date: '2025-06-01',
  villages: ['Thôn Đông'],
  description: '',
});
const damageFields = (emergencyId: string) => ({
  communeCode: LY_SON,
  emergencyId,
  headName: 'Lê Văn Sóng',
  village: 'Thôn Đông',
  followUp: true,
  members: 3,
  status: 'poor',
  hungryMembers: 0,
  deaths: 0,
  missing: 0,
  deadMonthlyBeneficiaries: 0,
  injuredDays: [],
  houseLost: false,
  hasOtherHome: false,
  relocationOrdered: false,
  severeDamage: false,
  childrenWithoutParents: 0,
  assessedOn: '2025-06-02',
});
const roundFields = () => ({
  communeCode: LY_SON,
  name: 'Đợt cứu trợ',
  date: '2025-06-03',
  items: [{ item: 'rice', itemName: 'Gạo', unit: 'kg', available: 100, source: 'budget' }],
  plannedHouseholdIds: [],
});

async function as(db: Database, ...ops: ReturnType<typeof mutation>[]) {
  const outcome = await push(
    db,
    officer(),
    ops.map((m, i) => ({ ...m, seq: i + 1 })),
  );
  expect(
    outcome.results.map((r) => r.status),
    'setup',
  ).toEqual(ops.map(() => 'applied'));
}

async function household(db: Database) {
  const id = randomUUID();
  await as(db, createMutation(1, { village: village() }, id));
  return id;
}

/** A village as the field adds it: kept for review (a collaborator or village head may add only that). */
const villageFields = () => ({ communeCode: LY_SON, name: village(), status: 'other' });

async function record(db: Database, type: 'member' | 'case' | 'emergency' | 'damage' | 'relief_round' | 'village') {
  const id = randomUUID();
  if (type === 'village') await as(db, patchMutation(1, id, villageFields(), 0, 'village' as never));
  if (type === 'member') await as(db, patchMutation(1, id, memberFields(await household(db)), 0, 'member'));
  if (type === 'case') await as(db, patchMutation(1, id, surveyCaseFields(await household(db)), 0, 'case'));
  if (type === 'emergency') await as(db, patchMutation(1, id, emergencyFields(), 0, 'emergency' as never));
  if (type === 'damage') await as(db, patchMutation(1, id, damageFields(randomUUID()), 0, 'damage' as never));
  if (type === 'relief_round') await as(db, patchMutation(1, id, roundFields(), 0, 'relief_round' as never));
  return id;
}

/** The mutation a user of the role would send for this cell, on records an officer set up. */
async function attempt(db: Database, kind: RecordTypeName, action: Action): Promise<ReturnType<typeof mutation>> {
  const version = async (id: string) => (await getRecord(db, id))!.version;
  switch (`${kind} ${action}`) {
    case 'household create':
      return createMutation(1, { village: village() });
    case 'member create':
      return patchMutation(1, randomUUID(), memberFields(await household(db)), 0, 'member');
    case 'case create':
      return patchMutation(1, randomUUID(), surveyCaseFields(await household(db)), 0, 'case');
    case 'emergency create':
      return patchMutation(1, randomUUID(), emergencyFields(), 0, 'emergency' as never);
    case 'damage create':
      return patchMutation(1, randomUUID(), damageFields(randomUUID()), 0, 'damage' as never);
    case 'relief_round create':
      return patchMutation(1, randomUUID(), roundFields(), 0, 'relief_round' as never);
    case 'village create':
      return patchMutation(1, randomUUID(), villageFields(), 0, 'village' as never);
    case 'distribution create':
      return mutation(1, {
        kind: 'event',
        type: 'distribution',
        id: randomUUID(),
        data: distributionData(await household(db)),
      });
  }
  if (action === 'edit') {
    const id = kind === 'household' ? await household(db) : await record(db, kind as 'member');
    const field = {
      household: 'notes',
      member: 'fullName',
      case: 'note',
      emergency: 'description',
      damage: 'village',
      relief_round: 'name',
      village: 'name',
    }[kind as 'member'];
    return patchMutation(1, id, { [field]: 'đã sửa' }, await version(id), kind as 'household');
  }
  if (action === 'delete') {
    const id = kind === 'household' ? await household(db) : await record(db, kind as 'member');
    return mutation(1, { kind: 'delete', type: kind as 'household', id });
  }
  if (kind === 'case') {
    const id = await record(db, 'case');
    if (action === 'decide') await as(db, mutation(1, { kind: 'command', id, command: 'submit' }));
    return mutation(1, { kind: 'command', id, command: action === 'submit' ? 'submit' : 'approve' });
  }
  if (kind === 'distribution_void') {
    const target = randomUUID();
    await as(
      db,
      mutation(1, { kind: 'event', type: 'distribution', id: target, data: distributionData(await household(db)) }),
    );
    return mutation(1, {
      kind: 'void',
      id: randomUUID(),
      data: { communeCode: LY_SON, target, reason: 'Phát nhầm hộ' },
    });
  }
  if (kind === 'conflict') {
    const id = await household(db);
    const base = await version(id);
    await push(db, officer(), [patchMutation(1, id, { address: 'Tổ 1' }, base)]);
    await push(db, officer(), [patchMutation(1, id, { address: 'Tổ 9' }, base)]);
    const conflict = await db.get<{ id: string }>("SELECT id FROM records WHERE type = 'conflict' AND parent_id = ?", [
      id,
    ]);
    return mutation(1, { kind: 'resolve', id: conflict!.id, value: 'Tổ 9' });
  }
  if (kind === 'duplicate') {
    const name = village();
    const first = randomUUID();
    await as(
      db,
      createMutation(1, { village: name, headName: 'Hồ Văn Trùng' }, first),
      createMutation(2, { village: name, headName: 'Ho Van Trung' }),
    );
    const flag = await db.get<{ id: string }>(`SELECT id FROM records WHERE type = 'duplicate' AND data LIKE ?`, [
      `%${first}%`,
    ]);
    return mutation(1, { kind: 'resolve', id: flag!.id, value: 'dismissed' });
  }
  throw new Error(`no attempt for ${kind} ${action}`);
}

const engines = await storageEngines('permissions');

for (const engine of engines) {
  describe.skipIf(!engine.available)(`role matrix [${engine.name}]`, () => {
    let db: Database;
    afterAll(async () => db?.close());

    it('#9.3 every role × record kind × action is applied exactly where the matrix allows it, refused with the role named elsewhere', async () => {
      db = await engine.openFresh();
      const wrong: string[] = [];
      for (const cell of EXPECTED) {
        for (const role of ROLES) {
          const scope = role === 'province_staff' || role === 'admin' ? new Set([LY_SON, BA_TO]) : new Set([LY_SON]);
          const result = (
            await push(db, pushContext({ role, scope, userId: `u-${role}` }), [
              await attempt(db, cell.kind, cell.action),
            ])
          ).results[0]!;
          const applied = result.status === 'applied';
          if (applied !== cell.allowed[role])
            wrong.push(
              `${role} ${cell.action} ${cell.kind}: ${result.status}${'reason' in result ? ` (${result.reason})` : ''}`,
            );
          if (!cell.allowed[role] && 'reason' in result && !result.reason.startsWith('Vai trò'))
            wrong.push(`${role} ${cell.action} ${cell.kind}: refused without naming the role: ${result.reason}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
}

describe('the matrix in code and in docs/security.md', () => {
  it('#9.3 src/shared/permissions.ts grants exactly the cells of the expected table', () => {
    for (const cell of EXPECTED)
      for (const role of ROLES)
        expect(
          PERMISSIONS[role][cell.kind]?.includes(cell.action) ?? false,
          `${role} ${cell.action} ${cell.kind}`,
        ).toBe(cell.allowed[role]);
    const granted = ROLES.flatMap((role) =>
      Object.entries(PERMISSIONS[role]).flatMap(([kind, actions]) => actions.map((a) => `${kind} ${a}`)),
    );
    for (const cell of granted)
      expect(
        EXPECTED.some((e) => `${e.kind} ${e.action}` === cell),
        cell,
      ).toBe(true);
  });

  it('docs/security.md prints the matrix as the code has it', () => {
    expect(readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8')).toContain(permissionsTable());
  });
});

for (const engine of engines) {
  describe.skipIf(!engine.available)(`a village added in the field [${engine.name}]`, () => {
    it('#11 a collaborator or village head adds a village only as "other", for review; an officer may add it to the list', async () => {
      const db = await engine.openFresh();
      const attemptAs = async (role: Role, status: string) =>
        (
          await push(db, pushContext({ role, userId: `u-${role}` }), [
            patchMutation(1, randomUUID(), { ...villageFields(), status }, 0, 'village' as never),
          ])
        ).results[0]!;
      for (const role of ['collaborator', 'village_head'] as const) {
        expect(await attemptAs(role, 'other')).toMatchObject({ status: 'applied' });
        expect(await attemptAs(role, 'active')).toMatchObject({
          status: 'rejected',
          reason: expect.stringMatching(/^Vai trò .* chỉ được thêm thôn ở trạng thái "khác \(chờ xem xét\)"/),
        });
      }
      expect(await attemptAs('commune_officer', 'active')).toMatchObject({ status: 'applied' });
      await db.close();
    });
  });
}
