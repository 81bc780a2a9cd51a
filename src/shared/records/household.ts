/** @module The household (hộ gia đình): the unit of surveys, allowances and relief. Members are child records. */
import * as v from 'valibot';
import { CitizenId, CommuneCode, PhoneNumber, trimmed } from '../fields';

export const Area = v.picklist(['rural', 'urban'], 'Khu vực phải là nông thôn hoặc thành thị');
export type Area = v.InferOutput<typeof Area>;

export const HouseholdFields = v.object({
  headName: v.pipe(trimmed(120, 'Họ tên chủ hộ'), v.minLength(2, 'Nhập họ tên chủ hộ')),
  communeCode: CommuneCode,
  village: v.pipe(trimmed(100, 'Thôn/tổ dân phố'), v.minLength(1, 'Nhập thôn/tổ dân phố')),
  address: trimmed(200, 'Địa chỉ'),
  phone: v.optional(PhoneNumber),
  headCitizenId: v.optional(CitizenId),
  area: Area,
  notes: trimmed(1000, 'Ghi chú'),
});
export type HouseholdFields = v.InferOutput<typeof HouseholdFields>;
