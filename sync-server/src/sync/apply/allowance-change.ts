/**
 * @module The commune's steps on a change to a decided allowance (kind `allowance-change`, CASES.md §1.3): proposed
 * (the server notes what it is about, from the grant), then decided — checked here against where the grant stands
 * after the changes already decided, and an adjustment against the rules engine recomputed from the stored
 * application, never a device's figures — refused in writing, or returned.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import type { CaseCommand } from '../../../../src/shared/workflow';
import type { StoredRecord } from '../../store/records';
import { message } from '../../../../src/shared/messages';
import { AllowanceApplication, AllowanceSensitive } from '../../../../src/shared/records/allowance';
import { AllowanceChange, type ChangeDecision } from '../../../../src/shared/records/allowance-change';
import {
  applicationAfter,
  changeApplies,
  checkAdjustment,
  deathStopMonth,
  grantStanding,
  type DecidedChange,
  type DecidedGrant,
} from '../../../../src/shared/allowance-history';
import { formGrants, grantRule } from '../../../../src/shared/allowance-proposal';
import { personDecisions, type Step } from './allowance-decisions';

const GRANT_MISSING: Step = { ok: false, reason: message('reject.changeGrantMissing') };

export async function changeStep(
  tx: SqlExecutor,
  record: StoredRecord,
  command: CaseCommand,
  payload: unknown,
): Promise<Step> {
  const change = v.safeParse(AllowanceChange, record.data.data);
  if (!change.success) return { ok: false, reason: message('reject.invalidData') };
  const memberId = String(record.data.subjectId);
  switch (command) {
    case 'submit': {
      const grant = (await personDecisions(tx, memberId)).grants.find((g) => g.caseId === change.output.grantCaseId);
      if (!grant) return GRANT_MISSING;
      const form = String((grant.record.data.data as { form?: unknown } | undefined)?.form ?? '');
      return { ok: true, set: { about: { form, categoryCode: grant.decision.categoryCode } }, clear: [] };
    }
    case 'approve':
      return decide(tx, memberId, change.output, payload as ChangeDecision);
    case 'reject':
      return { ok: true, set: { refusal: payload }, clear: [] };
    default:
      return { ok: true, set: {}, clear: [] };
  }
}

async function decide(
  tx: SqlExecutor,
  memberId: string,
  change: AllowanceChange,
  decision: ChangeDecision,
): Promise<Step> {
  const { grants, changes } = await personDecisions(tx, memberId);
  const found = grants.find((g) => g.caseId === change.grantCaseId);
  if (!found) return GRANT_MISSING;
  const grant: DecidedGrant = { caseId: found.caseId, decision: found.decision };
  const month = decision.effectiveMonth;
  if (month < grant.decision.startMonth)
    return { ok: false, reason: message('reject.changeBeforeGrant', { month, startMonth: grant.decision.startMonth }) };
  const deathMonth = deathStopMonth(change);
  if (deathMonth !== undefined && month !== deathMonth)
    return { ok: false, reason: message('reject.changeDeathMonth', { month: deathMonth }) };
  // Where the grant stands in that month after the changes already decided (this one is not among them).
  const state = grantStanding(grant, changes, month).state;
  if (!changeApplies(change.change, state))
    return { ok: false, reason: message('reject.changeNotApplicable', { change: change.change, state, month }) };
  const written: Record<string, unknown> = { ...decision };
  delete written.clause;
  delete written.burialAmount;
  if (change.change === 'adjust') {
    const figures = adjustment(found.record, change, decision, changes);
    if (!figures.ok) return figures;
    Object.assign(written, figures.set);
  }
  if (deathMonth !== undefined) {
    const after = grantStanding(grant, [...changes, { caseId: '', change, decision }], month);
    if (after.burial) written.burialAmount = after.burial.amount;
  }
  return { ok: true, set: { changeDecision: written }, clear: [] };
}

/** An adjustment names the category, coefficient and amount, the engine's for its month unless a reason is given. */
function adjustment(
  grantRecord: StoredRecord,
  change: AllowanceChange,
  decision: ChangeDecision,
  decided: readonly DecidedChange[],
): Step {
  if (decision.categoryCode === undefined || decision.coefficient === undefined || decision.amount === undefined)
    return { ok: false, reason: message('reject.changeFigures') };
  const application = v.safeParse(AllowanceApplication, grantRecord.data.data);
  if (!application.success) return GRANT_MISSING;
  const form = application.output.form;
  if (!formGrants(form).includes(decision.categoryCode))
    return { ok: false, reason: message('reject.decisionCategoryOfForm', { form }) };
  const sensitive = v.safeParse(v.optional(AllowanceSensitive), grantRecord.data.sensitive);
  // The application as the adjustments already decided on this grant made it read (a disability level certified).
  const check = checkAdjustment(
    applicationAfter(application.output, grantRecord.id, decided),
    sensitive.success ? sensitive.output : undefined,
    grantRecord.commune,
    change,
    decision,
  );
  if (!check.ok) {
    const { categoryCode, coefficient, amount } = check.expected;
    return {
      ok: false,
      reason: categoryCode
        ? message('reject.decisionDiffers', { coefficient, amount })
        : message('reject.decisionNoCategory'),
    };
  }
  const rule = grantRule(decision.categoryCode, decision.effectiveMonth);
  return { ok: true, set: rule ? { clause: rule.clause } : {}, clear: [] };
}
