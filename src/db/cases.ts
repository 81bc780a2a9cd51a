/** @module Cases on the device: surveys submitted from here, and the latest approved result of a household. */
import * as v from 'valibot';
import { SurveyResult, type SurveyAnswers } from '../shared/records/survey';
import { newId } from '../shared/ids';
import type { AnSinhDb, LocalRecord } from './database';
import { queueCommand, savePatch } from './outbox';
import { clearDraft } from './drafts';

export interface SurveyCase {
  id: string;
  subjectId: string;
  status: string;
  answers: SurveyAnswers;
  /** The server's classification. */
  result: SurveyResult | undefined;
  /** What the sending device claimed, kept by the server when it differs from its own. */
  deviceResult: SurveyResult | undefined;
  history: { command: string; by: string; at: number; comment?: string }[];
  version: number;
}

function toSurveyCase(row: LocalRecord): SurveyCase {
  const data = (row.data ?? {}) as { answers?: SurveyAnswers; result?: unknown; deviceResult?: unknown };
  const result = v.safeParse(SurveyResult, data.result);
  const deviceResult = v.safeParse(SurveyResult, data.deviceResult);
  return {
    id: row.id,
    subjectId: String(row.subjectId),
    status: typeof row.status === 'string' ? row.status : 'draft',
    answers: data.answers as SurveyAnswers,
    result: result.success ? result.output : undefined,
    deviceResult: deviceResult.success ? deviceResult.output : undefined,
    history: Array.isArray(row.history) ? (row.history as SurveyCase['history']) : [],
    version: row.version,
  };
}

export async function surveysOf(db: AnSinhDb, householdId: string): Promise<SurveyCase[]> {
  const rows = await db.cases.where('subjectId').equals(householdId).filter((c) => c.kind === 'survey' && !c.deleted).toArray();
  return rows.map(toSurveyCase).sort((a, b) => (b.answers?.reviewDate ?? '').localeCompare(a.answers?.reviewDate ?? ''));
}

/** The classification a household carries: that of its latest approved survey. */
export async function approvedClassifications(db: AnSinhDb, communeCode: string): Promise<Map<string, SurveyResult>> {
  const rows = await db.cases.where('communeCode').equals(communeCode).filter((c) => c.kind === 'survey' && c.status === 'approved').toArray();
  const latest = new Map<string, SurveyCase>();
  for (const survey of rows.map(toSurveyCase)) {
    const current = latest.get(survey.subjectId);
    if (!current || (survey.answers?.reviewDate ?? '') > (current.answers?.reviewDate ?? '')) latest.set(survey.subjectId, survey);
  }
  return new Map([...latest].flatMap(([id, s]) => (s.result ? [[id, s.result] as const] : [])));
}

/** Cases waiting for a commune officer. */
export async function casesToReview(db: AnSinhDb, communeCode: string): Promise<SurveyCase[]> {
  const rows = await db.cases.where('communeCode').equals(communeCode).filter((c) => (c.status === 'submitted' || c.status === 'verified') && !c.deleted).toArray();
  return rows.map(toSurveyCase);
}

/** Saves the finished survey as a case with its result, queues "submit", and forgets the draft — together. */
export async function submitSurvey(
  db: AnSinhDb,
  input: { householdId: string; communeCode: string; answers: SurveyAnswers; result: SurveyResult; draftKey: string; caseId?: string; note?: string },
  now: number,
): Promise<string> {
  const id = input.caseId ?? newId(now);
  // The scope covers what savePatch and queueCommand open inside it.
  await db.transaction('rw', [db.cases, db.households, db.members, db.outbox, db.meta, db.drafts], async () => {
    await savePatch(db, 'case', id, { communeCode: input.communeCode, kind: 'survey', subjectId: input.householdId, note: input.note ?? '', data: { answers: input.answers, result: input.result } }, now);
    await queueCommand(db, id, 'submit', undefined, now);
    await clearDraft(db, input.draftKey);
  });
  return id;
}
