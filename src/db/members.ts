/** @module Members on the device: validated reads, the save used by the member form, duplicates at entry. */
import * as v from 'valibot';
import { MemberFields } from '../shared/records/member';
import { findDuplicates, type DuplicateCandidate } from '../shared/search/duplicates';
import { newId } from '../shared/ids';
import type { AnSinhDb } from './database';
import { savePatch } from './outbox';

export const LocalMember = v.object({ ...MemberFields.entries, id: v.string(), version: v.number() });
export type LocalMember = v.InferOutput<typeof LocalMember>;

export type MemberSaveResult = { ok: true; id: string; changed: boolean } | { ok: false; issues: NonNullable<v.FlatErrors<typeof MemberFields>['nested']> };

export async function saveMember(db: AnSinhDb, input: unknown, options: { id?: string; now: number }): Promise<MemberSaveResult> {
  const parsed = v.safeParse(MemberFields, input);
  if (!parsed.success) return { ok: false, issues: v.flatten<typeof MemberFields>(parsed.issues).nested ?? {} };
  const id = options.id ?? newId(options.now);
  return { ok: true, id, changed: await savePatch(db, 'member', id, parsed.output, options.now) };
}

/** A household's members, oldest first; unreadable rows are left out of the list and counted. */
/** One member, validated; undefined when it is not on the device or cannot be read. */
export async function getMember(db: AnSinhDb, id: string): Promise<LocalMember | undefined> {
  const parsed = v.safeParse(LocalMember, await db.members.get(id));
  return parsed.success ? parsed.output : undefined;
}

export async function membersOf(db: AnSinhDb, householdId: string): Promise<{ members: LocalMember[]; unreadable: number }> {
  const rows = await db.members.where('householdId').equals(householdId).toArray();
  const members = rows.flatMap((row) => {
    const parsed = v.safeParse(LocalMember, row);
    return parsed.success ? [parsed.output] : [];
  });
  members.sort((a, b) => a.birthDate.localeCompare(b.birthDate));
  return { members, unreadable: rows.length - members.length };
}

export interface MemberCandidate extends DuplicateCandidate {
  fullName: string;
  birthDate: string;
  householdId: string;
  headName: string;
}

/**
 * Before a new member is saved: people already on the device with the same CCCD, or the same name and year of
 * birth in the same village — to open instead of registering twice.
 */
export async function memberDuplicates(db: AnSinhDb, person: { id?: string; fullName: string; birthDate?: string; citizenId?: string; communeCode: string; village?: string }): Promise<MemberCandidate[]> {
  // Candidates by year of birth or CCCD, not by name: a typo in the name is exactly what must still be caught.
  const year = person.birthDate?.slice(0, 4);
  const pool = await db.members
    .where('communeCode')
    .equals(person.communeCode)
    .filter((m) => m.status !== 'deceased' && ((!!year && String(m.birthDate ?? '').startsWith(year)) || (!!person.citizenId && m.citizenId === person.citizenId)))
    .toArray();
  const households = new Map((await db.households.bulkGet([...new Set(pool.map((m) => String(m.householdId)))])).flatMap((h) => (h ? [[h.id, h] as const] : [])));
  const keys = pool.map((m) => ({
    id: m.id,
    fullName: String(m.fullName),
    birthDate: typeof m.birthDate === 'string' ? m.birthDate : undefined,
    citizenId: typeof m.citizenId === 'string' ? m.citizenId : undefined,
    village: typeof households.get(String(m.householdId))?.village === 'string' ? String(households.get(String(m.householdId))?.village) : undefined,
  }));
  return findDuplicates(person, keys).map((candidate) => {
    const m = pool.find((p) => p.id === candidate.id)!;
    return { ...candidate, fullName: String(m.fullName), birthDate: String(m.birthDate), householdId: String(m.householdId), headName: String(households.get(String(m.householdId))?.headName ?? '') };
  });
}
