/**
 * The device's IndexedDB schema is built from the record kinds' declarations (src/shared/records/kinds.ts). A
 * change of a kind's table or indexes reaches devices only through a new schema version, so the schema of each
 * version is recorded here: changing a declaration without DEVICE_SCHEMA_VERSION + 1 (and its line below) fails.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEVICE_SCHEMA_VERSION, currentStores, openDb } from '../../src/db/database';
import { emergencies } from '../../src/db/relief';
import { getMember } from '../../src/db/members';
import { memberFields } from '../support/fixtures';
import { searchHouseholds } from '../../src/db/search';

const RECORDED: Record<number, Record<string, string>> = {
  4: {
    households: 'id, communeCode, [communeCode+village], [communeCode+sortName]',
    members: 'id, householdId, communeCode, *terms',
    cases: 'id, subjectId, communeCode',
    emergencies: 'id, communeCode',
    damages: 'id, emergencyId, householdId, communeCode',
    reliefRounds: 'id, emergencyId, communeCode',
    distributions: 'id, householdId, roundId, communeCode',
    distributionVoids: 'id, target, communeCode',
    conflicts: 'id, recordId, communeCode',
    duplicates: 'id, communeCode',
    drafts: 'key',
    attachments: 'hash, recordId, uploaded, createdAt',
    outbox: '++seq, recordId',
    rejections: 'seq, recordId',
    cursors: 'commune',
    setAside: 'id, communeCode',
    meta: 'key',
  },
};
// Version 5 (issue 11): the villages of a commune, reference data the household form picks from.
RECORDED[5] = { ...RECORDED[4], villages: 'id, communeCode' };
// Version 6 changed no table: it gave households the terms the search ranks by (an upgrade function).
RECORDED[6] = RECORDED[5];

describe('the device schema', () => {
  it('is the one recorded for its version: a changed declaration needs a new version', () => {
    expect(currentStores()).toEqual(RECORDED[DEVICE_SCHEMA_VERSION]);
  });

  it('a device still on version 3 (before set-aside records) opens with its data and reads it typed', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    // Version 3 as the app of issue 6 declared it (every table of version 4 but setAside).
    const old = new Dexie(name);
    const { setAside: _setAside, ...v3 } = RECORDED[4]!;
    old.version(3).stores(v3);
    await old.open();
    const emergency = {
      id: crypto.randomUUID(),
      version: 5,
      communeCode: '21548',
      type: 'flood',
      date: '2026-10-01',
      villages: ['Thôn Tây'],
      description: 'Lũ',
    };
    await old.table('emergencies').put(emergency);
    const member = {
      id: crypto.randomUUID(),
      version: 2,
      ...memberFields(crypto.randomUUID(), { fullName: 'Lê Thị Hoa' }),
      terms: ['le'],
    };
    await old.table('members').put(member);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DEVICE_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(RECORDED[DEVICE_SCHEMA_VERSION]!).sort());
    expect(await emergencies.get(db, emergency.id)).toMatchObject({
      type: 'flood',
      villages: ['Thôn Tây'],
      version: 5,
    });
    expect((await getMember(db, member.id))?.fullName).toBe('Lê Thị Hoa');
    expect(await db.setAside.count()).toBe(0);
    await db.delete();
  });

  it('a device on version 4 opens with its households ranked by head and member (version 6 refreshes their terms)', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores(RECORDED[4]!);
    await old.open();
    const householdId = crypto.randomUUID();
    await old.table('households').put({
      id: householdId,
      version: 3,
      communeCode: '21548',
      headName: 'Bùi Minh Đức',
      village: 'Thôn Tây',
      address: '',
      area: 'rural',
      notes: '',
      terms: ['bui', 'minh', 'duc', 'thi', 'lan'],
      sortName: 'bui minh duc',
    });
    await old.table('members').put({
      id: crypto.randomUUID(),
      version: 2,
      ...memberFields(householdId, { fullName: 'Bùi Thị Lan' }),
      terms: ['bui', 'thi', 'lan'],
    });
    old.close();

    const db = openDb(name);
    const result = await searchHouseholds(db, '21548', 'bui thi lan');
    expect(result.households.map((h) => h.headName)).toEqual(['Bùi Minh Đức']);
    expect(result.matchedMember.get(householdId)).toBe('Bùi Thị Lan');
    await db.delete();
  });
});
