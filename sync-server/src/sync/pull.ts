/**
 * @module One page of changes for the communes a device asks for, each from its own cursor (docs/sync.md, G6),
 * bounded by rows and bytes. The device stores the page and the new cursors in one transaction, so a cut-off
 * pull resumes where it stopped. A cursor older than the commune's kept history gets a reset: the commune is
 * sent again from the start and the device drops what it had.
 */
import type { SqlExecutor } from '../db/database';
import { changesSince, type LogRow } from '../store/records';
import { historyFrom } from '../store/sync-log';
import { readsSensitive } from '../../../src/shared/permissions';
import { caseTellsHiv, mayTellHiv, valueTellsHiv } from '../../../src/shared/tells-hiv';
import type { Role } from '../../../src/shared/roles';

export interface PullPage {
  /** In version order per commune; records carry their stored JSON text (written out by src/shared/wire.ts). */
  changes: (LogRow & { commune: string })[];
  cursors: Record<string, number>;
  epochs: Record<string, number>;
  resets: string[];
  hasMore: boolean;
}

export interface PullLimits {
  rows: number;
  bytes: number;
}

/** What a change costs on top of its data, in bytes of JSON. */
const CHANGE_OVERHEAD = 110;

export async function pull(
  db: SqlExecutor,
  requests: readonly { commune: string; cursor: number; epoch?: number }[],
  limits: PullLimits,
  /** Whose page it is: what only some roles may read is left out for the others (`redactFor`). No role: left out. */
  viewer: { role?: Role } = {},
): Promise<PullPage> {
  const redacts = !(viewer.role && readsSensitive(viewer.role));
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
      page.cursors[request.commune] = row.version;
      const sent = redacts ? redacted(row) : row;
      if (!sent) continue;
      // Characters, not bytes: Vietnamese text is a little longer in UTF-8, which the bound's margin absorbs.
      bytes += CHANGE_OVERHEAD + (sent.kind === 'record' ? sent.data.length : 0);
      page.changes.push(Object.assign(sent, { commune: request.commune }));
    }
  }
  return page;
}

/**
 * A change as a role that may not read HIV status gets it: a case without its `sensitive` field. A case that tells
 * the status another way (form 1b, an HIV certificate among its papers, a decision in an HIV category:
 * src/shared/tells-hiv.ts) goes as a removal, so the tablet that filed it keeps no copy once the server holds it.
 * A conflict about `sensitive`, or whose values tell it, is not sent: `undefined` (its version still moves the
 * cursor, so the device does not ask again).
 */
export function redacted(row: LogRow): LogRow | undefined {
  if (row.kind !== 'record' || (row.type !== 'case' && row.type !== 'conflict') || !mayTellHiv(row.data)) return row;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (row.type === 'conflict') return data.field === 'sensitive' || valueTellsHiv(data) ? undefined : row;
  if (caseTellsHiv(data)) return { kind: 'tombstone', version: row.version, type: row.type, id: row.id };
  if (!('sensitive' in data)) return row;
  delete data.sensitive;
  return { ...row, data: JSON.stringify(data) };
}
