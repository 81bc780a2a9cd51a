/**
 * @module A person's allowance applications as the member page lists them (issue 12): small, with the first
 * screen; sending one is src/db/allowance.ts, loaded with the form.
 */
import type { AllowanceApplication } from '../shared/records/allowance';
import type { AnSinhDb } from './database';
import { recordsOf, type Local } from './records';

const cases = recordsOf('case');

/**
 * Where a person's application being written is kept (src/db/drafts.ts): a new one, or one returned by the commune
 * being corrected (`caseId`), each its own draft.
 */
export const allowanceDraftKey = (memberId: string, caseId?: string): string =>
  caseId ? `allowance:${memberId}:${caseId}` : `allowance:${memberId}`;

type LocalAllowance = Extract<Local<'case'>, { kind: 'allowance' }>;

export interface AllowanceCase {
  id: string;
  status: string;
  form: AllowanceApplication['form'];
  filedOn: string;
  version: number;
  /** Returned by the commune to be corrected: why, in the officer's words. */
  returnReason?: string;
}

/** A person's allowance applications on the device, the latest filed first. */
export async function allowanceCasesOf(db: AnSinhDb, memberId: string): Promise<AllowanceCase[]> {
  const { records } = await cases.where(db, 'subjectId', memberId);
  return records
    .filter((r): r is LocalAllowance => r.kind === 'allowance')
    .map((r) => {
      const reason = r.status === 'returned' ? r.history?.findLast((h) => h.command === 'return')?.comment : undefined;
      return {
        id: r.id,
        status: r.status ?? 'draft',
        form: r.data.form,
        filedOn: r.data.filedOn,
        version: r.version,
        ...(reason ? { returnReason: reason } : {}),
      };
    })
    .sort((a, b) => b.filedOn.localeCompare(a.filedOn));
}
