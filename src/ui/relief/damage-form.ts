/**
 * @module The counts of a damage entry as typed (people, days of treatment), read through the app's one parser
 * (src/ui/format.ts) before the entry is checked: kept apart from the screen so it can be tested alone.
 */
import type { DamageFields } from '../../shared/records/emergency';
import { formatEditable, formatQuantity, parseQuantity } from '../format';

/** The form's count fields, by the damage field each one fills. */
export const COUNT_FIELDS = {
  members: 'members',
  hungryMembers: 'hungryMembers',
  deaths: 'deaths',
  missing: 'missing',
  children: 'childrenWithoutParents',
} as const satisfies Record<string, keyof DamageFields>;
export type CountField = keyof typeof COUNT_FIELDS;

/** The typed text of each count, and the days of treatment of each injured person, separated by commas. */
export type TypedCounts = Record<CountField, string> & { injured: string };

export type ReadCounts = Pick<
  DamageFields,
  'members' | 'hungryMembers' | 'deaths' | 'missing' | 'childrenWithoutParents' | 'injuredDays'
>;

export type CountsCheck =
  | { ok: true; counts: ReadCounts }
  | { ok: false; issues: Partial<Record<CountField | 'injured', string>> };

/**
 * Each count read as a whole number — an empty field, "1,5", "1.5" or "0x3" is refused at its field (it used to
 * be Number(text): 0, NaN, 1.5 and 3); the days of treatment are a list, so a comma there separates two people
 * ("3, 5"), and each day count is read the same way. `issues` are message codes (say()).
 */
export function readCounts(typed: TypedCounts): CountsCheck {
  const issues: Partial<Record<CountField | 'injured', string>> = {};
  const values: Partial<Record<CountField, number>> = {};
  for (const field of Object.keys(COUNT_FIELDS) as CountField[]) {
    const read = parseQuantity(typed[field], 'count');
    if (read.ok) values[field] = read.value;
    else issues[field] = read.message;
  }
  const days = typed.injured
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => parseQuantity(x, 'count'));
  const injuredDays: number[] = [];
  for (const day of days) {
    if (day.ok) injuredDays.push(day.value);
    else issues.injured ??= day.message;
  }
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  const read = values as Record<CountField, number>;
  return {
    ok: true,
    counts: {
      members: read.members,
      hungryMembers: read.hungryMembers,
      deaths: read.deaths,
      missing: read.missing,
      childrenWithoutParents: read.children,
      injuredDays,
    },
  };
}

/**
 * What a count was read as, to show under its field when that is not plainly what was typed ("04" → "4",
 * "1200" → "1.200"); nothing for a plain "4", or for a count that cannot be read.
 */
export function readBack(text: string): string | undefined {
  const read = parseQuantity(text, 'count');
  if (!read.ok || formatEditable(read.value, 'count') === text.trim()) return undefined;
  return formatQuantity(read.value, 'count');
}
