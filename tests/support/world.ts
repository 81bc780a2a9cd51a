/**
 * A world for multi-device scenarios: the real server in-process over a real database (SQLite or PostgreSQL),
 * devices with real Dexie (fake-indexeddb), the real engine and fetch transport — and a network the test
 * controls: drop a request, drop an answer, duplicate, hold back and release out of order.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../sync-server/src/db/database';
import { createApp, type AppDeps } from '../../sync-server/src/http/app';
import { hashPassword } from '../../sync-server/src/auth/password';
import { TEST_SCRYPT, testPasswords } from './passwords';
import { createUser, findUserByUsername, setUserCommunes } from '../../sync-server/src/store/users';
import { DEMO_ACCOUNTS } from '../../sync-server/src/seed/demo';
import { openDb, type AnSinhDb } from '../../src/db/database';
import { syncOnce, type SyncOutcome } from '../../src/sync/engine';
import { fetchTransport, type Transport, type TransportResult } from '../../src/sync/transport';
import type { SyncRequest } from '../../src/shared/protocol';

const PASSWORD = 'thu-nghiem';
let passwordHash: Promise<string> | undefined;

/** A fault, or something the user does while the answer is on its way back (run before it is applied). */
export type Fault = 'drop-request' | 'drop-answer' | 'duplicate' | 'hold' | (() => Promise<void>);

export async function createWorld(db: Database, options: Partial<Pick<AppDeps, 'pullLimits'>> = {}) {
  passwordHash ??= hashPassword(PASSWORD, TEST_SCRYPT);
  const hash = await passwordHash;
  for (const account of DEMO_ACCOUNTS) await createUser(db, { ...account, passwordHash: hash }, 1);
  let now = 1_760_000_000_000;
  let database: Database = db;
  const app = createApp({
    get db() {
      return database;
    },
    clock: () => now,
    sessionTtlMs: 30 * 24 * 3600 * 1000,
    syncRate: { burst: 1_000_000, perSecond: 1_000_000 },
    passwords: testPasswords(),
    ...options,
  } as AppDeps);
  const serverFetch = (url: string, init: RequestInit) => app.request(url, init);

  async function login(username: string): Promise<string> {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  /** A device signed in as `username`; `dbName` reopens an existing device database (a restarted tab). */
  async function device(username: string, dbName = `device-${randomUUID()}`) {
    const local: AnSinhDb = openDb(dbName);
    let token = await login(username);
    const account = DEMO_ACCOUNTS.find((a) => a.username === username);
    let communes = account?.scope === 'province' ? [] : [...(account?.scope ?? [])];
    const faults: Fault[] = [];
    const held: { release: () => void; done: Promise<TransportResult> }[] = [];
    const real = fetchTransport({ fetch: serverFetch });
    const transport: Transport = {
      async sync(request: SyncRequest, bearer: string) {
        const fault = faults.shift();
        if (fault === 'drop-request') return { kind: 'retry', message: 'network down' };
        if (fault === 'drop-answer') {
          await real.sync(request, bearer);
          return { kind: 'retry', message: 'connection reset' };
        }
        if (fault === 'duplicate') {
          await real.sync(request, bearer);
          return real.sync(request, bearer);
        }
        if (fault === 'hold') {
          let release!: () => void;
          const gate = new Promise<void>((resolve) => (release = resolve));
          const done = gate.then(() => real.sync(request, bearer));
          held.push({ release, done });
          return { kind: 'retry', message: 'timed out (the request is still on its way)' };
        }
        const answer = await real.sync(request, bearer);
        if (typeof fault === 'function') await fault();
        return answer;
      },
    };
    return {
      db: local,
      dbName,
      get communes() {
        return communes;
      },
      /** The next requests meet these faults, one each, in order. */
      fault: (...next: Fault[]) => faults.push(...next),
      /** Lets the oldest held request reach the server now (late, out of order). */
      releaseHeld: async () => {
        const first = held.shift();
        first?.release();
        return first?.done;
      },
      relogin: async () => {
        token = await login(username);
      },
      sync: async (options: { batchSize?: number } = {}): Promise<SyncOutcome> => {
        const outcome = await syncOnce({ db: local, transport, token, communes, clock: () => now, ...options });
        if (outcome.user) communes = outcome.user.communes.map((c) => c.code);
        return outcome;
      },
      close: () => local.close(),
    };
  }

  return {
    app,
    login,
    device,
    advance: (ms: number) => {
      now += ms;
    },
    /** Swaps the server's database (to make it fail, or to restart it). */
    useDatabase: (next: Database) => {
      database = next;
    },
    setCommunes: async (username: string, communes: string[]) => {
      const user = await findUserByUsername(database, username);
      if (!user) throw new Error(username);
      await database.transaction((tx) => setUserCommunes(tx, user.id, communes));
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
export type Device = Awaited<ReturnType<World['device']>>;
