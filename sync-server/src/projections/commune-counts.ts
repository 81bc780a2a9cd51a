/**
 * @module The first projection: what each commune holds, in counts only — households and members (not deleted),
 * approved poverty classifications by class, open conflicts, open possible duplicates. Served by
 * GET /api/reports/communes (http/reports.ts). A record counts in the commune it is in now: a household moving
 * commune takes its count, and those of the members and cases moving with it, along (each is written there).
 *
 * What a record counts for is one function (`metricsOf`); a write adds the difference between the record's metrics
 * before and after, and a rebuild sums them over every record — so the two agree exactly when every write of a
 * record reaches `apply` with the record as it was stored.
 */
import type { SqlExecutor } from '../db/database';
import { SurveyResult } from '../../../src/shared/records/survey';
import type { RecordTypeName } from '../../../src/shared/records/registry';
import { scanRecords, type ScannedRecord, type StoredRecord } from '../store/records';
import { addToCommuneCounts, communeCountRows, replaceCommuneCounts, type CountRow } from '../store/commune-counts';
import type { Projection } from './projection';

export const POVERTY_CLASSES = SurveyResult.entries.classification.options;
export type PovertyClass = (typeof POVERTY_CLASSES)[number];

/** A commune's counts as the report gives them; every class is present, 0 when none. */
export interface CommuneCounts {
  households: number;
  members: number;
  /** Survey cases whose status is approved, by the class of the server's result. */
  approvedClassifications: Record<PovertyClass, number>;
  openConflicts: number;
  openDuplicates: number;
}

const APPROVED = 'approved:';
const COUNTED: readonly RecordTypeName[] = ['household', 'member', 'case', 'conflict', 'duplicate'];

const isClass = (value: unknown): value is PovertyClass => (POVERTY_CLASSES as readonly unknown[]).includes(value);
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** The metrics one record adds 1 to, in its commune. A soft-deleted record counts for nothing. */
export function metricsOf(record: Pick<ScannedRecord, 'type' | 'data' | 'deleted'> | undefined): string[] {
  if (!record || record.deleted) return [];
  switch (record.type) {
    case 'household':
      return ['households'];
    case 'member':
      return ['members'];
    case 'case': {
      if (record.data.kind !== 'survey' || record.data.status !== 'approved') return [];
      // The server's own result (derive/survey.ts), stored when the survey was submitted; a survey approved
      // without one (none such is made today) has no class to count under.
      const classification = field(field(record.data.data, 'result'), 'classification');
      return isClass(classification) ? [`${APPROVED}${classification}`] : [];
    }
    case 'conflict':
      return record.data.status === 'open' ? ['openConflicts'] : [];
    case 'duplicate':
      return record.data.status === 'open' ? ['openDuplicates'] : [];
    default:
      return [];
  }
}

function tally(
  into: Map<string, CountRow>,
  record: Pick<ScannedRecord, 'type' | 'commune' | 'data' | 'deleted'> | undefined,
  sign: 1 | -1,
) {
  if (!record) return;
  for (const metric of metricsOf(record)) {
    const key = `${record.commune}\u0000${metric}`;
    const row = into.get(key) ?? { commune: record.commune, metric, n: 0 };
    row.n += sign;
    into.set(key, row);
  }
}

const PAGE = 1000;

export const communeCounts: Projection = {
  name: 'commune-counts',
  migration: 8,

  async apply(tx: SqlExecutor, before: StoredRecord | undefined, after: StoredRecord | undefined) {
    const deltas = new Map<string, CountRow>();
    tally(deltas, before, -1);
    tally(deltas, after, 1);
    // Most writes (an edit of a household's address) change no count: no SQL at all.
    const changed = [...deltas.values()].filter((row) => row.n !== 0);
    if (changed.length > 0) await addToCommuneCounts(tx, changed);
  },

  async rebuild(tx: SqlExecutor) {
    const totals = new Map<string, CountRow>();
    let after = '';
    for (;;) {
      const page = await scanRecords(tx, COUNTED, after, PAGE);
      if (page.length === 0) break;
      for (const record of page) tally(totals, record, 1);
      after = page[page.length - 1]!.id;
    }
    await replaceCommuneCounts(tx, [...totals.values()]);
  },

  rows: (db: SqlExecutor) => communeCountRows(db),
};

/** The counts of these communes, each present (a commune with nothing registered has zeros). */
export async function countsOfCommunes(
  db: SqlExecutor,
  communes: readonly string[],
): Promise<Map<string, CommuneCounts>> {
  const counts = new Map<string, CommuneCounts>(communes.map((code) => [code, emptyCounts()]));
  for (const { commune, metric, n } of await communeCountRows(db, communes)) {
    const into = counts.get(commune);
    if (!into) continue;
    if (metric === 'households' || metric === 'members' || metric === 'openConflicts' || metric === 'openDuplicates')
      into[metric] = n;
    else if (metric.startsWith(APPROVED)) {
      const classification = metric.slice(APPROVED.length);
      if (isClass(classification)) into.approvedClassifications[classification] = n;
    }
  }
  return counts;
}

function emptyCounts(): CommuneCounts {
  return {
    households: 0,
    members: 0,
    approvedClassifications: Object.fromEntries(POVERTY_CLASSES.map((c) => [c, 0])) as Record<PovertyClass, number>,
    openConflicts: 0,
    openDuplicates: 0,
  };
}
