/**
 * @module Emergencies and relief (issue 6): the event a village head records, the damage each household suffered,
 * and the relief rounds handed out. Handouts themselves are append-only events (distribution.ts).
 */
import * as v from 'valibot';
import { CommuneCode, Uuid, required, trimmed } from '../fields';

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng dd/mm/yyyy'));
const Count = v.pipe(v.number('Nhập một số'), v.integer('Phải là số nguyên'), v.minValue(0, 'Không được âm'), v.maxValue(100));

export const EMERGENCY_TYPES = ['storm', 'flood', 'landslide', 'fire', 'drought', 'lean-season', 'tet', 'other'] as const;

export const EmergencyFields = v.object({
  communeCode: CommuneCode,
  type: v.picklist(EMERGENCY_TYPES, 'Chọn loại sự kiện'),
  date: IsoDate,
  villages: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), v.minLength(1, 'Chọn ít nhất một thôn')),
  description: trimmed(1000, 'Mô tả'),
});
export type EmergencyFields = v.InferOutput<typeof EmergencyFields>;

export const DamageFields = v.object({
  communeCode: CommuneCode,
  emergencyId: Uuid,
  /** The registered household; absent when it is not registered yet (then `followUp` is set). */
  householdId: v.optional(Uuid),
  headName: required(120, 'Họ tên chủ hộ'),
  village: required(100, 'Thôn'),
  followUp: v.boolean(),
  members: v.pipe(Count, v.minValue(1, 'Hộ có ít nhất 1 người')),
  status: v.picklist(['poor', 'near-poor', 'difficult-circumstances', 'other']),
  hungryMembers: Count,
  deaths: Count,
  missing: Count,
  /** Of the dead, how many received a monthly social allowance (burial support, Art. 11). */
  deadMonthlyBeneficiaries: Count,
  /** Days of treatment of each injured person. */
  injuredDays: v.array(Count),
  houseLost: v.boolean(),
  hasOtherHome: v.boolean(),
  relocationOrdered: v.boolean(),
  severeDamage: v.boolean(),
  childrenWithoutParents: Count,
  /** The date the household was assessed. */
  assessedOn: IsoDate,
});
export type DamageFields = v.InferOutput<typeof DamageFields>;

export const RoundItem = v.object({
  item: v.picklist(['rice', 'cash', 'goods']),
  itemName: trimmed(100, 'Tên hàng'),
  unit: v.picklist(['kg', 'VND', 'item']),
  available: v.pipe(v.number(), v.minValue(0)),
  source: v.picklist(['budget', 'mobilised']),
  donor: v.optional(trimmed(200, 'Nhà tài trợ')),
});
export type RoundItem = v.InferOutput<typeof RoundItem>;

export const ReliefRoundFields = v.object({
  communeCode: CommuneCode,
  /** The emergency it answers, or a gift campaign (18/4, 6/6, 1/10, 3/12, Tết). */
  emergencyId: v.optional(Uuid),
  campaign: v.optional(v.picklist(['18-4', '6-6', '1-10', '3-12', 'tet'])),
  name: required(200, 'Tên đợt'),
  date: IsoDate,
  items: v.pipe(v.array(RoundItem), v.minLength(1, 'Thêm ít nhất một loại hàng')),
  plannedHouseholdIds: v.array(v.string()),
});
export type ReliefRoundFields = v.InferOutput<typeof ReliefRoundFields>;
