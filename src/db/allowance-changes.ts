/**
 * @module A change to a decided allowance proposed on the device (issue 12, Decree 20/2021 Art. 8–9, TT 02/2021
 * Art. 2): the case and its "submit" together, checked first as the server checks it, so nothing it would refuse
 * is queued. It carries the benefit timeline: loaded with the dossier and the register only; reading the changes
 * is src/db/change-cases.ts.
 */
import * as v from 'valibot';
import { CaseRecord } from '../shared/records/case';
import type { AllowanceChange } from '../shared/records/allowance-change';
import {
  changeApplies,
  deathStopMonth,
  grantStanding,
  type DecidedChange,
  type DecidedGrant,
} from '../shared/allowance-history';
import { encodeMessage } from '../shared/messages';
import type { AnSinhDb } from './database';
import { queueCommand, savePatch } from './outbox';
import { allowanceCase } from './cases';
import { futureDateFieldOnDevice } from './client-id';
import { changesOfGrant, decidedChanges, decidedGrant } from './change-cases';

export type SubmitChangeResult = { ok: true; id: string } | { ok: false; issues: string[] };

/**
 * Why the chairman could not decide this change from `month`, as the server checks it: not before the grant began;
 * a stop on death from the month after the death; a kind that fits where the grant stands then, after the changes
 * already decided (src/shared/allowance-history.ts). An encoded message, or undefined when it may be decided.
 */
export function changeProblem(
  grant: DecidedGrant,
  decided: readonly DecidedChange[],
  change: AllowanceChange,
  month: string,
): string | undefined {
  const startMonth = grant.decision.startMonth;
  if (month < startMonth) return encodeMessage('reject.changeBeforeGrant', { month, startMonth });
  const death = deathStopMonth(change);
  if (death !== undefined && month !== death) return encodeMessage('reject.changeDeathMonth', { month: death });
  const state = grantStanding(grant, decided, month).state;
  if (!changeApplies(change.change, state))
    return encodeMessage('reject.changeNotApplicable', { change: change.change, state, month });
  return undefined;
}

/**
 * Saves the change proposed on a grant as a case of its member and queues "submit", together. Refused before
 * anything is queued when the grant is not decided on the device, the case does not pass its schema, a day it
 * names is after today by the server's clock, or the change could not be decided from the month it names
 * (changeProblem).
 */
export async function submitChange(
  db: AnSinhDb,
  input: { caseId: string; grantCaseId: string; change: Omit<AllowanceChange, 'grantCaseId'> },
  now: number,
): Promise<SubmitChangeResult> {
  const grant = await allowanceCase(db, input.grantCaseId);
  const decided = grant && decidedGrant(grant);
  if (!grant || !decided) return { ok: false, issues: [encodeMessage('reject.changeGrantMissing')] };
  // Nothing undefined goes into a patch: a field left out is a field not written.
  const given = Object.entries({ ...input.change, grantCaseId: grant.id }).filter(([, value]) => value !== undefined);
  const change = Object.fromEntries(given) as AllowanceChange;
  const fields = {
    communeCode: grant.communeCode,
    kind: 'allowance-change' as const,
    subjectId: grant.subjectId,
    note: '',
    data: change,
  };
  const checked = v.safeParse(CaseRecord, fields);
  if (!checked.success) return { ok: false, issues: checked.issues.map((i) => i.message) };
  // A death or a proposal dated tomorrow is a typing slip the server refuses too (the case's dated fields).
  const future = await futureDateFieldOnDevice(db, 'case', fields, now);
  if (future) return { ok: false, issues: [future.message] };
  const problem = changeProblem(
    decided,
    decidedChanges(await changesOfGrant(db, grant)),
    change,
    change.effectiveMonth,
  );
  if (problem) return { ok: false, issues: [problem] };
  await db.transaction('rw', [db.cases, db.households, db.members, db.outbox, db.meta], async () => {
    await savePatch(db, 'case', input.caseId, fields, now);
    await queueCommand(db, input.caseId, 'submit', undefined, now);
  });
  return { ok: true, id: input.caseId };
}
