/**
 * @module The reports the server reads from its read side (GET /api/reports/…), defined once for the server and
 * any screen that shows them: their query and their answer. Counts only — never a person's or a household's data;
 * a device is named by its client id and the display name of who last synced with it.
 */
import * as v from 'valibot';
import { CommuneCode } from './fields';
import type { SurveyResult } from './records/survey';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
type PovertyClass = v.InferOutput<typeof SurveyResult>['classification'];

export const CommuneReport = v.object({
  code: CommuneCode,
  name: v.string(),
  households: Count,
  /** Members not deleted (whatever their household's state). */
  members: Count,
  /** Survey cases approved, by the class of the server's classification; every class present. */
  approvedClassifications: v.object({
    poor: Count,
    'near-poor': Count,
    'average-living-standard': Count,
    none: Count,
    undetermined: Count,
  } satisfies Record<PovertyClass, typeof Count>),
  openConflicts: Count,
  openDuplicates: Count,
  /** Each device that synced this commune, newest first, while its user still holds the commune (time to the minute). */
  devices: v.array(v.object({ clientId: v.string(), displayName: v.string(), lastSyncAt: v.number() })),
});
export type CommuneReport = v.InferOutput<typeof CommuneReport>;

/** GET /api/reports/communes: every commune of the user's scope, or those named in `codes` (comma-separated). */
export const CommuneReportsQuery = v.strictObject({
  codes: v.optional(
    v.pipe(
      v.string(),
      v.transform((text) => text.split(',')),
      v.array(CommuneCode),
      v.minLength(1, 'Cần ít nhất một mã xã'),
      v.maxLength(200, 'Tối đa 200 mã xã một lần'),
    ),
  ),
});

export const CommuneReportsResponse = v.object({ asOf: v.number(), communes: v.array(CommuneReport) });
export type CommuneReportsResponse = v.InferOutput<typeof CommuneReportsResponse>;

export const CommuneReportResponse = v.object({ asOf: v.number(), commune: CommuneReport });
export type CommuneReportResponse = v.InferOutput<typeof CommuneReportResponse>;
