/**
 * Devices (real Dexie on fake-indexeddb, the real sync engine and fetch transport) against the real server
 * in-process. The transport is the test's to break: lose an answer, expire a token.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type AnSinhDb } from '../../src/db/database';
import { saveHousehold } from '../../src/db/households';
import { syncOnce } from '../../src/sync/engine';
import { fetchTransport, type Transport } from '../../src/sync/transport';
import { testServer } from '../support/server';
import { BA_TO, LY_SON, householdFields } from '../support/fixtures';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.db.close());

function serverTransport(): Transport {
  return fetchTransport({ fetch: (url, init) => server.app.request(url, init) });
}

async function device(username: string, communes: string[]) {
  const db: AnSinhDb = openDb(`device-${crypto.randomUUID()}`);
  let token = await server.login(username);
  return {
    db,
    relogin: async () => {
      token = await server.login(username);
    },
    sync: (transport: Transport = serverTransport()) => syncOnce({ db, transport, token, communes, clock: () => 5_000 }),
  };
}

async function serverRows(headName: string) {
  return server.db.all<{ id: string; version: number }>('SELECT id, version FROM households WHERE data LIKE ?', [`%${headName}%`]);
}

describe('one household from an offline device to the server and a second device', () => {
  it('reaches the server once, then a device of the same commune, and no device of another', async () => {
    const a = await device('ctv.lyson', [LY_SON]);
    const saved = await saveHousehold(a.db, householdFields({ headName: 'Trần Văn Sóng' }), { now: 1 });
    if (!saved.ok) throw new Error('not saved');
    expect(await a.db.outbox.count()).toBe(1);

    expect(await a.sync()).toEqual({ kind: 'done', pushed: 1, pulled: expect.any(Number) });
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.db.households.get(saved.id))?.version).toBeGreaterThan(0);
    expect((await a.db.meta.get('lastSyncAt'))?.value).toBe(5_000);
    expect(await serverRows('Trần Văn Sóng')).toHaveLength(1);

    const b = await device('ctv2.lyson', [LY_SON]);
    await b.sync();
    expect((await b.db.households.get(saved.id))?.headName).toBe('Trần Văn Sóng');

    const c = await device('ctv.bato', [BA_TO]);
    await c.sync();
    expect(await c.db.households.get(saved.id)).toBeUndefined();
    expect(await c.db.households.where('communeCode').equals(LY_SON).count()).toBe(0);
  });

  it('an answer lost on the way back: the retry applies nothing twice and the outbox ends empty', async () => {
    const a = await device('ctv.lyson', [LY_SON]);
    await saveHousehold(a.db, householdFields({ headName: 'Lê Thị Mất Sóng' }), { now: 1 });
    const losing: Transport = {
      async sync(request, token) {
        await serverTransport().sync(request, token);
        return { kind: 'retry', message: 'connection reset' };
      },
    };
    expect((await a.sync(losing)).kind).toBe('retry');
    expect(await a.db.outbox.count()).toBe(1);
    expect(await a.sync()).toMatchObject({ kind: 'done' });
    expect(await a.db.outbox.count()).toBe(0);
    expect(await serverRows('Lê Thị Mất Sóng')).toHaveLength(1);
  });

  it('an expired token: 401, the outbox is kept, and after signing in again it is pushed', async () => {
    const a = await device('ctv.lyson', [LY_SON]);
    await saveHousehold(a.db, householdFields({ headName: 'Võ Văn Hết Hạn' }), { now: 1 });
    server.advanceClock(2 * 24 * 3600 * 1000);
    expect((await a.sync()).kind).toBe('unauthorized');
    expect(await a.db.outbox.count()).toBe(1);
    await a.relogin();
    expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 1 });
    expect(await serverRows('Võ Văn Hết Hạn')).toHaveLength(1);
  });

  it('a refused change is kept with its reason and does not hold back the next one', async () => {
    const a = await device('ctv.lyson', [LY_SON]);
    const refused = await saveHousehold(a.db, householdFields({ headName: 'Hộ Sai Xã', communeCode: BA_TO }), { now: 1 });
    await saveHousehold(a.db, householdFields({ headName: 'Hộ Đúng Xã' }), { now: 2 });
    expect(await a.sync()).toMatchObject({ kind: 'done', pushed: 2 });
    expect(await a.db.outbox.count()).toBe(0);
    const rejections = await a.db.rejections.toArray();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ recordId: refused.ok && refused.id, reason: expect.stringContaining(BA_TO) });
    expect(await serverRows('Hộ Đúng Xã')).toHaveLength(1);
    expect(await serverRows('Hộ Sai Xã')).toHaveLength(0);
  });

  it('a pulled server value never hides a local edit that is still waiting to be sent', async () => {
    const a = await device('ctv.lyson', [LY_SON]);
    const b = await device('ctv2.lyson', [LY_SON]);
    const created = await saveHousehold(a.db, householdFields({ headName: 'Phạm Văn Chung' }), { now: 1 });
    if (!created.ok) throw new Error('not saved');
    await a.sync();
    await b.sync();
    await saveHousehold(b.db, householdFields({ headName: 'Phạm Văn Chung', notes: 'từ máy B' }), { id: created.id, now: 2 });
    await b.sync();
    // Device A edits while its own sync is in flight: the answer it gets carries B's value for the same record.
    let edited = false;
    const editingMeanwhile: Transport = {
      async sync(request, token) {
        const answer = await serverTransport().sync(request, token);
        if (!edited) {
          edited = true;
          await saveHousehold(a.db, householdFields({ headName: 'Phạm Văn Chung', address: 'Tổ 9' }), { id: created.id, now: 3 });
        }
        // Stop after the first answer, so the pending edit is still pending when we look.
        return edited && request.mutations.length > 0 ? { kind: 'retry', message: 'offline again' } : answer;
      },
    };
    await a.sync(editingMeanwhile);
    const local = await a.db.households.get(created.id);
    expect(local?.notes).toBe('từ máy B');
    expect(local?.address).toBe('Tổ 9');
    expect(await a.db.outbox.count()).toBe(1);
    // Once sent, both changes are on the server.
    await a.sync();
    const merged = await server.db.get<{ data: string }>('SELECT data FROM households WHERE id = ?', [created.id]);
    expect(JSON.parse(merged?.data ?? '{}')).toMatchObject({ notes: 'từ máy B', address: 'Tổ 9' });
  });
});
