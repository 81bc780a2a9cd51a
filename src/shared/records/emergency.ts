/**
 * @module Emergencies and relief (issue 6): the event a village head records, the damage each household suffered,
 * and the relief rounds handed out. Handouts themselves are append-only events (distribution.ts).
 */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { CommuneCode, Uuid, required, trimmed } from '../fields';

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, encodeMessage('field.date')));
const Count = v.pipe(
  v.number(encodeMessage('field.number')),
  v.integer(encodeMessage('field.integer')),
  v.minValue(0, encodeMessage('field.notNegative')),
  v.maxValue(100, encodeMessage('field.atMost', { max: 100 })),
);

export const EMERGENCY_TYPES = [
  'storm',
  'flood',
  'landslide',
  'fire',
  'drought',
  'lean-season',
  'tet',
  'other',
] as const;

export const EmergencyFields = v.object({
  communeCode: CommuneCode,
  type: v.picklist(EMERGENCY_TYPES, encodeMessage('emergency.type')),
  date: IsoDate,
  villages: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1))),
    v.minLength(1, encodeMessage('emergency.villages')),
  ),
  description: trimmed(1000, 'description'),
});
export type EmergencyFields = v.InferOutput<typeof EmergencyFields>;

export const DamageFields = v.object({
  communeCode: CommuneCode,
  emergencyId: Uuid,
  /** The registered household; absent when it is not registered yet (then `followUp` is set). */
  householdId: v.optional(Uuid),
  headName: required(120, 'headName'),
  village: required(100, 'damageVillage'),
  followUp: v.boolean(),
  members: v.pipe(Count, v.minValue(1, encodeMessage('damage.members'))),
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
  itemName: trimmed(100, 'itemName'),
  unit: v.picklist(['kg', 'VND', 'item']),
  available: v.pipe(v.number(), v.minValue(0)),
  source: v.picklist(['budget', 'mobilised']),
  donor: v.optional(trimmed(200, 'donor')),
});
export type RoundItem = v.InferOutput<typeof RoundItem>;

export const ReliefRoundFields = v.object({
  communeCode: CommuneCode,
  /** The emergency it answers, or a gift campaign (18/4, 6/6, 1/10, 3/12, Tết). */
  emergencyId: v.optional(Uuid),
  campaign: v.optional(v.picklist(['18-4', '6-6', '1-10', '3-12', 'tet'])),
  name: required(200, 'roundName'),
  date: IsoDate,
  items: v.pipe(v.array(RoundItem), v.minLength(1, encodeMessage('round.items'))),
  plannedHouseholdIds: v.array(v.string()),
});
export type ReliefRoundFields = v.InferOutput<typeof ReliefRoundFields>;
