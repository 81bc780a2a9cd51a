/**
 * @module A person's decided allowances as the server reads them from its own records, for the checks on a second
 * grant and on a change (src/shared/allowance-history.ts reads where each stands). Decisions about one person take
 * turns (a lock per person), so two officers cannot both decide a grant or a change that only one of them may.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { childrenOf, type StoredRecord } from '../../store/records';
import type { DecidedChange, DecidedGrant } from '../../../../src/shared/allowance-history';
import { AllowanceDecision } from '../../../../src/shared/records/allowance';
import { AllowanceChange, ChangeDecision } from '../../../../src/shared/records/allowance-change';
import type { Message } from '../../../../src/shared/messages';

export interface PersonDecisions {
  /** Approved applications, with their case. */
  readonly grants: readonly (DecidedGrant & { readonly record: StoredRecord })[];
  readonly changes: readonly DecidedChange[];
}

const live = (r: StoredRecord) => r.type === 'case' && !r.deleted && r.data.status === 'approved';

/** The person's approved grants and changes (their cases hang from the member), after taking the person's turn. */
export async function personDecisions(tx: SqlExecutor, memberId: string): Promise<PersonDecisions> {
  await tx.lock(`allowance-person:${memberId}`);
  const cases = (await childrenOf(tx, memberId)).filter(live);
  const grants: (DecidedGrant & { record: StoredRecord })[] = [];
  const changes: DecidedChange[] = [];
  for (const r of cases) {
    if (r.data.kind === 'allowance') {
      const decision = v.safeParse(AllowanceDecision, r.data.decision);
      if (decision.success) grants.push({ caseId: r.id, decision: decision.output, record: r });
    } else if (r.data.kind === 'allowance-change') {
      const change = v.safeParse(AllowanceChange, r.data.data);
      const decision = v.safeParse(ChangeDecision, r.data.changeDecision);
      if (change.success && decision.success)
        changes.push({ caseId: r.id, change: change.output, decision: decision.output });
    }
  }
  return { grants, changes };
}

/** What a step on an allowance case writes on it, or why it cannot (its payload already passed its schema). */
export type Step =
  | { ok: true; set: Record<string, unknown>; clear: readonly string[] }
  | { ok: false; reason: Message };
