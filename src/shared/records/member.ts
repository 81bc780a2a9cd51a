/**
 * @module A household member: a child record with its own id, never an array inside the household. Never
 * deleted: a member who moved away or died is marked so and stays in the history.
 */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { CitizenId, CommuneCode, PartialDate, Uuid, required, trimmed } from '../fields';
import { ETHNIC_GROUP_CODES } from '../reference/ethnic-groups';

export const MemberStatus = v.picklist(['present', 'moved_away', 'deceased']);
export const DisabilityLevel = v.picklist(['none', 'mild', 'severe', 'especially-severe']);
export const SchoolingLevel = v.picklist([
  'none',
  'primary',
  'lower-secondary',
  'upper-secondary',
  'vocational',
  'college-university',
]);
export const Occupation = v.picklist([
  'stable',
  'self-employed',
  'wage-without-contract',
  'unemployed',
  'student',
  'not-in-labour-force',
]);

export const RELATIONS = [
  'chủ hộ',
  'vợ',
  'chồng',
  'con',
  'cha',
  'mẹ',
  'ông',
  'bà',
  'cháu',
  'anh',
  'chị',
  'em',
  'con dâu',
  'con rể',
  'khác',
] as const;

export const MemberFields = v.object({
  householdId: Uuid,
  /** Copied from the household, so the member travels with its commune's data. */
  communeCode: CommuneCode,
  fullName: v.pipe(required(120, 'fullName'), v.minLength(2, encodeMessage('member.fullName'))),
  sex: v.picklist(['male', 'female'], encodeMessage('member.sex')),
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  birthDate: PartialDate,
  relation: v.picklist(RELATIONS, encodeMessage('member.relation')),
  citizenId: v.optional(CitizenId),
  ethnicity: v.picklist(ETHNIC_GROUP_CODES, encodeMessage('member.ethnicity')),
  disability: DisabilityLevel,
  /** When the disability level was certified (xác định mức độ khuyết tật). */
  disabilityCertifiedOn: v.optional(PartialDate),
  hasHealthInsurance: v.boolean(),
  schooling: SchoolingLevel,
  studying: v.boolean(),
  occupation: Occupation,
  /** Receives a pension or a monthly social-insurance allowance. */
  hasPension: v.boolean(),
  status: MemberStatus,
  notes: v.optional(trimmed(500, 'notes')),
});
export type MemberFields = v.InferOutput<typeof MemberFields>;

/** A year of birth, whether the full date or only the year is known. */
export function birthYear(birthDate: string): number {
  return Number(birthDate.slice(0, 4));
}
