/**
 * @module The commune's list of villages on the server (issue 11; src/shared/records/village.ts). Households
 * name their village by its name, as the device's form writes it from the list:
 *  - a household's village, when written, must be on its commune's list — active, or added in the field as
 *    `other` and waiting for review (a village record either way; there is no free text beside the list). A
 *    commune with no list yet takes any name, as the device does before it has one;
 *  - a village renamed on the list carries its new name to the households that name it (`carryRename`), and
 *    keeps the name it had (`formerNames`): a household registered offline under the old name, or edited from a
 *    stale list, is placed in the village under its current name.
 * Names match as the device matches them (src/db/villages.ts `sameVillage`): diacritics, case and spacing aside.
 *
 * Lock rule (lock-keys.ts): `villages:<commune>` is held by every write of a village and every write of a
 * household's village or commune, so a rename and a household naming the old name take turns; the households a
 * rename rewrites are locked (`record:<id>`) with the batch's other locks.
 */
import type { SqlExecutor } from '../../db/database';
import { message, type Message } from '../../../../src/shared/messages';
import { MAX_FORMER_NAMES } from '../../../../src/shared/records/village';
import { getRecord, recordsOfType, type StoredRecord } from '../../store/records';
import type { MutationContext } from '../context';
import { recordLock, villageListLock } from '../lock-keys';
import { writeRecord } from '../write-record';
import { householdsNaming, sameVillageName } from '../village-names';
import { checkDuplicates } from './duplicates';

const nameOf = (village: Pick<StoredRecord, 'data'>) => String(village.data.name);
const formerNamesOf = (village: Pick<StoredRecord, 'data'> | undefined): string[] =>
  Array.isArray(village?.data.formerNames) ? village.data.formerNames.map(String) : [];

/** The village a household names, as the list writes it now; a reason when the list does not have it. */
export async function listedVillage(
  tx: SqlExecutor,
  commune: string,
  named: string,
): Promise<{ ok: true; name: string } | { ok: false; reason: Message }> {
  const villages = await recordsOfType(tx, commune, 'village');
  if (villages.length === 0) return { ok: true, name: named };
  const listed =
    villages.find((village) => sameVillageName(nameOf(village), named)) ??
    villages.find((village) => formerNamesOf(village).some((former) => sameVillageName(former, named)));
  return listed
    ? { ok: true, name: nameOf(listed) }
    : { ok: false, reason: message('reject.villageNotListed', { village: named }) };
}

/**
 * A village's former names once it is called `name`: the name it had is added, one it is given again taken out.
 * Undefined when there is nothing to change (not renamed, or only respelt with none kept before).
 */
export function formerNamesAfter(existing: StoredRecord | undefined, name: string): string[] | undefined {
  if (!existing || nameOf(existing) === name) return undefined;
  const before = formerNamesOf(existing);
  const kept = [...before, nameOf(existing)].filter((former) => !sameVillageName(former, name));
  if (kept.length === 0 && before.length === 0) return undefined;
  return kept
    .filter((former, index) => kept.findIndex((f) => sameVillageName(f, former)) === index)
    .slice(-MAX_FORMER_NAMES);
}

/**
 * A village was renamed from `before`'s name to `after`'s: each household naming the old name gets the new one,
 * as if the officer had edited it (its field stamped, its look-alike key refreshed). Not when another village of
 * the list still has the old name: those households may be its.
 */
export async function carryRename(
  tx: SqlExecutor,
  context: MutationContext,
  before: StoredRecord,
  after: Pick<StoredRecord, 'id' | 'commune' | 'data'>,
): Promise<void> {
  const from = nameOf(before);
  const to = nameOf(after);
  if (from === to) return;
  // Held since the batch began (lock-keys.ts), except for a rename decided on a conflict: then taken here.
  await tx.lock(villageListLock(after.commune));
  const others = (await recordsOfType(tx, after.commune, 'village')).filter((v) => v.id !== after.id);
  if (others.some((village) => sameVillageName(nameOf(village), from))) return;
  for (const found of await householdsNaming(tx, after.commune, from)) {
    if (found.data.village === to) continue;
    // Locked with the batch, read before it; read again under the lock (an edit of another field may have come).
    await tx.lock(recordLock(found.id));
    const household = await getRecord(tx, found.id);
    if (!household || household.deleted || !sameVillageName(String(household.data.village), from)) continue;
    const renamed = { ...household, data: { ...household.data, village: to } };
    await writeRecord(tx, context, renamed, { before: household, touched: ['village'] });
    await checkDuplicates(tx, context, renamed, false);
  }
}
