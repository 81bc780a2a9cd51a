/**
 * @module Duplicate registrations made by devices that could not see each other, grouped into clusters: one open
 * `duplicate` record per group of look-alikes (src/shared/records/duplicate.ts), for the commune officer to
 * confirm or dismiss as a whole. Confirmed with the record to keep, the others are merged into it (`mergeInto`).
 *
 * When a household or member is first registered, its look-alikes are read through indexes, at most
 * CANDIDATE_LIMIT per kind of lookup (store/person-keys.ts), and compared (src/shared/search/duplicates.ts):
 *  - none: nothing to do;
 *  - some, in no open cluster: a new cluster opens with the new record first, then the ones it matches;
 *  - some in one open cluster: the new record joins it, and so do its look-alikes that were in none;
 *  - some in two or more open clusters: the new record links them, so they become one. The largest survives
 *    (the fewest ids change hands); the others are closed as `merged`, emptied and pointing at the survivor, so
 *    devices hide them and every record id is in at most one open cluster — the download stays proportional to
 *    the records whatever the order of arrival.
 * A record is in at most one open cluster (`person_keys.open_cluster`).
 *
 * Decisions. The officer confirms or dismisses a cluster as it stands; its members leave it (open_cluster
 * cleared), so nothing can re-open or grow a decided cluster: it keeps its status and its members for good.
 * Registering again is the only way a question comes back: a new record that resembles members of a decided
 * cluster opens a new cluster with itself and the ones it matches — the new record is what the officer has not
 * seen. An edit of a record's identity fields only refreshes its keys; it never flags (as before clusters).
 *
 * Work per batch. Clusters touched in a push batch are kept in memory and written once when the batch ends
 * (`collectingDuplicates`, around push.ts's loop, inside its transaction), so 200 namesakes in one batch make one
 * write of one cluster, not 200 growing copies. Membership (`open_cluster`) is written at once, so the next
 * record of the same batch sees it. Outside a batch (seeding, tests) each call writes what it touched.
 *
 * Concurrency. Two PostgreSQL transactions registering look-alikes in one commune must not both open a cluster
 * or both append to the same one from a stale read: the cluster work of a commune runs under the row lock of
 * its version counter (`lockCommuneClusters`), the lock every write of the commune takes anyway, so it adds no
 * new lock order. SQLite has one writer.
 *
 * Pairs written before clusters (recordIds of two, no `reasons`): migration 6 groups the open ones into clusters
 * (`clusterLegacyPairs`: pairs that share a record are one group) and removes the pairs. Decided pairs stay.
 */
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../db/database';
import { fold } from '../../../../src/shared/search/fold';
import {
  DUPLICATE_REASON_STRENGTH,
  findDuplicates,
  findHouseholdDuplicates,
  type DuplicateCandidate,
  type DuplicateReason,
} from '../../../../src/shared/search/duplicates';
import type { DuplicateData } from '../../../../src/shared/records/duplicate';
import {
  childrenOf,
  countRecordsExcept,
  getRecord,
  getRecords,
  liveIdsOfType,
  scanRecords,
  type StoredRecord,
} from '../../store/records';
import { can, notPermitted } from '../../../../src/shared/permissions';
import {
  deleteMembersKeys,
  deletePersonKey,
  getPersonKey,
  lockCommuneClusters,
  moveOpenCluster,
  personKeyCandidates,
  putPersonKey,
  setMembersVillageKey,
  setOpenCluster,
  type PersonKeyCandidate,
  type PersonKeyRow,
} from '../../store/person-keys';
import type { MutationContext, PushContext } from '../context';
import { removeRecord, writeRecord } from '../write-record';
import { message, type Message } from '../../../../src/shared/messages';
import { followMerge } from './handout-keys';

const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

async function keyOf(
  tx: SqlExecutor,
  record: Pick<StoredRecord, 'id' | 'type' | 'commune' | 'data'>,
): Promise<PersonKeyRow | undefined> {
  if (record.type === 'household') {
    return {
      recordId: record.id,
      recordType: 'household',
      commune: record.commune,
      nameKey: fold(String(record.data.headName)),
      birthYear: null,
      citizenId: str(record.data.headCitizenId),
      villageKey: fold(String(record.data.village)),
    };
  }
  if (record.type === 'member') {
    const household = await getRecord(tx, String(record.data.householdId));
    return memberKey(record, household ? fold(String(household.data.village)) : null);
  }
  return undefined;
}

/** A member's key: its own name, year and CCCD, and its household's village. */
function memberKey(record: Pick<StoredRecord, 'id' | 'commune' | 'data'>, villageKey: string | null): PersonKeyRow {
  return {
    recordId: record.id,
    recordType: 'member',
    commune: record.commune,
    nameKey: fold(String(record.data.fullName)),
    birthYear: str(record.data.birthDate)?.slice(0, 4) ?? null,
    citizenId: str(record.data.citizenId),
    villageKey,
  };
}

/** A household's members that are not deleted (a deleted one has no key). */
async function membersOf(tx: SqlExecutor, householdId: string): Promise<StoredRecord[]> {
  return (await childrenOf(tx, householdId)).filter((child) => child.type === 'member' && !child.deleted);
}

/**
 * A household or person deleted by the officer is nobody's look-alike any more, nor is any member of a household
 * deleted: their keys go (a deleted household's members are never edited again: they have no household).
 */
export async function forgetKeys(tx: SqlExecutor, record: Pick<StoredRecord, 'id' | 'type'>): Promise<void> {
  await deletePersonKey(tx, record.id);
  if (record.type === 'household')
    for (const member of await membersOf(tx, record.id)) await deletePersonKey(tx, member.id);
}

/** A cluster being changed by this batch: its stored form and its data as it will be written. */
interface Touched {
  record: Omit<StoredRecord, 'version' | 'data'>;
  data: DuplicateData;
  /** The cluster as stored when the batch read it (undefined: opened by this batch), for the write path. */
  before: StoredRecord | undefined;
}

type Batch = Map<string, Touched>;

/** The open batch of each executor (SQLite hands every transaction the same executor: cleared in `finally`). */
const batches = new WeakMap<SqlExecutor, Batch>();

/**
 * Runs a push batch's mutations, then writes each duplicate cluster they touched once, in the same transaction.
 * If `run` throws, the transaction rolls back and the pending clusters are dropped with it.
 */
export async function collectingDuplicates<T>(
  tx: SqlExecutor,
  context: PushContext,
  run: () => Promise<T>,
): Promise<T> {
  const batch: Batch = new Map();
  batches.set(tx, batch);
  try {
    const result = await run();
    await flush(tx, context, batch);
    return result;
  } finally {
    batches.delete(tx);
  }
}

async function flush(tx: SqlExecutor, context: PushContext, batch: Batch): Promise<void> {
  for (const { record, data, before } of batch.values())
    await writeRecord(tx, context, { ...record, data }, { before });
  batch.clear();
}

/** Inside a push batch, its pending clusters; outside one, a batch of this call alone, written at its end. */
async function withBatch<T>(tx: SqlExecutor, context: PushContext, work: (batch: Batch) => Promise<T>): Promise<T> {
  const open = batches.get(tx);
  if (open) return work(open);
  const own: Batch = new Map();
  const result = await work(own);
  await flush(tx, context, own);
  return result;
}

async function loadCluster(tx: SqlExecutor, batch: Batch, id: string): Promise<Touched | undefined> {
  const pending = batch.get(id);
  if (pending) return pending;
  const stored = await getRecord(tx, id);
  if (stored?.type !== 'duplicate' || stored.deleted) return undefined;
  const { data, version: _version, ...record } = stored;
  const touched: Touched = { record, data: data as DuplicateData, before: stored };
  batch.set(id, touched);
  return touched;
}

const stronger = (a: DuplicateReason | undefined, b: DuplicateReason): DuplicateReason =>
  a && DUPLICATE_REASON_STRENGTH[a] >= DUPLICATE_REASON_STRENGTH[b] ? a : b;

/** Keeps the record's key current; on a first registration, puts it and its look-alikes in one open cluster. */
/**
 * Fields a person or household is recognised by (src/shared/search/duplicates.ts), and the commune whose look-alikes
 * it is compared with: a change of any of them refreshes the record's key.
 */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'headName',
  'headCitizenId',
  'village',
  'fullName',
  'birthDate',
  'citizenId',
  'householdId',
  'communeCode',
]);

export async function checkDuplicates(
  tx: SqlExecutor,
  context: PushContext,
  record: Pick<StoredRecord, 'id' | 'type' | 'commune' | 'data'>,
  isNew: boolean,
): Promise<void> {
  const key = await keyOf(tx, record);
  if (!key) return;
  if (isNew) await lockCommuneClusters(tx, key.commune);
  const before = isNew || key.recordType !== 'household' ? undefined : await getPersonKey(tx, record.id);
  await putPersonKey(tx, key);
  // Members are looked for in their household's village: theirs follow it (an edit, a rename of the village).
  // Under the household's lock, which a member's own writer holds too (lock-keys.ts).
  if (!isNew && key.recordType === 'household' && before?.villageKey !== key.villageKey)
    for (const member of await membersOf(tx, record.id)) await putPersonKey(tx, memberKey(member, key.villageKey));
  if (!isNew) return;
  const others = await personKeyCandidates(tx, key);
  const found = lookAlikes(key, others);
  if (found.length === 0) return;
  await withBatch(tx, context, (batch) =>
    join(tx, context, batch, key, found, new Map(others.map((o) => [o.recordId, o]))),
  );
}

function lookAlikes(key: PersonKeyRow, others: readonly PersonKeyCandidate[]): DuplicateCandidate[] {
  return key.recordType === 'household'
    ? findHouseholdDuplicates(
        {
          id: key.recordId,
          headName: key.nameKey,
          village: key.villageKey ?? '',
          headCitizenId: key.citizenId ?? undefined,
        },
        others.map((o) => ({
          id: o.recordId,
          headName: o.nameKey,
          village: o.villageKey ?? '',
          headCitizenId: o.citizenId ?? undefined,
        })),
      )
    : findDuplicates(
        {
          id: key.recordId,
          fullName: key.nameKey,
          birthDate: key.birthYear ?? undefined,
          citizenId: key.citizenId ?? undefined,
          village: key.villageKey ?? undefined,
        },
        others.map((o) => ({
          id: o.recordId,
          fullName: o.nameKey,
          birthDate: o.birthYear ?? undefined,
          citizenId: o.citizenId ?? undefined,
          village: o.villageKey ?? undefined,
        })),
      );
}

async function join(
  tx: SqlExecutor,
  context: PushContext,
  batch: Batch,
  key: PersonKeyRow,
  found: readonly DuplicateCandidate[],
  others: ReadonlyMap<string, PersonKeyCandidate>,
): Promise<void> {
  const clusterIds = [...new Set(found.flatMap((f) => others.get(f.id)?.openCluster ?? []))];
  const open: Touched[] = [];
  for (const id of clusterIds) {
    const cluster = await loadCluster(tx, batch, id);
    if (cluster?.data.status === 'open') open.push(cluster);
  }
  // The largest survives (the fewest ids move); among equals the smaller id, so read order does not decide.
  open.sort((a, b) => b.data.recordIds.length - a.data.recordIds.length || (a.record.id < b.record.id ? -1 : 1));
  const newReason = found.reduce<DuplicateReason | undefined>((best, f) => stronger(best, f.reason), undefined)!;
  const target = open[0] ?? openCluster(batch, context, key, newReason);
  const reasons = { ...target.data.reasons };
  const ids = [...target.data.recordIds];
  const members = new Set(ids);
  const add = (id: string, reason: DuplicateReason) => {
    if (!members.has(id)) ids.push(id);
    members.add(id);
    reasons[id] = stronger(reasons[id], reason);
  };
  add(key.recordId, newReason);
  for (const f of found) add(f.id, f.reason);
  for (const merged of open.slice(1)) {
    for (const id of merged.data.recordIds) add(id, merged.data.reasons?.[id] ?? merged.data.reason);
    merged.data = { ...merged.data, status: 'merged', mergedInto: target.record.id, recordIds: [], reasons: {} };
    await moveOpenCluster(tx, merged.record.id, target.record.id);
  }
  target.data = { ...target.data, recordIds: ids, reasons };
  // Look-alikes in a decided cluster (or in none) and the new record are now in this one.
  await setOpenCluster(
    tx,
    [key.recordId, ...found.map((f) => f.id).filter((id) => others.get(id)?.openCluster !== target.record.id)],
    target.record.id,
  );
}

function openCluster(batch: Batch, context: PushContext, key: PersonKeyRow, reason: DuplicateReason): Touched {
  const id = randomUUID();
  const touched: Touched = {
    // No parent: a cluster stays in its commune when one of its records moves away (it holds only ids).
    record: {
      id,
      type: 'duplicate',
      commune: key.commune,
      parentId: null,
      meta: { f: {} },
      deleted: false,
      createdAt: context.now,
    },
    data: { communeCode: key.commune, recordType: key.recordType, recordIds: [], reason, reasons: {}, status: 'open' },
    before: undefined,
  };
  batch.set(id, touched);
  return touched;
}

export type ClusterDecision = 'confirmed' | 'dismissed';

/**
 * The officer's decision on a whole cluster: its members leave it, so later look-alikes open a new one. A pair
 * written before clusters is decided the same way. With `seen` (the members the officer was shown), a cluster
 * that gained a member since is refused: the device puts it back on the desk, grown. Answers a reason when the
 * cluster cannot be decided.
 */
export async function decideCluster(
  tx: SqlExecutor,
  context: MutationContext,
  id: string,
  value: ClusterDecision,
  seen?: readonly string[],
  keep?: string,
): Promise<Message | undefined> {
  const stored = await getRecord(tx, id);
  if (!stored) return message('reject.duplicateNotFound');
  await lockCommuneClusters(tx, stored.commune);
  return withBatch(tx, context, async (batch) => {
    const cluster = await loadCluster(tx, batch, id);
    if (!cluster) return message('reject.duplicateNotFound');
    if (cluster.data.status === 'merged') return message('reject.duplicateMerged');
    if (cluster.data.status !== 'open') return message('reject.duplicateDecided');
    if (seen) {
      const shown = new Set(seen);
      if (cluster.data.recordIds.some((member) => !shown.has(member))) return message('reject.duplicateGrew');
    }
    if (value === 'confirmed' && keep !== undefined) {
      const refused = await mergeInto(tx, context, cluster.record.commune, cluster.data, keep);
      if (refused) return refused;
    }
    cluster.data = {
      ...cluster.data,
      status: value,
      decision: { by: context.userId, at: context.now, ...(value === 'confirmed' && keep ? { kept: keep } : {}) },
    };
    await moveOpenCluster(tx, id, null);
    return undefined;
  });
}

/**
 * "Đúng là trùng" with the record to keep: one person (or household) stays, each other member of the cluster is
 * soft-deleted with `mergedInto` naming the one kept (its row and its history stay), and what belongs to it moves
 * to the one kept — a person's allowance cases; a household's members and surveys. Handouts stay as they were
 * recorded (the relief ledger is a fact, docs/sync.md G4), but what counted for a household merged away counts
 * for the one kept: its handouts, and the damage entries linked to it, which are linked to the one kept
 * (handout-keys.ts `followMerge`). Only members still live in the cluster's commune are merged; one elsewhere, or
 * already gone, is left as it is.
 * A record merged away loses its look-alike key: kept, a later namesake would be put in a cluster with it again.
 *
 * Locks: the batch took every member's `record:<id>` up front (lock-keys.ts), the lock under which their
 * children are written, so no edit of a moved case or member lands on the old parent; for households also the
 * commune's handout lock and the `record:<id>` of the damage entries linked to them.
 */
async function mergeInto(
  tx: SqlExecutor,
  context: MutationContext,
  commune: string,
  data: DuplicateData,
  keep: string,
): Promise<Message | undefined> {
  if (!data.recordIds.includes(keep)) return message('reject.duplicateKeep');
  if (!can(context.role, data.recordType, 'delete')) return notPermitted(context.role, data.recordType, 'delete');
  const records = (await getRecords(tx, data.recordIds)).filter(
    (r) => r.type === data.recordType && !r.deleted && r.commune === commune,
  );
  const kept = records.find((r) => r.id === keep);
  if (!kept) return message('reject.duplicateKeep');
  await lockCommuneClusters(tx, commune);
  for (const merged of records) {
    if (merged.id === kept.id) continue;
    for (const child of await childrenOf(tx, merged.id)) {
      const key = child.type === 'case' ? 'subjectId' : child.type === 'member' ? 'householdId' : undefined;
      if (!key || child.deleted) continue;
      const moved = { ...child, parentId: kept.id, data: { ...child.data, [key]: kept.id } };
      await writeRecord(tx, context, moved, { before: child, touched: [key] });
      if (child.type === 'member') await checkDuplicates(tx, context, moved, false);
    }
    const away = { ...merged, deleted: true, data: { ...merged.data, mergedInto: kept.id } };
    await writeRecord(tx, context, away, { before: merged });
    await deletePersonKey(tx, merged.id);
    // Its handouts, and the damage entries linked to it, count for the one kept now (handout-keys.ts).
    if (merged.type === 'household') await followMerge(tx, context, away, kept.id);
  }
  return undefined;
}

/**
 * Migration 6: open pairs written before clusters become clusters — pairs sharing a record are one group — and
 * the pairs are removed, each with a tombstone so devices drop their copy. Where the pairs outnumber the
 * commune's other records (the quadratic case), their tombstones are dated 0: the pruning at start forgets them
 * at once, so a fresh device downloads the records and the clusters, not a removal per pair, and a device that
 * held the pairs re-downloads its commune once (a reset, docs/sync.md). Elsewhere they age like any other.
 */
export async function clusterLegacyPairs(tx: SqlExecutor, now: number): Promise<void> {
  const context: PushContext = { userId: 'migration-6', role: 'admin', scope: new Set(), clientId: 'migration-6', now };
  const pairs = await liveIdsOfType(tx, 'duplicate');
  const groups = new Map<string, { pairs: StoredRecord[]; parent: Map<string, string> }>();
  const root = (parent: Map<string, string>, id: string): string => {
    let at = id;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up;
    parent.set(id, at);
    return at;
  };
  for (const id of pairs) {
    const pair = await getRecord(tx, id);
    const data = pair?.data as DuplicateData | undefined;
    if (!pair || !data || data.status !== 'open' || data.reasons || data.recordIds.length < 2) continue;
    const key = `${pair.commune}|${data.recordType}`;
    const group = groups.get(key) ?? { pairs: [], parent: new Map<string, string>() };
    groups.set(key, group);
    group.pairs.push(pair);
    for (const member of data.recordIds) if (!group.parent.has(member)) group.parent.set(member, member);
    const [first, ...rest] = data.recordIds.map((member) => root(group.parent, member));
    for (const other of rest) group.parent.set(other, first!);
  }
  for (const group of groups.values()) {
    const clusters = new Map<
      string,
      { pairs: StoredRecord[]; ids: string[]; reasons: Record<string, DuplicateReason> }
    >();
    for (const pair of group.pairs) {
      const data = pair.data as DuplicateData;
      const top = root(group.parent, data.recordIds[0]!);
      const cluster = clusters.get(top) ?? { pairs: [], ids: [], reasons: {} };
      clusters.set(top, cluster);
      cluster.pairs.push(pair);
      for (const member of data.recordIds) {
        if (!(member in cluster.reasons)) cluster.ids.push(member);
        cluster.reasons[member] = stronger(cluster.reasons[member], data.reason);
      }
    }
    for (const cluster of clusters.values()) {
      const first = cluster.pairs[0]!;
      const firstData = first.data as DuplicateData;
      const id = randomUUID();
      const data: DuplicateData = {
        communeCode: first.commune,
        recordType: firstData.recordType,
        recordIds: cluster.ids,
        reason: firstData.reason,
        reasons: cluster.reasons,
        status: 'open',
      };
      await writeRecord(
        tx,
        context,
        {
          id,
          type: 'duplicate',
          commune: first.commune,
          parentId: null,
          data,
          meta: { f: {} },
          deleted: false,
          createdAt: now,
        },
        { before: undefined },
      );
      await setOpenCluster(tx, cluster.ids, id);
    }
    const { commune } = group.pairs[0]!;
    const others = await countRecordsExcept(tx, commune, 'duplicate');
    const removedAt = group.pairs.length > others ? 0 : now;
    for (const pair of group.pairs) await removeRecord(tx, pair, removedAt);
  }
}

/**
 * Migration 13: members' keys written before they followed their household — each member is looked for in its
 * household's village as it stands now, and the members of a household the officer deleted are nobody's
 * look-alikes. A page of households at a time; one statement per village (and chunk), not per member.
 */
export async function refreshMemberKeys(tx: SqlExecutor): Promise<void> {
  const byVillage = new Map<string, string[]>();
  const deleted: string[] = [];
  let after = '';
  for (;;) {
    const page = await scanRecords(tx, ['household'], after, 1000);
    if (page.length === 0) break;
    for (const household of page) {
      const villageKey = fold(String(household.data.village));
      if (household.deleted) deleted.push(household.id);
      else if (byVillage.has(villageKey)) byVillage.get(villageKey)!.push(household.id);
      else byVillage.set(villageKey, [household.id]);
    }
    after = page[page.length - 1]!.id;
  }
  for (const [villageKey, households] of byVillage) await setMembersVillageKey(tx, households, villageKey);
  await deleteMembersKeys(tx, deleted);
}
