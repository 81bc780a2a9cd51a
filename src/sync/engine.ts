/**
 * @module One sync run: push the outbox in batches and pull every page, until both are done or something stops
 * it. No UI here; the scheduler decides when to run and the screens read the outcome.
 */
import { MAX_MUTATIONS_PER_PUSH, PROTOCOL_VERSION } from '../shared/protocol';
import type { AnSinhDb } from '../db/database';
import { applySyncResponse, readSyncState } from '../db/apply-sync';
import { getClientId } from '../db/client-id';
import type { Transport } from './transport';

export type SyncOutcome =
  | { kind: 'done'; pushed: number; pulled: number }
  | { kind: 'unauthorized' | 'upgrade_required' | 'refused' | 'retry' | 'gap'; message: string };

export interface SyncDeps {
  db: AnSinhDb;
  transport: Transport;
  token: string;
  communes: readonly string[];
  clock: () => number;
  onProgress?: (progress: { sent: number; total: number }) => void;
}

/** A bound on round trips per run, so a misbehaving server cannot keep a device busy forever. */
const MAX_ROUND_TRIPS = 1000;

export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  const { db, transport } = deps;
  const clientId = await getClientId(db);
  const total = await db.outbox.count();
  let pushed = 0;
  let pulled = 0;
  for (let trip = 0; trip < MAX_ROUND_TRIPS; trip++) {
    const state = await readSyncState(db, deps.communes, MAX_MUTATIONS_PER_PUSH);
    deps.onProgress?.({ sent: pushed, total });
    const result = await transport.sync(
      { protocol: PROTOCOL_VERSION, clientId, mutations: state.mutations.map(toWire), pull: state.pull },
      deps.token,
    );
    if (result.kind !== 'ok') return result;
    const { response } = result;
    await applySyncResponse(db, response, deps.clock());
    if (response.gap) {
      return { kind: 'gap', message: `Máy chủ chờ thay đổi số ${response.gap.expected}; hãy báo quản trị viên.` };
    }
    pushed += state.mutations.filter((m) => m.seq <= response.lastSeq).length;
    pulled += response.changes.length;
    deps.onProgress?.({ sent: pushed, total });
    const morePush = state.mutations.length === MAX_MUTATIONS_PER_PUSH || (await db.outbox.count()) > 0;
    if (!response.hasMore && !morePush) return { kind: 'done', pushed, pulled };
  }
  return { kind: 'retry', message: 'Quá nhiều lượt đồng bộ; sẽ thử lại sau.' };
}

function toWire(entry: { seq: number; id: string; schema: number; at: number; op: unknown }) {
  return { seq: entry.seq, id: entry.id, schema: entry.schema, at: entry.at, op: entry.op };
}
