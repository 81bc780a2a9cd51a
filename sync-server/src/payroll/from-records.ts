/**
 * @module A commune's payroll month read from the server's own records (issue 13): each person with an approved
 * allowance application becomes a beneficiary of the pure payroll (src/domain/payroll) — their decided grants and
 * changes made into the benefit timeline's decisions (src/shared/allowance-history.ts), their name, year of birth
 * and CCCD as the application gave them, their village from their household. Never a device's figures.
 *
 * A first step: the month is computed on request (no list stored, locked or returned yet — the next steps of the
 * issue), so it has no earlier lists and counts what is due from the month asked.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../db/database';
import { getRecords, recordsOfType } from '../store/records';
import { payroll, type Payroll } from '../../../src/domain/payroll/payroll';
import type { PayrollBeneficiary } from '../../../src/domain/payroll/payroll-schema';
import { timelineInput, type DecidedChange, type DecidedGrant } from '../../../src/shared/allowance-history';
import { AllowanceApplication, AllowanceDecision } from '../../../src/shared/records/allowance';
import { AllowanceChange, ChangeDecision } from '../../../src/shared/records/allowance-change';

interface Person {
  grants: DecidedGrant[];
  changes: DecidedChange[];
  application?: AllowanceApplication;
}

/** The commune's beneficiaries as the payroll reads them, from its approved allowance cases. */
export async function payrollBeneficiaries(db: SqlExecutor, commune: string): Promise<PayrollBeneficiary[]> {
  const people = new Map<string, Person>();
  const person = (id: string) => {
    let p = people.get(id);
    if (!p) {
      p = { grants: [], changes: [] };
      people.set(id, p);
    }
    return p;
  };
  for (const r of await recordsOfType(db, commune, 'case')) {
    if (r.data.status !== 'approved') continue;
    const subject = String(r.data.subjectId);
    if (r.data.kind === 'allowance') {
      const decision = v.safeParse(AllowanceDecision, r.data.decision);
      const application = v.safeParse(AllowanceApplication, r.data.data);
      if (!decision.success || !application.success) continue;
      const p = person(subject);
      p.grants.push({ caseId: r.id, decision: decision.output });
      p.application ??= application.output;
    } else if (r.data.kind === 'allowance-change') {
      const change = v.safeParse(AllowanceChange, r.data.data);
      const decision = v.safeParse(ChangeDecision, r.data.changeDecision);
      if (change.success && decision.success)
        person(subject).changes.push({ caseId: r.id, change: change.output, decision: decision.output });
    }
  }
  const members = new Map((await getRecords(db, [...people.keys()])).map((m) => [m.id, m]));
  const householdIds = [...members.values()].flatMap((m) => (m.parentId ? [m.parentId] : []));
  const households = new Map((await getRecords(db, householdIds)).map((h) => [h.id, h]));
  const out: PayrollBeneficiary[] = [];
  for (const [id, p] of people) {
    if (p.grants.length === 0 || !p.application) continue;
    const applicant = p.application.applicant;
    const member = members.get(id);
    const village = member?.parentId ? households.get(member.parentId)?.data.village : undefined;
    const { decisions, events } = timelineInput(p.grants, p.changes);
    out.push({
      id,
      fullName: applicant.fullName,
      birthYear: applicant.birthDate.slice(0, 4),
      ...(typeof village === 'string' && village ? { village } : {}),
      ...(applicant.citizenId ? { citizenId: applicant.citizenId } : {}),
      decisions,
      events,
    });
  }
  return out.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}

/** The commune's payroll for `month`, computed from its records now. */
export async function communePayroll(db: SqlExecutor, commune: string, month: string): Promise<Payroll> {
  return payroll({ commune, month, beneficiaries: await payrollBeneficiaries(db, commune) });
}
