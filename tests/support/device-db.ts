/** A fresh device database (Dexie on fake-indexeddb) per call, each deleted after its test. */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openDb, type AnSinhDb } from '../../src/db/database';

export function freshDeviceDatabases(prefix = 'test'): () => AnSinhDb {
  const dbs: AnSinhDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  return () => {
    const db = openDb(`${prefix}-${crypto.randomUUID()}`);
    dbs.push(db);
    return db;
  };
}
