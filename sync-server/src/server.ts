/** @module Opens storage, loads the reference units, seeds demo data on an empty database, builds the app. */
import { openDatabase } from './db/open';
import type { Database } from './db/database';
import { createApp } from './http/app';
import { readUnits } from './reference/units';
import { upsertUnits } from './store/units';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo';
import { countUsers } from './store/users';
import type { PasswordHasher } from './auth/hashing';
import type { ServerConfig } from './config';
import { pruneTombstones } from './store/sync-log';
import { fileAttachmentStore } from './attachments/file-store';
import { scheduleStalePartCleanup } from './attachments/cleanup';
import { join } from 'node:path';

/** Demo data was asked for, but the database has users of its own: seeding would add accounts with a public password. */
export class DemoOnRealDatabaseError extends Error {
  override readonly name = 'DemoOnRealDatabaseError';
  constructor(realUsers: number) {
    super(
      `Không nạp dữ liệu demo: cơ sở dữ liệu đã có ${realUsers} tài khoản thật (không do bản demo tạo). ` +
        'Tài khoản demo có mật khẩu công khai trong README. Bỏ SEED_DEMO (hoặc --demo) để chạy với dữ liệu này, ' +
        'hoặc dùng một DATA_DIR / DATABASE_URL trống cho bản demo.',
    );
  }
}

export interface PreparedDatabase {
  seeded: boolean;
  /** Users after preparing: `real` = 0 means nobody can sign in until a first admin is created. */
  users: { real: number; demo: number };
}

/**
 * Loads the reference units and, only when asked, seeds the demo: on a database with no users it seeds; on one
 * with demo users only it has already been seeded; on one with any real user it refuses (DemoOnRealDatabaseError).
 */
export async function prepareDatabase(
  db: Database,
  options: { seedDemo: boolean; demoRegistry?: boolean; now: number; passwords?: PasswordHasher },
): Promise<PreparedDatabase> {
  const units = readUnits();
  await db.transaction((tx) => upsertUnits(tx, units));
  const users = await countUsers(db);
  if (!options.seedDemo) return { seeded: false, users };
  if (users.real > 0) throw new DemoOnRealDatabaseError(users.real);
  if (users.demo > 0) return { seeded: false, users };
  await seedDemo(db, options.now, {
    registry: options.demoRegistry ?? true,
    ...(options.passwords ? { passwords: options.passwords } : {}),
  });
  return { seeded: true, users: await countUsers(db) };
}

const DAY_MS = 24 * 3600 * 1000;

/** Forgets removals older than the horizon now and once a day; devices further behind get a reset. */
export function scheduleTombstonePruning(db: Database, horizonMs: number, log: (line: string) => void): () => void {
  const prune = () =>
    db
      .transaction((tx) => pruneTombstones(tx, Date.now() - horizonMs))
      .then((count) => count > 0 && log(`pruned ${count} tombstones older than ${Math.round(horizonMs / DAY_MS)} days`))
      .catch((error: unknown) =>
        log(`tombstone pruning failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  void prune();
  const timer = setInterval(() => void prune(), DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export async function startServer(config: ServerConfig, log: (line: string) => void) {
  const db = await openDatabase(config);
  let prepared: PreparedDatabase;
  try {
    prepared = await prepareDatabase(db, { seedDemo: config.seedDemo, now: Date.now() });
  } catch (error) {
    await db.close();
    throw error;
  }
  const stopPruning = scheduleTombstonePruning(db, config.tombstoneHorizonMs, log);
  const attachments = fileAttachmentStore(join(config.dataDir, 'attachments'));
  const attachmentCleanup = scheduleStalePartCleanup(attachments, log);
  const app = createApp({
    db,
    clock: Date.now,
    sessionTtlMs: config.sessionTtlMs,
    staticDir: config.staticDir,
    attachments,
    log,
    trustedProxies: config.trustedProxies,
  });
  return { app, db, ...prepared, stopPruning, attachmentCleanup };
}

/** What the operator must know at start: demo accounts and their public password, or how to create the first admin. */
export function startupNotes(prepared: PreparedDatabase, seedDemo: boolean): string[] {
  const notes: string[] = [];
  if (prepared.users.demo > 0) {
    notes.push(`Demo accounts (public passwords, see README.md): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
    if (!seedDemo)
      notes.push('Cảnh báo: cơ sở dữ liệu có tài khoản demo với mật khẩu công khai; đừng dùng nó cho dữ liệu thật.');
  }
  if (prepared.users.real === 0 && prepared.users.demo === 0) {
    notes.push(
      'Chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên (mật khẩu được hỏi, không hiện trên màn hình):',
      '  npm run create-admin -- <tên đăng nhập>',
      'No accounts yet: create the first administrator with the command above (same DATA_DIR / DATABASE_URL).',
    );
  }
  return notes;
}
