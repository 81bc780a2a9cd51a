/** @module Opens storage, loads the reference units, seeds demo data on an empty database, builds the app. */
import { openDatabase } from './db/open';
import type { Database } from './db/database';
import { createApp } from './http/app';
import { readUnits } from './reference/units';
import { upsertUnits } from './store/units';
import { isEmpty, seedDemo } from './seed/demo';
import type { PasswordHasher } from './auth/hashing';
import type { ServerConfig } from './config';
import { pruneTombstones } from './store/sync-log';
import { fileAttachmentStore } from './attachments/file-store';
import { join } from 'node:path';

export async function prepareDatabase(db: Database, options: { seedDemo: boolean; demoRegistry?: boolean; now: number; passwords?: PasswordHasher }): Promise<{ seeded: boolean }> {
  const units = readUnits();
  await db.transaction((tx) => upsertUnits(tx, units));
  if (options.seedDemo && (await isEmpty(db))) {
    await seedDemo(db, options.now, { registry: options.demoRegistry ?? true, ...(options.passwords ? { passwords: options.passwords } : {}) });
    return { seeded: true };
  }
  return { seeded: false };
}

const DAY_MS = 24 * 3600 * 1000;

/** Forgets removals older than the horizon now and once a day; devices further behind get a reset. */
export function scheduleTombstonePruning(db: Database, horizonMs: number, log: (line: string) => void): () => void {
  const prune = () =>
    db
      .transaction((tx) => pruneTombstones(tx, Date.now() - horizonMs))
      .then((count) => count > 0 && log(`pruned ${count} tombstones older than ${Math.round(horizonMs / DAY_MS)} days`))
      .catch((error: unknown) => log(`tombstone pruning failed: ${error instanceof Error ? error.message : String(error)}`));
  void prune();
  const timer = setInterval(() => void prune(), DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export async function startServer(config: ServerConfig, log: (line: string) => void) {
  const db = await openDatabase(config);
  const { seeded } = await prepareDatabase(db, { seedDemo: config.seedDemo, now: Date.now() });
  const stopPruning = scheduleTombstonePruning(db, config.tombstoneHorizonMs, log);
  const attachments = fileAttachmentStore(join(config.dataDir, 'attachments'));
  const app = createApp({ db, clock: Date.now, sessionTtlMs: config.sessionTtlMs, staticDir: config.staticDir, attachments, log, trustedProxies: config.trustedProxies });
  return { app, db, seeded, stopPruning };
}
