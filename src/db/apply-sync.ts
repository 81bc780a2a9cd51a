/**
 * @module Applies one sync answer in ONE transaction: answered outbox entries leave (refused ones move to
 * rejections with their reason), pulled records land — with any still-pending local patch laid on top —
 * removals and resets drop local copies, communes the user lost are purged once nothing of theirs waits to be
 * sent, and the cursors move. A crash part-way leaves all of it or none.
 */
import type { Change, SyncResponse } from '../shared/protocol';
import { applyFieldValues, type FieldPatch } from '../shared/patch';
import { refreshHouseholdTerms, withSearchTerms } from './search-terms';
import { RECORD_TABLES, TABLE_OF, recordTable, type AnSinhDb, type LocalRecord, type OutboxEntry } from './database';

export async function applySyncResponse(db: AnSinhDb, response: SyncResponse, now: number): Promise<void> {
  const tables = [...RECORD_TABLES.map((t) => db[t]), db.outbox, db.rejections, db.cursors];
  await db.transaction('rw', tables, async () => {
    const answered = await db.outbox.where('seq').belowOrEqual(response.lastSeq).toArray();
    const reasons = new Map(response.results.flatMap((r) => (r.status === 'rejected' ? [[r.seq, r.reason] as const] : [])));
    for (const entry of answered) {
      const reason = reasons.get(entry.seq);
      if (reason !== undefined) {
        await db.rejections.put({ seq: entry.seq, mutationId: entry.id, recordId: entry.recordId, op: entry.op, reason, answeredAt: now });
        await undoRefused(db, entry);
      }
    }
    await db.outbox.bulkDelete(answered.map((entry) => entry.seq));

    const pending = await db.outbox.orderBy('seq').toArray();
    const pendingIds = new Set(pending.map((entry) => entry.recordId));
    for (const commune of response.resets) await dropCommune(db, commune, pendingIds);
    await applyChanges(db, response.changes, pending);

    const scope = new Set(response.user.communes.map((c) => c.code));
    const lost = [...new Set([...response.refused, ...(await db.cursors.toArray()).map((c) => c.commune)])].filter((c) => !scope.has(c));
    // Pending changes for a lost commune are answered (refused) by the server first; only then is its data purged.
    if (pending.length === 0) {
      for (const commune of lost) await dropCommune(db, commune, pendingIds);
      await db.cursors.bulkDelete(lost);
    }
    await db.cursors.bulkPut(Object.entries(response.cursors).map(([commune, cursor]) => ({ commune, cursor, epoch: response.epochs[commune] ?? 0 })));
  });
}

/**
 * Takes back what the device showed at once for a mutation the server refused (the mutation itself, with its
 * reason, stays in `rejections`): a decision goes back on the officer's desk; a void that only this device ever
 * held (version 0, never sent back by the server) is dropped — it exists nowhere else and never will.
 */
async function undoRefused(db: AnSinhDb, entry: OutboxEntry): Promise<void> {
  if (entry.op.kind === 'resolve') {
    await db.conflicts.where('id').equals(entry.op.id).modify({ status: 'open' });
    await db.duplicates.where('id').equals(entry.op.id).modify({ status: 'open' });
  }
  if (entry.op.kind === 'void') {
    const local = await db.distributionVoids.get(entry.op.id);
    if (local?.version === 0) await db.distributionVoids.delete(entry.op.id);
  }
}

/**
 * Lands a page of changes with one bulk write per table. Changes come in version order per commune; a record
 * that moved between two communes of this device shows up as a removal in one and a record in the other, in
 * either order — so a removal only drops a copy that still belongs to the commune it was sent for.
 */
async function applyChanges(db: AnSinhDb, changes: readonly Change[], pending: readonly OutboxEntry[]): Promise<void> {
  const patches = new Map<string, FieldPatch[]>();
  for (const entry of pending) {
    if (entry.op.kind === 'patch') patches.set(entry.op.id, [...(patches.get(entry.op.id) ?? []), entry.op.fields]);
  }
  const finals = new Map<string, { type: Change['type']; record: LocalRecord | null }>();
  const removed = changes.filter((c) => c.removed || !c.data);
  const before = new Map<string, LocalRecord | undefined>();
  for (const change of removed) before.set(change.id, await recordTable(db, change.type).get(change.id));
  for (const change of changes) {
    if (change.removed || !change.data) {
      const current = finals.has(change.id) ? finals.get(change.id)?.record : before.get(change.id);
      if (current && current.communeCode !== change.commune) continue;
      finals.set(change.id, { type: change.type, record: null });
      continue;
    }
    let data: Record<string, unknown> = change.data;
    for (const fields of patches.get(change.id) ?? []) data = applyFieldValues(data, fields);
    const record: LocalRecord = { ...data, id: change.id, version: change.version, communeCode: String(data.communeCode ?? change.commune) };
    if (change.deleted) record.deleted = true;
    finals.set(change.id, { type: change.type, record: withSearchTerms(change.type, record) });
  }
  const households = new Set<string>();
  for (const [id, f] of finals) {
    if (f.type === 'household' && f.record) households.add(id);
    if (f.type === 'member' && f.record) households.add(String(f.record.householdId));
  }
  for (const name of RECORD_TABLES) {
    const mine = [...finals.values()].filter((f) => TABLE_OF[f.type] === name);
    const puts = mine.flatMap((f) => (f.record ? [f.record] : []));
    const deletes = [...finals.entries()].filter(([, f]) => TABLE_OF[f.type] === name && !f.record).map(([id]) => id);
    if (puts.length) await db[name].bulkPut(puts);
    if (deletes.length) await db[name].bulkDelete(deletes);
  }
  await refreshHouseholdTerms(db, households);
}

/** Drops a commune's local copy, keeping records that still have changes waiting to be sent. */
async function dropCommune(db: AnSinhDb, commune: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of RECORD_TABLES) {
    const ids = (await db[name].where('communeCode').equals(commune).primaryKeys()).filter((id) => !keep.has(id));
    await db[name].bulkDelete(ids);
  }
  await db.cursors.delete(commune);
}

/** Everything a sync request needs from the device, read in one transaction so it is consistent. */
export async function readSyncState(db: AnSinhDb, communes: readonly string[], maxMutations: number) {
  return db.transaction('r', [db.outbox, db.cursors], async () => {
    const mutations = await db.outbox.orderBy('seq').limit(maxMutations).toArray();
    const cursors = await db.cursors.bulkGet([...communes]);
    return {
      mutations,
      pull: communes.map((commune, index) => ({ commune, cursor: cursors[index]?.cursor ?? 0, epoch: cursors[index]?.epoch ?? 0 })),
    };
  });
}
