/**
 * @module The server's own classification of a survey (issue 9: it trusts no derived value from a device). The
 * answers are classified with the same rules engine the tablet runs, over the household and members the server
 * holds; the server's result is stored, and a device's differing claim is kept beside it for the officer.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { issueMessages, message, type Message } from '../../../../src/shared/messages';
import { MemberFields } from '../../../../src/shared/records/member';
import { SurveyCaseData, type SurveyResult } from '../../../../src/shared/records/survey';
import { classifySurvey, sameSurveyResult } from '../../../../src/domain/poverty/survey-result';
import { childrenOf, getRecord } from '../../store/records';

export type Derived = { ok: true; data: SurveyCaseData } | { ok: false; reason: Message };

/**
 * The case's `data` with the server's result, or why the survey cannot be classified as sent. `source` says
 * whose claim `data.result` is: a device's (a patch it sent) or the server's own (classified again at a step of
 * the workflow, when only a device's earlier differing claim, `deviceResult`, is still a claim).
 */
export async function classifySurveyCase(
  tx: SqlExecutor,
  householdId: string,
  data: unknown,
  source: 'device' | 'stored',
): Promise<Derived> {
  const parsed = v.safeParse(SurveyCaseData, data);
  if (!parsed.success)
    return { ok: false, reason: message('reject.invalidSurvey', undefined, issueMessages(parsed.issues)) };
  const household = await getRecord(tx, householdId);
  if (household?.type !== 'household') return { ok: false, reason: message('reject.surveyHouseholdMissing') };
  const members = (await childrenOf(tx, householdId))
    .filter((r) => r.type === 'member' && !r.deleted)
    .flatMap((r) => {
      const member = v.safeParse(MemberFields, r.data);
      return member.success ? [{ ...member.output, id: r.id }] : [];
    });
  const area = household.data.area === 'urban' ? 'urban' : 'rural';
  let result: SurveyResult;
  try {
    result = classifySurvey({ area, members, answers: parsed.output.answers }).result;
  } catch (error) {
    // No rule in force for the review date, for instance: the survey cannot be decided as it is.
    return {
      ok: false,
      reason: message('reject.surveyUnclassifiable', { error: error instanceof Error ? error.message : String(error) }),
    };
  }
  const claimed = source === 'device' ? parsed.output.result : parsed.output.deviceResult;
  const disagrees = claimed !== undefined && !sameSurveyResult(claimed, result);
  return {
    ok: true,
    data: { answers: parsed.output.answers, result, ...(disagrees ? { deviceResult: claimed } : {}) },
  };
}
