/**
 * npm run bench:payroll — issue 13. A payroll month made from the server's records (sync-server/src/payroll/
 * from-records.ts) for one commune of 5,000 beneficiaries and for the whole province (96 communes, 150,000
 * beneficiaries), on SQLite and PostgreSQL, beside the baseline of a bare query of the same case rows (read and
 * parsed, nothing computed) in the same run. Targets: one commune ≤ 200 ms, the province ≤ 5 s.
 * The rows are written straight into the table (set-up, not measured): a household, a member, an approved case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from '../sync-server/src/db/database';
import { openDatabase } from '../sync-server/src/db/open';
import { prepareDatabase } from '../sync-server/src/server';
import { communePayroll } from '../sync-server/src/payroll/from-records';
import { startPostgres } from '../tests/support/postgres';
import { allowanceApplication } from '../tests/support/fixtures';

const COMMUNE_SIZE = 5_000;
const PROVINCE_COMMUNES = 96;
const PROVINCE_TOTAL = 150_000;
const MONTH = '2026-12';
const BIG = '21548';
const communes = [BIG, ...Array.from({ length: PROVINCE_COMMUNES - 1 }, (_, i) => String(30_000 + i))];

async function seed(db: Database) {
  let version = 0;
  let rows: unknown[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const n = rows.length / 6;
    await db.run(
      `INSERT INTO records (id, type, commune, version, parent_id, data, meta, deleted, created_at, updated_at, updated_by) VALUES ${Array.from({ length: n }, () => "(?, ?, ?, ?, ?, ?, '{\"f\":{}}', 0, 1, 1, 'bench')").join(', ')}`,
      rows,
    );
    rows = [];
  };
  const add = async (id: string, type: string, commune: string, parent: string | null, data: unknown) => {
    version += 1;
    rows.push(id, type, commune, version, parent, JSON.stringify(data));
    if (rows.length >= 6 * 300) await flush();
  };
  const perSmall = Math.floor((PROVINCE_TOTAL - COMMUNE_SIZE) / (PROVINCE_COMMUNES - 1));
  let n = 0;
  for (const commune of communes) {
    const size = commune === BIG ? COMMUNE_SIZE : perSmall;
    for (let i = 0; i < size; i++) {
      n += 1;
      const household = `h-${n}`;
      const member = `m-${n}`;
      const year = 1936 + (n % 30);
      await add(household, 'household', commune, null, { communeCode: commune, village: `Thôn ${n % 12}` });
      await add(member, 'member', commune, household, { householdId: household, communeCode: commune });
      const application = allowanceApplication({
        applicant: { ...allowanceApplication().applicant, fullName: `Người Số ${n}`, birthDate: `${year}-03-15` },
      });
      await add(`c-${n}`, 'case', commune, member, {
        kind: 'allowance',
        subjectId: member,
        communeCode: commune,
        note: '',
        data: application,
        status: 'approved',
        history: [],
        decision: {
          number: `${n}/QĐ-UBND`,
          signedOn: '2024-03-20',
          signer: 'Chủ tịch',
          categoryCode: 'elderly-poor-no-supporter-80-plus',
          coefficient: 2,
          amount: 720_000,
          startMonth: `${2022 + (n % 4)}-03`,
        },
      });
    }
  }
  await flush();
  return n;
}

async function bare(db: Database, commune: string) {
  const rows = await db.all<{ data: string | object }>("SELECT data FROM records WHERE commune = ? AND type = 'case'", [
    commune,
  ]);
  return rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data)).length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(name: string, db: Database) {
  const seeded = await seed(db);
  const one: number[] = [];
  const oneBare: number[] = [];
  let lines = 0;
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    lines = (await communePayroll(db, BIG, MONTH)).totals.lines;
    one.push(performance.now() - t);
    t = performance.now();
    await bare(db, BIG);
    oneBare.push(performance.now() - t);
  }
  let t = performance.now();
  let province = 0;
  for (const commune of communes) province += (await communePayroll(db, commune, MONTH)).totals.lines;
  const provinceMs = performance.now() - t;
  t = performance.now();
  for (const commune of communes) await bare(db, commune);
  const provinceBare = performance.now() - t;
  console.log(`\n## ${name}: ${seeded} beneficiaries in ${communes.length} communes`);
  console.log(
    `one commune (${lines} lines): median ${median(one).toFixed(0)} ms over 5 runs (target ≤ 200 ms); bare query of its cases: ${median(oneBare).toFixed(0)} ms`,
  );
  console.log(
    `the province (${province} lines): ${(provinceMs / 1000).toFixed(1)} s (target ≤ 5 s); bare query of every commune's cases: ${(provinceBare / 1000).toFixed(1)} s`,
  );
}

{
  const dir = mkdtempSync(join(tmpdir(), 'bench-payroll-'));
  const db = await openDatabase({ dataDir: dir, databaseUrl: undefined });
  await prepareDatabase(db, { seedDemo: false, now: 1 });
  await measure('SQLite', db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

const postgres = await startPostgres();
if (!postgres.ok) console.log(`\n## PostgreSQL: not measured (${postgres.reason})`);
else {
  const db = await openDatabase({ dataDir: '', databaseUrl: await postgres.server.createDatabase() });
  await prepareDatabase(db, { seedDemo: false, now: 1 });
  await measure('PostgreSQL 15', db);
  await db.close();
  await postgres.server.stop();
}
