/**
 * @module What every write of an editable record's fields goes through, whoever makes it — a device's patch
 * (patch.ts) or an officer's decision on a conflict (resolve.ts), so no path skips a check (issue 9): the record
 * whole against its schema, the values it changes against the kind's entry rules (a birth from 1900), the commune
 * in the writer's scope, the parent (household or person) in the same commune, a record it names (a damage entry's
 * household) there and of its commune, a household's village on its commune's list, no date in the future, a case
 * only while it may be edited, and a survey's classification and a village's former names the server's.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { decodeMessage, issueMessages, message, type Message } from '../../../../src/shared/messages';
import { futureDateIssue } from '../../../../src/shared/clock-bounds';
import { entryIssue } from '../../../../src/shared/entry-rules';
import {
  EDITABLE_TYPES,
  editableFieldNames,
  recordSchema,
  type EditableTypeName,
} from '../../../../src/shared/records/registry';
import type { RecordKind } from '../../../../src/shared/records/kind';
import { getRecord, type StoredRecord } from '../../store/records';
import type { MutationContext } from '../context';
import { classifySurveyCase } from '../derive/survey';
import { formerNamesAfter, listedVillage } from './villages';

export type CheckedFields =
  | { ok: true; fields: Record<string, unknown>; commune: string; parentId: string | null }
  | { ok: false; reason: Message };

const EDITABLE_CASE_STATUSES = new Set(['draft', 'returned']);

/** A case sent for review is changed only by the workflow, until an officer returns it. */
export function caseLocked(record: StoredRecord | undefined): boolean {
  return record?.type === 'case' && !EDITABLE_CASE_STATUSES.has(String(record.data.status ?? 'draft'));
}
export const CASE_LOCKED = message('reject.caseLocked');

/**
 * `merged`: the record's data with the new values laid over it; `changed`: the fields whose value is new. Answers
 * the fields to store (the server's survey result in place of a device's) with the record's commune and parent.
 */
export async function checkFields(
  tx: SqlExecutor,
  context: MutationContext,
  type: EditableTypeName,
  existing: StoredRecord | undefined,
  merged: Record<string, unknown>,
  changed: readonly string[],
): Promise<CheckedFields> {
  if (caseLocked(existing)) return { ok: false, reason: CASE_LOCKED };
  const declared = EDITABLE_TYPES[type];
  const parsed = v.safeParse(recordSchema(type), pick(merged, editableFieldNames(type)));
  if (!parsed.success)
    return { ok: false, reason: message('reject.invalidData', undefined, issueMessages(parsed.issues)) };
  const fields: Record<string, unknown> = parsed.output;
  const typed = typedIssue(type, fields, existing);
  if (typed) return { ok: false, reason: typed };
  const commune = String(fields.communeCode);
  if (!context.scope.has(commune)) return { ok: false, reason: message('reject.communeNotAssigned', { commune }) };
  const future = futureDateIssue(type, pick(fields, changed), context.now);
  if (future) return { ok: false, reason: future };

  let parentId: string | null = null;
  if ('parent' in declared) {
    parentId = String(fields[declared.parent.key]);
    const parent = await getRecord(tx, parentId);
    const parentType = declared.parent.type(fields);
    if (!parent || parent.type !== parentType || parent.deleted || parent.commune !== commune) {
      return {
        ok: false,
        reason: parentType === 'household' ? message('reject.householdMissing') : message('reject.personMissing'),
      };
    }
  }

  const referred = await checkReferences(tx, type, fields, commune, changed);
  if (referred) return { ok: false, reason: referred };
  // A household's village is one of its commune's list, written as the list writes it (villages.ts).
  if (type === 'household' && (changed.includes('village') || changed.includes('communeCode'))) {
    const listed = await listedVillage(tx, commune, String(fields.village));
    if (!listed.ok) return { ok: false, reason: listed.reason };
    fields.village = listed.name;
  }
  // A renamed village keeps the names it had: households registered offline under one are still placed in it.
  if (type === 'village') {
    const formerNames = formerNamesAfter(existing, String(fields.name));
    if (formerNames) fields.formerNames = formerNames;
  }

  // A survey's classification is the server's, never the device's (derive/survey.ts) — whichever field made it
  // a survey of this household with these answers.
  if (type === 'case' && fields.kind === 'survey' && changed.some((field) => SURVEY_INPUTS.has(field))) {
    const derived = await classifySurveyCase(tx, String(fields.subjectId), fields.data, 'device');
    if (!derived.ok) return { ok: false, reason: derived.reason };
    fields.data = derived.data;
  }
  return { ok: true, fields, commune, parentId };
}

const SURVEY_INPUTS = new Set(['data', 'kind', 'subjectId']);

/**
 * A value written that breaks the kind's entry rules (a birth before 1900), said as a schema issue would be; a
 * value the record already holds passes (stored before the rule: src/shared/entry-rules.ts).
 */
export function typedIssue(
  type: EditableTypeName,
  fields: Record<string, unknown>,
  existing: StoredRecord | undefined,
): Message | undefined {
  const issue = entryIssue(type, fields, existing?.data);
  return (
    issue &&
    message('reject.invalidData', undefined, [{ path: issue.path.join('.'), message: decodeMessage(issue.message) }])
  );
}

/**
 * The records a kind names without belonging to them (kind.ts `refers`), when the naming field or the commune is
 * written: one named earlier and gone since does not block other edits of the record.
 */
async function checkReferences(
  tx: SqlExecutor,
  type: EditableTypeName,
  fields: Record<string, unknown>,
  commune: string,
  changed: readonly string[],
): Promise<Message | undefined> {
  const declared: RecordKind = EDITABLE_TYPES[type];
  for (const reference of declared.refers ?? []) {
    const named = fields[reference.key];
    if (typeof named !== 'string' || !(changed.includes(reference.key) || changed.includes('communeCode'))) continue;
    const record = await getRecord(tx, named);
    if (!record || record.type !== reference.type || record.deleted || record.commune !== commune)
      return message(reference.missing);
  }
  return undefined;
}

export function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}
