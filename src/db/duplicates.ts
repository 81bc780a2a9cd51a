/**
 * @module Possible duplicates on the officer's desk: each open cluster (src/shared/records/duplicate.ts) with its
 * people or households named from what the device already holds — no names travel in the cluster itself. A
 * cluster closed as merged, or decided, is not shown. Long clusters show their first members and a count.
 */
import type { DuplicateReason } from '../shared/search/duplicates';
import type { AnSinhDb, LocalRecord } from './database';

/** Members shown per cluster; the rest are counted. */
export const CLUSTER_DISPLAY_LIMIT = 30;

export interface ClusterMember {
  id: string;
  /** Why it is in the cluster; absent on pairs made before clusters (then the cluster's one reason). */
  reason: DuplicateReason;
  /** Undefined when the record is not on this device (yet). */
  name?: string | undefined;
  /** A member's year of birth, or undefined. */
  birthYear?: string | undefined;
  /** The household: itself, or the member's. */
  householdId?: string | undefined;
  householdHead?: string | undefined;
  village?: string | undefined;
  /** The fields the officer compares side by side (COMPARED_FIELDS), as the device holds them. */
  fields?: Record<string, unknown> | undefined;
}

/** What the officer sees side by side for each member of a cluster, to tell the same person from two. */
export const COMPARED_FIELDS = {
  member: ['fullName', 'birthDate', 'sex', 'citizenId', 'relation', 'ethnicity', 'status'],
  household: ['headName', 'village', 'address', 'phone', 'headCitizenId', 'area'],
} as const;

export interface DuplicateCluster {
  id: string;
  recordType: 'household' | 'member';
  members: ClusterMember[];
  /** All members, shown or not. */
  total: number;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

export async function openDuplicateClusters(db: AnSinhDb, commune: string): Promise<DuplicateCluster[]> {
  const open = (await db.duplicates.where('communeCode').equals(commune).toArray()).filter(
    (d) => d.status === 'open' && !d.deleted,
  );
  return Promise.all(open.map((d) => describe(db, d)));
}

async function describe(db: AnSinhDb, cluster: LocalRecord): Promise<DuplicateCluster> {
  const recordType = cluster.recordType === 'member' ? 'member' : 'household';
  const ids = (Array.isArray(cluster.recordIds) ? cluster.recordIds : []).filter(
    (id): id is string => typeof id === 'string',
  );
  const shown = ids.slice(0, CLUSTER_DISPLAY_LIMIT);
  const reasons = (cluster.reasons ?? {}) as Record<string, DuplicateReason>;
  const fallback = cluster.reason as DuplicateReason;
  const people = recordType === 'member' ? await db.members.bulkGet(shown) : [];
  const householdIds = recordType === 'member' ? people.map((m) => text(m?.householdId) ?? '') : shown;
  const households = await db.households.bulkGet(householdIds);
  const members = shown.map((id, index): ClusterMember => {
    const household = households[index];
    const person = recordType === 'member' ? people[index] : household;
    const found = person && !person.deleted;
    return {
      id,
      reason: reasons[id] ?? fallback,
      ...(found ? { name: text(recordType === 'member' ? person.fullName : person.headName) } : {}),
      ...(found
        ? { fields: Object.fromEntries(COMPARED_FIELDS[recordType].map((field) => [field, person[field]])) }
        : {}),
      ...(found && recordType === 'member' ? { birthYear: text(person.birthDate)?.slice(0, 4) } : {}),
      ...(household
        ? { householdId: household.id, householdHead: text(household.headName), village: text(household.village) }
        : {}),
    };
  });
  return { id: cluster.id, recordType, members, total: ids.length };
}
