/** A batch the server keeps failing on (5xx) must not stop the device from pulling its communes' data. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../db/database';
import type { StoredSession } from '../db/settings';
import type { SyncRequest, SyncResponse } from '../shared/protocol';
import { PULL_FIRST_AFTER_FAILURES, SyncController } from './controller';
import type { Transport, TransportResult } from './transport';

const LY_SON = '21548';
const user = {
  id: 'u',
  username: 'canbo',
  displayName: 'Cán bộ',
  role: 'commune_officer' as const,
  communes: [{ code: LY_SON, name: 'Đặc khu Lý Sơn' }],
  wholeProvince: false,
};
const session: StoredSession = { token: 't'.repeat(43), expiresAt: 1e15, user, expired: false };
const HOUSEHOLD = '01890a5d-ac96-774b-bcce-b302099a8057';

/** One page of the commune: a household, as the server would send it. */
const page: SyncResponse = {
  protocol: 1,
  lastSeq: 0,
  results: [],
  changes: [
    {
      commune: LY_SON,
      version: 1,
      type: 'household',
      id: HOUSEHOLD,
      data: {
        headName: 'Nguyễn Văn Đức',
        communeCode: LY_SON,
        village: 'Thôn Đông',
        address: '',
        area: 'rural',
        notes: '',
      },
    },
  ],
  cursors: { [LY_SON]: 1 },
  epochs: { [LY_SON]: 0 },
  resets: [],
  hasMore: false,
  refused: [],
  user,
};

async function settle(c: SyncController) {
  for (let i = 0; i < 200 && (i < 5 || c.status.running); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('#9.4 pull despite a push the server keeps failing', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('#9.4 after repeated 5xx for the same batch, a retry pulls first with no mutations, and the batch stays queued', async () => {
    const db = openDb(`pull-first-${crypto.randomUUID()}`);
    await db.outbox.add({
      id: crypto.randomUUID(),
      schema: 2,
      at: 1,
      stamp: '1-0001-x',
      recordId: 'r',
      op: { kind: 'command', id: 'r', command: 'submit' },
    } as never);
    const requests: SyncRequest[] = [];
    const transport: Transport = {
      async sync(request): Promise<TransportResult> {
        requests.push(request);
        // The server fails on every request carrying the batch (as it did on a record nested 2,500 levels deep).
        if (request.mutations.length > 0) return { kind: 'retry', message: 'Lỗi máy chủ; ứng dụng sẽ tự gửi lại sau.' };
        return { kind: 'ok', response: { ...page, lastSeq: 1 } };
      },
    };
    const c = new SyncController({
      db,
      transport,
      clock: Date.now,
      random: () => 0.5,
      loadSession: async () => session,
      markSessionExpired: async () => undefined,
      updateUser: async () => undefined,
    });
    for (let run = 0; run < PULL_FIRST_AFTER_FAILURES; run++) await c.syncNow();
    expect(requests.every((r) => r.mutations.length === 1)).toBe(true);
    expect(await db.households.count()).toBe(0);

    await vi.advanceTimersByTimeAsync(c.status.retryAt! - Date.now());
    await settle(c);
    const last = requests.slice(PULL_FIRST_AFTER_FAILURES);
    expect(last.map((r) => r.mutations.length)).toEqual([0, 1]);
    expect(last[0]!.pull).toEqual([{ commune: LY_SON, cursor: 0, epoch: 0 }]);
    expect((await db.households.get(HOUSEHOLD))?.headName).toBe('Nguyễn Văn Đức');
    expect((await db.cursors.get(LY_SON))?.cursor).toBe(1);
    // An answer to a request without mutations answers none of them, whatever its lastSeq says.
    expect(await db.outbox.count()).toBe(1);
    expect(await db.rejections.count()).toBe(0);
    expect(c.status.problem?.kind).toBe('retry');
    await db.delete();
  });

  it('#9.4 being offline is not the server failing: a tablet back from hours without signal pushes first', async () => {
    const db = openDb(`pull-first-${crypto.randomUUID()}`);
    await db.outbox.add({
      id: crypto.randomUUID(),
      schema: 2,
      at: 1,
      stamp: '1-0001-x',
      recordId: 'r',
      op: { kind: 'command', id: 'r', command: 'submit' },
    } as never);
    const requests: SyncRequest[] = [];
    let online = false;
    const transport: Transport = {
      async sync(request): Promise<TransportResult> {
        if (!online) return { kind: 'retry', message: 'Failed to fetch', network: true };
        requests.push(request);
        return { kind: 'ok', response: { ...page, lastSeq: 1, results: [{ seq: 1, status: 'applied' }] } };
      },
    };
    const c = new SyncController({
      db,
      transport,
      clock: Date.now,
      random: () => 0.5,
      loadSession: async () => session,
      markSessionExpired: async () => undefined,
      updateUser: async () => undefined,
    });
    for (let run = 0; run < PULL_FIRST_AFTER_FAILURES + 3; run++) await c.syncNow();
    online = true;
    await c.syncNow();
    expect(requests[0]?.mutations).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    await db.delete();
  });
});
