/**
 * A device clock far ahead (issue 9, item 13): the server bounds stamps and dates by its own clock, on SQLite and
 * PostgreSQL, and tells the device its time in every sync answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRecord, putRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type SyncResponse } from '../../src/shared/protocol';
import { freshDatabases, storageEngines } from '../support/engines';
import { testServer } from '../support/server';
import {
  LY_SON,
  createMutation,
  distributionData,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('clock bounds');
const DAY = 24 * 3_600_000;
const now = pushContext().now;
/** The Vietnamese calendar day `ms` falls on, as YYYY-MM-DD. */
const vnDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

for (const engine of engines) {
  describe.skipIf(!engine.available)(`clock bounds [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#9.13 a handout dated two days in the future is refused naming handedOutAt; the rest of its batch applies', async () => {
      const db = await fresh();
      const household = randomUUID();
      const [future, today] = [randomUUID(), randomUUID()];
      const outcome = await push(db, pushContext(), [
        createMutation(1, {}, household),
        mutation(2, {
          kind: 'event',
          type: 'distribution',
          id: future,
          data: distributionData(household, { handedOutAt: now + 2 * DAY }),
        }),
        mutation(3, {
          kind: 'event',
          type: 'distribution',
          id: today,
          data: distributionData(household, { handedOutAt: now + 30 * 60_000, roundId: 'khac' }),
        }),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(outcome.results[1]).toMatchObject({
        reason: expect.stringMatching(/^Thời điểm phát ở tương lai.*chỉnh lại ngày giờ/),
      });
      expect(await getRecord(db, future)).toBeUndefined();
      expect(await getRecord(db, today)).toBeDefined();
    });

    it('#9.13 an emergency, a damage assessment, a relief round and a survey dated in the future are refused naming the field', async () => {
      const db = await fresh();
      const household = randomUUID();
      const emergency = randomUUID();
      const tomorrowPlus = vnDay(now + 2 * DAY);
      await push(db, pushContext(), [createMutation(1, {}, household)]);
      const patch = (seq: number, type: string, id: string, fields: Record<string, unknown>) =>
        mutation(seq, {
          kind: 'patch',
          type: type as 'household',
          id,
          fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v, 0]])),
        });
      const emergencyFields = { communeCode: LY_SON, type: 'storm', villages: ['Thôn Đông'], description: 'Bão số 5' };
      const damageFields = {
        communeCode: LY_SON,
        emergencyId: emergency,
        householdId: household,
        headName: 'Nguyễn Văn Đức',
        village: 'Thôn Đông',
        followUp: false,
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
      };
      const roundFields = {
        communeCode: LY_SON,
        name: 'Đợt 1',
        items: [{ item: 'rice', itemName: 'Gạo', unit: 'kg', available: 100, source: 'budget' }],
        plannedHouseholdIds: [],
      };
      const survey = (reviewDate: string) => ({
        communeCode: LY_SON,
        kind: 'survey',
        subjectId: household,
        note: '',
        data: { answers: { period: 'regular', reviewDate, incomeMode: 'per-capita', incomePerCapita: 1 } },
      });
      // A commune officer may write every one of these kinds (src/shared/permissions.ts).
      const outcome = await push(db, pushContext({ role: 'commune_officer' }), [
        patch(1, 'emergency', randomUUID(), { ...emergencyFields, date: tomorrowPlus }),
        patch(2, 'emergency', emergency, { ...emergencyFields, date: vnDay(now) }),
        patch(3, 'damage', randomUUID(), { ...damageFields, assessedOn: tomorrowPlus }),
        patch(4, 'relief_round', randomUUID(), { ...roundFields, date: tomorrowPlus }),
        patch(5, 'case', randomUUID(), survey(tomorrowPlus)),
        patch(6, 'damage', randomUUID(), { ...damageFields, assessedOn: vnDay(now) }),
      ]);
      expect(
        outcome.results.map((r) =>
          r.status === 'rejected' ? r.reason.slice(0, r.reason.indexOf(' ở tương lai')) : r.status,
        ),
      ).toEqual([
        'Ngày xảy ra',
        'applied',
        'Ngày đánh giá thiệt hại',
        'Ngày của đợt cứu trợ',
        'Ngày rà soát',
        'applied',
      ]);
    });

    it('#9.13 a stamp two days ahead of the server clock is replaced by the server time, marked .clamped', async () => {
      const db = await fresh();
      const id = randomUUID();
      const ahead = `${now + 2 * DAY}-0007-abcd1234`;
      const near = `${now + 60_000}-0001-abcd1234`;
      await push(db, pushContext(), [
        { ...createMutation(1, {}, id), stamp: ahead },
        { ...patchMutation(2, id, { notes: 'gần đúng giờ' }, 0), stamp: near },
      ]);
      const meta = (await getRecord(db, id))!.meta.f;
      expect(meta.address?.[3]).toBe(`${now}-0007-abcd1234.clamped`);
      expect(meta.notes?.[3]).toBe(near);
    });

    it("#9.13 stamps re-stamped in one batch stay distinct and in the device's order", async () => {
      const db = await fresh();
      const [a, b] = [randomUUID(), randomUUID()];
      const first = `${now + 2 * DAY}-0000-abcd1234`;
      const second = `${now + 2 * DAY + 60_000}-0000-abcd1234`;
      await push(db, pushContext(), [
        { ...createMutation(1, {}, a), stamp: first },
        { ...createMutation(2, {}, b), stamp: second },
      ]);
      const [kept1, kept2] = [
        (await getRecord(db, a))!.meta.f.address?.[3],
        (await getRecord(db, b))!.meta.f.address?.[3],
      ];
      expect(kept1).toBe(`${now}-0000-abcd1234.clamped`);
      expect(kept2).toBe(`${now}-0001-abcd1234.clamped`);
    });
    it('#11 a member born in the future, on 31/02 or before 1900 is refused by the server too, saying which', async () => {
      const db = await fresh();
      const household = randomUUID();
      const member = (seq: number, birthDate: string) =>
        patchMutation(seq, randomUUID(), { ...memberFields(household), birthDate }, 0, 'member');
      const outcome = await push(db, pushContext(), [
        createMutation(1, {}, household),
        member(2, String(new Date(now).getUTCFullYear() + 5)),
        member(3, '2020-02-31'),
        member(4, '1899'),
        member(5, '1980-04-03'),
      ]);
      expect(outcome.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
        'applied',
        expect.stringMatching(/^Ngày sinh ở tương lai: \d{4}\. Kiểm tra lại năm\.$/),
        expect.stringMatching(/birthDate: Ngày này không có trên lịch/),
        expect.stringMatching(/birthDate: Năm phải từ 1900 trở đi/),
        'applied',
      ]);
    });

    it('#11 a member stored born before 1900 (before that rule) is edited as it is; a year before 1900 typed is refused', async () => {
      const db = await fresh();
      const [household, member] = [randomUUID(), randomUUID()];
      const device = pushContext();
      await push(db, device, [
        createMutation(1, {}, household),
        patchMutation(2, member, memberFields(household), 0, 'member'),
      ]);
      // As a server before the rule accepted it.
      const stored = (await getRecord(db, member))!;
      await db.transaction((tx) =>
        putRecord(tx, { ...stored, data: { ...stored.data, birthDate: '1850' } }, now, 'old-server'),
      );
      const version = stored.version;
      const outcome = await push(db, device, [
        patchMutation(3, member, { status: 'deceased' }, version, 'member'),
        patchMutation(4, member, { birthDate: '1851' }, version, 'member'),
        patchMutation(5, member, { birthDate: '1950' }, version, 'member'),
      ]);
      expect(outcome.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
        'applied',
        expect.stringMatching(/birthDate: Năm phải từ 1900 trở đi/),
        'applied',
      ]);
      expect((await getRecord(db, member))?.data).toMatchObject({ status: 'deceased', birthDate: '1950' });
    });
  });
}

describe('#9.13 the sync answer carries the server time', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server.db.close());

  it('#9.13 every sync answer says the server clock, so the device can tell how far off its own is', async () => {
    const token = await server.login('ctv.lyson');
    server.advanceClock(2 * 3_600_000); // the server's clock, not the test's, is what the answer tells
    const response = await server.post(
      '/api/sync',
      { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId: randomUUID(), mutations: [], pull: [] },
      token,
    );
    const body = (await response.json()) as SyncResponse;
    expect(body.serverTime).toBeGreaterThan(Date.now() + 3_600_000);
    expect(body.serverTime).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
  });
});
