/**
 * Issue 10: the read side. The per-commune counts (sync-server/src/projections/commune-counts.ts) are kept by the
 * server's one write path in each write's transaction; after a scenario of several devices — households, members,
 * look-alike registrations, same-field conflicts, surveys approved, a household moving commune with what belongs to
 * it, deletes, an officer's decisions — they are the figures worked out by hand here, and a rebuild from the
 * records (what `npm run projections:rebuild` runs) gives exactly the same rows. On SQLite and on PostgreSQL.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { migrate } from '../../sync-server/src/db/migrations';
import { rebuildAll } from '../../sync-server/src/projections';
import { communeCounts, countsOfCommunes, type CommuneCounts } from '../../sync-server/src/projections/commune-counts';
import { push } from '../../sync-server/src/sync/push';
import { saveHousehold } from '../../src/db/households';
import { decideDuplicate, deleteRecord, queueCommand, resolveConflict, savePatch } from '../../src/db/outbox';
import type { HouseholdFields } from '../../src/shared/records/household';
import { locationOf, storageEngines } from '../support/engines';
import { createWorld, type Device } from '../support/world';
import {
  BA_TO,
  LY_SON,
  householdFields,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyAnswers,
  surveyCaseFields,
} from '../support/fixtures';

const engines = await storageEngines('projections');

/** Answers the rules engine classifies as poor: no income, and the housing, water, sanitation and information indicators all deprived. */
const POOR = surveyAnswers({
  householdIncome: 0,
  nonDurableStructures: 3,
  waterSource: 'surface-water',
  latrine: 'none',
  usesTelecom: false,
  hasInformationDevice: false,
});
/** Answers with an income far above every line: not poor, not near-poor. */
const WELL_OFF = surveyAnswers({ householdIncome: 90_000_000 });

function counts(
  partial: Partial<Omit<CommuneCounts, 'approvedClassifications'>> & {
    approved?: Partial<CommuneCounts['approvedClassifications']>;
  },
): CommuneCounts {
  const { approved = {}, ...rest } = partial;
  return {
    households: 0,
    members: 0,
    openConflicts: 0,
    openDuplicates: 0,
    ...rest,
    approvedClassifications: {
      poor: 0,
      'near-poor': 0,
      'average-living-standard': 0,
      none: 0,
      undetermined: 0,
      ...approved,
    },
  };
}

async function countsNow(db: Database) {
  const all = await countsOfCommunes(db, [LY_SON, BA_TO]);
  return { [LY_SON]: all.get(LY_SON), [BA_TO]: all.get(BA_TO) };
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`read side: counts per commune [${engine.name}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    async function world() {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      const w = await createWorld(db);
      const device = async (username: string) => {
        const d = await w.device(username);
        cleanup.push(async () => d.close());
        return d;
      };
      return { ...w, db, device };
    }

    let clock = 10;
    const tick = () => ++clock;
    const fields = new Map<string, HouseholdFields>();
    async function household(device: Device, overrides: Partial<HouseholdFields>, id?: string) {
      const next = householdFields({ ...(id ? fields.get(id) : {}), ...overrides });
      const saved = await saveHousehold(device.db, next, { ...(id ? { id } : {}), now: tick() });
      if (!saved.ok) throw new Error(`not saved: ${JSON.stringify(saved)}`);
      fields.set(saved.id, next);
      return saved.id;
    }
    async function member(
      device: Device,
      householdId: string,
      fullName: string,
      birthDate: string,
      communeCode = LY_SON,
    ) {
      const id = randomUUID();
      await savePatch(device.db, 'member', id, memberFields(householdId, { fullName, birthDate, communeCode }), tick());
      return id;
    }
    async function survey(device: Device, householdId: string, answers: Record<string, unknown>) {
      const id = randomUUID();
      await savePatch(device.db, 'case', id, surveyCaseFields(householdId, { answers }), tick());
      await queueCommand(device.db, id, 'submit', undefined, tick());
      return id;
    }
    async function syncAll(...devices: Device[]) {
      for (const d of devices) expect(await d.sync(), 'sync').toMatchObject({ kind: 'done' });
    }

    it('after a multi-device scenario the counts are the expected figures, and a rebuild from the records gives the same rows', async () => {
      const w = await world();
      await w.setCommunes('canbo.lyson', [LY_SON, BA_TO]);
      const a = await w.device('ctv.lyson');
      const b = await w.device('ctv2.lyson');
      const officer = await w.device('canbo.lyson');
      const bato = await w.device('ctv.bato');

      // Lý Sơn: four households; H3 will move to Ba Tơ with its member, its approved survey and its open conflict.
      const h1 = await household(a, { headName: 'Nguyễn Văn An', village: 'Thôn Đông' });
      const h2 = await household(a, { headName: 'Trần Thị Bình', village: 'Thôn Tây' });
      const h3 = await household(a, { headName: 'Lê Văn Cường', village: 'Thôn Bắc' });
      const h4 = await household(a, { headName: 'Đỗ Thị Xuyến', village: 'Thôn Nam' });
      await member(a, h1, 'Nguyễn Thị Hạnh', '1990-01-02');
      await member(a, h1, 'Nguyễn Văn Khôi', '2012-03-04');
      await member(a, h3, 'Lê Thị Mơ', '1985-05-06');
      await member(a, h4, 'Đỗ Văn Phúc', '1970-07-08');
      const m5 = await member(a, h2, 'Trần Văn Quý', '2001-09-10');
      const s1 = await survey(a, h1, POOR);
      const s2 = await survey(a, h2, WELL_OFF); // submitted, never approved: not counted
      const s3 = await survey(a, h3, POOR);
      await syncAll(a, b, officer);

      // B registers H1 and H2 again (offline, unaware): two open clusters of possible duplicates.
      await household(b, { headName: 'Nguyễn Văn An', village: 'Thôn Đông' });
      const h2again = await household(b, { headName: 'Trần Thị Bình', village: 'Thôn Tây' });
      // Same-field edits from the same version: conflicts on H1, H2 and H3.
      for (const [id, field] of [
        [h1, 'notes'],
        [h2, 'address'],
        [h3, 'address'],
      ] as const) {
        await household(a, { [field]: 'giá trị của A' }, id);
        await household(b, { [field]: 'giá trị "B" \\ khác' }, id);
        // A's value is the one the server keeps (A pushes first): what the next saves start from.
        fields.set(id, { ...fields.get(id)!, [field]: 'giá trị của A' });
      }
      await syncAll(a, b, officer);

      // The officer approves S1 and S3, resolves H1's conflict, dismisses H2's cluster, deletes H4 and H2's member M5.
      await queueCommand(officer.db, s1, 'approve', undefined, tick());
      await queueCommand(officer.db, s3, 'approve', undefined, tick());
      const conflictOfH1 = (await officer.db.conflicts.toArray()).find((c) => c.recordId === h1);
      await resolveConflict(officer.db, conflictOfH1!.id, 'giá trị của A', tick());
      const clusterOfH2 = (await officer.db.duplicates.toArray()).find((d) =>
        (d.recordIds as string[]).includes(h2again),
      );
      await decideDuplicate(officer.db, clusterOfH2!.id, 'dismissed', tick());
      await deleteRecord(officer.db, 'household', h4, tick());
      await deleteRecord(officer.db, 'member', m5, tick());
      await syncAll(officer);
      // Then moves H3 to Ba Tơ: its member, survey and conflict go with it.
      await household(officer, { communeCode: BA_TO }, h3);
      await syncAll(officer);

      // Ba Tơ's own household and member.
      const h5 = await household(bato, { headName: 'Đinh Văn Rớ', village: 'Làng Mới', communeCode: BA_TO });
      await member(bato, h5, 'Đinh Thị Nga', '1995-11-12', BA_TO);
      await syncAll(a, b, officer, bato);

      const expected = {
        // H1, H2 and B's two look-alikes; H3 left, H4 is deleted. Members: H1's two and H4's (its household is
        // deleted, not the member); M5 deleted, H3's moved. S1 approved poor; S2 only submitted. H2's conflict open
        // (H1's resolved, H3's moved); H1's cluster open (H2's dismissed).
        [LY_SON]: counts({ households: 4, members: 3, approved: { poor: 1 }, openConflicts: 1, openDuplicates: 1 }),
        // H3 with its member, its approved survey and its open conflict; H5 and its member.
        [BA_TO]: counts({ households: 2, members: 2, approved: { poor: 1 }, openConflicts: 1 }),
      };
      expect(await countsNow(w.db)).toEqual(expected);
      // The survey S2 is there, only not approved: what keeps it out is its status.
      expect((await officer.db.cases.get(s2))?.status).toBe('submitted');

      const [rebuilt] = await rebuildAll(w.db);
      expect(rebuilt?.name).toBe('commune-counts');
      expect(rebuilt?.live.length).toBeGreaterThan(0);
      expect(rebuilt?.rebuilt).toEqual(rebuilt?.live);
      expect(await countsNow(w.db)).toEqual(expected);
    });

    it("a household moving commune and back takes its members' and approved survey's counts each way; a delete takes them off", async () => {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      const officer = pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });
      let seq = 0;
      const send = async (...ops: { op: unknown }[]) => {
        const outcome = await push(
          db,
          officer,
          ops.map((m) => ({ ...m, seq: ++seq })),
        );
        expect(
          outcome.results.map((r) => r.status),
          JSON.stringify(outcome.results),
        ).toEqual(ops.map(() => 'applied'));
      };
      const h = randomUUID();
      const m = randomUUID();
      const s = randomUUID();
      await send(
        patchMutation(0, h, householdFields({ village: 'Thôn Đi Về' })),
        patchMutation(0, m, memberFields(h, { fullName: 'Võ Thị Đi', birthDate: '1999-01-01' }), 0, 'member'),
        patchMutation(0, s, surveyCaseFields(h, { answers: POOR }), 0, 'case'),
      );
      for (const command of ['submit', 'approve'] as const)
        await send(mutation(0, { kind: 'command', id: s, command }));
      const here = counts({ households: 1, members: 1, approved: { poor: 1 } });
      expect(await countsNow(db)).toEqual({ [LY_SON]: here, [BA_TO]: counts({}) });
      await send(patchMutation(0, h, { communeCode: BA_TO }, 10));
      expect(await countsNow(db)).toEqual({ [LY_SON]: counts({}), [BA_TO]: here });
      await send(patchMutation(0, h, { communeCode: LY_SON }, 10));
      expect(await countsNow(db)).toEqual({ [LY_SON]: here, [BA_TO]: counts({}) });
      await send(
        mutation(0, { kind: 'delete', type: 'household', id: h }),
        mutation(0, { kind: 'delete', type: 'case', id: s }),
      );
      expect(await countsNow(db)).toEqual({ [LY_SON]: counts({ members: 1 }), [BA_TO]: counts({}) });
      const [rebuilt] = await rebuildAll(db);
      expect(rebuilt?.rebuilt).toEqual(rebuilt?.live);
    });

    it('a live view that drifted from the records is found by the check and put right by the rebuild', async () => {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      let seq = 0;
      const context = pushContext();
      for (const village of ['Thôn Một', 'Thôn Hai'])
        await push(db, context, [{ ...patchMutation(0, randomUUID(), householdFields({ village })), seq: ++seq }]);
      const right = await communeCounts.rows(db);
      expect(right).toEqual([{ commune: LY_SON, metric: 'households', n: 2 }]);
      // A write that went around the write path (here by hand).
      await db.run("UPDATE commune_counts SET n = 5 WHERE metric = 'households'");
      await db.run("INSERT INTO commune_counts (commune, metric, n) VALUES ('21484', 'members', 3)");
      const [checked] = await rebuildAll(db, { keep: false });
      expect(checked?.rebuilt).toEqual(right);
      expect(checked?.live).not.toEqual(checked?.rebuilt);
      expect(await communeCounts.rows(db), 'a check changes nothing').toEqual(checked?.live);
      await rebuildAll(db);
      expect(await communeCounts.rows(db)).toEqual(right);
    });

    it('npm run projections:rebuild: --check finds the drift and changes nothing (exit 1), then the rebuild puts it right', async () => {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      await push(db, pushContext(), [
        { ...patchMutation(0, randomUUID(), householdFields({ village: 'Thôn Lệnh' })), seq: 1 },
      ]);
      await db.run("UPDATE commune_counts SET n = 7 WHERE metric = 'households'");
      const location = locationOf(db)!;
      const env = { ...process.env, DATA_DIR: location.dataDir ?? '', DATABASE_URL: location.databaseUrl ?? '' };
      const run = (...args: string[]) =>
        spawnSync('npx', ['tsx', 'sync-server/src/projections-rebuild.ts', ...args], { env, encoding: 'utf8' });
      const check = run('--check');
      expect(check.stdout).toContain(`commune-counts: 1 rows from the records (${engine.name}); 2 rows differed`);
      expect(check.status).toBe(1);
      expect(await communeCounts.rows(db)).toEqual([{ commune: LY_SON, metric: 'households', n: 7 }]);
      const rebuild = run();
      expect(rebuild.status, rebuild.stderr).toBe(0);
      expect(await communeCounts.rows(db)).toEqual([{ commune: LY_SON, metric: 'households', n: 1 }]);
      expect(run('--check')).toMatchObject({
        status: 0,
        stdout: expect.stringContaining('the live view was the same'),
      });
    });

    it('migration 8 fills the counts of the records written before it', async () => {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      let seq = 0;
      const context = pushContext({ role: 'commune_officer' });
      const h = randomUUID();
      await push(db, context, [
        { ...patchMutation(0, h, householdFields({ village: 'Thôn Cũ' })), seq: ++seq },
        {
          ...patchMutation(
            0,
            randomUUID(),
            memberFields(h, { fullName: 'Phan Văn Cũ', birthDate: '1960-02-02' }),
            0,
            'member',
          ),
          seq: ++seq,
        },
      ]);
      // The database as it was before migration 8.
      await db.exec('DROP TABLE commune_counts; DROP TABLE sync_client_communes');
      await db.run('DELETE FROM schema_migrations WHERE version = 8');
      expect(await migrate(db)).toEqual([8]);
      expect(await countsNow(db)).toEqual({ [LY_SON]: counts({ households: 1, members: 1 }), [BA_TO]: counts({}) });
    });
  });
}
