/** @module Households on the device: validated reads and the save used by the household form. */
import type * as v from 'valibot';
import type { HouseholdFields } from '../shared/records/household';
import type { VillageFields } from '../shared/records/village';
import { saveVillage } from './villages';
import type { AnSinhDb } from './database';
import { UnreadableRecordError } from './errors';
import { editableRecordsOf, type Listed, type Local } from './records';
import { findHouseholdDuplicates, type DuplicateCandidate } from '../shared/search/duplicates';

const households = editableRecordsOf('household');

export type LocalHousehold = Local<'household'>;

export type SaveResult =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; issues: NonNullable<v.FlatErrors<typeof HouseholdFields>['nested']> };

/**
 * Validates and saves a household typed by the user. A new one gets a UUID made on the device. Nothing is
 * written when validation fails; nothing is queued when nothing changed. `newVillage`: the village it names,
 * added under "Khác (ghi rõ)" — queued first, since the server takes changes in order and refuses a household
 * whose village is not on its commune's list yet (sync-server/src/sync/apply/villages.ts).
 */
export async function saveHousehold(
  db: AnSinhDb,
  input: unknown,
  options: { id?: string; now: number; newVillage?: VillageFields },
): Promise<SaveResult> {
  const { newVillage, ...saveOptions } = options;
  const checked = households.check(input as Record<string, unknown>);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  if (newVillage) await saveVillage(db, newVillage, { now: options.now });
  const saved = await households.save(db, input as Record<string, unknown>, saveOptions);
  return saved.ok ? saved : { ok: false, issues: saved.issues };
}

/**
 * Reads a household, validating what comes out of IndexedDB: data written by an older app version (or damaged)
 * is reported, not rendered as if it were fine.
 */
export async function getHousehold(db: AnSinhDb, id: string): Promise<LocalHousehold | undefined> {
  // One read, checked as it comes (it used to be read twice: once raw, once through the kind's reader).
  const raw = await db.households.get(id);
  if (!raw || raw.deleted) return undefined;
  const household = households.read(raw);
  if (!household) throw new UnreadableRecordError('household', id);
  return household;
}

/** The households of these ids that are on the device, in the order given (a round's planned list, a desk). */
export function householdsByIds(db: AnSinhDb, ids: readonly string[]): Promise<Listed<LocalHousehold>> {
  return households.byIds(db, ids);
}

/**
 * Before a new household is saved: households on the device with the same head's CCCD, or the same head's name
 * (one typo allowed, diacritics ignored) in the same village — to open instead of registering twice.
 */
export async function householdDuplicates(
  db: AnSinhDb,
  household: { headName: string; village: string; headCitizenId?: string; communeCode: string },
): Promise<(DuplicateCandidate & { headName: string; village: string })[]> {
  const rows = (await db.households.where('communeCode').equals(household.communeCode).toArray()).filter(
    (h) => !h.deleted,
  );
  const keys = rows.map((h) => ({
    id: h.id,
    headName: String(h.headName),
    village: String(h.village),
    headCitizenId: typeof h.headCitizenId === 'string' ? h.headCitizenId : undefined,
  }));
  return findHouseholdDuplicates(household, keys).map((c) => {
    const row = keys.find((k) => k.id === c.id)!;
    return { ...c, headName: row.headName, village: row.village };
  });
}
