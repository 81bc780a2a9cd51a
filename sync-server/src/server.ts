/** @module Opens storage, loads the reference units, seeds demo data on an empty database, builds the app. */
import { openDatabase } from './db/open';
import type { Database } from './db/database';
import { createApp } from './http/app';
import { readUnits } from './reference/units';
import { upsertUnits } from './store/units';
import { isEmpty, seedDemo } from './seed/demo';
import type { ServerConfig } from './config';

export async function prepareDatabase(db: Database, options: { seedDemo: boolean; now: number }): Promise<{ seeded: boolean }> {
  const units = readUnits();
  await db.transaction((tx) => upsertUnits(tx, units));
  if (options.seedDemo && (await isEmpty(db))) {
    await seedDemo(db, options.now);
    return { seeded: true };
  }
  return { seeded: false };
}

export async function startServer(config: ServerConfig, log: (line: string) => void) {
  const db = await openDatabase(config);
  const { seeded } = await prepareDatabase(db, { seedDemo: config.seedDemo, now: Date.now() });
  const app = createApp({ db, clock: Date.now, sessionTtlMs: config.sessionTtlMs, staticDir: config.staticDir, log });
  return { app, db, seeded };
}
