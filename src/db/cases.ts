/** @module Cases on the device: surveys submitted from here, and the latest approved result of a household. */
import type { SurveyAnswers, SurveyResult } from '../shared/records/survey';
import { newId } from '../shared/ids';
import type { AnSinhDb } from './database';
import { recordsOf, type Local } from './records';
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
  history: { command: string; by: string; at: number; comment?: string | undefined }[];
  version: number;
}

const cases = recordsOf('case');

type LocalSurvey = Extract<Local<'case'>, { kind: 'survey' }>;

const isSurvey = (record: Local<'case'>): record is LocalSurvey => record.kind === 'survey';

function toSurveyCase(row: LocalSurvey): SurveyCase {
  return {
    id: row.id,
    subjectId: row.subjectId,
    status: row.status ?? 'draft',
    answers: row.data.answers,
    result: row.data.result,
    deviceResult: row.data.deviceResult,
    history: row.history ?? [],
    version: row.version,
  };
}

/** The surveys of a commune (or of one household), each read against the survey's schema. */
async function surveysWhere(db: AnSinhDb, index: 'communeCode' | 'subjectId', value: string): Promise<SurveyCase[]> {
  return (await cases.where(db, index, value)).records.filter(isSurvey).map(toSurveyCase);
}

export async function surveysOf(db: AnSinhDb, householdId: string): Promise<SurveyCase[]> {
  return (await surveysWhere(db, 'subjectId', householdId)).sort((a, b) =>
    (b.answers?.reviewDate ?? '').localeCompare(a.answers?.reviewDate ?? ''),
  );
}

/** The classification a household carries: that of its latest approved survey. */
export async function approvedClassifications(db: AnSinhDb, communeCode: string): Promise<Map<string, SurveyResult>> {
  const approved = (await surveysWhere(db, 'communeCode', communeCode)).filter((s) => s.status === 'approved');
  const latest = new Map<string, SurveyCase>();
  for (const survey of approved) {
    const current = latest.get(survey.subjectId);
    if (!current || (survey.answers?.reviewDate ?? '') > (current.answers?.reviewDate ?? ''))
      latest.set(survey.subjectId, survey);
  }
  return new Map([...latest].flatMap(([id, s]) => (s.result ? [[id, s.result] as const] : [])));
}

/** Cases waiting for a commune officer. */
export async function casesToReview(db: AnSinhDb, communeCode: string): Promise<SurveyCase[]> {
  return (await surveysWhere(db, 'communeCode', communeCode)).filter(
    (c) => c.status === 'submitted' || c.status === 'verified',
  );
}

/** Saves the finished survey as a case with its result, queues "submit", and forgets the draft — together. */
export async function submitSurvey(
  db: AnSinhDb,
  input: {
    householdId: string;
    communeCode: string;
    answers: SurveyAnswers;
    result: SurveyResult;
    draftKey: string;
    caseId?: string;
    note?: string;
  },
  now: number,
): Promise<string> {
  const id = input.caseId ?? newId(now);
  // The scope covers what savePatch and queueCommand open inside it.
  await db.transaction('rw', [db.cases, db.households, db.members, db.outbox, db.meta, db.drafts], async () => {
    await savePatch(
      db,
      'case',
      id,
      {
        communeCode: input.communeCode,
        kind: 'survey',
        subjectId: input.householdId,
        note: input.note ?? '',
        data: { answers: input.answers, result: input.result },
      },
      now,
    );
    await queueCommand(db, id, 'submit', undefined, now);
    await clearDraft(db, input.draftKey);
  });
  return id;
}
