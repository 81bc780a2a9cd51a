/**
 * @module Demo data for a newcomer: one account per role in two communes — Đặc khu Lý Sơn (island) and Xã Ba Tơ
 * (mountain) — and a handful of households. Only when asked (`npm start`, SEED_DEMO=true), only on a database with
 * no users, and every account it makes is marked `demo`: its password is printed in the README. People are invented.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { HouseholdFields } from '../../../src/shared/records/household';
import type { Role } from '../../../src/shared/protocol';
import { scryptHasher, type PasswordHasher } from '../auth/hashing';
import { createUser } from '../store/users';
import { writeRecord } from '../sync/write-record';
import { seedRegistry } from './demo-registry';

export const LY_SON = '21548';
export const BA_TO = '21484';
export const DEMO_PASSWORD = 'ansinh2026';

export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  role: Role;
  scope: string[] | 'province';
}[] = [
  { username: 'ctv.lyson', displayName: 'Phạm Thị Hoa (CTV Lý Sơn)', role: 'collaborator', scope: [LY_SON] },
  { username: 'ctv2.lyson', displayName: 'Lê Văn Tâm (CTV Lý Sơn)', role: 'collaborator', scope: [LY_SON] },
  { username: 'thon.lyson', displayName: 'Võ Văn Biển (trưởng thôn, Lý Sơn)', role: 'village_head', scope: [LY_SON] },
  { username: 'canbo.lyson', displayName: 'Nguyễn Thị Mai (cán bộ Lý Sơn)', role: 'commune_officer', scope: [LY_SON] },
  { username: 'ctv.bato', displayName: 'Đinh Văn Rông (CTV Ba Tơ)', role: 'collaborator', scope: [BA_TO] },
  { username: 'canbo.bato', displayName: 'Phạm Văn Lên (cán bộ Ba Tơ)', role: 'commune_officer', scope: [BA_TO] },
  { username: 'so.tinh', displayName: 'Trần Minh Đức (Sở Y tế)', role: 'province_staff', scope: 'province' },
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', scope: 'province' },
];

export const DEMO_HOUSEHOLDS: readonly HouseholdFields[] = [
  {
    headName: 'Nguyễn Văn Được',
    communeCode: LY_SON,
    village: 'Thôn Đông An Vĩnh',
    address: 'Tổ 3',
    phone: '0912345678',
    area: 'rural',
    notes: 'Hộ ngư dân, nhà cấp 4',
  },
  {
    headName: 'Trương Thị Lệ',
    communeCode: LY_SON,
    village: 'Thôn Tây An Vĩnh',
    address: 'Tổ 1',
    area: 'rural',
    notes: '',
  },
  {
    headName: 'Đặng Công Thành',
    communeCode: LY_SON,
    village: 'Thôn Đông An Hải',
    address: 'Tổ 5',
    headCitizenId: '051080001234',
    area: 'rural',
    notes: 'Chủ hộ khuyết tật nặng',
  },
  {
    headName: 'Phạm Thị Ánh',
    communeCode: LY_SON,
    village: 'Thôn An Bình',
    address: 'Đảo Bé',
    area: 'rural',
    notes: 'Người cao tuổi sống một mình',
  },
  {
    headName: 'Đinh Văn Pháo',
    communeCode: BA_TO,
    village: 'Thôn Gò Khôn',
    address: '',
    area: 'rural',
    notes: 'Hộ đồng bào Hrê',
  },
  {
    headName: 'Phạm Thị Xuân',
    communeCode: BA_TO,
    village: 'Thôn Làng Mạ',
    address: '',
    phone: '0356789012',
    area: 'rural',
    notes: '',
  },
];

/** The villages of each demo commune: those of the households above and of the generated registry. */
export const DEMO_VILLAGES: Readonly<Record<string, readonly string[]>> = {
  [LY_SON]: ['Thôn Đông An Vĩnh', 'Thôn Tây An Vĩnh', 'Thôn Đông An Hải', 'Thôn Tây An Hải', 'Thôn An Bình'],
  [BA_TO]: ['Thôn Gò Khôn', 'Thôn Làng Mạ', 'Thôn Nước Lăng', 'Thôn Huy Ba'],
};

/**
 * `registry: false` keeps only the accounts, six households and the communes' villages (the tests' own small
 * world).
 */
export async function seedDemo(
  db: Database,
  now: number,
  options: { registry: boolean; passwords?: PasswordHasher } = { registry: true },
): Promise<void> {
  const passwordHash = await (options.passwords ?? scryptHasher()).hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) await createUser(tx, { ...account, passwordHash, demo: true }, now);
    const context = { userId: 'seed', role: 'admin' as const, scope: new Set<string>(), clientId: 'seed', now };
    for (const fields of DEMO_HOUSEHOLDS) {
      const record = {
        id: randomUUID(),
        type: 'household' as const,
        commune: fields.communeCode,
        parentId: null,
        data: { ...fields },
        meta: { f: {} },
        deleted: false,
        createdAt: now,
      };
      await writeRecord(tx, context, record, { before: undefined });
    }
    // Issue 11: each commune's list of villages, reference data the household form picks from.
    for (const [communeCode, names] of Object.entries(DEMO_VILLAGES))
      for (const name of names)
        await writeRecord(
          tx,
          context,
          {
            id: randomUUID(),
            type: 'village',
            commune: communeCode,
            parentId: null,
            data: { communeCode, name, status: 'active' },
            meta: { f: {} },
            deleted: false,
            createdAt: now,
          },
          { before: undefined },
        );
    if (options.registry) {
      await seedRegistry(
        tx,
        {
          code: LY_SON,
          villages: DEMO_VILLAGES[LY_SON]!,
          households: 300,
          ethnicity: '01',
          area: 'rural',
        },
        17,
        now,
      );
      await seedRegistry(
        tx,
        {
          code: BA_TO,
          villages: DEMO_VILLAGES[BA_TO]!,
          households: 200,
          ethnicity: '19',
          area: 'rural',
        },
        29,
        now,
      );
    }
  });
}
