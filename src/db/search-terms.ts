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

/**
 * The search fields of a household row: `terms` (everything it is found by, filtered per keystroke), `sortName`
 * (the head's folded name: the list's order, and the head's words when a match is ranked), and for ranking a
 * match on one member, `memberIndex`: one line per member, its terms then a tab then the name shown
 * ("bui thi lan 051090001234\tBùi Thị Lan"). One string, not an array of objects: the list reads every row of the
 * commune at each change, and IndexedDB copies each object, array and string one by one.
 */
export function householdIndexFields(
  household: LocalRecord,
  members: readonly LocalRecord[],
): { terms: string[]; sortName: string; memberIndex: string } {
  const present = members.filter((m) => m.status !== 'deceased' && !m.deleted);
  return {
    memberIndex: present
      .flatMap((m) => {
        const name = text(m.fullName)?.replace(/[\t\n]/g, ' ');
        return name ? [`${searchTerms(name, text(m.citizenId)).join(' ')}\t${name}`] : [];
      })
      .join('\n'),
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
