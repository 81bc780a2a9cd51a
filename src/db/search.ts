/**
 * @module Finding households on the device: by head's name, any member's name, CCCD or phone, ignoring case and
 * diacritics ("nguyen van" finds "Nguyễn Văn"). The most selective word goes to the index; the others filter.
 */
import { matchesQuery, words } from '../shared/search/fold';
import type { AnSinhDb, LocalRecord } from './database';
import { listHouseholds, LocalHousehold } from './households';
import * as v from 'valibot';

export interface SearchResult {
  households: LocalHousehold[];
  /** Which member matched, per household id, to show why a household was found. */
  matchedMembers: Map<string, string>;
  unreadable: number;
}

const collator = new Intl.Collator('vi');

export async function searchHouseholds(db: AnSinhDb, communeCode: string, query: string): Promise<SearchResult> {
  const tokens = words(query);
  if (tokens.length === 0) return { ...(await listHouseholds(db, communeCode)), matchedMembers: new Map() };
  // The longest word is usually the rarest: "nguyen" matches a third of a commune, "duoc" a handful.
  const key = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const inCommune = (r: LocalRecord) => r.communeCode === communeCode && !r.deleted && matchesQuery((r.terms as string[]) ?? [], query);
  const [heads, members] = await Promise.all([
    db.households.where('terms').startsWith(key).distinct().filter(inCommune).toArray(),
    db.members.where('terms').startsWith(key).distinct().filter(inCommune).toArray(),
  ]);
  const matchedMembers = new Map<string, string>();
  for (const member of members) if (!matchedMembers.has(String(member.householdId))) matchedMembers.set(String(member.householdId), String(member.fullName));
  const byId = new Map(heads.map((h) => [h.id, h]));
  const missing = [...matchedMembers.keys()].filter((id) => !byId.has(id));
  for (const household of await db.households.bulkGet(missing)) if (household && !household.deleted) byId.set(household.id, household);
  const households: LocalHousehold[] = [];
  let unreadable = 0;
  for (const row of byId.values()) {
    const parsed = v.safeParse(LocalHousehold, row);
    if (parsed.success) households.push(parsed.output);
    else unreadable += 1;
  }
  households.sort((a, b) => collator.compare(a.headName, b.headName));
  return { households, matchedMembers, unreadable };
}
