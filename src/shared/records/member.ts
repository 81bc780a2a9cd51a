/** @module A household member: a child record with its own id, never an array inside the household. */
import * as v from 'valibot';
import { CitizenId, CommuneCode, PartialDate, Uuid, required, trimmed } from '../fields';

export const MemberStatus = v.picklist(['present', 'moved_away', 'deceased']);

export const MemberFields = v.object({
  householdId: Uuid,
  /** Copied from the household, so the member travels with its commune's data. */
  communeCode: CommuneCode,
  fullName: v.pipe(required(120, 'Họ tên'), v.minLength(2, 'Nhập họ tên')),
  sex: v.optional(v.picklist(['male', 'female'])),
  birthDate: v.optional(PartialDate),
  relation: trimmed(40, 'Quan hệ với chủ hộ'),
  citizenId: v.optional(CitizenId),
  /** Never deleted: a member who left or died is marked so, and stays in the history. */
  status: MemberStatus,
});
export type MemberFields = v.InferOutput<typeof MemberFields>;
