import { freshDeviceDatabases } from '../../tests/support/device-db';
import { formatVi } from '../shared/messages-vi';
import { describe, expect, it } from 'vitest';
import { decodeHlc } from '../shared/hlc';
import type { AnSinhDb } from './database';
import { estimateServerNow, futureDateOnDevice, readClock, recordServerTime } from './client-id';
import { saveHousehold } from './households';

const valid = {
  headName: 'Nguyễn Văn Đức',
  communeCode: '21548',
  village: 'Thôn Đông An Vĩnh',
  address: 'Tổ 2',
  area: 'rural',
  notes: '',
};
const fresh = freshDeviceDatabases();

const DAY = 24 * 3_600_000;
const T = 1_764_000_000_000;
const stampMs = async (db: AnSinhDb) => (await db.outbox.orderBy('seq').toArray()).map((e) => decodeHlc(e.stamp)?.ms);

describe('the device clock', () => {
  it('#9.13 a device clock two days fast, once set right, stamps at the right time again', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: T + 2 * DAY });
    if (!created.ok) throw new Error('not saved');
    await saveHousehold(db, { ...valid, notes: 'đã chỉnh giờ' }, { id: created.id, now: T });
    await saveHousehold(db, { ...valid, notes: 'lần nữa' }, { id: created.id, now: T + 1 });
    expect(await stampMs(db)).toEqual([T + 2 * DAY, T, T + 1]);
  });

  it('#9.13 the clock is clamped against the server time it last heard, after it was synced while fast', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: T + 2 * DAY });
    if (!created.ok) throw new Error('not saved');
    await recordServerTime(db, T, T + 2 * DAY); // the answer said: two days behind you
    await saveHousehold(db, { ...valid, notes: 'đã chỉnh giờ' }, { id: created.id, now: T + 60_000 });
    expect((await stampMs(db))[1]).toBe(T + 60_000);
  });

  it('a clock a few seconds behind its last stamp still never goes backwards', async () => {
    const db = fresh();
    const created = await saveHousehold(db, valid, { now: T });
    if (!created.ok) throw new Error('not saved');
    await saveHousehold(db, { ...valid, notes: 'a' }, { id: created.id, now: T - 5_000 });
    const stamps = (await db.outbox.orderBy('seq').toArray()).map((e) => e.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect(await stampMs(db)).toEqual([T, T]);
  });

  it('#9.13 the device keeps the offset of the server clock; a clock set back since makes it stale', async () => {
    const db = fresh();
    await recordServerTime(db, T, T + 2 * DAY);
    const { offset } = await readClock(db);
    expect(offset).toEqual({ offset: -2 * DAY, measuredAt: T + 2 * DAY });
    expect(estimateServerNow(T + 2 * DAY + 1_000, offset)).toBe(T + 1_000);
    // Set back since: the server's clock is at least where it was when it was heard.
    expect(estimateServerNow(T + 5_000, offset)).toBe(T);
  });

  it('#9.13 a tablet whose clock falls back to 2000 (a flat battery) keeps stamping forward and knows its clock is wrong', async () => {
    const db = fresh();
    await recordServerTime(db, T, T);
    const created = await saveHousehold(db, valid, { now: T });
    if (!created.ok) throw new Error('not saved');
    const y2000 = Date.parse('2000-01-01T00:00:00Z');
    await saveHousehold(db, { ...valid, notes: 'sau khi mất pin' }, { id: created.id, now: y2000 });
    const stamps = (await db.outbox.orderBy('seq').toArray()).map((e) => e.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect(await stampMs(db)).toEqual([T, T]);
    expect(estimateServerNow(y2000, (await readClock(db)).offset) - y2000).toBeGreaterThan(20 * 365 * DAY);
  });

  it('#9.13 a form on a tablet known to run two days fast is told its handout would be dated in the future', async () => {
    const db = fresh();
    const fast = T + 2 * DAY;
    expect(await futureDateOnDevice(db, 'distribution', { handedOutAt: fast }, fast)).toBeUndefined(); // nothing heard yet
    await recordServerTime(db, T, fast);
    expect(
      formatVi((await futureDateOnDevice(db, 'distribution', { handedOutAt: fast + 1_000 }, fast + 1_000))!),
    ).toMatch(/^Thời điểm phát ở tương lai/);
    // Set right: the clock went back, the old offset is dropped and today's handout is fine.
    expect(await futureDateOnDevice(db, 'distribution', { handedOutAt: T + 5_000 }, T + 5_000)).toBeUndefined();
  });
});
