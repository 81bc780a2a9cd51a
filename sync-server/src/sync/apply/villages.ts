/**
 * @module The commune's list of villages on the server (issue 11; src/shared/records/village.ts). Households
 * name their village by its name, as the device's form writes it from the list:
 * a household's village, when written, must be on its commune's list — active, or added in the field as `other`
 * and waiting for review (a village record either way; there is no free text beside the list). A commune with no
 * list yet takes any name, as the device does before it has one.
 * Names match as the device matches them (src/db/villages.ts `sameVillage`): diacritics, case and spacing aside.
 *
 * Lock rule (lock-keys.ts): `villages:<commune>` is held by every write of a village and every write of a
 * household's village or commune, so a change of the list and a household naming a village take turns.
 */
import type { SqlExecutor } from '../../db/database';
import { message, type Message } from '../../../../src/shared/messages';
import { liveRecordsOfType, type StoredRecord } from '../../store/records';
import { sameVillageName } from '../village-names';

const nameOf = (village: Pick<StoredRecord, 'data'>) => String(village.data.name);

/** The village a household names, as the list writes it now; a reason when the list does not have it. */
export async function listedVillage(
  tx: SqlExecutor,
  commune: string,
  named: string,
): Promise<{ ok: true; name: string } | { ok: false; reason: Message }> {
  const villages = await liveRecordsOfType(tx, commune, 'village');
  if (villages.length === 0) return { ok: true, name: named };
  const listed = villages.find((village) => sameVillageName(nameOf(village), named));
  return listed
    ? { ok: true, name: nameOf(listed) }
    : { ok: false, reason: message('reject.villageNotListed', { village: named }) };
}
