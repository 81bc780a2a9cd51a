/**
 * @module A case under review: a household's poverty survey or a person's allowance proposal. Its fields are
 * edited like any record; its status moves only by workflow commands (src/shared/workflow.ts).
 */
import * as v from 'valibot';
import { CommuneCode, Uuid, trimmed } from '../fields';
import { jsonObject } from '../json-value';
import { AllowanceApplication, AllowanceDecision, AllowanceRefusal, AllowanceSensitive, IdCheck } from './allowance';
import { SurveyCaseData } from './survey';
import { AllowanceChange, ChangeAbout, ChangeDecision } from './allowance-change';

export const CaseFields = v.object({
  communeCode: CommuneCode,
  kind: v.picklist(['survey', 'allowance', 'allowance-change']),
  /** The household (survey) or member (allowance, allowance-change) the case is about. */
  subjectId: Uuid,
  note: trimmed(2000, 'notes'),
  /** The case's own answers; what they hold depends on `kind` (CASE_DATA), and is checked with the record whole. */
  data: jsonObject(),
  /**
   * What only the commune officer and above may see (an allowance applicant's HIV status, form 1b): a field of
   * its own so the server can leave it out of what it sends other roles, and a save that never saw it keeps it.
   */
  sensitive: v.optional(AllowanceSensitive),
});
export type CaseFields = v.InferOutput<typeof CaseFields>;

/** What each kind of case holds in `data`, bounded. */
export const CASE_DATA = {
  survey: SurveyCaseData,
  allowance: AllowanceApplication,
  'allowance-change': AllowanceChange,
} as const;

/** A case whole: its fields with the `data` of its kind. */
export const CaseRecord = v.variant('kind', [
  v.object({ ...CaseFields.entries, kind: v.literal('survey'), data: CASE_DATA.survey }),
  v.object({ ...CaseFields.entries, kind: v.literal('allowance'), data: CASE_DATA.allowance }),
  v.object({ ...CaseFields.entries, kind: v.literal('allowance-change'), data: CASE_DATA['allowance-change'] }),
]);
export type CaseRecord = v.InferOutput<typeof CaseRecord>;

export const CaseStatus = v.picklist(['draft', 'submitted', 'verified', 'posted', 'approved', 'rejected', 'returned']);

export const CaseReview = v.object({
  status: CaseStatus,
  history: v.array(v.object({ command: v.string(), by: v.string(), at: v.number(), comment: v.optional(v.string()) })),
  /** An allowance application's steps at the commune (src/shared/workflow.ts), written only by the server. */
  idCheck: v.optional(v.object({ ...IdCheck.entries, by: v.string() })),
  /** The public posting window: from the day posted to the last working day of it, and the complaint period. */
  posting: v.optional(
    v.object({ from: v.string(), until: v.string(), complaintsUntil: v.string(), ruleId: v.string() }),
  ),
  decision: v.optional(AllowanceDecision),
  refusal: v.optional(AllowanceRefusal),
  /** The chairman's decision on a change (kind allowance-change). */
  changeDecision: v.optional(ChangeDecision),
  /** A change: the form and category of the allowance it changes, copied by the server when it is submitted. */
  about: v.optional(ChangeAbout),
});
