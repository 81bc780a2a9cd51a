/**
 * @module What a household can be found by on the device: the folded words of its head's name and of every
 * member's name, CCCDs and phone — all on the household row, so one index answers "by head, any member, CCCD or
 * phone" without joining 20,000 members. Members keep their own terms for the duplicate check at entry.
 * Refreshed wherever a household or member is written (the write path, applying a sync answer, the upgrade).
 */
import { fold, searchTerms } from '../shared/search/fold';
import type { RecordTypeName } from '../shared/records/registry';
import type { Table } from 'dexie';
import type { LocalRecord } from './types';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A member's own terms; households get theirs from `refreshHouseholdTerms`. */
export function withSearchTerms(type: RecordTypeName, record: LocalRecord): LocalRecord {
  if (type === 'member') return { ...record, terms: searchTerms(text(record.fullName), text(record.citizenId)) };
  return record;
}

/** A member as the search ranks it: the name shown when the household was found by it, and its own terms. */
export interface MemberTerms {
  readonly name: string;
  readonly terms: readonly string[];
}

/**
 * The search fields of a household row: `terms` (everything it is found by, filtered per keystroke), and for
 * ranking a match (head first, then one member, then the rest) the head's own words and each member's terms.
 */
export function householdIndexFields(
  household: LocalRecord,
  members: readonly LocalRecord[],
): { terms: string[]; sortName: string; headTerms: string[]; memberTerms: MemberTerms[] } {
  const present = members.filter((m) => m.status !== 'deceased' && !m.deleted);
  return {
    headTerms: searchTerms(text(household.headName)),
    memberTerms: present.flatMap((m) => {
      const name = text(m.fullName);
      return name ? [{ name, terms: searchTerms(name, text(m.citizenId)) }] : [];
    }),
    terms: searchTerms(
      text(household.headName),
      text(household.headCitizenId),
      text(household.phone),
      ...present.flatMap((m) => [text(m.fullName), text(m.citizenId)]),
    ),
    sortName: fold(text(household.headName) ?? ''),
  };
}

/** Recomputes the search fields of these households from their current members; call inside the write transaction. */
export async function refreshHouseholdTerms(
  tables: { households: Table<LocalRecord, string>; members: Table<LocalRecord, string> },
  ids: Iterable<string>,
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const [households, members] = await Promise.all([
    tables.households.bulkGet(wanted),
    tables.members.where('householdId').anyOf(wanted).toArray(),
  ]);
  const byHousehold = new Map<string, LocalRecord[]>();
  for (const member of members)
    byHousehold.set(String(member.householdId), [...(byHousehold.get(String(member.householdId)) ?? []), member]);
  const updated = households.flatMap((h) =>
    h ? [{ ...h, ...householdIndexFields(h, byHousehold.get(h.id) ?? []) }] : [],
  );
  await tables.households.bulkPut(updated);
}
