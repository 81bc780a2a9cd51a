/** @module Members on the device: validated reads, the save used by the member form, duplicates at entry. */
import type * as v from 'valibot';
import type { MemberFields } from '../shared/records/member';
import { findDuplicates, type DuplicateCandidate } from '../shared/search/duplicates';
import type { AnSinhDb } from './database';
import { editableRecordsOf, type Local } from './records';

const members = editableRecordsOf('member');

export type LocalMember = Local<'member'>;

export type MemberSaveResult =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; issues: NonNullable<v.FlatErrors<typeof MemberFields>['nested']> };

export async function saveMember(
  db: AnSinhDb,
  input: unknown,
  options: { id?: string; now: number },
): Promise<MemberSaveResult> {
  const saved = await members.save(db, input as Record<string, unknown>, options);
  return saved.ok ? saved : { ok: false, issues: saved.issues };
}

/** One member, validated; undefined when it is not on the device or cannot be read. */
export function getMember(db: AnSinhDb, id: string): Promise<LocalMember | undefined> {
  return members.get(db, id);
}

/** A household's members, oldest first; unreadable rows are left out of the list and counted. */
export async function membersOf(
  db: AnSinhDb,
  householdId: string,
): Promise<{ members: LocalMember[]; unreadable: number }> {
  const { records, unreadable } = await members.where(db, 'householdId', householdId);
  records.sort((a, b) => a.birthDate.localeCompare(b.birthDate));
  return { members: records, unreadable };
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
export async function memberDuplicates(
  db: AnSinhDb,
  person: {
    id?: string;
    fullName: string;
    birthDate?: string;
    citizenId?: string;
    communeCode: string;
    village?: string;
  },
): Promise<MemberCandidate[]> {
  // Candidates by year of birth or CCCD, not by name: a typo in the name is exactly what must still be caught.
  const year = person.birthDate?.slice(0, 4);
  const pool = await db.members
    .where('communeCode')
    .equals(person.communeCode)
    .filter(
      (m) =>
        m.status !== 'deceased' &&
        ((!!year && String(m.birthDate ?? '').startsWith(year)) ||
          (!!person.citizenId && m.citizenId === person.citizenId)),
    )
    .toArray();
  const households = new Map(
    (await db.households.bulkGet([...new Set(pool.map((m) => String(m.householdId)))])).flatMap((h) =>
      h ? [[h.id, h] as const] : [],
    ),
  );
  const keys = pool.map((m) => ({
    id: m.id,
    fullName: String(m.fullName),
    birthDate: typeof m.birthDate === 'string' ? m.birthDate : undefined,
    citizenId: typeof m.citizenId === 'string' ? m.citizenId : undefined,
    village:
      typeof households.get(String(m.householdId))?.village === 'string'
        ? String(households.get(String(m.householdId))?.village)
        : undefined,
  }));
  return findDuplicates(person, keys).map((candidate) => {
    const m = pool.find((p) => p.id === candidate.id)!;
    return {
      ...candidate,
      fullName: String(m.fullName),
      birthDate: String(m.birthDate),
      householdId: String(m.householdId),
      headName: String(households.get(String(m.householdId))?.headName ?? ''),
    };
  });
}
