/** @module Same-field conflicts on the device, for the officer's desk (the server makes them, src/sync pulls them). */
import type { AnSinhDb, LocalRecord } from './database';

export async function openConflicts(db: AnSinhDb, communeCode: string): Promise<LocalRecord[]> {
  return (await db.conflicts.where('communeCode').equals(communeCode).toArray()).filter((c) => c.status === 'open');
}
