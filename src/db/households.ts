/**
 * @module Household reads and the write path: the record and its outbox entry in ONE transaction, so there is
 * never a change without its message or a message without its change.
 */
import * as v from 'valibot';
import { applyHouseholdPatch, Household, HouseholdFields, HOUSEHOLD_FIELD_NAMES, type HouseholdPatch } from '../shared/household';
import { SCHEMA_VERSION } from '../shared/protocol';
import type { AnSinhDb } from './database';

export type SaveResult =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; issues: NonNullable<v.FlatErrors<typeof HouseholdFields>['nested']> };

/** The fields that differ between what is stored and what the user submitted; cleared optionals become null. */
export function diffFields(before: Partial<HouseholdFields> | undefined, after: HouseholdFields): HouseholdPatch {
  const patch: HouseholdPatch = {};
  for (const name of HOUSEHOLD_FIELD_NAMES) {
    const next = after[name];
    if (before?.[name] === next) continue;
    if (next === undefined) {
      if (before && before[name] !== undefined) patch[name] = null;
    } else {
      patch[name] = next;
    }
  }
  return patch;
}

/**
 * Validates and saves a household typed by the user. A new one gets a UUID made on the device. Nothing is
 * written when validation fails; nothing is queued when nothing changed.
 */
export async function saveHousehold(db: AnSinhDb, input: unknown, options: { id?: string; now: number }): Promise<SaveResult> {
  const parsed = v.safeParse(HouseholdFields, input);
  if (!parsed.success) return { ok: false, issues: v.flatten<typeof HouseholdFields>(parsed.issues).nested ?? {} };
  const fields = parsed.output;
  const id = options.id ?? crypto.randomUUID();
  return db.transaction('rw', [db.households, db.outbox], async () => {
    const current = await db.households.get(id);
    const patch = diffFields(current, fields);
    if (Object.keys(patch).length === 0) return { ok: true as const, id, changed: false };
    await db.households.put({ ...fields, id, version: current?.version ?? 0, updatedAt: options.now });
    await db.outbox.add({
      id: crypto.randomUUID(),
      schema: SCHEMA_VERSION,
      at: options.now,
      recordId: id,
      op: { kind: 'household.put', recordId: id, patch },
    });
    return { ok: true as const, id, changed: true };
  });
}

/**
 * Reads a household, validating what comes out of IndexedDB: data written by an older app version (or damaged)
 * is reported, not rendered as if it were fine.
 */
export async function getHousehold(db: AnSinhDb, id: string): Promise<Household | undefined> {
  const raw = await db.households.get(id);
  if (!raw) return undefined;
  return v.parse(Household, raw);
}

/** Pending patches of a record, in order — laid over pulled data so a local edit is never hidden. */
export async function pendingPatches(db: AnSinhDb, recordId: string): Promise<HouseholdPatch[]> {
  const entries = await db.outbox.where('recordId').equals(recordId).sortBy('seq');
  return entries.map((entry) => entry.op.patch);
}

export function withPendingPatches(household: Household, patches: readonly HouseholdPatch[]): Household {
  return patches.reduce<Household>((current, patch) => applyHouseholdPatch(current, patch) as Household, household);
}

/**
 * A commune's households, sorted by head's name the Vietnamese way. Rows that fail validation (written by an
 * older app, or damaged) are counted, not shown as if they were fine.
 */
export async function listHouseholds(db: AnSinhDb, communeCode: string): Promise<{ households: Household[]; unreadable: number }> {
  const rows = await db.households.where('communeCode').equals(communeCode).toArray();
  const households: Household[] = [];
  for (const row of rows) {
    const parsed = v.safeParse(Household, row);
    if (parsed.success) households.push(parsed.output);
  }
  households.sort((a, b) => collator.compare(a.headName, b.headName));
  return { households, unreadable: rows.length - households.length };
}

const collator = new Intl.Collator('vi');
