/**
 * @module Applies one sync answer in ONE transaction: answered outbox entries leave (refused ones move to
 * rejections with their reason), pulled records land — with any still-pending local patch laid on top —
 * removals and resets drop local copies, communes the user lost are purged once nothing of theirs waits to be
 * sent, and the cursors move. A crash part-way leaves all of it or none.
 */
import * as v from 'valibot';
import { Change, type SyncResponse } from '../shared/protocol';
import { issueMessages, message, type Message } from '../shared/messages';
import { formatVi } from '../shared/messages-vi';
import { applyFieldValues, type FieldPatch } from '../shared/patch';
import { refreshHouseholdTerms, withSearchTerms } from './search-terms';
import { isConnectionLost, isQuotaError } from './errors';
import {
  RECORD_TABLES,
  TABLE_OF,
  recordTable,
  type AnSinhDb,
  type LocalRecord,
  type OutboxEntry,
  type SetAsideRecord,
} from './database';

export async function applySyncResponse(db: AnSinhDb, response: SyncResponse, now: number): Promise<void> {
  const tables = [...RECORD_TABLES.map((t) => db[t]), db.outbox, db.rejections, db.cursors, db.setAside];
  await db.transaction('rw', tables, async () => {
    const answered = await db.outbox.where('seq').belowOrEqual(response.lastSeq).toArray();
    const reasons = new Map(response.results.flatMap((r) => (r.status === 'rejected' ? [[r.seq, r] as const] : [])));
    const refused = answered.filter((entry) => reasons.has(entry.seq));
    for (const entry of refused) {
      const { reason, problem } = reasons.get(entry.seq)!;
      await db.rejections.put({
        seq: entry.seq,
        mutationId: entry.id,
        recordId: entry.recordId,
        op: entry.op,
        reason,
        ...(problem ? { problem } : {}),
        answeredAt: now,
      });
    }
    // Latest first: each refused edit gives back the value from before it, so the earliest one's "before" is last.
    const refusedSeqs = new Set(refused.map((entry) => entry.seq));
    for (const entry of [...refused].reverse()) await undoRefused(db, entry, refusedSeqs);
    await db.outbox.bulkDelete(answered.map((entry) => entry.seq));

    const pending = await db.outbox.orderBy('seq').toArray();
    const pendingIds = new Set(pending.map((entry) => entry.recordId));
    for (const commune of response.resets) await dropCommune(db, commune, pendingIds);
    await applyChanges(db, response.changes, pending, now);

    const scope = new Set(response.user.communes.map((c) => c.code));
    const lost = [...new Set([...response.refused, ...(await db.cursors.toArray()).map((c) => c.commune)])].filter(
      (c) => !scope.has(c),
    );
    // Pending changes for a lost commune are answered (refused) by the server first; only then is its data purged.
    if (pending.length === 0) {
      for (const commune of lost) await dropCommune(db, commune, pendingIds);
      await db.cursors.bulkDelete(lost);
    }
    await db.cursors.bulkPut(
      Object.entries(response.cursors).map(([commune, cursor]) => ({
        commune,
        cursor,
        epoch: response.epochs[commune] ?? 0,
      })),
    );
  });
}

/**
 * Takes back what the device showed at once for a mutation the server refused, so the screens show what the
 * server holds (the mutation itself, with what was typed and the reason, stays in `rejections` under "Đồng bộ"):
 * - a decision goes back on the officer's desk; a delete is undone;
 * - a handout or void that only this device ever held (version 0, never sent back by the server) is dropped;
 * - an edit's fields get back what they held before it, unless a later change of this device touched them; a
 *   record the refused change created, and that the server never sent back, is dropped.
 */
async function undoRefused(db: AnSinhDb, entry: OutboxEntry, refusedSeqs: ReadonlySet<number>): Promise<void> {
  const { op } = entry;
  if (op.kind === 'resolve') {
    await db.conflicts.where('id').equals(op.id).modify({ status: 'open' });
    await db.duplicates.where('id').equals(op.id).modify({ status: 'open' });
  }
  if (op.kind === 'void' || op.kind === 'event') {
    const table = op.kind === 'void' ? db.distributionVoids : db.distributions;
    const local = await table.get(op.id);
    if (local?.version === 0) await table.delete(op.id);
  }
  if (op.kind === 'delete') await recordTable(db, op.type).where('id').equals(op.id).modify({ deleted: false });
  if (op.kind === 'patch') await undoPatch(db, entry, op, refusedSeqs);
}

async function undoPatch(
  db: AnSinhDb,
  entry: OutboxEntry,
  op: Extract<OutboxEntry['op'], { kind: 'patch' }>,
  refusedSeqs: ReadonlySet<number>,
): Promise<void> {
  const table = recordTable(db, op.type);
  const local = await table.get(op.id);
  if (!local || !entry.before) return;
  // Later changes of this device to the record that still stand (sent and applied, or waiting to be sent).
  const later = await db.outbox
    .where('seq')
    .above(entry.seq)
    .filter((e) => e.recordId === op.id && !refusedSeqs.has(e.seq))
    .toArray();
  if (entry.created && local.version === 0 && later.length === 0) {
    await table.delete(op.id);
  } else {
    const touchedLater = new Set(later.flatMap((e) => (e.op.kind === 'patch' ? Object.keys(e.op.fields) : [])));
    const restored: LocalRecord = { ...local };
    for (const [field, value] of Object.entries(entry.before)) {
      if (touchedLater.has(field)) continue;
      if (value === null) delete restored[field];
      else restored[field] = value;
    }
    await table.put(withSearchTerms(op.type, restored));
  }
  if (op.type === 'household') await refreshHouseholdTerms(db, [op.id]);
  if (op.type === 'member' && typeof local.householdId === 'string')
    await refreshHouseholdTerms(db, [local.householdId]);
}

/**
 * Lands a page of changes with one bulk write per table. Changes come in version order per commune; a record
 * that moved between two communes of this device shows up as a removal in one and a record in the other, in
 * either order — so a removal only drops a copy that still belongs to the commune it was sent for.
 *
 * One record the device cannot take never stops the page: a change that fails the shared schema (an older server
 * accepted a record nested thousands of levels deep) or that IndexedDB refuses is set aside with its reason, the
 * rest lands and the cursor moves on. Its previous local copy, if any, stays.
 */
async function applyChanges(
  db: AnSinhDb,
  received: readonly Change[],
  pending: readonly OutboxEntry[],
  now: number,
): Promise<void> {
  const setAside: SetAsideRecord[] = [];
  const changes: Change[] = [];
  for (const change of received) {
    const checked = v.safeParse(Change, change);
    if (checked.success) changes.push(change);
    else
      setAside.push(
        setAsideEntry(change, message('setAside.badFormat', undefined, issueMessages(checked.issues)), now),
      );
  }
  // What this device did and has not sent yet stays visible over what it pulls: its edits, its deletes, and an
  // officer's decisions (a decided conflict must not come back on the desk before the decision is sent).
  const patches = new Map<string, FieldPatch[]>();
  const deletes = new Set<string>();
  const decided = new Map<string, unknown>();
  for (const entry of pending) {
    if (entry.op.kind === 'patch') patches.set(entry.op.id, [...(patches.get(entry.op.id) ?? []), entry.op.fields]);
    if (entry.op.kind === 'delete') deletes.add(entry.op.id);
    if (entry.op.kind === 'resolve') decided.set(entry.op.id, entry.op.value);
  }
  const finals = new Map<string, { type: Change['type']; record: LocalRecord | null; change: Change }>();
  const removed = changes.filter((c) => c.removed || !c.data);
  const before = new Map<string, LocalRecord | undefined>();
  for (const change of removed) before.set(change.id, await recordTable(db, change.type).get(change.id));
  for (const change of changes) {
    if (change.removed || !change.data) {
      const current = finals.has(change.id) ? finals.get(change.id)?.record : before.get(change.id);
      if (current && current.communeCode !== change.commune) continue;
      finals.set(change.id, { type: change.type, record: null, change });
      continue;
    }
    let data: Record<string, unknown> = change.data;
    for (const fields of patches.get(change.id) ?? []) data = applyFieldValues(data, fields);
    const record: LocalRecord = {
      ...data,
      id: change.id,
      version: change.version,
      communeCode: String(data.communeCode ?? change.commune),
    };
    if (change.deleted || deletes.has(change.id)) record.deleted = true;
    if (decided.has(change.id) && change.type === 'conflict') record.status = 'resolved';
    if (decided.has(change.id) && change.type === 'duplicate')
      record.status = decisionOf(decided.get(change.id)) ?? record.status;
    finals.set(change.id, { type: change.type, record: withSearchTerms(change.type, record), change });
  }
  for (const name of RECORD_TABLES) {
    const mine = [...finals.values()].filter((f) => TABLE_OF[f.type] === name);
    const puts = mine.flatMap((f) => (f.record ? [{ record: f.record, change: f.change }] : []));
    const deletes = [...finals.entries()].filter(([, f]) => TABLE_OF[f.type] === name && !f.record).map(([id]) => id);
    for (const refused of await putAll(db[name], puts)) {
      finals.delete(refused.change.id);
      setAside.push(setAsideEntry(refused.change, message('setAside.storeFailed', { error: refused.error }), now));
    }
    if (deletes.length) await db[name].bulkDelete(deletes);
  }
  const households = new Set<string>();
  for (const [id, f] of finals) {
    if (f.type === 'household' && f.record) households.add(id);
    if (f.type === 'member' && f.record) households.add(String(f.record.householdId));
  }
  await refreshHouseholdTerms(db, households);
  // The latest word on each record wins: one that has now landed (or left) is no longer a problem, unless a newer
  // version of it in the same page was set aside; one set aside again gets its new reason.
  const stillAside = setAside.filter((entry) => entry.version > (finals.get(entry.id)?.change.version ?? -1));
  const aside = new Set(stillAside.map((entry) => entry.id));
  const resolved = [...finals.keys()].filter((id) => !aside.has(id));
  if (resolved.length) await db.setAside.bulkDelete(resolved);
  if (stillAside.length) await db.setAside.bulkPut(stillAside);
}

function setAsideEntry(
  change: Pick<Change, 'id' | 'type' | 'commune' | 'version'>,
  problem: Message,
  at: number,
): SetAsideRecord {
  return {
    id: String(change.id),
    type: String(change.type),
    communeCode: String(change.commune),
    version: Number(change.version),
    reason: formatVi(problem),
    problem,
    at,
  };
}

/**
 * Errors about one record's value — it cannot be cloned (a stack overflow is a RangeError in some engines) or
 * keyed — not about the database or the disk: those stop the answer, or a passing fault would set records aside.
 */
/** The status an officer's pending decision on a duplicate cluster gives it ('confirmed' or 'dismissed'). */
function decisionOf(value: unknown): string | undefined {
  const decision = typeof value === 'string' ? value : (value as { decision?: unknown } | null)?.decision;
  return decision === 'confirmed' || decision === 'dismissed' ? decision : undefined;
}

const RECORD_ERRORS = new Set(['DataCloneError', 'DataError', 'RangeError']);

/**
 * One bulk write, as fast as before when every record is fine; when it fails, the same records one at a time,
 * so only those IndexedDB refuses stay out. A full disk or a lost connection still stops the whole answer (the
 * engine reports them); the failed bulk write does not abort the transaction because its error is caught here.
 */
async function putAll(
  table: AnSinhDb['households'],
  items: readonly { record: LocalRecord; change: Change }[],
): Promise<{ change: Change; error: string }[]> {
  if (items.length === 0) return [];
  try {
    await table.bulkPut(items.map((item) => item.record));
    return [];
  } catch (error) {
    if (isQuotaError(error) || isConnectionLost(error)) throw error;
  }
  const refused: { change: Change; error: string }[] = [];
  for (const { record, change } of items) {
    try {
      await table.put(record);
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (isQuotaError(error) || isConnectionLost(error) || typeof name !== 'string' || !RECORD_ERRORS.has(name))
        throw error;
      refused.push({ change, error: name });
    }
  }
  return refused;
}

/** Drops a commune's local copy, keeping records that still have changes waiting to be sent. */
async function dropCommune(db: AnSinhDb, commune: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of RECORD_TABLES) {
    const ids = (await db[name].where('communeCode').equals(commune).primaryKeys()).filter((id) => !keep.has(id));
    await db[name].bulkDelete(ids);
  }
  await db.setAside.where('communeCode').equals(commune).delete();
  await db.cursors.delete(commune);
}

/** Everything a sync request needs from the device, read in one transaction so it is consistent. */
export async function readSyncState(db: AnSinhDb, communes: readonly string[], maxMutations: number) {
  return db.transaction('r', [db.outbox, db.cursors], async () => {
    const mutations = await db.outbox.orderBy('seq').limit(maxMutations).toArray();
    const cursors = await db.cursors.bulkGet([...communes]);
    return {
      mutations,
      pull: communes.map((commune, index) => ({
        commune,
        cursor: cursors[index]?.cursor ?? 0,
        epoch: cursors[index]?.epoch ?? 0,
      })),
    };
  });
}
