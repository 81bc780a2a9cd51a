/**
 * @module A case under review: a household's poverty survey or a person's allowance proposal. Its fields are
 * edited like any record; its status moves only by workflow commands (src/shared/workflow.ts).
 */
import * as v from 'valibot';
import { CommuneCode, Uuid, trimmed } from '../fields';
import { jsonObject } from '../json-value';

export const CaseFields = v.object({
  communeCode: CommuneCode,
  kind: v.picklist(['survey', 'allowance']),
  /** The household (survey) or member (allowance) the case is about. */
  subjectId: Uuid,
  note: trimmed(2000, 'notes'),
  /** The case's own answers (survey facts, proposal details), validated by the feature that owns them; bounded. */
  data: jsonObject(),
});
export type CaseFields = v.InferOutput<typeof CaseFields>;

export const CaseStatus = v.picklist(['draft', 'submitted', 'verified', 'approved', 'rejected', 'returned']);

export const CaseReview = v.object({
  status: CaseStatus,
  history: v.array(v.object({ command: v.string(), by: v.string(), at: v.number(), comment: v.optional(v.string()) })),
});
