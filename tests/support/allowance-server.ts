/**
 * The commune's allowance steps driven on a server database, for the server tests (issue 12): a person registered
 * and their application filed by a collaborator, the officer's commands, the steps up to the chairman's decision.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import type { Role } from '../../src/shared/roles';
import type { AllowanceApplication, AllowanceDecision } from '../../src/shared/records/allowance';
import {
  allowanceApplication,
  LY_SON,
  createMutation,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
} from './fixtures';

/** Noon in Việt Nam (UTC+7) of a day. */
export const noonVn = (day: string) => Date.parse(`${day}T05:00:00Z`);

export type Sensitive = { hiv: boolean; hivDetectedOn?: string };

export const as = (role: Role, day = '2026-03-25', userId: string = role) =>
  pushContext({ role, userId, now: noonVn(day) });

/** The decision for the fixture's application (1d, a poor widow of 81 with no supporter): 2 × 500.000 đ. */
export function grantDecision(overrides: Partial<AllowanceDecision> = {}): AllowanceDecision {
  return {
    number: '15/QĐ-UBND',
    signedOn: '2026-03-20',
    signer: 'Trần Văn Chủ',
    categoryCode: 'elderly-poor-no-supporter-80-plus',
    coefficient: 2,
    amount: 1_000_000,
    startMonth: '2026-03',
    ...overrides,
  };
}

/** Form 1b (Art. 5(8)): an adult with HIV in a poor household, no stable income — 1,5 × M. */
export const hivAllowanceApplication = (): AllowanceApplication =>
  allowanceApplication({
    form: '1b',
    filedOn: '2026-03-02',
    applicant: {
      ...allowanceApplication().applicant,
      fullName: 'Lê Văn Bình',
      birthDate: '1985-04-12',
      sex: 'male',
    },
    papers: ['residence', 'citizen-id', 'hiv-certificate'],
    facts: { income: { stableMonthlyIncome: false } },
  });

/** A person registered by a collaborator and their application filed and sent for review. */
export async function fileApplication(
  db: Database,
  application: AllowanceApplication = allowanceApplication(),
  sensitive?: Sensitive,
  birthDate = application.applicant.birthDate,
  subject: string = randomUUID(),
  /** A server seeded with the demo takes only the villages of its list. */
  village?: string,
) {
  const home = randomUUID();
  const caseId = randomUUID();
  const collaborator = as('collaborator', application.filedOn, 'ctv');
  const fields = {
    kind: 'allowance',
    subjectId: subject,
    communeCode: LY_SON,
    note: '',
    data: application,
    ...(sensitive ? { sensitive } : {}),
  };
  const registered = await getRecord(db, subject);
  const person = memberFields(home, { fullName: application.applicant.fullName, birthDate });
  const first = registered ? 1 : 3;
  const answer = await push(db, collaborator, [
    ...(registered
      ? []
      : [createMutation(1, village ? { village } : {}, home), patchMutation(2, subject, person, 0, 'member')]),
    patchMutation(first, caseId, fields, 0, 'case'),
    mutation(first + 1, { kind: 'command', id: caseId, command: 'submit' }),
  ]);
  expect(answer.results.map((r) => r.status)).toEqual(Array(first + 1).fill('applied'));
  return { caseId, subject, home };
}

export type CaseCommandName = 'verify' | 'post' | 'approve' | 'reject' | 'return' | 'submit';

/** One command on a case, pushed alone; its result. */
export const caseCommand = (
  db: Database,
  role: Role,
  id: string,
  cmd: CaseCommandName,
  payload?: unknown,
  comment?: string,
  day = '2026-03-25',
) =>
  push(db, as(role, day), [
    mutation(1, {
      kind: 'command',
      id,
      command: cmd,
      ...(payload !== undefined ? { payload: payload as Record<string, never> } : {}),
      ...(comment ? { comment } : {}),
    }),
  ]).then((r) => r.results[0]!);

/** Verified and posted by the officer: ready for the chairman's decision. */
export async function readyToDecide(db: Database, id: string) {
  const verified = await caseCommand(db, 'commune_officer', id, 'verify', {
    checkedOn: '2026-03-03',
    result: 'matches',
  });
  expect(verified, JSON.stringify(verified)).toMatchObject({ status: 'applied' });
  expect(await caseCommand(db, 'commune_officer', id, 'post', undefined, undefined, '2026-03-04')).toMatchObject({
    status: 'applied',
  });
}

/** An application filed, checked, posted and decided: the person is a beneficiary under `decision`. */
export async function grantedApplication(
  db: Database,
  application: AllowanceApplication = allowanceApplication(),
  decision: AllowanceDecision = grantDecision(),
  subject?: string,
) {
  const filed = await fileApplication(db, application, undefined, application.applicant.birthDate, subject);
  await readyToDecide(db, filed.caseId);
  const approved = await caseCommand(db, 'commune_officer', filed.caseId, 'approve', decision);
  expect(approved, JSON.stringify(approved)).toMatchObject({ status: 'applied' });
  return filed;
}
