import { freshDeviceDatabases } from '../../tests/support/device-db';
import { describe, expect, it } from 'vitest';
import { CLUSTER_DISPLAY_LIMIT, openDuplicateClusters } from './duplicates';
import { decideDuplicate } from './outbox';

const fresh = freshDeviceDatabases();

const COMMUNE = '21548';

describe("the officer's desk of possible duplicates", () => {
  it('#9.6 a cluster is shown with its people named from the device; merged and decided clusters are not', async () => {
    const db = fresh();
    await db.households.bulkPut([
      { id: 'h1', version: 1, communeCode: COMMUNE, headName: 'Lê Văn Sẵn', village: 'Thôn Tây An Hải' },
      { id: 'h2', version: 2, communeCode: COMMUNE, headName: 'Phạm Văn Khó', village: 'Thôn Tây An Hải' },
    ]);
    await db.members.bulkPut([
      {
        id: 'm1',
        version: 3,
        communeCode: COMMUNE,
        householdId: 'h1',
        fullName: 'Trần Thị Mỹ',
        birthDate: '1990-05-12',
      },
      { id: 'm2', version: 4, communeCode: COMMUNE, householdId: 'h2', fullName: 'tran thi my', birthDate: '1990' },
    ]);
    const cluster = { communeCode: COMMUNE, recordType: 'member', reason: 'name-birth-year-village' };
    await db.duplicates.bulkPut([
      {
        id: 'c1',
        version: 5,
        ...cluster,
        recordIds: ['m2', 'm1', 'm9'],
        reasons: { m2: 'name-birth-year-village', m1: 'name-birth-year-village', m9: 'citizen-id' },
        status: 'open',
      },
      { id: 'c2', version: 6, ...cluster, recordIds: [], reasons: {}, status: 'merged', mergedInto: 'c1' },
      { id: 'c3', version: 7, ...cluster, recordIds: ['m1', 'm2'], status: 'dismissed' },
    ]);
    const [shown, ...others] = await openDuplicateClusters(db, COMMUNE);
    expect(others).toEqual([]);
    expect(shown).toEqual({
      id: 'c1',
      recordType: 'member',
      total: 3,
      members: [
        {
          id: 'm2',
          reason: 'name-birth-year-village',
          name: 'tran thi my',
          birthYear: '1990',
          householdId: 'h2',
          householdHead: 'Phạm Văn Khó',
          village: 'Thôn Tây An Hải',
          // Issue 11: what the officer compares side by side.
          fields: { fullName: 'tran thi my', birthDate: '1990' },
        },
        {
          id: 'm1',
          reason: 'name-birth-year-village',
          name: 'Trần Thị Mỹ',
          birthYear: '1990',
          householdId: 'h1',
          householdHead: 'Lê Văn Sẵn',
          village: 'Thôn Tây An Hải',
          fields: { fullName: 'Trần Thị Mỹ', birthDate: '1990-05-12' },
        },
        // Not downloaded to this device (yet): listed, without a name.
        { id: 'm9', reason: 'citizen-id' },
      ],
    });
  });

  it('#9.6 a pair made before clusters is shown with its one reason; a long cluster shows its first members and the count', async () => {
    const db = fresh();
    const ids = Array.from({ length: 200 }, (_, i) => `h${i}`);
    await db.households.bulkPut(
      ids.map((id) => ({ id, version: 1, communeCode: COMMUNE, headName: 'Nguyễn Văn Đức', village: 'Thôn Đông' })),
    );
    await db.duplicates.bulkPut([
      {
        id: 'pair',
        version: 2,
        communeCode: COMMUNE,
        recordType: 'household',
        recordIds: ['h0', 'h1'],
        reason: 'head-name-village',
        status: 'open',
      },
      {
        id: 'big',
        version: 3,
        communeCode: COMMUNE,
        recordType: 'household',
        recordIds: ids,
        reason: 'head-name-village',
        reasons: Object.fromEntries(ids.map((id) => [id, 'head-name-village'])),
        status: 'open',
      },
    ]);
    const clusters = await openDuplicateClusters(db, COMMUNE);
    const pair = clusters.find((c) => c.id === 'pair');
    expect(pair?.members.map((m) => [m.name, m.reason])).toEqual([
      ['Nguyễn Văn Đức', 'head-name-village'],
      ['Nguyễn Văn Đức', 'head-name-village'],
    ]);
    const big = clusters.find((c) => c.id === 'big');
    expect(big?.total).toBe(200);
    expect(big?.members).toHaveLength(CLUSTER_DISPLAY_LIMIT);
  });

  it('#9.6 a decision hides the cluster at once and names the members it had here, so the server can refuse a grown one', async () => {
    const db = fresh();
    await db.duplicates.put({
      id: 'c1',
      version: 1,
      communeCode: COMMUNE,
      recordType: 'household',
      recordIds: ['h1', 'h2'],
      reason: 'head-name-village',
      status: 'open',
    });
    await decideDuplicate(db, 'c1', 'dismissed', 1000);
    expect(await openDuplicateClusters(db, COMMUNE)).toEqual([]);
    const [entry] = await db.outbox.toArray();
    expect(entry?.op).toEqual({ kind: 'resolve', id: 'c1', value: { decision: 'dismissed', recordIds: ['h1', 'h2'] } });
  });
});
