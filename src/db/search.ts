/**
 * @module Finding households on the device: by head's name, any member's name, CCCD or phone, ignoring case and
 * diacritics ("nguyen van" finds "Nguyễn Văn"). The screen reads its commune's households once (again only when
 * they change) and every keystroke filters them in memory — a commune of 5,000 households answers in a few
 * milliseconds, where a query to IndexedDB per keystroke took tens (bench/app.ts).
 */
import { words } from '../shared/search/fold';
import type { AnSinhDb, LocalRecord } from './database';
import { recordsOf } from './records';
import type { LocalHousehold } from './households';

const householdRecords = recordsOf('household');

/**
 * A commune's households as the search holds them: rows with their search terms, read by `findHouseholds` only
 * (a screen gets validated households from its answer, never a raw row).
 */
export interface CommuneRows {
  readonly rows: readonly LocalRecord[];
}

export interface SearchResult {
  /** Those whose head's name has every word first, then those where one member's name (or CCCD) does, then the rest. */
  households: LocalHousehold[];
  /** The member a shown household was found by, when it was found by one member and not by its head. */
  matchedMember: ReadonlyMap<string, string>;
  /** How many households match, of which `households` holds the first `limit`. */
  total: number;
  unreadable: number;
}

export const SEARCH_MEASURE = 'an-sinh:search';
export const LOAD_MEASURE = 'an-sinh:load-commune';
export const FIRST_SCREEN_MEASURE = 'an-sinh:load-first-screen';

/** The commune's households in name order (folded), deleted ones left out; what `findHouseholds` filters. */
export async function communeHouseholds(db: AnSinhDb, communeCode: string): Promise<CommuneRows> {
  const started = performance.now();
  const rows = await inNameOrder(db, communeCode).toArray();
  performance.measure(LOAD_MEASURE, { start: started, end: performance.now() });
  return { rows: rows.filter((row) => !row.deleted) };
}

/**
 * The first `count` of them in the same order: what the list shows of an unfiltered commune while the whole of it
 * is still being read, so a cold start draws a screenful without waiting for 5,000 rows (bench/app.ts).
 */
export async function firstCommuneHouseholds(db: AnSinhDb, communeCode: string, count: number): Promise<CommuneRows> {
  const started = performance.now();
  const rows = await inNameOrder(db, communeCode).limit(count).toArray();
  performance.measure(FIRST_SCREEN_MEASURE, { start: started, end: performance.now() });
  return { rows: rows.filter((row) => !row.deleted) };
}

const inNameOrder = (db: AnSinhDb, communeCode: string) =>
  db.households.where('[communeCode+sortName]').between([communeCode, ''], [communeCode, '\uffff']);

export function findHouseholds(
  { rows }: CommuneRows,
  query: string,
  options: { village?: string | undefined; limit?: number } = {},
): SearchResult {
  const started = performance.now();
  const tokens = [...new Set(words(query))];
  const limit = options.limit ?? 300;
  const ranked = rank(rows, tokens, options.village, limit);
  // Only what is shown is validated: a commune-wide parse per keystroke would cost more than the search.
  const shown = ranked.rows.slice(0, limit);
  const households: LocalHousehold[] = [];
  const matchedMember = new Map<string, string>();
  for (const row of shown) {
    const household = householdRecords.read(row);
    if (!household) continue;
    households.push(household);
    const member = ranked.member.get(row);
    if (member) matchedMember.set(household.id, member);
  }
  // Visible in DevTools' performance panel, and read by bench/app.ts.
  performance.measure(SEARCH_MEASURE, { start: started, end: performance.now() });
  return { households, matchedMember, total: ranked.total, unreadable: shown.length - households.length };
}

const everyTokenStarts = (tokens: readonly string[], terms: readonly string[] | undefined) =>
  terms !== undefined && tokens.every((token) => terms.some((term) => term.startsWith(token)));

/** Does every token start a word of these space-separated words ("bu th" in "bui thi lan")? */
const everyTokenStartsWord = (tokens: readonly string[], spacedTokens: readonly string[], words: string) =>
  tokens.every((token, i) => words.startsWith(token) || words.includes(spacedTokens[i]!));

/**
 * The matches, head first, then one member, then the rest (words spread over several people, a CCCD, a phone),
 * each group in name order as the rows came: "bui thi lan" lists Bùi Thị Lan's own household before the one she
 * lives in. One pass: a head that matches needs no other check, and once `limit` heads match no member is looked at.
 */
function rank(
  rows: readonly LocalRecord[],
  tokens: readonly string[],
  village: string | undefined,
  limit: number,
): { rows: LocalRecord[]; total: number; member: Map<LocalRecord, string> } {
  const spaced = tokens.map((token) => ` ${token}`);
  const byHead: LocalRecord[] = [];
  const others: LocalRecord[] = [];
  for (const row of rows) {
    if (village && row.village !== village) continue;
    if (tokens.length === 0 || everyTokenStartsWord(tokens, spaced, String(row.sortName ?? ''))) byHead.push(row);
    else if (everyTokenStarts(tokens, row.terms as readonly string[] | undefined)) others.push(row);
  }
  const member = new Map<LocalRecord, string>();
  const total = byHead.length + others.length;
  if (byHead.length >= limit || others.length === 0) return { rows: byHead.concat(others), total, member };
  const byMember: LocalRecord[] = [];
  const rest: LocalRecord[] = [];
  for (const row of others) {
    // Beyond what is shown the order of the rest does not matter: no member needs looking at.
    if (byHead.length + byMember.length >= limit) {
      rest.push(row);
      continue;
    }
    const index = typeof row.memberIndex === 'string' ? row.memberIndex : '';
    // Every token somewhere among the members at all, before the lines are split apart.
    const anywhere = tokens.every(
      (token, i) => index.startsWith(token) || index.includes(spaced[i]!) || index.includes(`\n${token}`),
    );
    const lines = index && anywhere ? index.split('\n') : [];
    const found = lines.find((line) => everyTokenStartsWord(tokens, spaced, line.slice(0, line.indexOf('\t'))));
    if (found === undefined) {
      rest.push(row);
      continue;
    }
    byMember.push(row);
    member.set(row, found.slice(found.indexOf('\t') + 1));
  }
  return { rows: byHead.concat(byMember, rest), total, member };
}

export async function searchHouseholds(
  db: AnSinhDb,
  communeCode: string,
  query: string,
  options: { village?: string | undefined; limit?: number } = {},
): Promise<SearchResult> {
  return findHouseholds(await communeHouseholds(db, communeCode), query, options);
}

/** The villages of a commune's households, in Vietnamese order, from the [communeCode+village] index alone. */
export async function villagesOf(db: AnSinhDb, communeCode: string): Promise<string[]> {
  const keys = (await db.households
    .where('[communeCode+village]')
    .between([communeCode, ''], [communeCode, '\uffff'])
    .uniqueKeys()) as unknown as [string, string][];
  return keys.map(([, village]) => village).sort(new Intl.Collator('vi').compare);
}
