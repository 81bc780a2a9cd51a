/** @module Drafts: a form's state at every keystroke, so a reload or a flat battery loses nothing typed. */
import type { AnSinhDb } from './database';

export async function saveDraft(db: AnSinhDb, key: string, value: Record<string, unknown>, now: number): Promise<void> {
  await db.drafts.put({ key, value, updatedAt: now });
}

export async function loadDraft(db: AnSinhDb, key: string): Promise<Record<string, unknown> | undefined> {
  return (await db.drafts.get(key))?.value;
}

export async function clearDraft(db: AnSinhDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** A draft with when it was last kept, for the list of what is being filled in (issue 11). */
export async function draftWithTime(
  db: AnSinhDb,
  key: string,
): Promise<{ value: Record<string, unknown>; updatedAt: number } | undefined> {
  const row = await db.drafts.get(key);
  return row && { value: row.value, updatedAt: row.updatedAt };
}
