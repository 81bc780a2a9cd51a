/**
 * @module A possible duplicate registration, made by the server when two offline devices registered the same
 * person or household. Nothing is merged automatically: a commune officer confirms or dismisses it.
 */
import * as v from 'valibot';
import { CommuneCode } from '../fields';

export const DuplicateData = v.object({
  communeCode: CommuneCode,
  recordType: v.picklist(['household', 'member']),
  /** The newly registered record first, then the one it resembles. */
  recordIds: v.tuple([v.string(), v.string()]),
  reason: v.picklist(['citizen-id', 'name-birth-year-village', 'name-birth-year', 'head-name-village']),
  status: v.picklist(['open', 'confirmed', 'dismissed']),
  decision: v.optional(v.object({ by: v.string(), at: v.number() })),
});
export type DuplicateData = v.InferOutput<typeof DuplicateData>;
