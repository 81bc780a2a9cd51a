/**
 * Issue 9.6: possible duplicate registrations grouped into clusters, on SQLite and a real PostgreSQL. Look-alikes
 * make one open cluster per person or household, not a record per pair; a batch writes a cluster once; a new
 * record reads a bounded number of candidates; the download of a fresh device stays proportional to the records.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { backfillNameKeys } from '../../sync-server/src/store/person-keys';
import { clusterLegacyPairs } from '../../sync-server/src/sync/apply/duplicates';
import { writeRecord } from '../../sync-server/src/sync/write-record';
import { pruneTombstones } from '../../sync-server/src/store/sync-log';
import { push } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { encodeChanges } from '../../src/shared/wire';
import { expandVersions, type WireChange } from '../../src/shared/protocol';
import { freshDatabases, storageEngines } from '../support/engines';
import { LY_SON, createMutation, memberFields, mutation, patchMutation, pushContext } from '../support/fixtures';

const engines = await storageEngines('duplicate clusters');
const LIMITS = { rows: 1_000_000, bytes: 1_000_000_000 };
const VILLAGE = 'Thôn Đông An Vĩnh';

for (const engine of engines) {
  describe.skipIf(!engine.available)(`duplicate clusters [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    /** What a fresh device downloads: the whole commune through the wire format. */
    const download = async (db: Database) =>
      encodeChanges((await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS)).changes);
    const changes = async (db: Database) => expandVersions(JSON.parse(await download(db)) as WireChange[]);
    const clusters = async (db: Database) => (await changes(db)).filter((c) => c.type === 'duplicate');
    const openClusters = async (db: Database) => (await clusters(db)).filter((c) => c.data?.status === 'open');
    const storedBytes = async (db: Database) =>
      Number(
        (await db.get<{ bytes: number | string }>('SELECT SUM(LENGTH(data) + LENGTH(meta)) AS bytes FROM records'))
          ?.bytes ?? 0,
      );
    const duplicateRecords = async (db: Database) =>
      Number(
        (await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM records WHERE type = 'duplicate'"))?.n ?? 0,
      );
    const officer = () => pushContext({ role: 'commune_officer', userId: 'officer' });
    const household = (seq: number, headName: string, extra: Record<string, unknown> = {}, id = randomUUID()) =>
      createMutation(seq, { headName, village: VILLAGE, ...extra }, id);
    const batchOf = (from: number, count: number, headName: (i: number) => string) =>
      Array.from({ length: count }, (_, i) => household(from + i, headName(from + i)));

    it('#9.6 three batches of 200 households with the same head in one village make one cluster, with stored bytes and a fresh download linear in the records', async () => {
      const db = await fresh();
      const device = pushContext();
      for (let batch = 0; batch < 3; batch++) {
        await push(
          db,
          device,
          batchOf(batch * 200 + 1, 200, () => 'Nguyễn Văn Đức'),
        );
        // Checked after each batch: on the pairwise design the first batch alone made 19,900 records.
        expect(await duplicateRecords(db)).toBeLessThanOrEqual(3);
      }
      const found = await openClusters(db);
      expect(found).toHaveLength(1);
      expect(new Set(found[0]?.data?.recordIds as string[]).size).toBe(600);

      // The baseline: the same 600 households with distinct heads, in a database of their own.
      const baseline = await fresh();
      const other = pushContext();
      for (let batch = 0; batch < 3; batch++)
        await push(
          baseline,
          other,
          batchOf(batch * 200 + 1, 200, (i) => `Chủ Hộ Số ${String(i).padStart(3, '0')} ${String(i).padStart(3, '0')}`),
        );
      expect(await duplicateRecords(baseline)).toBe(0);
      expect((await changes(baseline)).filter((c) => c.type === 'household')).toHaveLength(600);
      expect(await storedBytes(db)).toBeLessThan(1.5 * (await storedBytes(baseline)));
      expect(Buffer.byteLength(await download(db))).toBeLessThan(1.5 * Buffer.byteLength(await download(baseline)));
    }, 120_000);

    it('#9.6 a cluster touched by every record of a batch is written once, when the batch ends', async () => {
      const db = await fresh();
      await push(
        db,
        pushContext(),
        batchOf(1, 200, () => 'Lê Văn Sẵn'),
      );
      // 200 households and one cluster: 201 versions of the commune, not one per look-alike found.
      expect(
        (await db.get<{ version: number | string }>('SELECT version FROM commune_versions WHERE commune = ?', [LY_SON]))
          ?.version,
      ).toSatisfy((v) => Number(v) === 201);
      const [cluster] = await openClusters(db);
      expect(cluster?.data).toMatchObject({ recordType: 'household', reason: 'head-name-village', status: 'open' });
      expect(cluster?.data?.recordIds).toHaveLength(200);
    });

    it('#9.6 a new registration reads a bounded number of candidates, however many namesakes the village has', async () => {
      const db = await fresh();
      await push(
        db,
        pushContext(),
        batchOf(1, 400, () => 'Phạm Văn Khó'),
      );
      let rowsRead = 0;
      const counting = (tx: SqlExecutor): SqlExecutor => ({
        ...tx,
        all: async <T>(sql: string, params?: readonly unknown[]) => {
          const rows = await tx.all<T>(sql, params);
          rowsRead += rows.length;
          return rows;
        },
        get: (sql, params) => tx.get(sql, params),
        run: (sql, params) => tx.run(sql, params),
        lock: (key) => tx.lock(key),
        lockAll: (keys) => tx.lockAll(keys),
      });
      const spied: Database = Object.assign(Object.create(db) as Database, {
        transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) => db.transaction((tx) => fn(counting(tx))),
      });
      const outcome = await push(spied, pushContext(), [household(1, 'Pham Van Kho')]);
      expect(outcome.results[0]?.status).toBe('applied');
      // Two lookups of at most 50 each and a few rows of bookkeeping — not the village's 400 households.
      expect(rowsRead).toBeLessThanOrEqual(120);
      expect(await openClusters(db)).toHaveLength(1);
    });

    it('#9.6 a record that resembles members of two clusters merges them; the other is closed as merged and cannot be decided', async () => {
      const db = await fresh();
      const [a, b, c, d, e] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await push(db, pushContext(), [household(1, 'Nguyễn Văn An', { headCitizenId: '051080001111' }, a)]);
      await push(db, pushContext(), [household(1, 'Nguyen Van An', {}, b)]);
      await push(db, pushContext(), [household(1, 'Trần Văn Bình', { headCitizenId: '051080002222' }, c)]);
      await push(db, pushContext(), [household(1, 'Tran Van Binh', {}, d)]);
      expect(await openClusters(db)).toHaveLength(2);
      // The same head's name as A, and the CCCD of C: one person seen by both clusters.
      await push(db, pushContext(), [household(1, 'Nguyễn Văn Ân', { headCitizenId: '051080002222' }, e)]);
      const all = await clusters(db);
      const survivors = all.filter((x) => x.data?.status === 'open');
      expect(survivors).toHaveLength(1);
      const survivor = survivors[0]!;
      expect(new Set(survivor.data?.recordIds as string[])).toEqual(new Set([a, b, c, d, e]));
      expect(survivor.data?.reasons).toMatchObject({
        [e]: 'citizen-id',
        [c]: 'citizen-id',
        [a]: 'head-name-village',
        [b]: 'head-name-village',
      });
      const merged = all.filter((x) => x.data?.status === 'merged');
      expect(merged).toHaveLength(1);
      expect(merged[0]?.data).toMatchObject({ mergedInto: survivor.id, recordIds: [] });
      const refused = await push(db, officer(), [
        mutation(1, { kind: 'resolve', id: merged[0]!.id, value: 'dismissed' }),
      ]);
      expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('gộp') });
    });

    it('#9.6 the officer decides a whole cluster; a dismissed cluster is not re-opened by its records, and a new look-alike opens a new cluster with the ones it matches', async () => {
      const db = await fresh();
      const home = randomUUID();
      await push(db, pushContext(), [createMutation(1, { village: VILLAGE }, home)]);
      const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
      const device = pushContext();
      await push(db, device, [
        patchMutation(1, first, memberFields(home, { fullName: 'Trần Thị Mỹ', birthDate: '1990-02-03' }), 0, 'member'),
        patchMutation(2, second, memberFields(home, { fullName: 'Tran Thi My', birthDate: '1990' }), 0, 'member'),
      ]);
      const [cluster] = await openClusters(db);
      expect(cluster?.data).toMatchObject({
        recordType: 'member',
        recordIds: [second, first],
        reason: 'name-birth-year-village',
      });
      expect(
        (await push(db, officer(), [mutation(1, { kind: 'resolve', id: cluster!.id, value: 'dismissed' })])).results[0]
          ?.status,
      ).toBe('applied');
      expect((await getRecord(db, cluster!.id))?.data).toMatchObject({
        status: 'dismissed',
        decision: { by: 'officer' },
        recordIds: [second, first],
      });

      // The same two records edited again (a typo fixed, the name typed again): nothing re-opens.
      const base = (await getRecord(db, second))!.version;
      await push(db, device, [patchMutation(3, second, { fullName: 'Trần Thị Mỹ' }, base, 'member')]);
      expect(await openClusters(db)).toHaveLength(0);
      expect(
        (await push(db, officer(), [mutation(1, { kind: 'resolve', id: cluster!.id, value: 'confirmed' })])).results[0],
      ).toMatchObject({ status: 'rejected' });

      // A third registration of her: a new question, with the new record first and both she resembles.
      await push(db, device, [
        patchMutation(4, third, memberFields(home, { fullName: 'Trần Thị Mỹ', birthDate: '1990-07-01' }), 0, 'member'),
      ]);
      const reopened = await openClusters(db);
      expect(reopened).toHaveLength(1);
      expect(reopened[0]?.id).not.toBe(cluster!.id);
      expect(reopened[0]?.data?.recordIds).toEqual([third, ...(reopened[0]!.data!.recordIds as string[]).slice(1)]);
      expect(new Set(reopened[0]?.data?.recordIds as string[])).toEqual(new Set([first, second, third]));
      expect((await getRecord(db, cluster!.id))?.data).toMatchObject({
        status: 'dismissed',
        recordIds: [second, first],
      });
    });

    it('#9.6 a decision on a cluster that grew since the officer saw it is refused, and the cluster stays open for a second look', async () => {
      const db = await fresh();
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await push(db, pushContext(), [household(1, 'Ngô Thị Hằng', {}, a), household(2, 'Ngo Thi Hang', {}, b)]);
      const [cluster] = await openClusters(db);
      const seen = cluster?.data?.recordIds as string[];
      // While the officer looks at A and B, a third registration of her joins the cluster.
      await push(db, pushContext(), [household(1, 'Ngô Thị Hằng', {}, c)]);
      const refused = await push(db, officer(), [
        mutation(1, { kind: 'resolve', id: cluster!.id, value: { decision: 'dismissed', recordIds: seen } }),
      ]);
      expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('thêm hồ sơ') });
      expect((await getRecord(db, cluster!.id))?.data).toMatchObject({ status: 'open', recordIds: [b, a, c] });
      const decided = await push(db, officer(), [
        mutation(1, { kind: 'resolve', id: cluster!.id, value: { decision: 'confirmed', recordIds: [a, b, c] } }),
      ]);
      expect(decided.results[0]?.status).toBe('applied');
      expect((await getRecord(db, cluster!.id))?.data).toMatchObject({
        status: 'confirmed',
        decision: { by: 'officer' },
      });
    });

    it('#9.6 households registered before migration 6 are found as look-alikes after it (their name keys are backfilled)', async () => {
      const db = await fresh();
      const before = randomUUID();
      await push(db, pushContext(), [household(1, 'Huỳnh Văn Tám', {}, before)]);
      // As a database migrated from version 3 has it: person keys, but no name keys. (A typo: the same name would
      // bring its own keys.)
      await db.run('DELETE FROM person_name_keys');
      await db.transaction((tx) => backfillNameKeys(tx));
      const after = randomUUID();
      await push(db, pushContext(), [household(1, 'Huynh Van Tamm', {}, after)]);
      expect((await openClusters(db)).map((c) => c.data?.recordIds)).toEqual([[after, before]]);
    });

    it('#9.6 open pairs stored before clusters become one cluster per group at migration 6 and are removed; new look-alikes join the cluster', async () => {
      const db = await fresh();
      const [a, b, c, d, e, f, g] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      await push(db, pushContext(), [
        household(1, 'Mai Văn Một', {}, a),
        household(2, 'Mai Van Mot', {}, b),
        household(3, 'Mai Văn Mộtt', {}, c),
        household(4, 'Lý Thị Hai', {}, d),
        household(5, 'Ly Thi Hai', {}, e),
        household(6, 'Cao Văn Ba', {}, f),
        household(7, 'Cao Van Ba', {}, g),
      ]);
      // The database as the pairwise design left it: pairs, and no cluster membership.
      await db.run("DELETE FROM records WHERE type = 'duplicate'");
      await db.run('UPDATE person_keys SET open_cluster = NULL');
      const legacy = (recordIds: [string, string], status = 'open') => ({
        communeCode: LY_SON,
        recordType: 'household',
        recordIds,
        reason: 'head-name-village',
        status,
      });
      const pairs = [legacy([b, a]), legacy([c, b]), legacy([c, a]), legacy([e, d]), legacy([g, f], 'dismissed')];
      await db.transaction(async (tx) => {
        for (const data of pairs)
          await writeRecord(
            tx,
            pushContext(),
            {
              id: randomUUID(),
              type: 'duplicate',
              commune: LY_SON,
              parentId: null,
              data,
              meta: { f: {} },
              deleted: false,
              createdAt: 1,
            },
            { before: undefined },
          );
        await clusterLegacyPairs(tx, 2);
      });
      const all = await clusters(db);
      const groups = all.filter((x) => x.data?.status === 'open').map((x) => new Set(x.data?.recordIds as string[]));
      expect(groups).toEqual([new Set([a, b, c]), new Set([d, e])]);
      // The open pairs are removed; devices holding them get a removal each (these few age like any other).
      expect(all.filter((x) => x.removed)).toHaveLength(4);
      expect(await duplicateRecords(db)).toBe(3);
      expect(all.filter((x) => x.data?.status === 'dismissed').map((x) => x.data?.recordIds)).toEqual([[g, f]]);
      const late = randomUUID();
      await push(db, pushContext(), [household(1, 'Mai Văn Một', {}, late)]);
      const grown = (await openClusters(db)).find((x) => (x.data!.recordIds as string[]).includes(a));
      expect(new Set(grown?.data?.recordIds as string[])).toEqual(new Set([a, b, c, late]));
      expect(await openClusters(db)).toHaveLength(2);
    });

    it('#9.6 where the stored pairs outnumber the records, migration 6 lets them be forgotten: a fresh device downloads no removal per pair', async () => {
      const db = await fresh();
      const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await push(
        db,
        pushContext(),
        ids.map((id, i) => household(i + 1, 'Tô Văn Bốn', {}, id)),
      );
      await db.run("DELETE FROM records WHERE type = 'duplicate'");
      await db.run('UPDATE person_keys SET open_cluster = NULL');
      await db.transaction(async (tx) => {
        for (let i = 1; i < ids.length; i++) {
          for (let j = 0; j < i; j++) {
            const data = {
              communeCode: LY_SON,
              recordType: 'household',
              recordIds: [ids[i], ids[j]],
              reason: 'head-name-village',
              status: 'open',
            };
            await writeRecord(
              tx,
              pushContext(),
              {
                id: randomUUID(),
                type: 'duplicate',
                commune: LY_SON,
                parentId: null,
                data,
                meta: { f: {} },
                deleted: false,
                createdAt: 1,
              },
              { before: undefined },
            );
          }
        }
        await clusterLegacyPairs(tx, Date.now());
      });
      // What the server does at start, right after migrating.
      await db.transaction((tx) => pruneTombstones(tx, Date.now() - 180 * 86_400_000));
      const downloaded = await changes(db);
      expect(downloaded.filter((c) => c.removed)).toEqual([]);
      expect(
        downloaded.filter((c) => c.type === 'duplicate').map((c) => new Set(c.data?.recordIds as string[])),
      ).toEqual([new Set(ids)]);
      // A device that held the pairs is behind the forgotten history: it re-downloads the commune once.
      expect((await pull(db, [{ commune: LY_SON, cursor: 5, epoch: 0 }], LIMITS)).resets).toEqual([LY_SON]);
    });

    it('#9.6 two devices registering namesakes at the same moment end in one cluster with all of them', async () => {
      const db = await fresh();
      for (const name of ['Đinh Văn Hùng', 'Hồ Thị Lan', 'Võ Minh Tuấn', 'Bùi Quang Hải', 'Đỗ Thị Hoa']) {
        const existing = randomUUID();
        await push(db, pushContext(), [household(1, name, {}, existing)]);
        const [x, y] = [randomUUID(), randomUUID()];
        await Promise.all([
          push(db, pushContext(), [household(1, name, {}, x)]),
          push(db, pushContext(), [household(1, name, {}, y)]),
        ]);
        const mine = (await openClusters(db)).filter((c) => (c.data!.recordIds as string[]).includes(existing));
        expect(mine).toHaveLength(1);
        expect(new Set(mine[0]?.data?.recordIds as string[])).toEqual(new Set([existing, x, y]));
      }
    });
  });
}
