/** @module Picks the storage from the configuration: PostgreSQL when a URL is given, else a SQLite file. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import { migrate } from './migrations';

export async function openDatabase(config: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    db = openSqlite(join(config.dataDir, 'an-sinh.sqlite'));
  }
  await migrate(db);
  return db;
}
