/**
 * @module Same-field conflicts on the device (the server makes them, src/sync pulls them to every device of the
 * commune): for the officer's desk, each with the household and person it is about and the value the record holds
 * now; for the collaborator whose value is waiting or lost, the conflicts this very device took part in.
 */
import type { AnSinhDb } from './database';
import { recordsOf, type Local } from './records';

const conflicts = recordsOf('conflict');
const households = recordsOf('household');
const members = recordsOf('member');

export type LocalConflict = Local<'conflict'>;

/** A conflict named for a person: its household, its person (a member's conflict), the value held now. */
export interface DescribedConflict {
  conflict: LocalConflict;
  household?: { id: string; headName: string } | undefined;
  person?: { id: string; fullName: string } | undefined;
  /** The value the record holds on this device now (the provisional one), undefined when it is not here. */
  current: unknown;
}

/** How long a decided conflict stays on its collaborator's Sync page and record, saying which value was kept. */
export const DECIDED_SHOWN_MS = 30 * 86_400_000;

export async function openConflicts(db: AnSinhDb, communeCode: string): Promise<LocalConflict[]> {
  return (await conflicts.where(db, 'communeCode', communeCode)).records.filter((c) => c.status === 'open');
}

export async function describeConflicts(db: AnSinhDb, list: readonly LocalConflict[]): Promise<DescribedConflict[]> {
  return Promise.all(
    list.map(async (conflict): Promise<DescribedConflict> => {
      const person = conflict.recordType === 'member' ? await members.get(db, conflict.recordId) : undefined;
      const householdId = conflict.recordType === 'household' ? conflict.recordId : person?.householdId;
      const household = householdId ? await households.get(db, householdId) : undefined;
      const record = conflict.recordType === 'member' ? person : household;
      return {
        conflict,
        household: household && { id: household.id, headName: household.headName },
        person: person && { id: person.id, fullName: person.fullName },
        current: record ? (record as Record<string, unknown>)[conflict.field] : undefined,
      };
    }),
  );
}

/** One of this device's values in a conflict: waiting for the officer, or decided (the value kept). */
export interface MyConflict extends DescribedConflict {
  mine: unknown;
  /** The officer's decision has been pulled: `kept` is the value the record holds for good. */
  decided: boolean;
  kept?: unknown;
}

/**
 * The conflicts this device's values are in and did not stand as committed: open ones, and ones decided in the
 * last DECIDED_SHOWN_MS (so the collaborator learns which value was kept). For one record, or a commune.
 */
export async function myConflicts(
  db: AnSinhDb,
  of: { recordId: string } | { commune: string },
  now = Date.now(),
): Promise<MyConflict[]> {
  // Read, not made: this runs inside live queries, which may not write (a device that never synced has none).
  const clientId = (await db.meta.get('clientId'))?.value;
  if (typeof clientId !== 'string') return [];
  const all = (
    'recordId' in of
      ? await conflicts.where(db, 'recordId', of.recordId)
      : await conflicts.where(db, 'communeCode', of.commune)
  ).records;
  const mine = all.flatMap((conflict) => {
    const candidate = conflict.candidates.find((c) => c.clientId === clientId && !c.committed);
    if (!candidate) return [];
    if (conflict.status !== 'open' && (conflict.resolution?.at ?? 0) < now - DECIDED_SHOWN_MS) return [];
    return [{ conflict, mine: candidate.value }];
  });
  const described = await describeConflicts(
    db,
    mine.map((m) => m.conflict),
  );
  return described.map((d, index) => ({
    ...d,
    mine: mine[index]!.mine,
    decided: d.conflict.status !== 'open',
    ...(d.conflict.status !== 'open' ? { kept: d.conflict.resolution?.value } : {}),
  }));
}
