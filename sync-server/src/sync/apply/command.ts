/**
 * @module Workflow commands on a case (submit → verify → approve / reject / return), authorised by role on the
 * server. Two officers acting at once: the first command wins, the second is answered with why it cannot apply.
 *
 * An allowance application's steps are kept on the case as the server writes them (issue 12): the ID check with
 * who made it, the public posting window, the chairman's decision — checked against the rules engine recomputed
 * here from the stored application and sensitive field, never a device's figures — or the written refusal.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { checkTransition, type CaseCommand, type CaseKind, type CaseStatus } from '../../../../src/shared/workflow';
import { getRecord, type StoredRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';
import { issueMessages, message } from '../../../../src/shared/messages';
import { classifySurveyCase } from '../derive/survey';
import {
  AllowanceApplication,
  AllowanceSensitive,
  type AllowanceDecision,
} from '../../../../src/shared/records/allowance';
import { checkDecision, formGrants, grantRule } from '../../../../src/shared/allowance-proposal';
import { postingWindow } from '../derive/posting';
import { inForce } from '../../../../src/shared/allowance-history';
import { personDecisions, type Step } from './allowance-decisions';
import { changeStep } from './allowance-change';

export async function applyCommand(
  tx: SqlExecutor,
  context: MutationContext,
  op: { id: string; command: CaseCommand; comment?: string | undefined; payload?: unknown },
): Promise<ApplyOutcome> {
  const record = await getRecord(tx, op.id);
  if (record?.type !== 'case' || !context.scope.has(record.commune)) return rejected(OUT_OF_SCOPE);
  if (record.deleted) return rejected(message('reject.caseDeleted'));
  const status = (record.data.status ?? 'draft') as CaseStatus;
  const kind = caseKind(record.data.kind);
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
  if (kind !== 'survey') {
    const step =
      kind === 'allowance'
        ? await allowanceStep(tx, context, record, op.command, check.payload)
        : await changeStep(tx, record, op.command, check.payload);
    if (!step.ok) return rejected(step.reason);
    Object.assign(data, step.set);
    for (const field of step.clear) delete data[field];
  }
  await writeRecord(tx, context, { ...record, data }, { before: record, touched: ['status'] });
  return applied;
}

const KINDS: readonly CaseKind[] = ['survey', 'allowance', 'allowance-change'];
const caseKind = (kind: unknown): CaseKind => KINDS.find((k) => k === kind) ?? 'survey';

const nothing: Step = { ok: true, set: {}, clear: [] };

/** What an allowance step writes on the case, or why it cannot (the payload already passed its schema). */
async function allowanceStep(
  tx: SqlExecutor,
  context: MutationContext,
  record: StoredRecord,
  command: CaseCommand,
  payload: unknown,
): Promise<Step> {
  switch (command) {
    case 'verify':
      return { ok: true, set: { idCheck: { ...(payload as object), by: context.userId } }, clear: [] };
    case 'post': {
      const window = postingWindow(context.now);
      return window.ok ? { ok: true, set: { posting: window.posting }, clear: [] } : window;
    }
    case 'approve':
      return approveStep(tx, record, payload as AllowanceDecision);
    case 'reject':
      return { ok: true, set: { refusal: payload }, clear: [] };
    // Sent back to be corrected, the application is checked and posted again once resubmitted.
    case 'return':
      return { ok: true, set: {}, clear: ['idCheck', 'posting'] };
    default:
      return nothing;
  }
}

async function approveStep(tx: SqlExecutor, record: StoredRecord, decision: AllowanceDecision): Promise<Step> {
  const application = v.safeParse(AllowanceApplication, record.data.data);
  const sensitive = v.safeParse(v.optional(AllowanceSensitive), record.data.sensitive);
  if (!application.success)
    return { ok: false, reason: message('reject.invalidData', undefined, issueMessages(application.issues)) };
  const stored = application.output;
  const filedMonth = stored.filedOn.slice(0, 7);
  if (decision.startMonth < filedMonth)
    return {
      ok: false,
      reason: message('reject.decisionBeforeFiling', { startMonth: decision.startMonth, filedMonth }),
    };
  if (!formGrants(stored.form).includes(decision.categoryCode))
    return { ok: false, reason: message('reject.decisionCategoryOfForm', { form: stored.form }) };
  const agrees = checkDecision(stored, sensitive.success ? sensitive.output : undefined, record.commune, decision);
  if (!agrees.ok) {
    const { categoryCode, coefficient, amount } = agrees.expected;
    return {
      ok: false,
      reason: categoryCode
        ? message('reject.decisionDiffers', { coefficient, amount })
        : message('reject.decisionNoCategory'),
    };
  }
  // Another grant of the same category still in force from the start month (one stopped or moved out is not).
  const { grants, changes } = await personDecisions(tx, String(record.data.subjectId));
  const active = grants.find(
    (g) =>
      g.caseId !== record.id &&
      g.decision.categoryCode === decision.categoryCode &&
      inForce(g, changes, decision.startMonth),
  );
  if (active) return { ok: false, reason: message('reject.decisionActive', { number: active.decision.number }) };
  // The clause is the rule pack's, whatever a device sent.
  const { clause: _sent, ...recorded } = decision;
  const rule = grantRule(decision.categoryCode, decision.startMonth);
  return { ok: true, set: { decision: { ...recorded, ...(rule ? { clause: rule.clause } : {}) } }, clear: [] };
}
