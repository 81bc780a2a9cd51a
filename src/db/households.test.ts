import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type AnSinhDb } from './database';
import { diffFields, getHousehold, listHouseholds, saveHousehold } from './households';
import { getClientId } from './client-id';

const valid = { headName: 'Nguyễn Văn Đức', communeCode: '21548', village: 'Thôn Đông An Vĩnh', address: 'Tổ 2', area: 'rural', notes: '' };
const dbs: AnSinhDb[] = [];
function fresh() {
  const db = openDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('the outbox write path', () => {
  it('a new household writes the record and one outbox entry with the whole record as its patch', async () => {
    const db = fresh();
    const result = await saveHousehold(db, valid, { now: 1000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getHousehold(db, result.id)).toEqual({ ...valid, id: result.id, version: 0, updatedAt: 1000 });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ seq: 1, recordId: result.id, schema: 1, op: { kind: 'household.put', recordId: result.id, patch: valid } });
  });

  it('an edit queues only the fields that changed, and seq keeps counting', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    await saveHousehold(db, { ...valid, notes: 'Nhà dột', phone: '0912345678' }, { id: created.id, now: 2 });
    await saveHousehold(db, { ...valid, notes: 'Nhà dột' }, { id: created.id, now: 3 });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(outbox[1]?.op.patch).toEqual({ notes: 'Nhà dột', phone: '0912345678' });
    expect(outbox[2]?.op.patch).toEqual({ phone: null });
  });

  it('saving without a change queues nothing', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    const again = await saveHousehold(db, valid, { id: created.id, now: 2 });
    expect(again).toEqual({ ok: true, id: created.id, changed: false });
    expect(await db.outbox.count()).toBe(1);
  });

  it('invalid input writes nothing and says which field is wrong, in Vietnamese', async () => {
    const db = fresh();
    const result = await saveHousehold(db, { ...valid, headCitizenId: '123' }, { now: 1 });
    expect(result).toEqual({ ok: false, issues: { headCitizenId: ['Số CCCD phải gồm đúng 12 chữ số'] } });
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('when the outbox write fails, the record is not written either (one transaction)', async () => {
    const db = fresh();
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(saveHousehold(db, valid, { now: 1 })).rejects.toThrow('disk full');
    expect(await db.households.count()).toBe(0);
  });

  it('a damaged record read back from IndexedDB is reported, not shown as valid', async () => {
    const db = fresh();
    const id = crypto.randomUUID();
    await db.households.put({ ...valid, id, version: 0, updatedAt: 1, headCitizenId: 'not-a-cccd' } as never);
    await expect(getHousehold(db, id)).rejects.toThrow();
  });
});

describe('client id', () => {
  it('is created once per database and kept', async () => {
    const db = fresh();
    const first = await getClientId(db);
    expect(await getClientId(db)).toBe(first);
    expect(await getClientId(fresh())).not.toBe(first);
  });
});

describe('diffFields', () => {
  it('treats a removed optional field as a null patch', () => {
    expect(diffFields({ ...valid, area: 'rural', phone: '0912345678' }, { ...valid, area: 'rural' })).toEqual({ phone: null });
  });
});

describe('listHouseholds', () => {
  it('sorts by Vietnamese collation and counts unreadable rows instead of showing them', async () => {
    const db = fresh();
    for (const headName of ['Đặng Văn B', 'Ân Thị C', 'Bùi Văn A']) await saveHousehold(db, { ...valid, headName }, { now: 1 });
    await db.households.put({ ...valid, id: crypto.randomUUID(), version: 0, updatedAt: 1, area: 'forest' } as never);
    await saveHousehold(db, { ...valid, headName: 'Xã Khác', communeCode: '21484' }, { now: 1 });
    const { households, unreadable } = await listHouseholds(db, '21548');
    expect(households.map((h) => h.headName)).toEqual(['Ân Thị C', 'Bùi Văn A', 'Đặng Văn B']);
    expect(unreadable).toBe(1);
  });
});
