/**
 * @module A change to a decided allowance proposed on the device (issue 12, Decree 20/2021 Art. 8–9, TT 02/2021
 * Art. 2): the case and its "submit" together, checked first as the server checks it, so nothing it would refuse
 * is queued. It carries the benefit timeline: loaded with the dossier and the register only; reading the changes
 * is src/db/change-cases.ts.
 */
import * as v from 'valibot';
import { CaseRecord } from '../shared/records/case';
import type { AllowanceChange } from '../shared/records/allowance-change';
import { changeApplies, grantStanding } from '../shared/allowance-history';
import type { AnSinhDb } from './database';
import { queueCommand, savePatch } from './outbox';
import { allowanceCase } from './cases';
import { changesOfGrant, decidedChanges, decidedGrant } from './change-cases';

export type SubmitChangeResult =
  | { ok: true; id: string }
  /** 'grant': no approved grant with its decision on the device; 'applies': not a change of where it stands. */
  | { ok: false; issues: string[]; why?: 'grant' | 'applies' };

/**
 * Saves the change proposed on a grant as a case of its member and queues "submit", together. Refused before
 * anything is queued when the grant is not decided, the kind does not fit where the grant stands in the month
 * the change takes effect (changeApplies, as the server checks it), or the case does not pass its schema.
 */
export async function submitChange(
  db: AnSinhDb,
  input: { caseId: string; grantCaseId: string; change: Omit<AllowanceChange, 'grantCaseId'> },
  now: number,
): Promise<SubmitChangeResult> {
  const grant = await allowanceCase(db, input.grantCaseId);
  const decided = grant && decidedGrant(grant);
  if (!grant || !decided) return { ok: false, issues: [], why: 'grant' };
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
  const changes = decidedChanges(await changesOfGrant(db, grant));
  const state = grantStanding(decided, changes, change.effectiveMonth).state;
  if (!changeApplies(change.change, state)) return { ok: false, issues: [], why: 'applies' };
  await db.transaction('rw', [db.cases, db.households, db.members, db.outbox, db.meta], async () => {
    await savePatch(db, 'case', input.caseId, fields, now);
    await queueCommand(db, input.caseId, 'submit', undefined, now);
  });
  return { ok: true, id: input.caseId };
}
