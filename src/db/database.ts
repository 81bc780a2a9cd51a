/**
 * @module The only module that opens IndexedDB (through Dexie). Every record the user enters lives here, with
 * the outbox of changes not yet answered by the server. Tables:
 *  - households: the local copy, server version 0 until the server has answered for it
 *  - outbox: pending mutations, in device order (`seq`, auto-increment never reused)
 *  - rejections: mutations the server refused, with its reason, kept for the user to act on
 *  - cursors: per commune, the last change version pulled
 *  - meta: clientId and last successful sync
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Household } from '../shared/household';
import type { MutationOp } from '../shared/protocol';

export interface OutboxEntry {
  seq: number;
  id: string;
  schema: number;
  at: number;
  recordId: string;
  op: MutationOp;
}

export interface Rejection {
  seq: number;
  mutationId: string;
  recordId: string;
  op: MutationOp;
  reason: string;
  answeredAt: number;
}

export interface Cursor {
  commune: string;
  cursor: number;
}

export interface MetaEntry {
  key: 'clientId' | 'lastSyncAt';
  value: string | number;
}

export type AnSinhDb = Dexie & {
  households: EntityTable<Household, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  rejections: EntityTable<Rejection, 'seq'>;
  cursors: EntityTable<Cursor, 'commune'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

export const DEFAULT_DB_NAME = 'an-sinh';

export function openDb(name = DEFAULT_DB_NAME): AnSinhDb {
  // 'strict' makes Chromium flush each commit to disk before reporting success: a flat battery right after
  // "saved" must not lose the edit.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as AnSinhDb;
  db.version(1).stores({
    households: 'id, communeCode, [communeCode+village]',
    outbox: '++seq, recordId',
    rejections: 'seq, recordId',
    cursors: 'commune',
    meta: 'key',
  });
  return db;
}
