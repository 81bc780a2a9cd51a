/**
 * @module One page of changes for the communes a device asks for, each from its own cursor (SYNC.md guarantee 6),
 * bounded by rows and bytes. The device stores the page and the new cursors in one transaction, so a cut-off
 * pull resumes where it stopped. A cursor older than the commune's kept history gets a reset: the commune is
 * sent again from the start and the device drops what it had.
 */
import type { SqlExecutor } from '../db/database';
import type { Change } from '../../../src/shared/protocol';
import { changesSince, type LogRow } from '../store/records';
import { historyFrom } from '../store/sync-log';

export interface PullPage {
  changes: Change[];
  cursors: Record<string, number>;
  epochs: Record<string, number>;
  resets: string[];
  hasMore: boolean;
}

export interface PullLimits {
  rows: number;
  bytes: number;
}

export async function pull(
  db: SqlExecutor,
  requests: readonly { commune: string; cursor: number; epoch?: number }[],
  limits: PullLimits,
): Promise<PullPage> {
  const page: PullPage = { changes: [], cursors: {}, epochs: {}, resets: [], hasMore: false };
  let bytes = 0;
  for (const request of requests) {
    let cursor = request.cursor;
    const mark = await historyFrom(db, request.commune);
    // Removals below `mark` are forgotten. A device is safe if it is past the mark, or if the mark has not moved
    // since it last heard of it (then every removal after its data was made is still kept, ahead of its cursor).
    if (cursor > 0 && cursor < mark && (request.epoch ?? 0) < mark) {
      page.resets.push(request.commune);
      cursor = 0;
    }
    page.cursors[request.commune] = cursor;
    page.epochs[request.commune] = mark;
    const budget = limits.rows - page.changes.length;
    if (budget <= 0 || bytes >= limits.bytes) {
      page.hasMore = true;
      continue;
    }
    // One row more than the budget tells whether this commune has more, without a second query.
    const rows = await changesSince(db, request.commune, cursor, budget + 1);
    for (const [index, row] of rows.entries()) {
      // The first change always goes, so even one huge record moves the cursor.
      if (index >= budget || (page.changes.length > 0 && bytes >= limits.bytes)) {
        page.hasMore = true;
        break;
      }
      const change = toChange(request.commune, row);
      bytes += Buffer.byteLength(JSON.stringify(change));
      page.changes.push(change);
      page.cursors[request.commune] = change.version;
    }
  }
  return page;
}

function toChange(commune: string, row: LogRow): Change {
  if (row.kind === 'tombstone') return { commune, version: row.version, type: row.type, id: row.id, removed: true };
  const { record } = row;
  return { commune, version: record.version, type: record.type, id: record.id, data: record.data, ...(record.deleted ? { deleted: true } : {}) };
}
