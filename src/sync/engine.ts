/**
 * @module One sync run: push the outbox in batches and pull every page, until both are done or something stops
 * it. No UI here; the controller decides when to run and the screens read the outcome.
 */
import {
  MAX_MUTATIONS_PER_PUSH,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type SessionUser,
  type SyncResponse,
} from '../shared/protocol';
import { encodeMessage } from '../shared/messages';
import * as v from 'valibot';
import { DeviceName } from '../shared/fields';
import type { AnSinhDb } from '../db/database';
import { applySyncResponse, readSyncState } from '../db/apply-sync';
import { recordServerTime } from '../db/client-id';
import { getClientId } from '../db/client-id';
import { QUOTA_MESSAGE, isConnectionLost, isQuotaError } from '../db/errors';
import type { Transport } from './transport';

export type SyncOutcome =
  | { kind: 'done'; pushed: number; pulled: number; user: SessionUser | undefined }
  | { kind: 'unauthorized' | 'upgrade_required' | 'refused' | 'gap' | 'quota'; message: string; user?: SessionUser }
  | { kind: 'retry'; message: string; retryAfterMs?: number; network?: true; user?: SessionUser };

export interface SyncDeps {
  db: AnSinhDb;
  transport: Transport;
  token: string;
  communes: readonly string[];
  clock: () => number;
  onProgress?: (progress: { sent: number; total: number }) => void;
  /** Mutations per request (tests make it small to cut a push into several requests). */
  batchSize?: number;
  /**
   * Pull every page before pushing, with requests that carry no mutations. The controller asks for it after
   * repeated failures: a batch the server keeps failing on (a 5xx) must not keep the device from receiving its
   * communes' data, since every normal request pushes before it pulls.
   */
  pullFirst?: boolean;
  /** Issue 11: the name the user gave this device, sent with each request (src/db/settings.ts). */
  deviceName?: string;
}

export const APPLY_MEASURE = 'an-sinh:apply-sync-page';

/**
 * The device's name for a request, if it is one the server accepts: a name stored by an older app that no longer
 * passes is left out rather than let it refuse every sync (the Sync page shows it to be corrected).
 */
function named(name: string | undefined): { deviceName?: string } {
  if (name === undefined) return {};
  const parsed = v.safeParse(DeviceName, name);
  return parsed.success ? { deviceName: parsed.output } : {};
}

/** A bound on round trips per run, so a misbehaving server cannot keep a device busy forever. */
const MAX_ROUND_TRIPS = 1000;

export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  const { db, transport } = deps;
  let batchSize = deps.batchSize ?? MAX_MUTATIONS_PER_PUSH;
  let communes = deps.communes;
  let user: SessionUser | undefined;
  let pushed = 0;
  let pulled = 0;
  try {
    const clientId = await getClientId(db);
    const total = await db.outbox.count();
    if (deps.pullFirst && total > 0) {
      const pulledFirst = await pullOnly(deps, clientId, communes);
      if (pulledFirst.kind !== 'pulled') return pulledFirst;
      ({ user, communes } = pulledFirst);
      pulled += pulledFirst.pulled;
    }
    for (let trip = 0; trip < MAX_ROUND_TRIPS; trip++) {
      const state = await readSyncState(db, communes, batchSize);
      deps.onProgress?.({ sent: pushed, total });
      const result = await transport.sync(
        {
          protocol: PROTOCOL_VERSION,
          schema: SCHEMA_VERSION,
          clientId,
          ...named(deps.deviceName),
          mutations: state.mutations.map(toWire),
          pull: state.pull,
        },
        deps.token,
      );
      // Too large for the server: the same changes in smaller requests (down to one at a time).
      if (result.kind === 'refused' && result.status === 413 && batchSize > 1) {
        batchSize = Math.max(1, Math.floor(batchSize / 2));
        continue;
      }
      if (result.kind !== 'ok') return { ...result, ...(user ? { user } : {}) };
      const { response } = result;
      // How far off this device's clock is: the warning and the clock's bound read it (db/client-id.ts).
      const { serverTime } = response;
      if (serverTime !== undefined) await withReopen(db, () => recordServerTime(db, serverTime, deps.clock()));
      const applying = performance.now();
      await withReopen(db, () => applySyncResponse(db, response, deps.clock()));
      // Visible in DevTools' performance panel, and read by bench/first-download.ts.
      performance.measure(APPLY_MEASURE, { start: applying, end: performance.now() });
      user = response.user;
      if (response.gap)
        return { kind: 'gap', message: encodeMessage('sync.gap', { expected: response.gap.expected }), user };
      pushed += state.mutations.filter((m) => m.seq <= response.lastSeq).length;
      pulled += response.changes.length;
      deps.onProgress?.({ sent: pushed, total });
      const nextCommunes = response.user.communes.map((c) => c.code);
      const scopeGrew = nextCommunes.some((c) => !communes.includes(c));
      communes = nextCommunes;
      if (!response.hasMore && !scopeGrew && !(await morePending(db, response))) {
        // "Last sync" means everything was sent and everything pulled, not merely that one page arrived.
        await db.meta.put({ key: 'lastSyncAt', value: deps.clock() });
        return { kind: 'done', pushed, pulled, user };
      }
    }
    return { kind: 'retry', message: encodeMessage('sync.tooManyTrips') };
  } catch (error) {
    if (isQuotaError(error)) return { kind: 'quota', message: QUOTA_MESSAGE, ...(user ? { user } : {}) };
    throw error;
  }
}

/**
 * Pages of the device's communes with no mutations sent. An answer to such a request says nothing about the
 * outbox (no results), so it is applied as answering none of it: every pending entry stays for the next push,
 * which gets its answer — applied, or rejected with its reason — as usual.
 */
async function pullOnly(
  deps: SyncDeps,
  clientId: string,
  start: readonly string[],
): Promise<
  | { kind: 'pulled'; pulled: number; user: SessionUser | undefined; communes: readonly string[] }
  | Exclude<SyncOutcome, { kind: 'done' }>
> {
  let communes = start;
  let user: SessionUser | undefined;
  let pulled = 0;
  for (let trip = 0; trip < MAX_ROUND_TRIPS; trip++) {
    const state = await readSyncState(deps.db, communes, 1); // only the cursors are used
    const result = await deps.transport.sync(
      {
        protocol: PROTOCOL_VERSION,
        schema: SCHEMA_VERSION,
        clientId,
        ...named(deps.deviceName),
        mutations: [],
        pull: state.pull,
      },
      deps.token,
    );
    if (result.kind !== 'ok') return { ...result, ...(user ? { user } : {}) };
    const response: SyncResponse = { ...result.response, lastSeq: 0, results: [] };
    await withReopen(deps.db, () => applySyncResponse(deps.db, response, deps.clock()));
    user = response.user;
    pulled += response.changes.length;
    const nextCommunes = response.user.communes.map((c) => c.code);
    const scopeGrew = nextCommunes.some((c) => !communes.includes(c));
    communes = nextCommunes;
    if (!response.hasMore && !scopeGrew && response.resets.length === 0)
      return { kind: 'pulled', pulled, user, communes };
  }
  return { kind: 'retry', message: encodeMessage('sync.tooManyTrips') };
}

async function morePending(db: AnSinhDb, response: SyncResponse): Promise<boolean> {
  return response.resets.length > 0 || (await db.outbox.count()) > 0;
}

/** WebKit can drop its IndexedDB connection under us: reopen once and redo the (idempotent) step. */
async function withReopen<T>(db: AnSinhDb, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    db.close();
    await db.open();
    return step();
  }
}

function toWire(entry: { seq: number; id: string; schema: number; at: number; stamp: string; op: unknown }) {
  return { seq: entry.seq, id: entry.id, schema: entry.schema, at: entry.at, stamp: entry.stamp, op: entry.op };
}
