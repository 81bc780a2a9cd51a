/**
 * The storage engines every contract test runs against: the embedded SQLite file and a real PostgreSQL.
 * `openFresh()` gives a migrated, empty database with the reference units loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open';
import { prepareDatabase } from '../../sync-server/src/server';
import { reportUnavailable, startPostgres } from './postgres';

export interface Engine {
  name: 'sqlite' | 'postgres';
  available: boolean;
  openFresh(): Promise<Database>;
  /** Opens the same database again, as a restarted server would. */
  reopen(db: Database): Promise<Database>;
}

const locations = new WeakMap<Database, { dataDir?: string; databaseUrl?: string }>();

async function open(location: { dataDir?: string; databaseUrl?: string }): Promise<Database> {
  const db = await openDatabase({ dataDir: location.dataDir ?? '', databaseUrl: location.databaseUrl });
  locations.set(db, location);
  return db;
}

/** Where a database opened here lives, as the server's configuration names it (DATA_DIR or DATABASE_URL). */
export function locationOf(db: Database): { dataDir?: string; databaseUrl?: string } | undefined {
  return locations.get(db);
}

export async function storageEngines(suite: string): Promise<Engine[]> {
  const tempDirs: string[] = [];
  const postgres = await startPostgres();
  if (!postgres.ok) reportUnavailable(`${suite} [postgres]`, postgres.reason);
  afterAll(async () => {
    if (postgres.ok) await postgres.server.stop();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  const prepare = async (db: Database) => {
    await prepareDatabase(db, { seedDemo: false, now: Date.now() });
    return db;
  };
  const reopen = (db: Database) => {
    const location = locations.get(db);
    if (!location) throw new Error('unknown database');
    return open(location);
  };
  return [
    {
      name: 'sqlite',
      available: true,
      async openFresh() {
        const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-sqlite-'));
        tempDirs.push(dataDir);
        return prepare(await open({ dataDir }));
      },
      reopen,
    },
    {
      name: 'postgres',
      available: postgres.ok,
      async openFresh() {
        if (!postgres.ok) throw new Error(postgres.reason);
        return prepare(await open({ databaseUrl: await postgres.server.createDatabase() }));
      },
      reopen,
    },
  ];
}

/**
 * Call inside a describe: a function that opens a fresh database of the engine, each closed after its test.
 */
export function freshDatabases(engine: Engine): () => Promise<Database> {
  const open: Database[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });
  return async () => {
    const db = await engine.openFresh();
    open.push(db);
    return db;
  };
}
