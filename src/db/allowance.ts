/**
 * @module Allowance applications on the device (issue 12): a person's applications with their status, photos of
 * the papers kept as attachments of the case, and the application sent to the commune — the case, its "submit"
 * command and the draft forgotten, together.
 */
import * as v from 'valibot';
import { CaseRecord } from '../shared/records/case';
import type { AllowanceApplication, AllowanceSensitive } from '../shared/records/allowance';
import type { AnSinhDb } from './database';
import { queueCommand, savePatch } from './outbox';
import { clearDraft } from './drafts';
import { storeAttachment } from './attachments';
import { futureDateFieldOnDevice } from './client-id';

export { allowanceCasesOf, allowanceDraftKey, type AllowanceCase } from './allowance-cases';

/**
 * Keeps a photo of a paper for the application `caseId` (not sent yet): it waits in the attachment queue, which
 * the server answers "later" until the case is there, and goes up after it. Answers the content hash.
 */
export function keepPaperPhoto(
  db: AnSinhDb,
  input: { caseId: string; communeCode: string; bytes: ArrayBuffer },
  now: number,
): Promise<string> {
  return storeAttachment(
    db,
    input.bytes,
    { recordId: input.caseId, communeCode: input.communeCode, kind: 'photo', mime: 'image/jpeg' },
    now,
  );
}

/** A photo taken off the application before it went up: the device no longer keeps it. */
export async function dropPaperPhoto(db: AnSinhDb, hash: string, caseId: string): Promise<void> {
  const stored = await db.attachments.get(hash);
  if (stored && stored.recordId === caseId && stored.uploaded === 0) await db.attachments.delete(hash);
}

export type SubmitAllowanceResult = { ok: true; id: string } | { ok: false; issues: string[] };

/** Saves the application as a case of its member, queues "submit", and forgets the draft — together. */
export async function submitAllowance(
  db: AnSinhDb,
  input: {
    caseId: string;
    memberId: string;
    communeCode: string;
    application: AllowanceApplication;
    sensitive?: v.InferOutput<typeof AllowanceSensitive>;
    draftKey: string;
  },
  now: number,
): Promise<SubmitAllowanceResult> {
  const fields = {
    communeCode: input.communeCode,
    kind: 'allowance' as const,
    subjectId: input.memberId,
    note: '',
    data: input.application,
    ...(input.sensitive ? { sensitive: input.sensitive } : {}),
  };
  // Checked whole, with the schema the server checks it with: nothing it would refuse is queued.
  const checked = v.safeParse(CaseRecord, fields);
  if (!checked.success) return { ok: false, issues: checked.issues.map((i) => i.message) };
  // Filed tomorrow is a typing slip the server refuses too (records/kinds.ts, the case's dated fields).
  const future = await futureDateFieldOnDevice(db, 'case', fields, now);
  if (future) return { ok: false, issues: [future.message] };
  await db.transaction('rw', [db.cases, db.households, db.members, db.outbox, db.meta, db.drafts], async () => {
    await savePatch(db, 'case', input.caseId, fields, now);
    await queueCommand(db, input.caseId, 'submit', undefined, now);
    await clearDraft(db, input.draftKey);
  });
  return { ok: true, id: input.caseId };
}
