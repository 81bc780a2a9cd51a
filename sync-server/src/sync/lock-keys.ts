/**
 * @module The locks that guard what two batches may both rewrite, and how a batch learns them before it reads
 * anything (push.ts takes them with its records' own locks in one `lockAll`, sorted, so two batches never wait
 * on each other in opposite orders). One rule per kind of shared data:
 *
 * - `record:<id>` guards a record's read-modify-write — and also the candidates and status of every conflict
 *   *about* that record. Not the conflict's own id: a patch adds candidates while holding its record, so a
 *   resolve holds the same record before it reads the conflict, and can never close it over a candidate it has
 *   not read.
 * - `handout:<commune>` guards the commune's handouts in the check for doubles: their keys (event_keys), whether
 *   each is active (a void marks it), their duplicate flags (a second handout marks them), and the links of the
 *   damage entries they were made through (a new link, or a merge of households, re-keys them: handout-keys.ts).
 *   A handout, once stored, is rewritten only under this lock, and a damage entry's `householdId` written only
 *   under it. One lock per commune, not per key: a handout's key follows its damage entry's link, which an edit
 *   changes, so a finer lock could not be named before reading. It costs no concurrency worth having: a batch
 *   that writes in a commune already holds that commune's version counter from its first write to its commit
 *   (store/sync-log.ts).
 *
 * - a child record's write (a member, a case) also holds its parent's `record:<id>`, the parent it has and the one
 *   it names: the parent's commune decides the child's, so a household that moves and a member created or edited
 *   in it at the same moment take turns (else the member stays behind in the commune the household left).
 *
 * - `villages:<commune>` guards the commune's list of villages and which households name each: every write of a
 *   village and every write of a household's village or commune holds it (apply/villages.ts). A rename also
 *   holds `record:<id>` of each household naming the old name, found before the locks are taken; one that came to
 *   name it in between is locked late (rare: it needed this lock to do so, and had it just before us).
 *
 * - a merge of possible duplicates (a resolve confirming a cluster with the record to keep) holds `record:<id>` of
 *   every member of the cluster: it soft-deletes all but one and moves their cases and members. A merge of
 *   households also holds the commune's `handout:<commune>` — what counted for a household merged away counts for
 *   the one kept: its handouts are re-keyed and flagged — and `record:<id>` of each damage entry linked to one of
 *   them, found before the locks are taken, since it links them to the one kept (an entry linked in between is
 *   locked late, as a rename does).
 *
 * A resolve's record, a void's handout and a damage entry's commune are read before the locks are taken; the
 * first two are facts that never change once written (a conflict's record, a handout's commune). An entry moved
 * to another commune in between is rare; its handouts stay where they were made, and that lock is taken late. A
 * child's current parent is read the same way; a parent changed by another batch in between is rare, and then
 * only that check is late.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../db/database';
import { DistributionData } from '../../../src/shared/records/distribution';
import type { ConflictData } from '../../../src/shared/records/conflict';
import type { DuplicateData } from '../../../src/shared/records/duplicate';
import { CommuneCode, Uuid } from '../../../src/shared/fields';
import { EDITABLE_TYPES, type EditableTypeName } from '../../../src/shared/records/registry';
import { getRecords } from '../store/records';
import { householdsNaming } from './village-names';
import { entriesLinkedTo } from './damage-links';

export const recordLock = (id: string) => `record:${id}`;
export const handoutLock = (commune: string) => `handout:${commune}`;
export const villageListLock = (commune: string) => `villages:${commune}`;

interface RawOp {
  kind?: unknown;
  type?: unknown;
  id?: unknown;
  data?: { target?: unknown };
  fields?: Record<string, unknown>;
  value?: unknown;
}

/** The field of a child record that names its parent (src/shared/records/registry.ts). */
function parentKey(type: unknown): string | undefined {
  if (typeof type !== 'string' || !(type in EDITABLE_TYPES)) return undefined;
  const declared = EDITABLE_TYPES[type as EditableTypeName];
  return 'parent' in declared ? declared.parent.key : undefined;
}

/** What a patch does with its commune's list of villages: writes a village (`rename` when it names it anew), names one. */
function villageListUse(
  type: unknown,
  fields: Record<string, unknown> | undefined,
): 'village' | 'household' | 'rename' | undefined {
  if (!fields) return undefined;
  if (type === 'village') return 'name' in fields ? 'rename' : 'village';
  return type === 'household' && ('village' in fields || 'communeCode' in fields) ? 'household' : undefined;
}

/** The guard locks of a batch beyond the records it names: conflicts' records, handouts' communes. */
export async function guardLocks(tx: SqlExecutor, mutations: readonly unknown[]): Promise<string[]> {
  const keys: string[] = [];
  const lookUp: string[] = [];
  const merging = new Set<string>();
  const linking = new Set<string>();
  const naming = new Map<string, 'village' | 'household' | 'rename'>();
  for (const raw of mutations) {
    const op = (raw as { op?: RawOp }).op;
    if (op?.kind === 'event') {
      const parsed = v.safeParse(DistributionData, op.data);
      if (parsed.success) keys.push(handoutLock(parsed.output.communeCode));
    }
    // A damage entry's link decides which household its handouts count for: the commune it is in, and the one
    // the patch names.
    const fields = typeof op?.fields === 'object' && op.fields !== null ? op.fields : undefined;
    if (op?.kind === 'patch' && op.type === 'damage' && fields && 'householdId' in fields && v.is(Uuid, op.id)) {
      lookUp.push(op.id);
      linking.add(op.id);
      const commune = (fields.communeCode as unknown[] | undefined)?.[0];
      if (v.is(CommuneCode, commune)) keys.push(handoutLock(commune));
    }
    // A village's write, or a household's village: the commune's list (the one it is in, the one it names).
    const lists = villageListUse(op?.kind === 'patch' ? op.type : undefined, fields);
    if (lists && v.is(Uuid, op?.id)) {
      lookUp.push(op.id);
      naming.set(op.id, lists);
      const commune = (fields?.communeCode as unknown[] | undefined)?.[0];
      if (v.is(CommuneCode, commune)) keys.push(villageListLock(commune));
    }
    // Only well-formed ids are looked up: a raw id may hold text the database cannot even be asked about (NUL).
    if (op?.kind === 'resolve' && v.is(Uuid, op.id)) lookUp.push(op.id);
    if (op?.kind === 'resolve' && typeof op.value === 'object' && op.value !== null && 'keep' in op.value)
      merging.add(String(op.id));
    if (op?.kind === 'void' && v.is(Uuid, op.data?.target)) lookUp.push(op.data.target);
    const key = op?.kind === 'patch' ? parentKey(op.type) : undefined;
    if (key && v.is(Uuid, op?.id)) {
      lookUp.push(op.id);
      const named = (op.fields?.[key] as unknown[] | undefined)?.[0];
      if (v.is(Uuid, named)) keys.push(recordLock(named));
    }
  }
  for (const record of await getRecords(tx, [...new Set(lookUp)])) {
    if (record.type === 'conflict') keys.push(recordLock((record.data as ConflictData).recordId));
    // A merge ("Đúng là trùng" with the one to keep) rewrites every member and what belongs to them; households'
    // handouts are re-keyed and the damage entries linked to them linked to the one kept (handout-keys.ts).
    if (record.type === 'duplicate' && merging.has(record.id)) {
      const cluster = record.data as DuplicateData;
      for (const member of cluster.recordIds) if (v.is(Uuid, member)) keys.push(recordLock(member));
      if (cluster.recordType === 'household') {
        keys.push(handoutLock(record.commune));
        const members = new Set(cluster.recordIds);
        for (const entry of await entriesLinkedTo(tx, record.commune, members, { deleted: false }))
          keys.push(recordLock(entry.id));
      }
    }
    if (record.type === 'distribution') keys.push(handoutLock(record.commune));
    if (record.type === 'damage' && linking.has(record.id)) keys.push(handoutLock(record.commune));
    const use = naming.get(record.id);
    if (use === record.type || (use === 'rename' && record.type === 'village')) {
      keys.push(villageListLock(record.commune));
      // A rename rewrites the households naming the village (apply/villages.ts carryRename).
      if (use === 'rename')
        for (const household of await householdsNaming(tx, record.commune, String(record.data.name)))
          keys.push(recordLock(household.id));
    }
    if ((record.type === 'member' || record.type === 'case') && record.parentId && v.is(Uuid, record.parentId))
      keys.push(recordLock(record.parentId));
  }
  return keys;
}
