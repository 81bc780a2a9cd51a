/** @module The household (hộ gia đình): the unit of surveys, allowances and relief. Members are child records. */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { CitizenId, CommuneCode, PhoneNumber, trimmed } from '../fields';

export const Area = v.picklist(['rural', 'urban'], encodeMessage('household.area'));
export type Area = v.InferOutput<typeof Area>;

export const HouseholdFields = v.object({
  headName: v.pipe(trimmed(120, 'headName'), v.minLength(2, encodeMessage('household.headName'))),
  communeCode: CommuneCode,
  village: v.pipe(trimmed(100, 'village'), v.minLength(1, encodeMessage('household.village'))),
  address: trimmed(200, 'address'),
  phone: v.optional(PhoneNumber),
  headCitizenId: v.optional(CitizenId),
  area: Area,
  notes: trimmed(1000, 'notes'),
});
export type HouseholdFields = v.InferOutput<typeof HouseholdFields>;
