/**
 * @module Which households name a village, as the device matches names (src/db/villages.ts `sameVillage`):
 * diacritics, case and spacing aside. Read by a rename (apply/villages.ts) and, before its batch takes its locks,
 * to name the households it will rewrite (lock-keys.ts).
 */
import type { SqlExecutor } from '../db/database';
import { fold } from '../../../src/shared/search/fold';
import { recordsOfType, type StoredRecord } from '../store/records';

export const sameVillageName = (a: string, b: string) => fold(a) === fold(b);

/** Households of the commune that name the village called `name`, deleted ones left out. */
export async function householdsNaming(tx: SqlExecutor, commune: string, name: string): Promise<StoredRecord[]> {
  return (await recordsOfType(tx, commune, 'household')).filter((household) =>
    sameVillageName(String(household.data.village), name),
  );
}
