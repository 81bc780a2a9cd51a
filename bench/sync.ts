/**
 * npm run bench:sync — prints the sync layer's figures (issue 4). Ratios are against baselines run in the same
 * process. Needs PostgreSQL binaries for the PostgreSQL rows (skipped with a note when missing).
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../sync-server/src/db/database';
import { openDatabase } from '../sync-server/src/db/open';
import { prepareDatabase } from '../sync-server/src/server';
import { createApp } from '../sync-server/src/http/app';
import { openDb } from '../src/db/database';
import { saveHousehold } from '../src/db/households';
import { recordDistribution } from '../src/db/outbox';
import { syncOnce } from '../src/sync/engine';
import { encodeBody, fetchTransport, type Transport } from '../src/sync/transport';
import { MAX_MUTATIONS_PER_PUSH, PROTOCOL_VERSION, SCHEMA_VERSION } from '../src/shared/protocol';
import { startPostgres } from '../tests/support/postgres';
import { distributionData, householdFields } from '../tests/support/fixtures';
import {
  COMMUNE,
  benchUser,
  loadClient,
  login,
  perSecond,
  preloadHouseholds,
  seconds,
  serveOnLoopback,
} from './support';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const INGEST = Number(process.env.BENCH_INGEST ?? 40_000);

async function wireBytes() {
  console.log('\n## Bytes on the wire');
  const device = openDb(`bench-${randomUUID()}`);
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const saved = await saveHousehold(device, householdFields({ headName: `Nguyễn Văn Hộ ${i}` }), { now: 1 });
    if (saved.ok) ids.push(saved.id);
  }
  await device.outbox.clear();
  await device.households.toCollection().modify({ version: 7 });
  const fields = ['address', 'notes', 'village', 'phone', 'headName'] as const;
  for (let edit = 0; edit < 50; edit++) {
    const id = ids[edit % ids.length]!;
    const current = (await device.households.get(id))!;
    const field = fields[Math.floor(edit / ids.length)]!;
    const value =
      field === 'phone' ? `09${String(10_000_000 + edit).slice(0, 8)}` : `${current[field] as string} sửa ${edit}`;
    await saveHousehold(
      device,
      { ...householdFields(), headName: current.headName, [field]: value },
      { id, now: 2 + edit },
    );
  }
  const edits = await device.outbox.orderBy('seq').toArray();
  const ours = await requestBytes(edits);
  // Naive: each edit sends the whole record as self-describing JSON, one request each, no compression.
  let naive = 0;
  for (const entry of edits) {
    const record = await device.households.get(entry.recordId);
    naive += Buffer.byteLength(
      JSON.stringify({
        type: 'household',
        operation: 'update',
        clientTimestamp: new Date(entry.at).toISOString(),
        record: { ...record, updatedBy: 'ctv.lyson', updatedAt: new Date().toISOString() },
      }),
    );
  }
  console.log(
    `50 field edits: ${ours} B in 1 request (${(ours / 50).toFixed(1)} B/edit) vs naive ${naive} B in 50 requests — ${(naive / ours).toFixed(1)}× fewer bytes`,
  );

  await device.outbox.clear();
  for (let i = 0; i < 200; i++)
    await recordDistribution(
      device,
      randomUUID(),
      distributionData(ids[i % ids.length]!, {
        recipientName: `Người Nhận ${i}`,
        handedOutAt: 1_760_000_000_000 + i * 60_000,
      }),
      10 + i,
    );
  const handouts = await device.outbox.orderBy('seq').toArray();
  const oursD = await requestBytes(handouts);
  const naiveD = handouts.reduce(
    (sum, e) =>
      sum +
      Buffer.byteLength(
        JSON.stringify({
          type: 'distribution',
          operation: 'create',
          clientTimestamp: new Date(e.at).toISOString(),
          record: e.op,
        }),
      ),
    0,
  );
  console.log(
    `200 distributions: ${oursD} B in 1 request (${(oursD / 200).toFixed(1)} B each) vs naive ${naiveD} B in 200 requests — ${(naiveD / oursD).toFixed(1)}× fewer bytes`,
  );
  await device.delete();
}

async function requestBytes(
  entries: { seq: number; id: string; schema: number; at: number; stamp: string; op: unknown }[],
): Promise<number> {
  const json = JSON.stringify({
    protocol: PROTOCOL_VERSION,
    schema: SCHEMA_VERSION,
    clientId: randomUUID(),
    mutations: entries,
    pull: [{ commune: COMMUNE, cursor: 1234, epoch: 0 }],
  });
  const { body } = await encodeBody(json);
  return typeof body === 'string' ? Buffer.byteLength(body) : (body as ArrayBuffer).byteLength;
}

async function roundTrips() {
  console.log('\n## Round trips for an everyday sync');
  const dir = mkdtempSync(join(tmpdir(), 'bench-rt-'));
  const db = await openDatabase({ dataDir: dir, databaseUrl: undefined });
  await prepareDatabase(db, { seedDemo: false, now: 1 });
  await benchUser(db, 'rt');
  const app = createApp({ db, clock: Date.now, sessionTtlMs: 86_400_000 });
  const token = (await (
    await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'rt', password: 'bench' }),
    })
  ).json()) as { token: string };
  const device = openDb(`bench-rt-${randomUUID()}`);
  let trips = 0;
  const real = fetchTransport({ fetch: (url, init) => app.request(url, init) });
  const counting: Transport = {
    sync: (request, bearer) => {
      trips += 1;
      return real.sync(request, bearer);
    },
  };
  await syncOnce({ db: device, transport: counting, token: token.token, communes: [COMMUNE], clock: Date.now });
  trips = 0;
  for (let i = 0; i < 50; i++)
    await saveHousehold(device, householdFields({ headName: `Hộ Hằng Ngày ${i}` }), { now: i });
  await syncOnce({ db: device, transport: counting, token: token.token, communes: [COMMUNE], clock: Date.now });
  console.log(`50 new households pushed and their versions pulled back: ${trips} round trip(s) (target 1)`);
  await device.delete();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

async function serverFigures(name: string, db: Database) {
  console.log(`\n## Server on ${name}, ${RECORDS.toLocaleString('en-US')} records in one commune`);
  await prepareDatabase(db, { seedDemo: false, now: 1 });
  // Baseline: bare inserts in 200-row transactions, the shape of a prototype without the protocol.
  await db.exec(
    'CREATE TABLE bench_bare (id TEXT PRIMARY KEY, commune TEXT NOT NULL, version BIGINT NOT NULL, data TEXT NOT NULL)',
  );
  const bareStart = performance.now();
  for (let start = 0; start < INGEST; start += MAX_MUTATIONS_PER_PUSH) {
    await db.transaction(async (tx) => {
      for (let i = start; i < start + MAX_MUTATIONS_PER_PUSH; i++) {
        await tx.run('INSERT INTO bench_bare (id, commune, version, data) VALUES (?, ?, ?, ?)', [
          randomUUID(),
          COMMUNE,
          i,
          JSON.stringify(householdFields()),
        ]);
      }
    });
  }
  const bareMs = performance.now() - bareStart;

  const preloadStart = performance.now();
  const ids = await preloadHouseholds(db, RECORDS);
  console.log(`preload (setup): ${seconds(performance.now() - preloadStart)}`);
  await benchUser(db, 'bench');
  const server = await serveOnLoopback(db);
  const token = await login(server.url, 'bench');

  // Load comes from separate processes, as field devices would: the server keeps its event loop to itself.
  const clients = 4;
  const perClient = INGEST / clients;
  const shared = { url: server.url, token, protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION };
  const pushed = await Promise.all(
    Array.from({ length: clients }, (_, client) =>
      loadClient('push', {
        ...shared,
        ids,
        count: perClient,
        batch: MAX_MUTATIONS_PER_PUSH,
        offset: client * perClient,
      }),
    ),
  );
  // From the first request to the last answer, as the clients timed it (process start-up left out).
  const ingestMs = Math.max(...pushed.map((r) => Number(r.ms)));
  const applied = pushed.reduce((sum, r) => sum + Number(r.sent), 0);
  console.log(
    `ingest through HTTP (4 client processes): ${applied.toLocaleString('en-US')} field patches in ${seconds(ingestMs)} = ${perSecond(applied, ingestMs)} (bare inserts, same process: ${perSecond(INGEST, bareMs)}; the protocol costs ${(ingestMs / bareMs).toFixed(1)}× a bare insert)`,
  );

  const pulled = await loadClient('pull', { ...shared, commune: COMMUNE });
  console.log(
    `pull through HTTP, one device: ${Number(pulled.rows).toLocaleString('en-US')} rows in ${pulled.requests} requests, ${seconds(Number(pulled.ms))} = ${perSecond(Number(pulled.rows), Number(pulled.ms))} (a lone client waits on its own unzip and parse between pages)`,
  );
  const together = await Promise.all(
    Array.from({ length: 3 }, () => loadClient('pull', { ...shared, commune: COMMUNE })),
  );
  const rowsTogether = together.reduce((sum, r) => sum + Number(r.rows), 0);
  const msTogether = Math.max(...together.map((r) => Number(r.ms)));
  console.log(
    `pull through HTTP, three devices at once: ${rowsTogether.toLocaleString('en-US')} rows in ${seconds(msTogether)} = ${perSecond(rowsTogether, msTogether)} served`,
  );
  await server.close();
}

async function main() {
  await wireBytes();
  await roundTrips();
  const dir = mkdtempSync(join(tmpdir(), 'bench-sqlite-'));
  const sqlite = await openDatabase({ dataDir: dir, databaseUrl: undefined });
  await serverFigures('SQLite (better-sqlite3, WAL, synchronous=FULL)', sqlite);
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  const postgres = await startPostgres();
  if (!postgres.ok) {
    console.log(`\n## PostgreSQL: not measured (${postgres.reason})`);
    return;
  }
  try {
    const pg = await openDatabase({ dataDir: '', databaseUrl: await postgres.server.createDatabase() });
    await serverFigures('PostgreSQL 15 (pg, throwaway cluster, fsync off)', pg);
    await pg.close();
  } finally {
    await postgres.server.stop();
  }
}

await main();
