/**
 * @module Decides when to sync and publishes what happened, for the status bar. Syncs on start, when the
 * network comes back, shortly after a save, every few minutes, on "Đồng bộ ngay", and after a failure with
 * backoff. Only one tab of the origin syncs at a time (Web Locks); the others see the result through the
 * shared database.
 */
import type { AnSinhDb } from '../db/database';
import type { StoredSession } from '../db/settings';
import type { SessionUser } from '../shared/protocol';
import { syncOnce, type SyncOutcome } from './engine';
import { watchQueue } from '../db/outbox';
import type { Transport } from './transport';
import { retryDelay } from './backoff';

export interface SyncStatus {
  running: boolean;
  progress: { sent: number; total: number } | undefined;
  /** The last run's outcome when it was not a success, in Vietnamese, for the status bar. */
  problem: { kind: Exclude<SyncOutcome['kind'], 'done'>; message: string } | undefined;
  /** When the next automatic attempt is due after a failure. */
  retryAt: number | undefined;
  /** Runs finished since the app started, whatever their outcome (tests and the status bar wait on it). */
  finished: number;
}

export interface ControllerDeps {
  db: AnSinhDb;
  transport: Transport;
  clock: () => number;
  random?: () => number;
  loadSession: () => Promise<StoredSession | undefined>;
  /** Called on 401: keep the session's user (so the app stays usable offline) but stop syncing until sign-in. */
  markSessionExpired: (session: StoredSession) => Promise<void>;
  /** The server's view of the user's communes, after each run. */
  updateUser: (session: StoredSession, user: SessionUser) => Promise<void>;
  /** The attachment queue, run after a successful data sync (never before it, never blocking it). */
  uploadAttachments?: (token: string) => Promise<unknown>;
  /** Issue 11: the name the user gave this device, read before each run (src/db/settings.ts). */
  loadDeviceName?: () => Promise<string | undefined>;
}

const PERIODIC_MS = 5 * 60_000;
/** A short pause after a save gathers a burst of edits into one request. */
const AFTER_SAVE_MS = 2_000;
const LOCK_NAME = 'an-sinh-sync';
/**
 * Every request pushes before it pulls, so a batch the server keeps failing on would also stop every download.
 * After this many failed runs in a row, each retry first pulls with requests that carry no mutations.
 */
export const PULL_FIRST_AFTER_FAILURES = 2;

export class SyncController {
  #status: SyncStatus = { running: false, progress: undefined, problem: undefined, retryAt: undefined, finished: 0 };
  #listeners = new Set<() => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  /** Failed runs in a row that the server answered (an error, a refusal to read): only those make it pull first. */
  #serverFailures = 0;
  #again = false;

  constructor(private readonly deps: ControllerDeps) {}

  get status(): SyncStatus {
    return this.#status;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  start(): () => void {
    const onOnline = () => void this.syncNow();
    window.addEventListener('online', onOnline);
    const interval = setInterval(() => void this.syncNow(), PERIODIC_MS);
    // Every save queues its change in the outbox; screens never ask for a sync themselves.
    const unwatch = watchQueue(this.deps.db, () => this.nudge());
    void this.syncNow();
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(interval);
      clearTimeout(this.#retryTimer);
      unwatch();
    };
  }

  /** After a local save: sync soon, once, even if several saves follow. */
  nudge(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.syncNow(), AFTER_SAVE_MS);
  }

  async syncNow(): Promise<void> {
    if (this.#status.running) {
      this.#again = true;
      return;
    }
    const session = await this.deps.loadSession();
    if (!session || session.expired) return;
    clearTimeout(this.#retryTimer);
    this.#set({ running: true, progress: undefined, retryAt: undefined });
    let outcome: SyncOutcome | undefined;
    try {
      const deviceName = await this.deps.loadDeviceName?.();
      outcome = await this.#withLock(() =>
        syncOnce({
          db: this.deps.db,
          transport: this.deps.transport,
          token: session.token,
          communes: session.user.communes.map((c) => c.code),
          clock: this.deps.clock,
          onProgress: (progress) => this.#set({ progress }),
          pullFirst: this.#serverFailures >= PULL_FIRST_AFTER_FAILURES,
          ...(deviceName !== undefined ? { deviceName } : {}),
        }),
      );
    } catch (error) {
      outcome = { kind: 'retry', message: error instanceof Error ? error.message : String(error) };
    }
    if (outcome?.user) await this.deps.updateUser(session, outcome.user);
    if (outcome?.kind === 'done' && this.deps.uploadAttachments) {
      // Images wait for the data: a failure here is retried at the next sync and never shown as a sync problem.
      await this.deps.uploadAttachments(session.token).catch(() => undefined);
    }
    if (outcome?.kind === 'unauthorized') await this.deps.markSessionExpired(session);
    if (outcome) this.#settle(outcome);
    this.#set({ running: false, progress: undefined, finished: this.#status.finished + 1 });
    if (this.#again) {
      this.#again = false;
      void this.syncNow();
    }
  }

  #settle(outcome: SyncOutcome): void {
    if (outcome.kind === 'done') {
      this.#failures = 0;
      this.#serverFailures = 0;
      this.#set({ problem: undefined });
      return;
    }
    this.#set({ problem: { kind: outcome.kind, message: outcome.message } });
    // Retry by itself only what time can fix; a full disk or an old app needs the user.
    if (outcome.kind !== 'retry' && outcome.kind !== 'gap') return;
    this.#failures += 1;
    if (!(outcome.kind === 'retry' && outcome.network)) this.#serverFailures += 1;
    const delay = retryDelay(
      this.#failures,
      (this.deps.random ?? Math.random)(),
      outcome.kind === 'retry' ? outcome.retryAfterMs : undefined,
    );
    this.#set({ retryAt: this.deps.clock() + delay });
    this.#retryTimer = setTimeout(() => void this.syncNow(), delay);
  }

  /** Runs `task` holding the origin-wide sync lock; answers undefined when another tab is syncing. */
  async #withLock<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (typeof navigator === 'undefined' || !('locks' in navigator)) return task();
    return navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => (lock ? task() : undefined));
  }

  #set(patch: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
