/**
 * @module The write path: every local change and its outbox entry are written in ONE transaction, so there is
 * never a change without its message or a message without its change. Screens call these, never Dexie.
 */
import { SCHEMA_VERSION, type MutationOp } from '../shared/protocol';
import { encodeMessage } from '../shared/messages';
import type { FieldPatch } from '../shared/patch';
import { sameValue } from '../shared/patch';
import { newId } from '../shared/ids';
import type { CaseCommand } from '../shared/workflow';
import { editableFieldNames, type EditableTypeName } from '../shared/records/registry';
import { Dexie, liveQuery, type Table } from 'dexie';
import { recordTable, type AnSinhDb, type LocalRecord, type MetaEntry, type OutboxEntry } from './database';
import {
  CLOCK_KEY,
  CLOCK_OFFSET_KEY,
  clockAfter,
  getClientId,
  nextStamp,
  readClock,
  type ClockOffset,
} from './client-id';
import type { Hlc } from '../shared/hlc';
import { directWrite, type DirectTransaction } from './direct-write';
import { clockHint, forgetRow, rememberClock, rememberRows, rowHint, type ClockHint } from './row-hints';
import { refreshHouseholdTerms, withSearchTerms } from './search-terms';

/**
 * Calls `onQueued` whenever a change joins the outbox — from any screen, in this tab or another — once its
 * transaction has committed: the one place that makes sync follow a save (src/sync/controller.ts).
 */
export function watchQueue(db: AnSinhDb, onQueued: () => void): () => void {
  let last: number | undefined;
  const subscription = liveQuery(async () => (await db.outbox.orderBy('seq').last())?.seq ?? 0).subscribe({
    next: (seq) => {
      if (last !== undefined && seq > last) onQueued();
      last = seq;
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** Adds an outbox entry; to be called inside a transaction that also holds the change. */
async function enqueue(db: AnSinhDb, recordId: string, op: MutationOp, now: number): Promise<void> {
  await db.outbox.add({
    id: newId(now),
    schema: SCHEMA_VERSION,
    at: now,
    stamp: await nextStamp(db, now),
    recordId,
    op,
  });
}

/** Every write holds the outbox and the clock with the tables it changes, and nothing more. */
const withQueue = (db: AnSinhDb, ...tables: Table[]) => [...tables, db.outbox, db.meta];

/**
 * Saves the fields a user typed for an editable record (already validated by the caller). Only fields that
 * differ from the local copy are queued, each with the record version the user saw as its base.
 * Answers whether anything changed.
 */
export const SAVE_MEASURE = 'an-sinh:save-with-outbox';

export async function savePatch(
  db: AnSinhDb,
  type: EditableTypeName,
  id: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  const started = performance.now();
  const changed = await writePatch(db, type, id, fields, now);
  performance.measure(SAVE_MEASURE, { start: started, end: performance.now() });
  return changed;
}

async function writePatch(
  db: AnSinhDb,
  type: EditableTypeName,
  id: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  // Inside a caller's transaction (a survey submitted with its command), the save is a part of it: through Dexie.
  // So is a save that changes what a household is found by: it re-reads the household's members.
  if (Dexie.currentTransaction) return writePatchThroughDexie(db, type, id, fields, now);
  const direct = await writePatchDirectly(db, type, id, fields, now);
  return direct === 'needs-search-terms' ? writePatchThroughDexie(db, type, id, fields, now) : direct;
}

/** Fields that a household's or member's search terms are made of (src/db/search-terms.ts). */
const SEARCHED = new Set(['headName', 'headCitizenId', 'phone', 'fullName', 'citizenId', 'status', 'householdId']);

interface PatchPlan {
  record: LocalRecord;
  entry: Omit<OutboxEntry, 'seq'>;
  /** The household's search terms must be made again (src/db/search-terms.ts). */
  refreshTerms: boolean;
}

/**
 * What saving `fields` over `current` (the stored row, read in the write transaction) writes: the row and one
 * outbox entry. Only fields that differ from the stored row are queued, each with the record version it had as
 * its base. Undefined when nothing changed.
 */
function planPatch(
  type: EditableTypeName,
  id: string,
  fields: Record<string, unknown>,
  current: LocalRecord | undefined,
  stamp: string,
  now: number,
): PatchPlan | undefined {
  const base = current?.version ?? 0;
  const patch: FieldPatch = {};
  for (const name of editableFieldNames(type)) {
    const next = fields[name];
    if (sameValue(current?.[name], next)) continue;
    if (next === undefined && current?.[name] === undefined) continue;
    patch[name] = [next === undefined ? null : next, base];
  }
  if (Object.keys(patch).length === 0) return undefined;
  const record: LocalRecord = {
    ...current,
    ...fields,
    id,
    version: base,
    communeCode: String(fields.communeCode ?? current?.communeCode),
  };
  for (const [name, [value]] of Object.entries(patch)) if (value === null) delete record[name];
  const searched = !current || Object.keys(patch).some((field) => SEARCHED.has(field));
  return {
    record: withSearchTerms(type, record),
    entry: {
      id: newId(now),
      schema: SCHEMA_VERSION,
      at: now,
      stamp,
      recordId: id,
      op: { kind: 'patch' as const, type, id, fields: patch },
      before: Object.fromEntries(Object.keys(patch).map((name) => [name, current?.[name] ?? null])),
      created: !current,
    },
    refreshTerms: searched && (type === 'household' || type === 'member'),
  };
}

/**
 * The save in one transaction straight on IndexedDB (direct-write.ts). When this tab knows the stored row and
 * clock (row-hints.ts: the page being edited read it), one round trip: the writes go with a read of both, and
 * all is taken back if they changed meanwhile. Otherwise two: the stored row and the clock, then the writes. A
 * save that must make search terms again is left to Dexie.
 */
async function writePatchDirectly(
  db: AnSinhDb,
  type: EditableTypeName,
  id: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<boolean | 'needs-search-terms'> {
  const clientId = await getClientId(db);
  const table = recordTable(db, type).name;
  const hinted = await writeFromHint(db, type, table, id, fields, now, clientId);
  if (hinted !== 'no-hint') return hinted;
  return directWrite(db, [table, db.outbox.name, db.meta.name], async (tx) => {
    const records = tx.store(table);
    const meta = tx.store(db.meta.name);
    const [current, last, offset] = await Promise.all([
      tx.read(records.get(id) as IDBRequest<LocalRecord | undefined>),
      tx.read(meta.get(CLOCK_KEY) as IDBRequest<MetaEntry | undefined>),
      tx.read(meta.get(CLOCK_OFFSET_KEY) as IDBRequest<MetaEntry | undefined>),
    ]);
    const clock = { last: last?.value as Hlc | undefined, offset: offset?.value as ClockOffset | undefined };
    const { stamp, stored } = clockAfter({ clientId, ...clock }, now);
    const plan = planPatch(type, id, fields, current, stamp, now);
    if (!plan) return false;
    if (plan.refreshTerms) throw NEEDS_SEARCH_TERMS;
    await issueWrites(db, tx, table, plan, stored);
    return { plan, clock: { last: stored.value, offset: clock.offset } };
  }).then(
    (written) => {
      if (!written) return false;
      remember(db, table, written.plan, written.clock);
      return true;
    },
    (error: unknown) => {
      if (error === NEEDS_SEARCH_TERMS) return 'needs-search-terms' as const;
      throw error;
    },
  );
}

/** The save built from what this tab last saw stored, checked in the same round trip; 'no-hint' when it cannot be. */
async function writeFromHint(
  db: AnSinhDb,
  type: EditableTypeName,
  table: string,
  id: string,
  fields: Record<string, unknown>,
  now: number,
  clientId: string,
): Promise<boolean | 'no-hint'> {
  const row = rowHint(db, table, id);
  const clock = clockHint(db);
  if (!row || !clock) return 'no-hint';
  const { stamp, stored } = clockAfter({ clientId, ...clock }, now);
  const plan = planPatch(type, id, fields, row, stamp, now);
  // Nothing to write, or search terms to make: the careful way decides.
  if (!plan || plan.refreshTerms) return 'no-hint';
  try {
    await directWrite(db, [table, db.outbox.name, db.meta.name], async (tx) => {
      const meta = tx.store(db.meta.name);
      // Asked first, so they answer with what was stored before these writes; the writes wait for the check.
      const seen = Promise.all([
        tx.read(tx.store(table).get(id) as IDBRequest<LocalRecord | undefined>),
        tx.read(meta.get(CLOCK_KEY) as IDBRequest<MetaEntry | undefined>),
        tx.read(meta.get(CLOCK_OFFSET_KEY) as IDBRequest<MetaEntry | undefined>),
      ]);
      const written = issueWrites(db, tx, table, plan, stored);
      // Taken back with the transaction when the check fails: its requests then fail too, on purpose.
      written.catch(() => undefined);
      const [current, last, offset] = await seen;
      const unchanged =
        sameValue(current, row) && sameValue(last?.value, clock.last) && sameValue(offset?.value, clock.offset);
      if (!unchanged) throw STALE_HINT;
      await written;
    });
  } catch (error) {
    if (error !== STALE_HINT) throw error;
    forgetRow(db, table, id);
    return 'no-hint';
  }
  remember(db, table, plan, { last: stored.value, offset: clock.offset });
  return true;
}

/** Issues the row, its outbox entry and the clock together: IndexedDB runs them in order, with no round trip between. */
async function issueWrites(
  db: AnSinhDb,
  tx: DirectTransaction,
  table: string,
  plan: PatchPlan,
  stored: { key: typeof CLOCK_KEY; value: Hlc },
): Promise<void> {
  const [seq] = await Promise.all([
    tx.read(tx.store(db.outbox.name).add(plan.entry) as IDBRequest<number>),
    tx.read(tx.store(table).put(plan.record)),
    tx.read(tx.store(db.meta.name).put(stored)),
  ]);
  tx.changed(table, [plan.record.id]);
  tx.changed(db.outbox.name, [seq]);
  tx.changed(db.meta.name, [CLOCK_KEY]);
}

/** Once a direct save is written, what it wrote is what this tab knows stored: the next save of it needs no read. */
function remember(db: AnSinhDb, table: string, plan: PatchPlan, clock: ClockHint) {
  rememberRows(db, table, [plan.record]);
  rememberClock(db, clock);
}

/** Thrown to take back a save built from a hint that no longer matches what is stored. */
const STALE_HINT = Symbol('stale hint');

/** Thrown to take back a direct save that must go through Dexie after all: nothing of it is written. */
const NEEDS_SEARCH_TERMS = Symbol('needs search terms');

async function writePatchThroughDexie(
  db: AnSinhDb,
  type: EditableTypeName,
  id: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  // Only the tables this write touches: a wider scope would wait on every screen's open read. Households and
  // members only for their own kinds (their search terms are refreshed together); a case's save has no need of them.
  const searchedTables = type === 'household' || type === 'member' ? [db.households, db.members] : [];
  const scope = [...new Set([recordTable(db, type), ...searchedTables]), db.outbox, db.meta];
  // What this tab knew of the row is out of date once Dexie writes it.
  forgetRow(db, recordTable(db, type).name, id);
  return db.transaction('rw', scope, async () => {
    const table = recordTable(db, type);
    // Two round trips in all: read the record and the clock together, then issue every write together.
    const [current, clock] = await Promise.all([table.get(id), readClock(db)]);
    const { stamp, stored } = clockAfter(clock, now);
    const plan = planPatch(type, id, fields, current, stamp, now);
    if (!plan) return false;
    const writes: Promise<unknown>[] = [
      table.put(plan.record),
      db.outbox.add(plan.entry as OutboxEntry),
      db.meta.put(stored),
    ];
    if (plan.refreshTerms) {
      writes.push(refreshHouseholdTerms(db, [type === 'household' ? id : String(plan.record.householdId)]));
    }
    await Promise.all(writes);
    return true;
  });
}

/** Records an append-only event (a relief handout) locally and queues it. */
export async function recordDistribution(
  db: AnSinhDb,
  id: string,
  data: Record<string, unknown> & { communeCode: string },
  now: number,
): Promise<void> {
  await db.transaction('rw', withQueue(db, db.distributions), async () => {
    await db.distributions.put({ ...data, id, version: 0, duplicateSuspected: false, duplicateOf: [] });
    await enqueue(db, id, { kind: 'event', type: 'distribution', id, data }, now);
  });
}

/** Voids a handout recorded by mistake: a new event, the original stays. */
export async function voidDistribution(
  db: AnSinhDb,
  target: string,
  reason: string,
  communeCode: string,
  now: number,
): Promise<string> {
  const id = newId(now);
  await db.transaction('rw', withQueue(db, db.distributionVoids), async () => {
    await db.distributionVoids.put({ id, version: 0, communeCode, target, reason });
    await enqueue(db, target, { kind: 'void', id, data: { communeCode, target, reason } }, now);
  });
  return id;
}

/** Queues a workflow command; the case's status changes when the server has accepted it. */
export async function queueCommand(
  db: AnSinhDb,
  caseId: string,
  command: CaseCommand,
  comment: string | undefined,
  now: number,
  /** What the step records (an ID check, a decision, a refusal), checked by the caller against the workflow. */
  payload?: Record<string, unknown>,
): Promise<void> {
  await db.transaction('rw', withQueue(db), async () => {
    await enqueue(
      db,
      caseId,
      { kind: 'command', id: caseId, command, ...(comment ? { comment } : {}), ...(payload ? { payload } : {}) },
      now,
    );
  });
}

/** A commune officer's decision on a conflict: shown at once on this device, applied by the server for all. */
export async function resolveConflict(db: AnSinhDb, conflictId: string, value: unknown, now: number): Promise<void> {
  await db.transaction('rw', withQueue(db, db.conflicts), async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict) throw new Error(encodeMessage('db.conflictNotFound'));
    await db.conflicts.put({ ...conflict, status: 'resolved', resolution: { value, by: 'me', at: now } });
    // What the officer was shown: a candidate arriving on the server after it is put before them again.
    const seen = Array.isArray(conflict.candidates) ? conflict.candidates.length : undefined;
    await enqueue(
      db,
      conflictId,
      { kind: 'resolve', id: conflictId, value, ...(seen === undefined ? {} : { seen }) },
      now,
    );
  });
}

/**
 * An officer's decision on a cluster of possible duplicates: shown at once here, applied by the server for all.
 * It names the members the cluster had here, so the server refuses it if one joined since (not seen).
 */
export async function decideDuplicate(
  db: AnSinhDb,
  id: string,
  value: 'confirmed' | 'dismissed',
  now: number,
  /** With `confirmed`: the record that stays; the server merges the others into it. */
  keep?: string,
): Promise<void> {
  await db.transaction('rw', withQueue(db, db.duplicates), async () => {
    const record = await db.duplicates.get(id);
    if (record) await db.duplicates.put({ ...record, status: value });
    const recordIds = Array.isArray(record?.recordIds)
      ? record.recordIds.filter((r): r is string => typeof r === 'string')
      : [];
    const merge = value === 'confirmed' && keep !== undefined ? { keep } : {};
    await enqueue(db, id, { kind: 'resolve', id, value: { decision: value, recordIds, ...merge } }, now);
  });
}

/** Soft delete (commune officers): hidden locally at once, kept on the server. */
export async function deleteRecord(db: AnSinhDb, type: EditableTypeName, id: string, now: number): Promise<void> {
  await db.transaction('rw', withQueue(db, recordTable(db, type)), async () => {
    const table = recordTable(db, type);
    const current = await table.get(id);
    if (current) await table.put({ ...current, deleted: true });
    await enqueue(db, id, { kind: 'delete', type, id }, now);
  });
}
