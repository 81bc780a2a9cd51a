import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../db/database';
import type { StoredSession } from '../db/settings';
import type { SyncResponse } from '../shared/protocol';
import { SyncController } from './controller';
import { savePatch } from '../db/outbox';
import type { Transport, TransportResult } from './transport';
import { BACKOFF } from './backoff';

const user = {
  id: 'u',
  username: 'ctv',
  displayName: 'CTV',
  role: 'collaborator' as const,
  communes: [{ code: '21548', name: 'Đặc khu Lý Sơn' }],
  wholeProvince: false,
};
const session: StoredSession = { token: 't'.repeat(43), expiresAt: 1e15, user, expired: false };
const empty: SyncResponse = {
  protocol: 1,
  lastSeq: 0,
  results: [],
  changes: [],
  cursors: { '21548': 0 },
  epochs: { '21548': 0 },
  resets: [],
  hasMore: false,
  refused: [],
  user,
};

/** Lets IndexedDB work (fake-indexeddb runs on real setImmediate) finish after a fake timer fired. */
async function settle(c: SyncController) {
  for (let i = 0; i < 200 && (i < 5 || c.status.running); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('sync controller', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  function controller(answers: TransportResult[]) {
    const calls: number[] = [];
    const transport: Transport = {
      sync: async () => {
        calls.push(Date.now());
        return answers.shift() ?? { kind: 'ok', response: empty };
      },
    };
    const expired: StoredSession[] = [];
    const c = new SyncController({
      db: openDb(`controller-${crypto.randomUUID()}`),
      transport,
      clock: Date.now,
      random: () => 0.5,
      loadSession: async () => session,
      markSessionExpired: async (s) => void expired.push(s),
      updateUser: async () => undefined,
    });
    return { c, calls, expired };
  }

  it('after a failure it retries by itself with backoff, and a success clears the problem', async () => {
    const { c, calls } = controller([
      { kind: 'retry', message: 'mất mạng' },
      { kind: 'retry', message: 'mất mạng' },
    ]);
    await c.syncNow();
    expect(c.status.problem?.kind).toBe('retry');
    const first = c.status.retryAt! - Date.now();
    expect(first).toBeGreaterThanOrEqual(BACKOFF.firstMs / 2);
    expect(first).toBeLessThanOrEqual(BACKOFF.firstMs);
    await vi.advanceTimersByTimeAsync(first - 1);
    await settle(c);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle(c);
    expect(calls).toHaveLength(2);
    const second = c.status.retryAt! - Date.now();
    expect(second).toBeGreaterThan(first);
    await vi.advanceTimersByTimeAsync(second);
    await settle(c);
    expect(calls).toHaveLength(3);
    expect(c.status.problem).toBeUndefined();
    expect(c.status.retryAt).toBeUndefined();
  });

  it("honours the server's Retry-After", async () => {
    const { c } = controller([{ kind: 'retry', message: 'bận', retryAfterMs: 120_000 }]);
    await c.syncNow();
    expect(c.status.retryAt! - Date.now()).toBe(120_000);
  });

  it('does not retry by itself what needs the user: an expired sign-in, an old app, a full disk', async () => {
    for (const answer of [
      { kind: 'unauthorized', message: 'hết hạn' },
      { kind: 'upgrade_required', message: 'cập nhật' },
    ] as TransportResult[]) {
      const { c, calls, expired } = controller([answer]);
      await c.syncNow();
      expect(c.status.problem?.kind).toBe(answer.kind);
      expect(c.status.retryAt).toBeUndefined();
      await vi.advanceTimersByTimeAsync(BACKOFF.maxMs * 2);
      await settle(c);
      expect(calls).toHaveLength(1);
      expect(expired).toHaveLength(answer.kind === 'unauthorized' ? 1 : 0);
    }
  });

  it('a second "sync now" while one runs is queued, not run in parallel', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inFlight = 0;
    let most = 0;
    const { c } = controller([]);
    (c as unknown as { deps: { transport: Transport } }).deps.transport = {
      sync: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await gate;
        inFlight -= 1;
        return { kind: 'ok', response: empty };
      },
    };
    const first = c.syncNow();
    const second = c.syncNow();
    release();
    await first;
    await second;
    await vi.runOnlyPendingTimersAsync();
    expect(most).toBe(1);
  });

  it('a change joining the outbox starts a sync by itself: no screen has to ask for one', async () => {
    vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
    const { c, calls } = controller([]);
    const db = (c as unknown as { deps: { db: ReturnType<typeof openDb> } }).deps.db;
    const stop = c.start();
    await settle(c);
    await vi.advanceTimersByTimeAsync(0);
    const before = calls.length;
    await savePatch(
      db,
      'household',
      crypto.randomUUID(),
      { headName: 'Nguyễn Văn Mới', communeCode: '21548', village: 'Thôn Đông', address: '', area: 'rural', notes: '' },
      Date.now(),
    );
    await settle(c);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle(c);
    expect(calls.length).toBeGreaterThan(before);
    stop();
    vi.unstubAllGlobals();
  });
});
