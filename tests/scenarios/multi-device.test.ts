/**
 * The scenarios of docs/sync.md "What the tests show", each a named test, with several devices (real Dexie on
 * fake-indexeddb, the real engine) against the real server in-process — on SQLite and on PostgreSQL — over a
 * network the test breaks on purpose. [G1]…[G6] are the guarantees of docs/sync.md.
 */
import 'fake-indexeddb/auto';
import { formatVi } from '../../src/shared/messages-vi';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { TransientStorageError } from '../../sync-server/src/db/database';
import { pruneTombstones } from '../../sync-server/src/store/sync-log';
import { saveHousehold } from '../../src/db/households';
import { APPLY_MEASURE } from '../../src/sync/engine';
import { queueCommand, recordDistribution, resolveConflict, savePatch, voidDistribution } from '../../src/db/outbox';
import { storageEngines } from '../support/engines';
import { createWorld, type Device } from '../support/world';
import { BA_TO, LY_SON, distributionData, householdFields, memberFields, surveyCaseFields } from '../support/fixtures';

const engines = await storageEngines('multi-device scenarios');

function stripLocal(record: Record<string, unknown> | undefined): Record<string, unknown> {
  const {
    id: _id,
    version: _version,
    deleted: _deleted,
    terms: _terms,
    sortName: _sortName,
    memberIndex: _memberIndex,
    ...data
  } = record ?? {};
  return data;
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`multi-device scenarios [${engine.name}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    async function world(options: Parameters<typeof createWorld>[1] = {}) {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      const w = await createWorld(db, options);
      const device = async (username: string, dbName?: string) => {
        const d = await w.device(username, dbName);
        cleanup.push(async () => d.close());
        return d;
      };
      return { ...w, db, device };
    }

    let villages = 0;
    /** A household in a village of its own unless told, so that no two look like one registered twice. */
    async function newHousehold(device: Device, overrides: Parameters<typeof householdFields>[0] = {}) {
      villages += 1;
      const saved = await saveHousehold(
        device.db,
        householdFields({ village: `Thôn Riêng ${villages}`, ...overrides }),
        { now: 1 },
      );
      if (!saved.ok) throw new Error('not saved');
      return saved.id;
    }

    const serverCount = async (db: Database, name: string) =>
      Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM records WHERE data LIKE ?', [`%${name}%`]))?.n);

    describe('[G1] exactly once', () => {
      it('the server commits a push but the answer is lost: the retry applies nothing twice; the outbox ends empty', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Lê Thị Mất Sóng' });
        a.fault('drop-answer');
        expect((await a.sync()).kind).toBe('retry');
        expect(await a.db.outbox.count()).toBe(1);
        expect(await a.sync()).toMatchObject({ kind: 'done' });
        expect(await a.db.outbox.count()).toBe(0);
        expect(await serverCount(w.db, 'Lê Thị Mất Sóng')).toBe(1);
      });

      it('the connection drops after the server applied k of n mutations: the retry applies the rest only', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        for (let i = 1; i <= 5; i++) await newHousehold(a, { headName: `Hộ Số ${i}` });
        a.fault('drop-request'); // the first attempt never arrives
        expect((await a.sync({ batchSize: 2 })).kind).toBe('retry');
        a.fault('drop-answer'); // the retry's first batch is applied, its answer lost…
        expect((await a.sync({ batchSize: 2 })).kind).toBe('retry');
        expect(await a.db.outbox.count()).toBe(5);
        expect(await a.sync({ batchSize: 2 })).toMatchObject({ kind: 'done', pushed: 5 });
        for (let i = 1; i <= 5; i++) expect(await serverCount(w.db, `Hộ Số ${i}`)).toBe(1);
      });

      it('a duplicated request, and a late copy arriving after the retry, apply nothing twice', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Hộ Gửi Hai Lần' });
        a.fault('duplicate');
        expect(await a.sync()).toMatchObject({ kind: 'done' });
        await newHousehold(a, { headName: 'Hộ Đến Muộn' });
        a.fault('hold');
        expect((await a.sync()).kind).toBe('retry');
        expect(await a.sync()).toMatchObject({ kind: 'done' });
        const late = await a.releaseHeld();
        expect(late).toMatchObject({ kind: 'ok' });
        expect(await serverCount(w.db, 'Hộ Gửi Hai Lần')).toBe(1);
        expect(await serverCount(w.db, 'Hộ Đến Muộn')).toBe(1);
      });

      it('a push that starts beyond last_seq + 1 is answered gap and nothing is applied', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Hộ Bị Mất' });
        await newHousehold(a, { headName: 'Hộ Sau Khoảng Trống' });
        await a.db.outbox.delete(1); // a damaged device lost its first change
        expect((await a.sync()).kind).toBe('gap');
        expect(await serverCount(w.db, 'Hộ Sau Khoảng Trống')).toBe(0);
        expect(await a.db.outbox.count()).toBe(1);
      });

      it('the database fails mid-batch: a retryable error, nothing half-applied, the client retries in order', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        for (const name of ['Một', 'Hai', 'Ba']) await newHousehold(a, { headName: `Hộ ${name}` });
        let writes = 0;
        w.useDatabase({
          ...w.db,
          transaction: (fn) =>
            w.db.transaction((tx) =>
              fn({
                ...tx,
                run: async (sql, params) =>
                  sql.startsWith('INSERT INTO records') && ++writes === 2
                    ? Promise.reject(new TransientStorageError('disk'))
                    : tx.run(sql, params),
              }),
            ),
        });
        expect(await a.sync()).toMatchObject({ kind: 'retry' });
        expect(await serverCount(w.db, 'Hộ Một')).toBe(0);
        w.useDatabase(w.db);
        expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 3 });
        const order = await w.db.all<{ name: string }>(
          "SELECT data AS name FROM records WHERE type = 'household' AND data LIKE '%Hộ %' ORDER BY version",
        );
        expect(order.map((r) => JSON.parse(r.name).headName)).toEqual(['Hộ Một', 'Hộ Hai', 'Hộ Ba']);
      });

      it('a wiped local database gets a new clientId; its seq 1 is not mistaken for an old one', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Trước Khi Xóa Máy' });
        await a.sync();
        await a.db.delete();
        const wiped = await w.device('ctv.lyson', a.dbName);
        await newHousehold(wiped, { headName: 'Sau Khi Xóa Máy' });
        expect(await wiped.sync()).toMatchObject({ kind: 'done', pushed: 1 });
        expect(await serverCount(w.db, 'Sau Khi Xóa Máy')).toBe(1);
        expect(await wiped.db.households.count()).toBeGreaterThanOrEqual(2);
      });

      it('the tab is killed right after a save: the edit and its outbox entry are there on restart and get pushed', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Hộ Trước Khi Tắt' });
        a.close();
        const restarted = await w.device('ctv.lyson', a.dbName);
        expect(await restarted.db.outbox.count()).toBe(1);
        expect(await restarted.sync()).toMatchObject({ kind: 'done', pushed: 1 });
        expect(await serverCount(w.db, 'Hộ Trước Khi Tắt')).toBe(1);
      });
    });

    describe('[G2] refusals are answered', () => {
      it('a mutation that fails validation is rejected with a reason; the rest of the batch still applies', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const bad = await newHousehold(a, { headName: 'Hộ Sai Xã', communeCode: BA_TO });
        await newHousehold(a, { headName: 'Hộ Đúng Xã' });
        expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 2 });
        expect(await a.db.rejections.toArray()).toEqual([
          expect.objectContaining({ recordId: bad, reason: expect.stringContaining(BA_TO) }),
        ]);
        expect(await serverCount(w.db, 'Hộ Đúng Xã')).toBe(1);
        expect(await a.db.outbox.count()).toBe(0);
      });

      it('an edit to a record deleted on the server is rejected with a reason, never dropped silently', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const officer = await w.device('canbo.lyson');
        const id = await newHousehold(a);
        await a.sync();
        await officer.sync();
        await saveHousehold(a.db, householdFields({ notes: 'sửa khi đã bị xóa' }), { id, now: 2 });
        const { deleteRecord } = await import('../../src/db/outbox');
        await deleteRecord(officer.db, 'household', id, 2);
        await officer.sync();
        await a.sync();
        expect((await a.db.rejections.toArray())[0]?.reason).toContain('xóa');
        expect((await a.db.households.get(id))?.deleted).toBe(true);
      });

      it('an expired token after weeks offline: 401, sign in again, the outbox is kept and then pushed', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Võ Văn Hết Hạn' });
        w.advance(45 * 24 * 3600 * 1000);
        expect((await a.sync()).kind).toBe('unauthorized');
        expect(await a.db.outbox.count()).toBe(1);
        await a.relogin();
        expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 1 });
      });
    });

    describe('[G3] merging', () => {
      async function shared() {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const b = await w.device('ctv2.lyson');
        const id = await newHousehold(a);
        await a.sync();
        await b.sync();
        return { w, a, b, id };
      }

      it('two devices edit different fields offline: both values everywhere, no conflict', async () => {
        const { a, b, id } = await shared();
        await saveHousehold(a.db, householdFields({ phone: '0912345678' }), { id, now: 2 });
        await saveHousehold(b.db, householdFields({ notes: 'Mái nhà dột' }), { id, now: 2 });
        await a.sync();
        await b.sync();
        await a.sync();
        for (const d of [a, b]) {
          expect(await d.db.households.get(id)).toMatchObject({ phone: '0912345678', notes: 'Mái nhà dột' });
          expect(await d.db.conflicts.count()).toBe(0);
        }
      });

      it('two devices edit the same field to different values: one conflict record with both, all devices converge', async () => {
        const { w, a, b, id } = await shared();
        const officer = await w.device('canbo.lyson');
        await saveHousehold(a.db, householdFields({ address: 'Tổ 5' }), { id, now: 2 });
        await saveHousehold(b.db, householdFields({ address: 'Tổ 7' }), { id, now: 2 });
        await a.sync();
        await b.sync();
        await a.sync();
        await officer.sync();
        for (const d of [a, b, officer]) {
          expect((await d.db.households.get(id))?.address).toBe('Tổ 5');
          const conflicts = await d.db.conflicts.toArray();
          expect(conflicts).toHaveLength(1);
          expect((conflicts[0]!.candidates as { value: string }[]).map((c) => c.value)).toEqual(['Tổ 5', 'Tổ 7']);
        }
        const conflict = (await officer.db.conflicts.toArray())[0];
        if (!conflict) throw new Error('no conflict');
        await resolveConflict(officer.db, conflict.id, 'Tổ 7', 3);
        await officer.sync();
        await a.sync();
        await b.sync();
        for (const d of [a, b, officer]) {
          expect((await d.db.households.get(id))?.address).toBe('Tổ 7');
          expect((await d.db.conflicts.get(conflict.id))?.status).toBe('resolved');
        }
      });

      it('two devices set the same field to the same value: no conflict', async () => {
        const { a, b, id } = await shared();
        await saveHousehold(a.db, householdFields({ address: 'Tổ 9' }), { id, now: 2 });
        await saveHousehold(b.db, householdFields({ address: 'Tổ 9' }), { id, now: 2 });
        await a.sync();
        await b.sync();
        expect(await b.db.conflicts.count()).toBe(0);
      });

      it('a pull brings a server value for a field with an unpushed local edit: the local edit stays visible', async () => {
        const { a, b, id } = await shared();
        await saveHousehold(b.db, householdFields({ address: 'từ máy B', notes: 'B ghi chú' }), { id, now: 2 });
        await b.sync();
        // The user of A types a new note while A's sync is on its way back with B's values, then the signal goes.
        a.fault(async () => {
          await saveHousehold(a.db, householdFields({ notes: 'A đang sửa' }), { id, now: 3 });
        }, 'drop-request');
        expect((await a.sync()).kind).toBe('retry');
        expect(await a.db.households.get(id)).toMatchObject({ address: 'từ máy B', notes: 'A đang sửa' });
        expect(await a.db.outbox.count()).toBe(1);
        // A's note was based on the version before B's note: the server keeps B's and records the conflict…
        expect(await a.sync()).toMatchObject({ kind: 'done' });
        expect(await a.db.conflicts.count()).toBe(1);
        // …and A, which had laid its own note over the record, now shows the committed one like every device.
        await b.sync();
        for (const d of [a, b]) expect((await d.db.households.get(id))?.notes).toBe('B ghi chú');
      });
    });

    describe('[G4] relief', () => {
      it('two offline devices give the same item to the same household in the same round: both stored, the pair flagged, one voided', async () => {
        const w = await world();
        const head = await w.device('thon.lyson');
        const collaborator = await w.device('ctv.lyson');
        const officer = await w.device('canbo.lyson');
        const household = await newHousehold(head);
        await head.sync();
        await collaborator.sync();
        const first = randomUUID();
        const second = randomUUID();
        await recordDistribution(head.db, first, distributionData(household), 2);
        await recordDistribution(collaborator.db, second, distributionData(household, { recipientName: 'Con gái' }), 3);
        await head.sync();
        await collaborator.sync();
        await officer.sync();
        const flagged = (await officer.db.distributions.toArray()).filter((d) => d.duplicateSuspected);
        expect(flagged.map((d) => d.id).sort()).toEqual([first, second].sort());
        await voidDistribution(officer.db, second, 'Hộ đã nhận ở điểm phát của trưởng thôn', LY_SON, 4);
        await officer.sync();
        await head.sync();
        expect((await head.db.distributions.get(second))?.voided).toMatchObject({
          reason: 'Hộ đã nhận ở điểm phát của trưởng thôn',
        });
        expect(await head.db.distributions.count()).toBe(2);
      });
    });

    describe('[G5] scope', () => {
      it('a user asks for a commune outside their assignment: refused, nothing leaks', async () => {
        const w = await world();
        const bato = await w.device('ctv.bato');
        await newHousehold(bato, { headName: 'Hộ Ba Tơ Bí Mật', communeCode: BA_TO });
        await bato.sync();
        const a = await w.device('ctv.lyson');
        a.communes.push(BA_TO); // a tampered device claims Ba Tơ
        await a.sync();
        expect(await a.db.households.where('communeCode').equals(BA_TO).count()).toBe(0);
        expect(await a.db.cursors.get(BA_TO)).toBeUndefined();
        expect(a.communes).toEqual([LY_SON]);
      });

      it('a household moves commune: devices of the old commune drop it, devices of the new one get it', async () => {
        const w = await world();
        await w.setCommunes('canbo.lyson', [LY_SON, BA_TO]);
        const officer = await w.device('canbo.lyson');
        const lyson = await w.device('ctv.lyson');
        const bato = await w.device('ctv.bato');
        const id = await newHousehold(lyson, { headName: 'Hộ Chuyển Đi' });
        await savePatch(lyson.db, 'member', randomUUID(), { ...memberFields(id, { fullName: 'Con Hộ Chuyển' }) }, 1);
        await lyson.sync();
        await bato.sync();
        await officer.sync();
        expect(await bato.db.households.get(id)).toBeUndefined();
        await saveHousehold(officer.db, householdFields({ headName: 'Hộ Chuyển Đi', communeCode: BA_TO }), {
          id,
          now: 2,
        });
        await officer.sync();
        await lyson.sync();
        await bato.sync();
        expect(await lyson.db.households.get(id)).toBeUndefined();
        expect(await lyson.db.members.where('householdId').equals(id).count()).toBe(0);
        expect((await bato.db.households.get(id))?.communeCode).toBe(BA_TO);
        expect(await bato.db.members.where('householdId').equals(id).count()).toBe(1);
        // The officer holds both communes: the removal from Lý Sơn must not drop the copy that arrived in Ba Tơ,
        // whichever of the two the page lists first.
        await officer.sync();
        expect((await officer.db.households.get(id))?.communeCode).toBe(BA_TO);
        expect(await officer.db.members.where('householdId').equals(id).count()).toBe(1);
      });

      it('losing access to a commune: pending changes for it are answered before its local data is purged', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const id = await newHousehold(a);
        await a.sync();
        await saveHousehold(a.db, householdFields({ notes: 'sửa trước khi mất quyền' }), { id, now: 2 });
        await w.setCommunes('ctv.lyson', [BA_TO]);
        expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 1 });
        expect((await a.db.rejections.toArray())[0]).toMatchObject({
          recordId: id,
          reason: expect.stringContaining('không được giao'),
        });
        expect(await a.db.households.where('communeCode').equals(LY_SON).count()).toBe(0);
        expect(await a.db.cursors.get(LY_SON)).toBeUndefined();
        expect(await a.db.households.where('communeCode').equals(BA_TO).count()).toBe(0);
      });

      it('gaining a commune: the device downloads it in the same sync', async () => {
        const w = await world();
        const bato = await w.device('ctv.bato');
        await newHousehold(bato, { headName: 'Hộ Ba Tơ', communeCode: BA_TO });
        await bato.sync();
        const a = await w.device('ctv.lyson');
        await a.sync();
        await w.setCommunes('ctv.lyson', [LY_SON, BA_TO]);
        await a.sync();
        expect(await a.db.households.where('communeCode').equals(BA_TO).count()).toBe(1);
      });
    });

    describe('[G6] pulling', () => {
      it('a pull interrupted after page k resumes without gaps or duplicates', async () => {
        const w = await world({ pullLimits: { rows: 3, bytes: 1_000_000 } });
        const a = await w.device('ctv.lyson');
        for (let i = 1; i <= 10; i++) await newHousehold(a, { headName: `Hộ Cắt ${i}` });
        await a.sync();
        const b = await w.device('ctv2.lyson');
        const applied = () => performance.getEntriesByName(APPLY_MEASURE).length;
        const appliedBefore = applied();
        let answered = 0;
        b.fault(
          async () => void answered++,
          async () => void answered++,
          'drop-answer',
        );
        expect((await b.sync()).kind).toBe('retry');
        expect(answered).toBe(2);
        expect(await b.db.households.count()).toBe(6);
        expect(await b.sync()).toMatchObject({ kind: 'done' });
        expect(await b.db.households.where('communeCode').equals(LY_SON).count()).toBe(10);
        // Pages of 3: two landed, the third was lost on the way, then the third and fourth — four in all, none twice.
        expect(applied() - appliedBefore).toBe(4);
      });

      it('the app crashes while applying a response: rows, cursor and outbox deletions all land or none do', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Hộ Lúc Sập' });
        let crash = true;
        a.db.cursors.hook('creating', () => {
          if (crash) throw new Error('tab killed');
        });
        await expect(a.sync()).rejects.toThrow('tab killed');
        expect(await a.db.outbox.count()).toBe(1);
        expect(await a.db.cursors.count()).toBe(0);
        expect((await a.db.households.toArray()).every((h) => h.version === 0)).toBe(true);
        crash = false;
        expect(await a.sync()).toMatchObject({ kind: 'done' });
        expect(await a.db.outbox.count()).toBe(0);
        expect(await serverCount(w.db, 'Hộ Lúc Sập')).toBe(1);
      });

      it('a cursor older than the kept history gets a reset: the device drops the commune and downloads it again', async () => {
        const w = await world();
        await w.setCommunes('canbo.lyson', [LY_SON, BA_TO]);
        const officer = await w.device('canbo.lyson');
        const a = await w.device('ctv.lyson');
        const stays = await newHousehold(a, { headName: 'Hộ Ở Lại' });
        const leaves = await newHousehold(a, { headName: 'Hộ Rời Đi' });
        await a.sync();
        await officer.sync();
        await saveHousehold(officer.db, householdFields({ headName: 'Hộ Rời Đi', communeCode: BA_TO }), {
          id: leaves,
          now: 2,
        });
        await officer.sync();
        w.advance(200 * 24 * 3600 * 1000);
        await pruneTombstones(w.db, 1_760_000_000_000 + 100 * 24 * 3600 * 1000);
        await a.relogin();
        expect(await a.sync()).toMatchObject({ kind: 'done' });
        expect(await a.db.households.get(leaves)).toBeUndefined();
        expect(await a.db.households.get(stays)).toBeDefined();
      });
    });

    describe('workflow through devices', () => {
      it('a collaborator submits a survey offline; the officer approves it; both devices see the status', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const officer = await w.device('canbo.lyson');
        const household = await newHousehold(a);
        const caseId = randomUUID();
        await savePatch(a.db, 'case', caseId, surveyCaseFields(household), 2);
        await queueCommand(a.db, caseId, 'submit', undefined, 3);
        await a.sync();
        await officer.sync();
        expect((await officer.db.cases.get(caseId))?.status).toBe('submitted');
        await queueCommand(officer.db, caseId, 'approve', undefined, 4);
        await officer.sync();
        await a.sync();
        expect((await a.db.cases.get(caseId))?.status).toBe('approved');
      });
    });

    describe('officer decisions and user changes on a device', () => {
      it("a decision the server refuses puts the conflict back on the officer's desk", async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const b = await w.device('ctv2.lyson');
        const officer = await w.device('canbo.lyson');
        const id = await newHousehold(a);
        await a.sync();
        await b.sync();
        await saveHousehold(
          a.db,
          householdFields({ village: (await a.db.households.get(id))!.village as string, phone: '0912000001' }),
          { id, now: 2 },
        );
        await saveHousehold(
          b.db,
          householdFields({ village: (await b.db.households.get(id))!.village as string, phone: '0912000002' }),
          { id, now: 2 },
        );
        await a.sync();
        await b.sync();
        await officer.sync();
        const conflict = (await officer.db.conflicts.toArray())[0]!;
        await resolveConflict(officer.db, conflict.id, 'không phải số', 3);
        expect((await officer.db.conflicts.get(conflict.id))?.status).toBe('resolved');
        await officer.sync();
        expect((await officer.db.rejections.toArray())[0]?.reason).toContain('phone');
        expect((await officer.db.conflicts.get(conflict.id))?.status).toBe('open');
      });

      it('another user signing in on the device finds nothing of the previous one, and gets a new sync identity', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        const id = await newHousehold(a);
        await savePatch(a.db, 'member', randomUUID(), { ...memberFields(id, { fullName: 'Người Bí Mật' }) }, 1);
        await a.sync();
        const { getClientId } = await import('../../src/db/client-id');
        const { clearUserData } = await import('../../src/db/device-reset');
        const before = await getClientId(a.db);
        await clearUserData(a.db);
        for (const table of [
          a.db.households,
          a.db.members,
          a.db.cases,
          a.db.conflicts,
          a.db.duplicates,
          a.db.drafts,
          a.db.cursors,
        ])
          expect(await table.count()).toBe(0);
        expect(await getClientId(a.db)).not.toBe(before);
      });
    });

    describe('device storage failures', () => {
      it('a full disk (QuotaExceededError, also wrapped in AbortError) stops the sync, keeps everything, and says so', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Hộ Khi Đầy Bộ Nhớ' });
        for (const error of [
          new DOMException('full', 'QuotaExceededError'),
          Object.assign(new DOMException('Quota exceeded', 'AbortError')),
        ]) {
          let fail = true;
          const hook = () => {
            if (fail) {
              fail = false;
              throw error;
            }
          };
          a.db.cursors.hook('creating', hook);
          const outcome = await a.sync();
          a.db.cursors.hook('creating').unsubscribe(hook);
          expect(outcome).toMatchObject({ kind: 'quota' });
          expect(formatVi((outcome as { message: string }).message)).toContain('Bộ nhớ của máy đã đầy');
          expect(await a.db.outbox.count()).toBe(1);
        }
        expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 1 });
      });

      it('WebKit losing its IndexedDB connection: the database is reopened and the step retried', async () => {
        const w = await world();
        const a = await w.device('ctv.lyson');
        await newHousehold(a, { headName: 'Hộ Khi Mất Kết Nối' });
        let fail = true;
        a.db.cursors.hook('creating', () => {
          if (fail) {
            fail = false;
            throw new Error('Connection to Indexed Database server lost. Refresh the page to try again');
          }
        });
        expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 1 });
        expect(await a.db.outbox.count()).toBe(0);
      });
    });

    describe('convergence', () => {
      it('three devices making random edits over a flaky network end with the same data as the server (seeded)', async () => {
        const w = await world();
        const devices = [await w.device('ctv.lyson'), await w.device('ctv2.lyson'), await w.device('canbo.lyson')];
        const ids = [];
        for (let i = 0; i < 4; i++) ids.push(await newHousehold(devices[0]!, { headName: `Hộ Hội Tụ ${i}` }));
        for (const d of devices) await d.sync();
        let seed = 20261127;
        const random = () => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return seed / 2 ** 31;
        };
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
        const faults = ['drop-request', 'drop-answer', 'duplicate'] as const;
        for (let step = 0; step < 60; step++) {
          const d = pick(devices);
          const id = pick(ids);
          const current = await d.db.households.get(id);
          const field = pick(['address', 'notes', 'village'] as const);
          await saveHousehold(
            d.db,
            { ...householdFields(), ...stripLocal(current), [field]: `${field}-${step}` },
            { id, now: step },
          );
          if (random() < 0.3) d.fault(pick(faults));
          if (random() < 0.5) await d.sync();
        }
        for (let round = 0; round < 3; round++) for (const d of devices) await d.sync();
        const server = await w.db.all<{ id: string; data: string }>(
          "SELECT id, data FROM records WHERE type = 'household' ORDER BY id",
        );
        for (const d of devices) {
          expect(await d.db.outbox.count()).toBe(0);
          for (const row of server) {
            const local = stripLocal(await d.db.households.get(row.id));
            expect(local).toEqual(JSON.parse(row.data));
          }
        }
      });
    });
  });
}
