/** @module Same-field conflicts on the device, for the officer's desk (the server makes them, src/sync pulls them). */
import type { AnSinhDb } from './database';
import { recordsOf, type Local } from './records';

const conflicts = recordsOf('conflict');

export type LocalConflict = Local<'conflict'>;

export async function openConflicts(db: AnSinhDb, communeCode: string): Promise<LocalConflict[]> {
  return (await conflicts.where(db, 'communeCode', communeCode)).records.filter((c) => c.status === 'open');
}
