/**
 * @module Is this person already registered? Used on the device before saving a new member (shown as candidates
 * to open instead) and on the server when two offline devices registered the same person (flagged for the
 * commune officer; nothing is merged automatically).
 */
import { fold } from './fold';

export interface PersonKey {
  id: string;
  fullName: string;
  /** `YYYY-MM-DD` or `YYYY`. */
  birthDate?: string | undefined;
  citizenId?: string | undefined;
  /** Village of the person's household, when known. */
  village?: string | undefined;
}

export type DuplicateReason = 'citizen-id' | 'name-birth-year-village' | 'name-birth-year' | 'head-name-village';

export interface DuplicateCandidate {
  id: string;
  reason: DuplicateReason;
}

/** Edit distance, small and bounded: names differ by a typo at most. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Keys that any two names within one edit share at least one of, so the server finds typo look-alikes through an
 * index instead of reading a whole village or year of birth. Let `m` be the shorter length and `h = ⌊m/2⌋`: a
 * changed letter, or a letter the longer one has in addition, at position `p` leaves the first `h` letters equal
 * when `p ≥ h`, and the last `m − h` letters equal when `p < h`. A name does not know whether it is the shorter
 * one, so it has the prefix and suffix keys for `m = length` and for `m = length − 1`: four keys. Names that
 * share a key are candidates only; `withinOneEdit` decides.
 */
export function oneEditKeys(foldedName: string): string[] {
  const keys = new Set<string>();
  for (const m of [foldedName.length, foldedName.length - 1]) {
    if (m < 0) continue;
    const h = Math.floor(m / 2);
    keys.add(`${m}<${foldedName.slice(0, h)}`);
    keys.add(`${m}>${foldedName.slice(foldedName.length - (m - h))}`);
  }
  return [...keys];
}

/** Stronger reasons first: a shared CCCD says more than a shared name. */
export const DUPLICATE_REASON_STRENGTH: Record<DuplicateReason, number> = {
  'citizen-id': 3,
  'name-birth-year-village': 2,
  'head-name-village': 2,
  'name-birth-year': 1,
};

/**
 * Candidates for `person` among `others`: the same CCCD (exact), or the same folded name (one typo allowed) and
 * year of birth — in the same village when both villages are known.
 */
export function findDuplicates(
  person: Omit<PersonKey, 'id'> & { id?: string },
  others: readonly PersonKey[],
): DuplicateCandidate[] {
  const name = fold(person.fullName);
  const year = person.birthDate?.slice(0, 4);
  const village = person.village ? fold(person.village) : undefined;
  const found: DuplicateCandidate[] = [];
  for (const other of others) {
    if (other.id === person.id) continue;
    if (person.citizenId && other.citizenId === person.citizenId) {
      found.push({ id: other.id, reason: 'citizen-id' });
      continue;
    }
    if (!year || other.birthDate?.slice(0, 4) !== year || !withinOneEdit(name, fold(other.fullName))) continue;
    const otherVillage = other.village ? fold(other.village) : undefined;
    if (village && otherVillage) {
      if (village === otherVillage) found.push({ id: other.id, reason: 'name-birth-year-village' });
    } else {
      found.push({ id: other.id, reason: 'name-birth-year' });
    }
  }
  return found;
}

export interface HouseholdKey {
  id: string;
  headName: string;
  village: string;
  headCitizenId?: string | undefined;
}

/** Households: the same head's CCCD, or the same head's folded name (one typo allowed) in the same village. */
export function findHouseholdDuplicates(
  household: Omit<HouseholdKey, 'id'> & { id?: string },
  others: readonly HouseholdKey[],
): DuplicateCandidate[] {
  const name = fold(household.headName);
  const village = fold(household.village);
  return others.flatMap((other): DuplicateCandidate[] => {
    if (other.id === household.id) return [];
    if (household.headCitizenId && other.headCitizenId === household.headCitizenId)
      return [{ id: other.id, reason: 'citizen-id' }];
    return fold(other.village) === village && withinOneEdit(name, fold(other.headName))
      ? [{ id: other.id, reason: 'head-name-village' }]
      : [];
  });
}
