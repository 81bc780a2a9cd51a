/**
 * @module The keys a person or household can be recognised by (folded name, year of birth, CCCD, village), kept
 * beside the records so a new registration is compared with a handful of candidates, not the whole commune.
 */
import type { SqlExecutor } from '../db/database';

export interface PersonKeyRow {
  recordId: string;
  recordType: 'household' | 'member';
  commune: string;
  nameKey: string;
  birthYear: string | null;
  citizenId: string | null;
  villageKey: string | null;
}

export async function putPersonKey(tx: SqlExecutor, key: PersonKeyRow): Promise<void> {
  await tx.run(
    `INSERT INTO person_keys (record_id, record_type, commune, name_key, birth_year, citizen_id, village_key) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET commune = excluded.commune, name_key = excluded.name_key, birth_year = excluded.birth_year,
       citizen_id = excluded.citizen_id, village_key = excluded.village_key`,
    [key.recordId, key.recordType, key.commune, key.nameKey, key.birthYear, key.citizenId, key.villageKey],
  );
}

/** Records of the commune that share the CCCD, or (members) the year of birth, or (households) the village. */
export async function personKeyCandidates(tx: SqlExecutor, key: PersonKeyRow): Promise<PersonKeyRow[]> {
  const select =
    'SELECT record_id AS "recordId", record_type AS "recordType", commune, name_key AS "nameKey", birth_year AS "birthYear", citizen_id AS "citizenId", village_key AS "villageKey" FROM person_keys';
  const rows: PersonKeyRow[] = [];
  if (key.citizenId) rows.push(...(await tx.all<PersonKeyRow>(`${select} WHERE commune = ? AND citizen_id = ?`, [key.commune, key.citizenId])));
  if (key.recordType === 'member' && key.birthYear) {
    rows.push(...(await tx.all<PersonKeyRow>(`${select} WHERE commune = ? AND record_type = 'member' AND birth_year = ?`, [key.commune, key.birthYear])));
  }
  if (key.recordType === 'household' && key.villageKey) {
    rows.push(...(await tx.all<PersonKeyRow>(`${select} WHERE commune = ? AND record_type = 'household' AND village_key = ?`, [key.commune, key.villageKey])));
  }
  const seen = new Set<string>();
  return rows.filter((r) => r.recordId !== key.recordId && r.recordType === key.recordType && !seen.has(r.recordId) && seen.add(r.recordId));
}
