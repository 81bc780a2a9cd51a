import { freshDeviceDatabases } from '../../tests/support/device-db';
import { formatVi } from '../shared/messages-vi';
import { describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import { encodeHlc } from '../shared/hlc';
import type { AnSinhDb, OutboxEntry } from './database';
import { getHousehold, householdDuplicates, saveHousehold } from './households';
import { memberDuplicates, saveMember } from './members';
import {
  communeHouseholds,
  findHouseholds,
  firstCommuneHouseholds,
  searchHouseholds,
  type CommuneRows,
} from './search';
import { memberFields } from '../../tests/support/fixtures';
import { getClientId, readClock } from './client-id';
import { recordDistribution } from './outbox';

/** A member's save is checked for a birth date in the future (issue 11): at a time after the births named here. */
const MEMBER_SAVED_AT = Date.parse('2026-12-02T10:00:00+07:00');

const valid = {
  headName: 'Nguyễn Văn Đức',
  communeCode: '21548',
  village: 'Thôn Đông An Vĩnh',
  address: 'Tổ 2',
  area: 'rural',
  notes: '',
};
const fresh = freshDeviceDatabases();

const patchOf = (entry: OutboxEntry | undefined) => (entry?.op.kind === 'patch' ? entry.op.fields : undefined);

describe('the outbox write path', () => {
  it('a new household writes the record and one outbox entry carrying every field with base 0', async () => {
    const db = fresh();
    const result = await saveHousehold(db, valid, { now: 1000 });
    if (!result.ok) throw new Error('not saved');
    expect(await getHousehold(db, result.id)).toEqual({ ...valid, id: result.id, version: 0 });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      seq: 1,
      recordId: result.id,
      schema: 2,
      op: { kind: 'patch', type: 'household', id: result.id },
    });
    expect(patchOf(outbox[0])).toEqual(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, [v, 0]])));
  });

  it('an edit queues only the fields that changed, with the version the user saw, and seq keeps counting', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    await db.households.update(created.id, { version: 7 });
    await saveHousehold(db, { ...valid, notes: 'Nhà dột', phone: '0912345678' }, { id: created.id, now: 2 });
    await saveHousehold(db, { ...valid, notes: 'Nhà dột' }, { id: created.id, now: 3 });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(patchOf(outbox[1])).toEqual({ notes: ['Nhà dột', 7], phone: ['0912345678', 7] });
    expect(patchOf(outbox[2])).toEqual({ phone: [null, 7] });
    expect((await db.households.get(created.id))?.phone).toBeUndefined();
  });

  it('stamps every change with a hybrid clock that never goes backwards, even when the device clock does', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 5_000 });
    if (!created.ok) throw new Error('not saved');
    await saveHousehold(db, { ...valid, notes: 'a' }, { id: created.id, now: 1_000 });
    await saveHousehold(db, { ...valid, notes: 'b' }, { id: created.id, now: 1_000 });
    const stamps = (await db.outbox.orderBy('seq').toArray()).map((e) => e.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
  });

  it('#11 a village added under "Khác (ghi rõ)" is queued before the household naming it (the server checks its list in order)', async () => {
    const db = fresh();
    const village = { communeCode: '21548', name: 'Thôn Bến Đình', status: 'other' } as const;
    const saved = await saveHousehold(db, { ...valid, village: 'Thôn Bến Đình' }, { now: 1, newVillage: village });
    if (!saved.ok) throw new Error('not saved');
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => (e.op.kind === 'patch' ? e.op.type : e.op.kind))).toEqual(['village', 'household']);
    // A household the form would refuse adds no village either.
    const refused = await saveHousehold(
      db,
      { ...valid, headName: '' },
      { now: 2, newVillage: { ...village, name: 'Xóm Lạ' } },
    );
    expect(refused.ok).toBe(false);
    expect(await db.outbox.count()).toBe(2);
  });

  it('saving without a change queues nothing', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    expect(await saveHousehold(db, valid, { id: created.id, now: 2 })).toEqual({
      ok: true,
      id: created.id,
      changed: false,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('invalid input writes nothing and says which field is wrong, in Vietnamese', async () => {
    const db = fresh();
    const result = await saveHousehold(db, { ...valid, headCitizenId: '123' }, { now: 1 });
    expect(result).toEqual({ ok: false, issues: { headCitizenId: ['field.citizenId'] } });
    expect(formatVi('field.citizenId')).toBe('Số CCCD phải gồm đúng 12 chữ số');
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

  it('an edit that changes no search term is written straight to IndexedDB, with its entry and clock, and live queries see it', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    const seen: (string | undefined)[] = [];
    const watching = liveQuery(() => db.households.get(created.id)).subscribe((h) => seen.push(h?.notes as string));
    await expect.poll(() => seen.length).toBe(1);
    const throughDexie = vi.spyOn(db, 'transaction');
    await saveHousehold(db, { ...valid, notes: 'Nhà dột' }, { id: created.id, now: 2 });
    await saveHousehold(db, { ...valid, notes: 'Nhà dột nặng' }, { id: created.id, now: 3 });
    // Not through Dexie's transaction (direct-write.ts): the save's own checks read, but nothing writes through it.
    expect(throughDexie.mock.calls.filter(([mode]) => mode === 'rw')).toEqual([]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, patchOf(e)?.notes])).toEqual([
      [1, ['', 0]],
      [2, ['Nhà dột', 0]],
      [3, ['Nhà dột nặng', 0]],
    ]);
    expect(outbox[2]?.before).toEqual({ notes: 'Nhà dột' });
    // One clock for both paths: each stamp after the last, and the clock row holds the newest.
    const stamps = outbox.map((e) => e.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
    expect((await readClock(db)).last).toBeDefined();
    expect(encodeHlc((await readClock(db)).last!)).toBe(stamps[2]);
    await expect.poll(() => seen.at(-1)).toBe('Nhà dột nặng');
    watching.unsubscribe();
  });

  it('an edit of a household this tab read is sent with its check in one round trip, the writes not waiting for the read', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    await saveHousehold(db, { ...valid, notes: 'Lần đầu' }, { id: created.id, now: 2 });
    await getHousehold(db, created.id);
    // Whether the row's put is asked for in the same turn of the event loop as the read of the stored row.
    let turn: object | undefined;
    let putInReadTurn: boolean | undefined;
    const { get, put } = IDBObjectStore.prototype;
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'households') {
        const now = {};
        turn = now;
        queueMicrotask(() => {
          if (turn === now) turn = undefined;
        });
      }
      return get.call(this, key);
    });
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...a) {
      if (this.name === 'households') putInReadTurn = turn !== undefined;
      return put.apply(this, a);
    });
    try {
      await saveHousehold(db, { ...valid, notes: 'Lần hai' }, { id: created.id, now: 3 });
    } finally {
      gets.mockRestore();
      puts.mockRestore();
    }
    expect(putInReadTurn).toBe(true);
    expect((await db.households.get(created.id))?.notes).toBe('Lần hai');
  });

  it('a save built from what this tab last read is made again from the stored row when another tab or a sync changed it', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    // A first edit in this tab: its clock is known here now.
    await saveHousehold(db, { ...valid, notes: 'Lần đầu' }, { id: created.id, now: 2 });
    // This tab reads the household (its page), keeping the row as its hint (row-hints.ts)...
    expect((await getHousehold(db, created.id))?.address).toBe('Tổ 2');
    // ...then another tab saves the address, and a sync brings version 4 — none of it through this tab's hints.
    await db.households.update(created.id, { address: 'Tổ 9', version: 4 });
    await recordDistribution(db, crypto.randomUUID(), { communeCode: '21548', householdId: created.id }, 5);
    // This tab's form, shown again since, changes the notes: only they are queued, on version 4.
    await saveHousehold(db, { ...valid, address: 'Tổ 9', notes: 'Nhà dột' }, { id: created.id, now: 3 });
    expect(await db.households.get(created.id)).toMatchObject({ address: 'Tổ 9', notes: 'Nhà dột', version: 4 });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(patchOf(outbox.at(-1))).toEqual({ notes: ['Nhà dột', 4] });
    // Its stamp follows the handout's, recorded meanwhile through Dexie.
    expect(outbox.at(-1)!.stamp > outbox.at(-2)!.stamp).toBe(true);
    // And the next save of it, from the row this save wrote, is right too.
    await saveHousehold(db, { ...valid, address: 'Tổ 9', notes: 'Nhà dột nặng' }, { id: created.id, now: 4 });
    expect(patchOf((await db.outbox.orderBy('seq').toArray()).at(-1))).toEqual({ notes: ['Nhà dột nặng', 4] });
    expect((await db.households.get(created.id))?.notes).toBe('Nhà dột nặng');
  });

  it('when a direct edit cannot write its outbox entry, the record is not written either', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    const add = IDBObjectStore.prototype.add;
    const refuse = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...a) {
      if (this.name === 'outbox') throw new DOMException('disk full', 'QuotaExceededError');
      return add.apply(this, a);
    });
    try {
      await expect(saveHousehold(db, { ...valid, notes: 'Nhà dột' }, { id: created.id, now: 2 })).rejects.toThrow(
        'disk full',
      );
    } finally {
      refuse.mockRestore();
    }
    expect((await db.households.get(created.id))?.notes).toBe('');
    expect(await db.outbox.count()).toBe(1);
  });

  it('an edit of a name goes through Dexie, and the household is found by the new name', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: 1 });
    if (!created.ok) throw new Error('not saved');
    await saveHousehold(db, { ...valid, headName: 'Trần Thị Mới' }, { id: created.id, now: 2 });
    expect((await searchHouseholds(db, '21548', 'tran thi moi')).households.map((h) => h.id)).toEqual([created.id]);
    expect(patchOf((await db.outbox.orderBy('seq').toArray())[1])).toEqual({ headName: ['Trần Thị Mới', 0] });
  });

  it('a handout is recorded and queued as an append-only event', async () => {
    const db = fresh();
    const id = crypto.randomUUID();
    await recordDistribution(db, id, { communeCode: '21548', householdId: crypto.randomUUID(), quantity: 15 }, 1);
    expect(await db.distributions.get(id)).toMatchObject({ quantity: 15, version: 0 });
    expect((await db.outbox.toArray())[0]?.op).toMatchObject({ kind: 'event', type: 'distribution', id });
  });

  it('a damaged record read back from IndexedDB is reported, not shown as valid', async () => {
    const db = fresh();
    const id = crypto.randomUUID();
    await db.households.put({ ...valid, id, version: 0, headCitizenId: 'not-a-cccd' });
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

describe('searching households', () => {
  async function commune(db: AnSinhDb) {
    const ids: Record<string, string> = {};
    for (const [headName, village, phone] of [
      ['Nguyễn Văn Được', 'Thôn Đông', '0912345678'],
      ['Ân Thị Cúc', 'Thôn Tây', undefined],
      ['Đặng Văn Bình', 'Thôn Đông', undefined],
      ['Bùi Thị Lan', 'Thôn Tây', undefined],
    ] as const) {
      const saved = await saveHousehold(db, { ...valid, headName, village, ...(phone ? { phone } : {}) }, { now: 1 });
      if (saved.ok) ids[headName] = saved.id;
    }
    await saveMember(db, memberFields(ids['Bùi Thị Lan']!, { fullName: 'Trần Văn Hải', citizenId: '051090001234' }), {
      now: MEMBER_SAVED_AT,
    });
    await saveHousehold(db, { ...valid, headName: 'Nguyễn Văn Xã Khác', communeCode: '21484' }, { now: 1 });
    return ids;
  }
  const names = (r: { households: { headName: string }[] }) => r.households.map((h) => h.headName);

  it('lists the commune in name order, and by village', async () => {
    const db = fresh();
    await commune(db);
    // Name order ignores diacritics (Đặng sorts with D), as a search list does.
    expect(names(await searchHouseholds(db, '21548', ''))).toEqual([
      'Ân Thị Cúc',
      'Bùi Thị Lan',
      'Đặng Văn Bình',
      'Nguyễn Văn Được',
    ]);
    expect(names(await searchHouseholds(db, '21548', '', { village: 'Thôn Tây' }))).toEqual([
      'Ân Thị Cúc',
      'Bùi Thị Lan',
    ]);
  });

  it('"nguyen van" finds Nguyễn Văn Được; any member name, CCCD and phone find the household; other communes never', async () => {
    const db = fresh();
    await commune(db);
    expect(names(await searchHouseholds(db, '21548', 'nguyen van'))).toEqual(['Nguyễn Văn Được']);
    expect(names(await searchHouseholds(db, '21548', 'DUOC'))).toEqual(['Nguyễn Văn Được']);
    expect(names(await searchHouseholds(db, '21548', 'tran hai'))).toEqual(['Bùi Thị Lan']);
    expect(names(await searchHouseholds(db, '21548', '051090001234'))).toEqual(['Bùi Thị Lan']);
    expect(names(await searchHouseholds(db, '21548', '09123'))).toEqual(['Nguyễn Văn Được']);
    // Heads first (issue 11), then the household found by its member Trần Văn Hải.
    expect(names(await searchHouseholds(db, '21548', 'van'))).toEqual([
      'Đặng Văn Bình',
      'Nguyễn Văn Được',
      'Bùi Thị Lan',
    ]);
    expect((await searchHouseholds(db, '21548', 'xa khac')).total).toBe(0);
  });

  it('hides deleted households and counts all matches beyond the limit', async () => {
    const db = fresh();
    const ids = await commune(db);
    await db.households.update(ids['Đặng Văn Bình']!, { deleted: true });
    const result = await searchHouseholds(db, '21548', 'van', { limit: 1 });
    expect(result.total).toBe(2);
    expect(names(result)).toEqual(['Nguyễn Văn Được']);
  });

  it("a first screenful is the start of the commune's name order, of this commune only, deleted ones left out", async () => {
    const db = fresh();
    const ids = await commune(db);
    const heads = async (rows: CommuneRows) => names(findHouseholds(rows, ''));
    expect(await heads(await firstCommuneHouseholds(db, '21548', 2))).toEqual(['Ân Thị Cúc', 'Bùi Thị Lan']);
    expect(await heads(await firstCommuneHouseholds(db, '21548', 10))).toEqual(
      names(findHouseholds(await communeHouseholds(db, '21548'), '')),
    );
    await db.households.update(ids['Ân Thị Cúc']!, { deleted: true });
    expect(await heads(await firstCommuneHouseholds(db, '21548', 2))).toEqual(['Bùi Thị Lan']);
  });

  it('ranks a match on the head before one on a member before one spread over several, and names the member', async () => {
    const db = fresh();
    const ids = await commune(db);
    const duc = await saveHousehold(db, { ...valid, headName: 'Bùi Minh Đức', village: 'Thôn Tây' }, { now: 3 });
    if (!duc.ok) throw new Error('not saved');
    await saveMember(db, memberFields(duc.id, { fullName: 'Bùi Thị Lan' }), { now: MEMBER_SAVED_AT + 4 });
    // Words from two people: the head Đặng Văn Bình and a member Lan.
    await saveMember(db, memberFields(ids['Đặng Văn Bình']!, { fullName: 'Đặng Thị Lan' }), {
      now: MEMBER_SAVED_AT + 5,
    });
    const result = await searchHouseholds(db, '21548', 'bui thi lan');
    expect(names(result)).toEqual(['Bùi Thị Lan', 'Bùi Minh Đức']);
    expect(result.matchedMember.get(duc.id)).toBe('Bùi Thị Lan');
    expect(result.matchedMember.has(ids['Bùi Thị Lan']!)).toBe(false);
    const spread = await searchHouseholds(db, '21548', 'binh lan');
    expect(names(spread)).toEqual(['Đặng Văn Bình']);
    expect(spread.matchedMember.size).toBe(0);
    expect(names(await searchHouseholds(db, '21548', 'lan'))).toEqual(['Bùi Thị Lan', 'Bùi Minh Đức', 'Đặng Văn Bình']);
  });
});

describe('duplicates at entry', () => {
  it('finds a member registered with a typo in the longest word of the name, by year and village', async () => {
    const db = fresh();
    const saved = await saveHousehold(db, { ...valid, village: 'Thôn Đông' }, { now: 1 });
    if (!saved.ok) throw new Error('not saved');
    await saveMember(db, memberFields(saved.id, { fullName: 'Nguyễn Thị Lan', birthDate: '1980-01-01' }), {
      now: MEMBER_SAVED_AT,
    });
    const found = await memberDuplicates(db, {
      fullName: 'Ngyen Thi Lan',
      birthDate: '1980',
      communeCode: '21548',
      village: 'Thôn Đông',
    });
    expect(found.map((f) => f.fullName)).toEqual(['Nguyễn Thị Lan']);
    expect(
      await memberDuplicates(db, {
        fullName: 'Ngyen Thi Lan',
        birthDate: '1981',
        communeCode: '21548',
        village: 'Thôn Đông',
      }),
    ).toEqual([]);
  });
});

describe('household duplicates at entry', () => {
  it('the same head typed without diacritics in the same village, or the same CCCD anywhere in the commune, is offered to open', async () => {
    const db = fresh();
    await saveHousehold(
      db,
      { ...valid, headName: 'Lê Văn Sẵn', village: 'Thôn Tây An Hải', headCitizenId: '051080004444' },
      { now: 1 },
    );
    expect(
      (await householdDuplicates(db, { headName: 'le van san', village: 'thon tay an hai', communeCode: '21548' })).map(
        (c) => c.reason,
      ),
    ).toEqual(['head-name-village']);
    expect(
      (
        await householdDuplicates(db, {
          headName: 'Khác Hẳn',
          village: 'Thôn Khác',
          headCitizenId: '051080004444',
          communeCode: '21548',
        })
      ).map((c) => c.reason),
    ).toEqual(['citizen-id']);
    expect(
      await householdDuplicates(db, { headName: 'Lê Văn Sẵn', village: 'Thôn Bắc', communeCode: '21548' }),
    ).toEqual([]);
    expect(
      await householdDuplicates(db, { headName: 'Lê Văn Sẵn', village: 'Thôn Tây An Hải', communeCode: '21484' }),
    ).toEqual([]);
  });
});
