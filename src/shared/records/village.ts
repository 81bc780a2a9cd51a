/**
 * @module A village (thôn, tổ dân phố) of a commune: the reference list the household form picks from (issue 11),
 * kept by the commune officer. A village someone in the field adds because the list lacks it ("Khác (ghi rõ)") is
 * `other` until an officer confirms it (`active`), renames it, or merges it away. Households name their village
 * by its name; a rename is carried to them by the server, which keeps the names a village had (`formerNames`) so
 * a household registered offline under an old one is still placed in it.
 */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { CommuneCode, keyText } from '../fields';

export const VillageStatus = v.picklist(['active', 'other'], encodeMessage('village.status'));
export type VillageStatus = v.InferOutput<typeof VillageStatus>;

export const VillageFields = v.object({
  communeCode: CommuneCode,
  name: v.pipe(keyText(100, 'village'), v.minLength(1, encodeMessage('household.village'))),
  status: VillageStatus,
});
export type VillageFields = v.InferOutput<typeof VillageFields>;

/** At most this many former names are kept per village (the latest). */
export const MAX_FORMER_NAMES = 20;

/** What the server keeps of a village beyond its fields: the names it had before a rename, oldest first. */
export const VillageHistory = v.object({
  formerNames: v.optional(v.pipe(v.array(v.string()), v.maxLength(MAX_FORMER_NAMES))),
});
