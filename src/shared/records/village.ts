/**
 * @module A village (thôn, tổ dân phố) of a commune: the reference list the household form picks from (issue 11),
 * kept by the commune officer. A village someone in the field adds because the list lacks it ("Khác (ghi rõ)") is
 * `other` until an officer confirms it (`active`), renames it, or merges it away.
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
