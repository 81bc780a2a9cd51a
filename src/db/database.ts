/**
 * @module The only module that opens IndexedDB (through Dexie). Every record the user enters lives here, with
 * the outbox of changes not yet answered by the server. Record tables hold `{ id, version, deleted?, ...data }`
 * (version 0 until the server has answered for the record); each kind's table and indexes are declared with
 * the kind (src/shared/records/kinds.ts).
 *  - outbox: pending mutations, in device order (`seq`, auto-increment never reused)
 *  - rejections: mutations the server refused, with its reason, kept for the user to act on
 *  - cursors: per commune, the last change version pulled
 *  - setAside: pulled records this device could not take (malformed, or refused by IndexedDB), kept to report
 *  - meta: clientId, hybrid clock, the server clock's offset, last successful sync
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Message } from '../shared/messages';
import type { MutationOp } from '../shared/protocol';
import type { AttachmentMeta } from '../shared/attachments';
import { RECORD_KINDS, type RecordKinds, type RecordTypeName } from '../shared/records/kinds';
import { refreshHouseholdTerms, withSearchTerms } from './search-terms';
import type { LocalRecord } from './types';

export type { LocalRecord } from './types';

export interface OutboxEntry {
  seq: number;
  id: string;
  schema: number;
  at: number;
  stamp: string;
  recordId: string;
  op: MutationOp;
  /**
   * Kept on the device only (never sent): for a patch, what the patched fields held before it (null: absent),
   * and whether it created the record — so a change the server refuses can be taken back (apply-sync.ts).
   */
  before?: Record<string, unknown>;
  created?: boolean;
}

export interface Rejection {
  seq: number;
  mutationId: string;
  recordId: string;
  op: MutationOp;
  /** The server's text in Vietnamese; shown when there is no `problem` (refusals stored before message codes). */
  reason: string;
  /** What the server said, as a message code the screens translate. */
  problem?: Message;
  answeredAt: number;
}

export interface Cursor {
  commune: string;
  cursor: number;
  /** The commune's history mark from the server (see SyncResponse.epochs). */
  epoch: number;
}

/**
 * A pulled record the device could not store: which one and why — never its data. The rest of its page was
 * applied and the cursor moved on; the entry goes when a later version of the record lands.
 */
export interface SetAsideRecord {
  id: string;
  type: string;
  communeCode: string;
  version: number;
  /** In Vietnamese; `problem` says the same as a message code (absent on records set aside before codes). */
  reason: string;
  problem?: Message;
  at: number;
}

/** An attachment waiting on the device (and kept after upload, so the screens can show it offline). */
export interface StoredAttachment {
  hash: string;
  recordId: string;
  meta: AttachmentMeta;
  bytes: ArrayBuffer;
  /** 0 until the server holds it whole (IndexedDB cannot index booleans). */
  uploaded: 0 | 1;
  createdAt: number;
  /**
   * Kept for a record not saved yet (a photo of a paper while the application is a draft): not sent until the
   * record is, and never if the draft is given up. Absent once released.
   */
  held?: true;
}

/** A form being filled in, kept at every keystroke so a reload or a flat battery loses nothing. */
export interface Draft {
  key: string;
  value: Record<string, unknown>;
  updatedAt: number;
}

export interface MetaEntry {
  key: 'clientId' | 'lastSyncAt' | 'hlc' | 'clockOffset';
  value: unknown;
}

type RecordTable = Table<LocalRecord, string>;

/** One table per record kind, named by its declaration (src/shared/records/kinds.ts). */
type RecordTables = { [K in RecordTypeName as RecordKinds[K]['device']['table']]: RecordTable };

export type AnSinhDb = Dexie &
  RecordTables & {
    drafts: EntityTable<Draft, 'key'>;
    attachments: EntityTable<StoredAttachment, 'hash'>;
    outbox: EntityTable<OutboxEntry, 'seq'>;
    rejections: EntityTable<Rejection, 'seq'>;
    cursors: EntityTable<Cursor, 'commune'>;
    setAside: EntityTable<SetAsideRecord, 'id'>;
    meta: EntityTable<MetaEntry, 'key'>;
  };

type TableOf = { [K in RecordTypeName]: RecordKinds[K]['device']['table'] };

/** Which table each kind lives in. */
export const TABLE_OF = Object.fromEntries(
  Object.entries(RECORD_KINDS).map(([name, kind]) => [name, kind.device.table]),
) as TableOf;

export const RECORD_TABLES = Object.values(TABLE_OF);

export function recordTable(db: AnSinhDb, type: RecordTypeName): RecordTable {
  return db[TABLE_OF[type]];
}

/** Tables of the device's own bookkeeping, not records. */
const DEVICE_TABLES = {
  drafts: 'key',
  attachments: 'hash, recordId, uploaded, createdAt',
  outbox: '++seq, recordId',
  rejections: 'seq, recordId',
  cursors: 'commune',
  setAside: 'id, communeCode',
  meta: 'key',
} satisfies Partial<Record<keyof AnSinhDb, string>>;

/**
 * The device schema now: every record kind's table with the indexes its declaration names, and the device's own
 * tables. When a declaration's table or indexes change, DEVICE_SCHEMA_VERSION goes up by one (IndexedDB only
 * changes its indexes in a version change); tests/unit/device-schema.test.ts fails until it does.
 */
export function currentStores(): Record<string, string> {
  const records = Object.values(RECORD_KINDS).map(
    (kind) => [kind.device.table, ['id', ...kind.device.indexes].join(', ')] as const,
  );
  return { ...Object.fromEntries(records), ...DEVICE_TABLES };
}
export const DEVICE_SCHEMA_VERSION = 6;

export const DEFAULT_DB_NAME = 'an-sinh';

export function openDb(name = DEFAULT_DB_NAME): AnSinhDb {
  // 'strict' makes Chromium flush each commit to disk before reporting success: a flat battery right after
  // "saved" must not lose the edit. No query cache: Dexie's cache of live queries' answers is kept up to date only
  // by writes made through Dexie, and the save writes straight to IndexedDB (direct-write.ts); it bought nothing
  // measurable either (the household list's read, cache on and off in one process: 92 and 102 ms).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as AnSinhDb;
  db.version(1).stores({
    households: 'id, communeCode, [communeCode+village]',
    members: 'id, householdId, communeCode',
    cases: 'id, subjectId, communeCode',
    distributions: 'id, householdId, roundId, communeCode',
    distributionVoids: 'id, target, communeCode',
    conflicts: 'id, recordId, communeCode',
    outbox: '++seq, recordId',
    rejections: 'seq, recordId',
    cursors: 'commune',
    meta: 'key',
  });
  // Version 2: search terms (folded words, CCCD, phone) on households (searched in memory, so not indexed: a
  // multi-entry index would be rewritten on every save) and indexed on members, a folded sort key, possible
  // duplicates, drafts.
  db.version(2)
    .stores({
      households: 'id, communeCode, [communeCode+village], [communeCode+sortName]',
      members: 'id, householdId, communeCode, *terms',
      duplicates: 'id, communeCode',
      drafts: 'key',
    })
    .upgrade(async (tx) => {
      await tx
        .table('members')
        .toCollection()
        .modify((record: LocalRecord) => void Object.assign(record, withSearchTerms('member', record)));
      const households = tx.table<LocalRecord, string>('households');
      await refreshHouseholdTerms(
        { households, members: tx.table('members') },
        await households.toCollection().primaryKeys(),
      );
    });
  // Versions 3 (attachments, emergencies, damage, relief rounds), 4 (records set aside, apply-sync.ts) and 5 (the
  // villages of a commune, issue 11) had no upgrade of their own: the current schema replaces them (Dexie needs
  // only versions with an upgrade function).
  // Version 6 (same tables as 5): households get their head's words and each member's terms apart, so the search
  // ranks the head first and says which member matched (search.ts).
  db.version(DEVICE_SCHEMA_VERSION)
    .stores(currentStores())
    .upgrade(async (tx) => {
      const households = tx.table<LocalRecord, string>('households');
      await refreshHouseholdTerms(
        { households, members: tx.table('members') },
        await households.toCollection().primaryKeys(),
      );
    });
  return db;
}
