/**
 * @module One page of changes for the communes a device asks for, each from its own cursor (SYNC.md guarantee 6):
 * the device stores the page and the new cursors in one transaction, so a cut-off pull resumes where it stopped.
 */
import type { SqlExecutor } from '../db/database';
import type { Change } from '../../../src/shared/protocol';
import { householdsSince } from '../store/households';

export interface PullPage {
  changes: Change[];
  cursors: Record<string, number>;
  hasMore: boolean;
}

export async function pull(db: SqlExecutor, requests: readonly { commune: string; cursor: number }[], limit: number): Promise<PullPage> {
  const changes: Change[] = [];
  const cursors: Record<string, number> = {};
  let hasMore = false;
  for (const { commune, cursor } of requests) {
    const budget = limit - changes.length;
    cursors[commune] = cursor;
    if (budget <= 0) {
      hasMore = true;
      continue;
    }
    // One row more than the budget tells whether this commune has more without a second query.
    const rows = await householdsSince(db, commune, cursor, budget + 1);
    if (rows.length > budget) hasMore = true;
    for (const { household } of rows.slice(0, budget)) {
      changes.push({ commune, version: household.version, kind: 'household', record: household });
      cursors[commune] = household.version;
    }
  }
  return { changes, cursors, hasMore };
}
