/**
 * @module Cases on the device: surveys submitted from here, the latest approved result of a household, and the
 * commune's allowance applications with the officer's steps on them (issue 12).
 */
import type { SurveyAnswers, SurveyResult } from '../shared/records/survey';
import type { AllowanceApplication } from '../shared/records/allowance';
import type { Role } from '../shared/roles';
import {
  checkTransition,
  type CaseCommand,
  type CaseKind,
  type CaseStatus,
  type TransitionCheck,
} from '../shared/workflow';
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

/** An allowance application under review, with what the server recorded of each step (src/shared/workflow.ts). */
export interface AllowanceCase {
  id: string;
  communeCode: string;
  subjectId: string;
  status: CaseStatus;
  application: AllowanceApplication;
  /** HIV status: the server sends it only to the commune officer and above. */
  sensitive: LocalAllowance['sensitive'];
  idCheck: LocalAllowance['idCheck'];
  posting: LocalAllowance['posting'];
  decision: LocalAllowance['decision'];
  refusal: LocalAllowance['refusal'];
  history: { command: string; by: string; at: number; comment?: string | undefined }[];
  version: number;
}

type LocalAllowance = Extract<Local<'case'>, { kind: 'allowance' }>;

const isAllowance = (record: Local<'case'>): record is LocalAllowance => record.kind === 'allowance';

function toAllowanceCase(row: LocalAllowance): AllowanceCase {
  return {
    id: row.id,
    communeCode: row.communeCode,
    subjectId: row.subjectId,
    status: row.status ?? 'draft',
    application: row.data,
    sensitive: row.sensitive,
    idCheck: row.idCheck,
    posting: row.posting,
    decision: row.decision,
    refusal: row.refusal,
    history: row.history ?? [],
    version: row.version,
  };
}

/** A commune's allowance applications not deleted, each read against the application's schema. */
export async function allowanceCases(db: AnSinhDb, communeCode: string): Promise<AllowanceCase[]> {
  return (await cases.where(db, 'communeCode', communeCode)).records
    .filter((r) => isAllowance(r) && !r.deleted)
    .map((r) => toAllowanceCase(r as LocalAllowance));
}

export async function allowanceCase(db: AnSinhDb, id: string): Promise<AllowanceCase | undefined> {
  const row = await cases.get(db, id);
  return row && isAllowance(row) && !row.deleted ? toAllowanceCase(row) : undefined;
}

/**
 * Queues an officer's step on an allowance application or a change to one with what it records, checked first by
 * the same workflow the server applies (role, status, the payload's schema), so a form that cannot be accepted is
 * never sent.
 */
export async function giveCaseCommand(
  db: AnSinhDb,
  input: {
    kind: CaseKind;
    caseId: string;
    status: CaseStatus;
    role: Role;
    command: CaseCommand;
    comment?: string | undefined;
    payload?: Record<string, unknown> | undefined;
  },
  now: number,
): Promise<TransitionCheck> {
  const check = checkTransition(input.kind, input.status, input.command, input.role, input.comment, input.payload);
  if (!check.ok) return check;
  const payload = check.payload as Record<string, unknown> | undefined;
  await queueCommand(db, input.caseId, input.command, input.comment?.trim() || undefined, now, payload);
  return check;
}
