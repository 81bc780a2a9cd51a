/**
 * @module Workflow commands on a case (submit → verify → approve / reject / return), authorised by role on the
 * server. Two officers acting at once: the first command wins, the second is answered with why it cannot apply.
 */
import type { SqlExecutor } from '../../db/database';
import { checkTransition, type CaseCommand, type CaseKind, type CaseStatus } from '../../../../src/shared/workflow';
import { getRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';
import { message } from '../../../../src/shared/messages';
import { classifySurveyCase } from '../derive/survey';

export async function applyCommand(
  tx: SqlExecutor,
  context: MutationContext,
  op: { id: string; command: CaseCommand; comment?: string | undefined; payload?: unknown },
): Promise<ApplyOutcome> {
  const record = await getRecord(tx, op.id);
  if (record?.type !== 'case' || !context.scope.has(record.commune)) return rejected(OUT_OF_SCOPE);
  if (record.deleted) return rejected(message('reject.caseDeleted'));
  const status = (record.data.status ?? 'draft') as CaseStatus;
  const kind = (record.data.kind === 'allowance' ? 'allowance' : 'survey') as CaseKind;
  const check = checkTransition(kind, status, op.command, context.role, op.comment, op.payload);
  if (!check.ok) return rejected(check.reason);
  const history = Array.isArray(record.data.history) ? record.data.history : [];
  const entry = {
    command: op.command,
    by: context.userId,
    at: context.now,
    ...(op.comment ? { comment: op.comment } : {}),
  };
  const data: Record<string, unknown> = { ...record.data, status: check.to, history: [...history, entry] };
  // Sent for review, a survey is classified again over the registry as it is now (a member may have changed).
  if (op.command === 'submit' && record.data.kind === 'survey') {
    const derived = await classifySurveyCase(tx, String(record.data.subjectId), record.data.data, 'stored');
    if (!derived.ok) return rejected(derived.reason);
    data.data = derived.data;
  }
  await writeRecord(tx, context, { ...record, data }, { before: record, touched: ['status'] });
  return applied;
}
