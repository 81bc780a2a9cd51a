/**
 * @module The keys a person or household can be recognised by (folded name, year of birth, CCCD, village), kept
 * beside the records so a new registration is compared with a bounded handful of candidates, never a whole
 * village or year of birth:
 *  - `person_keys`: one row per household or member, and the open duplicate cluster it belongs to, if any;
 *  - `person_name_keys`: per commune, kind and scope (a household's village, a member's year of birth), each
 *    distinct folded name under its four half keys. A name within one edit of another shares a key with it
 *    (src/shared/search/duplicates.ts `oneEditKeys`), so look-alike names are an indexed equality lookup. Rows
 *    are per distinct name, not per record: 600 households with the same head share four rows. A name nobody
 *    carries any more leaves its rows behind; they find no record.
 */
import type { SqlExecutor } from '../db/database';
import { oneEditKeys, withinOneEdit } from '../../../src/shared/search/duplicates';

export interface PersonKeyRow {
  recordId: string;
  recordType: 'household' | 'member';
  commune: string;
  nameKey: string;
  birthYear: string | null;
  citizenId: string | null;
  villageKey: string | null;
}

export interface PersonKeyCandidate extends PersonKeyRow {
  /** The open duplicate cluster the record is in, if any (at most one at a time). */
  openCluster: string | null;
}

/** At most this many records are read per kind of lookup for one new registration. */
export const CANDIDATE_LIMIT = 50;
/** At most this many names sharing a half key (most are not look-alikes: "nguyen t…") are read. */
const NAME_LIMIT = 200;

/** The scope a look-alike name is searched in: a household's village, a member's year of birth. */
function scopeOf(key: PersonKeyRow): string | null {
  return key.recordType === 'household' ? key.villageKey : key.birthYear;
}

export async function putPersonKey(tx: SqlExecutor, key: PersonKeyRow): Promise<void> {
  await tx.run(
    `INSERT INTO person_keys (record_id, record_type, commune, name_key, birth_year, citizen_id, village_key) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET commune = excluded.commune, name_key = excluded.name_key, birth_year = excluded.birth_year,
       citizen_id = excluded.citizen_id, village_key = excluded.village_key`,
    [key.recordId, key.recordType, key.commune, key.nameKey, key.birthYear, key.citizenId, key.villageKey],
  );
  await putNameKeys(tx, key);
}

/**
 * A record merged away or deleted is nobody's look-alike any more: its key goes, so a later registration is
 * compared with the records still there (its name's half keys stay: they are per name, and find no record).
 */
export async function deletePersonKey(tx: SqlExecutor, recordId: string): Promise<void> {
  await tx.run('DELETE FROM person_keys WHERE record_id = ?', [recordId]);
}

/** The name's half keys in its scope, in one statement; already there when another record has the same name. */
export async function putNameKeys(
  tx: SqlExecutor,
  key: Pick<PersonKeyRow, 'recordType' | 'commune' | 'nameKey' | 'birthYear' | 'villageKey'>,
): Promise<void> {
  const scope = key.recordType === 'household' ? key.villageKey : key.birthYear;
  if (!scope || !key.nameKey) return;
  const keys = oneEditKeys(key.nameKey);
  await tx.run(
    `INSERT INTO person_name_keys (commune, record_type, scope_key, half_key, name_key) VALUES ${keys.map(() => '(?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT DO NOTHING`,
    keys.flatMap((half) => [key.commune, key.recordType, scope, half, key.nameKey]),
  );
}

const SELECT =
  'SELECT record_id AS "recordId", record_type AS "recordType", commune, name_key AS "nameKey", birth_year AS "birthYear", citizen_id AS "citizenId", village_key AS "villageKey", open_cluster AS "openCluster" FROM person_keys';

/** The key stored for a record, if any. */
export async function getPersonKey(tx: SqlExecutor, recordId: string): Promise<PersonKeyCandidate | undefined> {
  return tx.get<PersonKeyCandidate>(`${SELECT} WHERE record_id = ?`, [recordId]);
}

/**
 * Records of the same kind in the commune that share the CCCD, or carry a name within one edit of this one in the
 * same scope — at most CANDIDATE_LIMIT of each, read through indexes. Beyond the limit the records are
 * namesakes of the ones returned, so they are already in the same cluster (or were decided with them).
 */
export async function personKeyCandidates(tx: SqlExecutor, key: PersonKeyRow): Promise<PersonKeyCandidate[]> {
  const rows: PersonKeyCandidate[] = [];
  if (key.citizenId) {
    rows.push(
      ...(await tx.all<PersonKeyCandidate>(
        `${SELECT} WHERE commune = ? AND citizen_id = ? AND record_type = ? LIMIT ?`,
        [key.commune, key.citizenId, key.recordType, CANDIDATE_LIMIT],
      )),
    );
  }
  const scope = scopeOf(key);
  if (scope && key.nameKey) {
    const halves = oneEditKeys(key.nameKey);
    const shared = await tx.all<{ name: string }>(
      `SELECT DISTINCT name_key AS name FROM person_name_keys WHERE commune = ? AND record_type = ? AND scope_key = ? AND half_key IN (${halves.map(() => '?').join(', ')}) LIMIT ?`,
      [key.commune, key.recordType, scope, ...halves, NAME_LIMIT],
    );
    const names = shared.filter((n) => withinOneEdit(n.name, key.nameKey)).slice(0, CANDIDATE_LIMIT);
    if (names.length > 0) {
      const scopeColumn = key.recordType === 'household' ? 'village_key' : 'birth_year';
      rows.push(
        ...(await tx.all<PersonKeyCandidate>(
          `${SELECT} WHERE commune = ? AND record_type = ? AND name_key IN (${names.map(() => '?').join(', ')}) AND ${scopeColumn} = ? AND record_id <> ? LIMIT ?`,
          [key.commune, key.recordType, ...names.map((n) => n.name), scope, key.recordId, CANDIDATE_LIMIT],
        )),
      );
    }
  }
  const seen = new Set<string>();
  return rows.filter((r) => r.recordId !== key.recordId && !seen.has(r.recordId) && seen.add(r.recordId));
}

/**
 * Serialises the duplicate-cluster work of a commune between transactions: the row lock of the commune's version
 * counter (a no-op update), which every write of the commune takes anyway — so no new lock order, no deadlock.
 */
export async function lockCommuneClusters(tx: SqlExecutor, commune: string): Promise<void> {
  await tx.run('UPDATE commune_versions SET version = version WHERE commune = ?', [commune]);
}

/** The records now in `cluster` (and in no other open cluster): one statement for the batch. */
export async function setOpenCluster(tx: SqlExecutor, recordIds: readonly string[], cluster: string): Promise<void> {
  // Chunks keep each statement well under the engines' parameter limits (a migrated cluster can be large).
  for (let start = 0; start < recordIds.length; start += 500) {
    const chunk = recordIds.slice(start, start + 500);
    await tx.run(`UPDATE person_keys SET open_cluster = ? WHERE record_id IN (${chunk.map(() => '?').join(', ')})`, [
      cluster,
      ...chunk,
    ]);
  }
}

/** Every member of `from` moves to `to` (a merge), or to none (`null`: the cluster was decided). */
export async function moveOpenCluster(tx: SqlExecutor, from: string, to: string | null): Promise<void> {
  await tx.run('UPDATE person_keys SET open_cluster = ? WHERE open_cluster = ?', [to, from]);
}

/** Chunks keep each statement well under the engines' parameter limits. */
async function inChunks(ids: readonly string[], run: (chunk: readonly string[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) await run(ids.slice(start, start + 500));
}

const MEMBERS_OF = (count: number) =>
  `SELECT id FROM records WHERE type = 'member' AND parent_id IN (${Array.from({ length: count }, () => '?').join(', ')})`;

/** Migration 13: the members of these households are looked for in `villageKey` (their households' village). */
export async function setMembersVillageKey(
  tx: SqlExecutor,
  householdIds: readonly string[],
  villageKey: string,
): Promise<void> {
  await inChunks(householdIds, (chunk) =>
    tx.run(
      `UPDATE person_keys SET village_key = ? WHERE record_type = 'member' AND (village_key IS NULL OR village_key <> ?) AND record_id IN (${MEMBERS_OF(chunk.length)})`,
      [villageKey, villageKey, ...chunk],
    ),
  );
}

/** Migration 13: the members of these households (deleted by the officer) are nobody's look-alikes. */
export async function deleteMembersKeys(tx: SqlExecutor, householdIds: readonly string[]): Promise<void> {
  await inChunks(householdIds, (chunk) =>
    tx.run(`DELETE FROM person_keys WHERE record_type = 'member' AND record_id IN (${MEMBERS_OF(chunk.length)})`, [
      ...chunk,
    ]),
  );
}

/** Migration 6: the half keys of the names registered before it. */
export async function backfillNameKeys(tx: SqlExecutor): Promise<void> {
  const keys = await tx.all<Pick<PersonKeyRow, 'recordType' | 'commune' | 'nameKey' | 'birthYear' | 'villageKey'>>(
    'SELECT DISTINCT record_type AS "recordType", commune, name_key AS "nameKey", birth_year AS "birthYear", village_key AS "villageKey" FROM person_keys',
  );
  for (const key of keys) await putNameKeys(tx, key);
}
