/**
 * @module What a user types against a kind's entry rules (`entry` in records/kinds.ts, EntryRule in kind.ts), on the
 * device before a save and on the server before a write. A rule is stricter than what a stored record may hold
 * (a birth from 1900): it applies to a value the save changes, never to one it leaves as stored, so a person
 * registered before the rule is neither hidden nor locked — their record shows with a warning (`storedIssues`) and
 * can be corrected, or edited elsewhere without being corrected first.
 */
import * as v from 'valibot';
import type { FieldLabel } from './messages';
import { sameValue } from './patch';
import type { RecordKind } from './records/kind';
import { RECORD_KINDS } from './records/kinds';

export interface EntryIssue {
  /** Field of the record, then the path inside its value (a case's `data.answers.reviewDate`). */
  path: readonly string[];
  label: FieldLabel;
  /** A message code, as a schema's issue carries it (encodeMessage). */
  message: string;
}

const rulesOf = (type: string) =>
  Object.hasOwn(RECORD_KINDS, type) ? (RECORD_KINDS[type as keyof typeof RECORD_KINDS] as RecordKind).entry : undefined;

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function issuesOf(type: string, fields: Record<string, unknown>, stored: Record<string, unknown> | undefined) {
  const issues: EntryIssue[] = [];
  for (const rule of rulesOf(type) ?? []) {
    const value = at(fields, rule.path);
    if (value === undefined) continue;
    if (stored && sameValue(value, at(stored, rule.path))) continue;
    const parsed = v.safeParse(rule.schema, value);
    if (!parsed.success) issues.push({ path: rule.path, label: rule.label, message: parsed.issues[0].message });
  }
  return issues;
}

/**
 * The first value of `fields` (a record of `type` as it is to be saved) that breaks an entry rule, unless it is
 * the value `stored` already holds (the record as the device or the server has it; absent for a new record).
 */
export function entryIssue(
  type: string,
  fields: Record<string, unknown>,
  stored?: Record<string, unknown>,
): EntryIssue | undefined {
  return issuesOf(type, fields, stored)[0];
}

/** The values of a stored record that would not be accepted if typed today: what the screen asks to correct. */
export function storedIssues(type: string, record: Record<string, unknown>): EntryIssue[] {
  return issuesOf(type, record, undefined);
}
