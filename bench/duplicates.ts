/**
 * npm run bench:duplicates — issue 9.6. Three batches of 200 households with the same head in one village
 * (every one a look-alike of every other), beside the baseline of the same 600 households with distinct heads,
 * measured in the same run on SQLite and PostgreSQL: records stored, duplicate records, database size, the
 * download of a fresh device (JSON and gzip) and the time to push the batches and to pull the commune.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Database } from '../sync-server/src/db/database';
import { openDatabase } from '../sync-server/src/db/open';
import { prepareDatabase } from '../sync-server/src/server';
import { push } from '../sync-server/src/sync/push';
import { pull, serializeChanges } from '../sync-server/src/sync/pull';
import { startPostgres } from '../tests/support/postgres';
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
    const mutations = Array.from({ length: PER_BATCH }, (_, i) => createMutation(batch * PER_BATCH + i + 1, { headName: headName(batch * PER_BATCH + i), village: VILLAGE }));
    await push(db, device, mutations);
  }
  const pushMs = performance.now() - started;
  const pullStarted = performance.now();
  const page = await db.snapshot((tx) => pull(tx, [{ commune: LY_SON, cursor: 0 }], { rows: 10_000_000, bytes: 10_000_000_000 }));
  const body = serializeChanges(page.changes);
  const pullMs = performance.now() - pullStarted;
  const count = async (where: string) => Number((await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM records ${where}`))?.n ?? 0);
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
  for (const [name, f] of [['distinct heads (baseline)', baseline], ['same head (look-alikes)', namesakes]] as const) {
    console.log(`| ${name} | ${f.records} | ${f.duplicates} | ${kb(f.dbBytes)} | ${kb(f.downloadBytes)} / ${kb(f.downloadGzip)} | ${f.pushMs.toFixed(0)} ms | ${f.pullMs.toFixed(0)} ms |`);
  }
  console.log(`ratio same head / baseline: DB ×${(namesakes.dbBytes / baseline.dbBytes).toFixed(2)}, download ×${(namesakes.downloadBytes / baseline.downloadBytes).toFixed(2)}, push ×${(namesakes.pushMs / baseline.pushMs).toFixed(2)}`);
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

const postgres = await startPostgres();
if (!postgres.ok) {
  console.log(`\n## PostgreSQL: not measured (${postgres.reason})`);
} else {
  const open = async () => {
    const db = await openDatabase({ dataDir: '', databaseUrl: await postgres.server.createDatabase() });
    await prepareDatabase(db, { seedDemo: false, now: 1 });
    const size = async () => Number((await db.get<{ n: string }>('SELECT pg_database_size(current_database()) AS n'))?.n ?? 0);
    return { db, size };
  };
  const a = await open();
  const b = await open();
  report('PostgreSQL', await measure(a.db, a.size, distinct), await measure(b.db, b.size, same));
  await Promise.all([a.db.close(), b.db.close()]);
  await postgres.server.stop();
}
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
