/**
 * @module Changes to a decided allowance as the device holds them (issue 12): a commune's or a grant's proposed
 * changes with what the server recorded on them (the decision, the refusal), each read against the change's
 * schema. Small, without the benefit timeline, so the desk's list can read them.
 */
import type { AllowanceChange } from '../shared/records/allowance-change';
import type { CaseStatus } from '../shared/workflow';
import type { DecidedChange, DecidedGrant } from '../shared/allowance-history';
import type { AnSinhDb } from './database';
import { recordsOf, type Local } from './records';
import type { AllowanceCase } from './cases';

type LocalChange = Extract<Local<'case'>, { kind: 'allowance-change' }>;

export interface ChangeCase {
  id: string;
  communeCode: string;
  /** The member the grant and the change are about. */
  subjectId: string;
  status: CaseStatus;
  change: AllowanceChange;
  note: string;
  decision: LocalChange['changeDecision'];
  refusal: LocalChange['refusal'];
  history: { command: string; by: string; at: number; comment?: string | undefined }[];
  version: number;
}

const cases = recordsOf('case');

const isChange = (record: Local<'case'>): record is LocalChange => record.kind === 'allowance-change';

function toChangeCase(row: LocalChange): ChangeCase {
  return {
    id: row.id,
    communeCode: row.communeCode,
    subjectId: row.subjectId,
    status: row.status ?? 'draft',
    change: row.data,
    note: row.note,
    decision: row.changeDecision,
    refusal: row.refusal,
    history: row.history ?? [],
    version: row.version,
  };
}

/** A commune's changes not deleted, each read against the change's schema. */
export async function changeCases(db: AnSinhDb, communeCode: string): Promise<ChangeCase[]> {
  return (await cases.where(db, 'communeCode', communeCode)).records.filter(isChange).map(toChangeCase);
}

/** The changes of one grant (the allowance case they change), the latest proposed first. */
export async function changesOfGrant(db: AnSinhDb, grant: Pick<AllowanceCase, 'id' | 'subjectId'>) {
  return (await cases.where(db, 'subjectId', grant.subjectId)).records
    .filter(isChange)
    .map(toChangeCase)
    .filter((c) => c.change.grantCaseId === grant.id)
    .sort((a, b) => b.change.proposedOn.localeCompare(a.change.proposedOn) || b.id.localeCompare(a.id));
}

export async function changeCase(db: AnSinhDb, id: string): Promise<ChangeCase | undefined> {
  const row = await cases.get(db, id);
  return row && isChange(row) ? toChangeCase(row) : undefined;
}

/** The grant as the benefit timeline reads it: only once approved with its decision on the device. */
export const decidedGrant = (grant: AllowanceCase): DecidedGrant | undefined =>
  grant.status === 'approved' && grant.decision ? { caseId: grant.id, decision: grant.decision } : undefined;

/** The changes that alter what is paid: approved, with the decision the server wrote. */
export const decidedChanges = (changes: readonly ChangeCase[]): DecidedChange[] =>
  changes.flatMap((c) =>
    c.status === 'approved' && c.decision ? [{ caseId: c.id, change: c.change, decision: c.decision }] : [],
  );
