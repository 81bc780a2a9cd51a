/**
 * npm run bench:duplicates — issue 9.6. Three batches of 200 households with the same head in one village
 * (every one a look-alike of every other), beside the baseline of the same 600 households with distinct heads,
 * measured in the same run on SQLite and PostgreSQL: records stored, duplicate records, database size, the
 * download of a fresh device (JSON and gzip) and the time to push the batches and to pull the commune. Then, on
 * SQLite, migration 6 on a database the pairwise design left behind (the same 600 households and their 179,700
 * pairs): its time, and the fresh download before and after.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Database } from '../sync-server/src/db/database';
import { openDatabase } from '../sync-server/src/db/open';
import { prepareDatabase } from '../sync-server/src/server';
import { push } from '../sync-server/src/sync/push';
import { pull } from '../sync-server/src/sync/pull';
import { encodeChanges } from '../src/shared/wire';
import { startPostgres } from '../tests/support/postgres';
import { clusterLegacyPairs } from '../sync-server/src/sync/apply/duplicates';
import { pruneTombstones } from '../sync-server/src/store/sync-log';
import { LY_SON, createMutation, pushContext } from '../tests/support/fixtures';

const BATCHES = 3;
const PER_BATCH = 200;
const VILLAGE = 'Thôn Đông An Vĩnh';

interface Figures {
  records: number;
  duplicates: number;
  dbBytes: number;
  downloadBytes: number;
  downloadGzip: number;
  pushMs: number;
  pullMs: number;
}

async function measure(db: Database, size: () => Promise<number>, headName: (i: number) => string): Promise<Figures> {
  const empty = await size();
  const device = pushContext();
  const started = performance.now();
  for (let batch = 0; batch < BATCHES; batch++) {
    const mutations = Array.from({ length: PER_BATCH }, (_, i) =>
      createMutation(batch * PER_BATCH + i + 1, { headName: headName(batch * PER_BATCH + i), village: VILLAGE }),
    );
    await push(db, device, mutations);
  }
  const pushMs = performance.now() - started;
  const pullStarted = performance.now();
  const page = await db.snapshot((tx) =>
    pull(tx, [{ commune: LY_SON, cursor: 0 }], { rows: 10_000_000, bytes: 10_000_000_000 }),
  );
  const body = encodeChanges(page.changes);
  const pullMs = performance.now() - pullStarted;
  const count = async (where: string) =>
    Number((await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM records ${where}`))?.n ?? 0);
  return {
    records: await count(''),
    duplicates: await count("WHERE type = 'duplicate'"),
    dbBytes: (await size()) - empty,
    downloadBytes: Buffer.byteLength(body),
    downloadGzip: gzipSync(body, { level: 6 }).byteLength,
    pushMs,
    pullMs,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function report(engine: string, baseline: Figures, namesakes: Figures) {
  console.log(`\n## ${engine}: ${BATCHES} batches of ${PER_BATCH} households in one village`);
  console.log('| case | records | duplicate records | DB growth | fresh download (JSON / gzip) | push | pull |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, f] of [
    ['distinct heads (baseline)', baseline],
    ['same head (look-alikes)', namesakes],
  ] as const) {
    console.log(
      `| ${name} | ${f.records} | ${f.duplicates} | ${kb(f.dbBytes)} | ${kb(f.downloadBytes)} / ${kb(f.downloadGzip)} | ${f.pushMs.toFixed(0)} ms | ${f.pullMs.toFixed(0)} ms |`,
    );
  }
  console.log(
    `ratio same head / baseline: DB ×${(namesakes.dbBytes / baseline.dbBytes).toFixed(2)}, download ×${(namesakes.downloadBytes / baseline.downloadBytes).toFixed(2)}, push ×${(namesakes.pushMs / baseline.pushMs).toFixed(2)}`,
  );
}

const distinct = (i: number) => `Chủ Hộ Số ${String(i).padStart(3, '0')} ${String(i).padStart(3, '0')}`;
const same = () => 'Nguyễn Văn Đức';

const dirs: string[] = [];
async function sqlite(): Promise<{ db: Database; size: () => Promise<number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dups-'));
  dirs.push(dir);
  const db = await openDatabase({ dataDir: dir, databaseUrl: undefined });
  await prepareDatabase(db, { seedDemo: false, now: 1 });
  // The main file after a checkpoint: what the data takes on disk.
  const size = async () => {
    await db.get('PRAGMA wal_checkpoint(TRUNCATE)');
    return statSync(join(dir, 'an-sinh.sqlite')).size;
  };
  return { db, size };
}

{
  const a = await sqlite();
  const b = await sqlite();
  report('SQLite', await measure(a.db, a.size, distinct), await measure(b.db, b.size, same));
  await Promise.all([a.db.close(), b.db.close()]);
}

{
  // The pairwise design's leftovers: one pair per two look-alikes, written straight into the table (setup).
  const { db, size } = await sqlite();
  await measure(db, size, same);
  await db.run("DELETE FROM records WHERE type = 'duplicate'");
  await db.run('UPDATE person_keys SET open_cluster = NULL');
  const ids = (await db.all<{ id: string }>("SELECT id FROM records WHERE type = 'household' ORDER BY version")).map(
    (r) => r.id,
  );
  let version = Number(
    (await db.get<{ v: number }>('SELECT version AS v FROM commune_versions WHERE commune = ?', [LY_SON]))?.v ?? 0,
  );
  let rows: unknown[] = [];
  const flushRows = async () => {
    if (rows.length === 0) return;
    const count = rows.length / 8;
    await db.run(
      `INSERT INTO records (id, type, commune, version, parent_id, data, meta, deleted, created_at, updated_at, updated_by) VALUES ${Array.from({ length: count }, () => "(?, 'duplicate', ?, ?, ?, ?, ?, 0, ?, ?, 'bench')").join(', ')}`,
      rows,
    );
    rows = [];
  };
  for (let i = 1; i < ids.length; i++) {
    for (let j = 0; j < i; j++) {
      version += 1;
      const data = {
        communeCode: LY_SON,
        recordType: 'household',
        recordIds: [ids[i], ids[j]],
        reason: 'head-name-village',
        status: 'open',
      };
      rows.push(crypto.randomUUID(), LY_SON, version, ids[i], JSON.stringify(data), '{"f":{}}', 1, 1);
      if (rows.length >= 8 * 500) await flushRows();
    }
  }
  await flushRows();
  await db.run('UPDATE commune_versions SET version = ? WHERE commune = ?', [version, LY_SON]);
  const downloadNow = async () =>
    Buffer.byteLength(
      encodeChanges(
        (await pull(db, [{ commune: LY_SON, cursor: 0 }], { rows: 10_000_000, bytes: 10_000_000_000 })).changes,
      ),
    );
  const before = await downloadNow();
  const started = performance.now();
  await db.transaction((tx) => clusterLegacyPairs(tx, Date.now()));
  const took = performance.now() - started;
  // What the server does at start after migrating: the pairs' removals, dated 0 here, are forgotten.
  await db.transaction((tx) => pruneTombstones(tx, Date.now() - 180 * 86_400_000));
  const open = Number(
    (
      await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM records WHERE type = \'duplicate\' AND data LIKE \'%"status":"open"%\'',
      )
    )?.n ?? 0,
  );
  console.log(
    `\n## SQLite: migration 6 on the pairwise leftovers (${ids.length} households, ${(ids.length * (ids.length - 1)) / 2} pairs)`,
  );
  console.log(
    `grouping: ${took.toFixed(0)} ms; open duplicate records after: ${open}; fresh download ${kb(before)} before, ${kb(await downloadNow())} after (pairs removed; their removals forgotten at the pruning, so devices that held them re-download the commune once)`,
  );
  await db.close();
}

const postgres = await startPostgres();
if (!postgres.ok) {
  console.log(`\n## PostgreSQL: not measured (${postgres.reason})`);
} else {
  const open = async () => {
    const db = await openDatabase({ dataDir: '', databaseUrl: await postgres.server.createDatabase() });
    await prepareDatabase(db, { seedDemo: false, now: 1 });
    const size = async () =>
      Number((await db.get<{ n: string }>('SELECT pg_database_size(current_database()) AS n'))?.n ?? 0);
    return { db, size };
  };
  const a = await open();
  const b = await open();
  report('PostgreSQL', await measure(a.db, a.size, distinct), await measure(b.db, b.size, same));
  await Promise.all([a.db.close(), b.db.close()]);
  await postgres.server.stop();
}
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
