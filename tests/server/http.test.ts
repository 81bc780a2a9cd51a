/** The HTTP API in-process (app.request): sign-in, authentication, scope, exactly-once push, bad input. */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION, type SyncResponse } from '../../src/shared/protocol';
import { testServer } from '../support/server';
import { BA_TO, LY_SON, demoHousehold } from '../support/fixtures';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.db.close());

const syncBody = (mutations: unknown[], pull = [{ commune: LY_SON, cursor: 0 }], clientId = randomUUID()) => ({
  protocol: PROTOCOL_VERSION,
  schema: SCHEMA_VERSION,
  clientId,
  mutations,
  pull,
});

async function countHouseholds(): Promise<number> {
  const row = await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM records');
  return Number(row?.n);
}

describe('health', () => {
  it('answers ok with the storage kind', async () => {
    const response = await server.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, storage: 'sqlite' });
  });
});

describe('sign-in', () => {
  it('gives a token and the user with their communes', async () => {
    const response = await server.post('/api/auth/login', { username: 'ctv.lyson', password: 'ansinh2026' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: { role: string; communes: unknown[] } };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.user.role).toBe('collaborator');
    expect(body.user.communes).toEqual([{ code: LY_SON, name: 'Đặc khu Lý Sơn' }]);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await server.post('/api/auth/login', { username: 'ctv.lyson', password: 'sai-mat-khau' });
    const unknown = await server.post('/api/auth/login', { username: 'khong.co', password: 'ansinh2026' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('answers a malformed sign-in with 400 and a Vietnamese message', async () => {
    const response = await server.post('/api/auth/login', { username: '' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /tên đăng nhập|password/i,
    );
  });

  it('stores passwords only as scrypt hashes', async () => {
    const rows = await server.db.all<{ hash: string }>('SELECT password_hash AS hash FROM users');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.hash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/);
      expect(row.hash).not.toContain('ansinh2026');
    }
  });

  it('logout ends the session', async () => {
    const token = await server.login('ctv.lyson');
    expect((await server.post('/api/auth/logout', {}, token)).status).toBe(200);
    expect((await server.post('/api/sync', syncBody([]), token)).status).toBe(401);
  });
});

describe('authentication of sync', () => {
  it('refuses a request without a token, with a bad token, or with the token in the URL', async () => {
    expect((await server.post('/api/sync', syncBody([]))).status).toBe(401);
    expect((await server.post('/api/sync', syncBody([]), 'x'.repeat(43))).status).toBe(401);
    const token = await server.login('ctv.lyson');
    expect((await server.post(`/api/sync?token=${token}`, syncBody([]))).status).toBe(401);
  });

  it('an expired token is refused with 401 so the device asks to sign in again', async () => {
    const token = await server.login('ctv.lyson');
    expect((await server.post('/api/sync', syncBody([]), token)).status).toBe(200);
    server.advanceClock(25 * 3600 * 1000);
    const response = await server.post('/api/sync', syncBody([]), token);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('never writes a token into the request log', async () => {
    const token = await server.login('ctv.lyson');
    await server.post('/api/sync', syncBody([]), token);
    await server.post(`/api/sync?token=${token}`, syncBody([]));
    expect(server.logs.join('\n')).not.toContain(token);
  });
});

describe('scope', () => {
  it('a collaborator of Lý Sơn pulling Ba Tơ is refused by name and gets nothing of it', async () => {
    const token = await server.login('ctv.lyson');
    const response = await server.post(
      '/api/sync',
      syncBody(
        [],
        [
          { commune: BA_TO, cursor: 0 },
          { commune: LY_SON, cursor: 0 },
        ],
      ),
      token,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as SyncResponse;
    expect(body.refused).toEqual([BA_TO]);
    expect(body.cursors).not.toHaveProperty(BA_TO);
    expect(body.changes.length).toBeGreaterThan(0);
    expect(body.changes.every((c) => c.commune === LY_SON)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('Đinh Văn Pháo');
  });

  it('a collaborator of Lý Sơn pushing a household of Ba Tơ is rejected with a reason; nothing is written', async () => {
    const token = await server.login('ctv.lyson');
    const before = await countHouseholds();
    const response = await server.post('/api/sync', syncBody([demoHousehold(1, { communeCode: BA_TO })]), token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SyncResponse;
    expect(body.results).toEqual([
      {
        seq: 1,
        status: 'rejected',
        reason: expect.stringContaining(BA_TO),
        problem: { code: 'reject.communeNotAssigned', params: { commune: BA_TO } },
      },
    ]);
    expect(await countHouseholds()).toBe(before);
  });

  it('pull returns only households of the communes asked for and assigned', async () => {
    const token = await server.login('ctv.bato');
    const body = (await (
      await server.post('/api/sync', syncBody([], [{ commune: BA_TO, cursor: 0 }]), token)
    ).json()) as SyncResponse;
    expect(body.changes.length).toBeGreaterThan(0);
    expect(body.changes.every((c) => c.commune === BA_TO && c.data?.communeCode === BA_TO)).toBe(true);
  });
});

describe('push', () => {
  it('the same batch sent twice is applied once', async () => {
    const token = await server.login('ctv.lyson');
    const clientId = randomUUID();
    const batch = syncBody(
      [demoHousehold(1, { headName: 'Lê Thị Một Lần' })],
      [{ commune: LY_SON, cursor: 0 }],
      clientId,
    );
    const first = (await (await server.post('/api/sync', batch, token)).json()) as SyncResponse;
    const second = (await (await server.post('/api/sync', batch, token)).json()) as SyncResponse;
    expect(first.results).toEqual([{ seq: 1, status: 'applied' }]);
    expect(second.results).toEqual(first.results);
    const rows = await server.db.all('SELECT id FROM records WHERE data LIKE ?', ['%Lê Thị Một Lần%']);
    expect(rows).toHaveLength(1);
  });

  it('a malformed body gets 400 with a clear message and nothing is written', async () => {
    const token = await server.login('ctv.lyson');
    const before = await countHouseholds();
    const notJson = await server.post('/api/sync', '{"protocol": 1, "mutations": [', token);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toContain('JSON');
    const noClient = await server.post(
      '/api/sync',
      { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, mutations: [demoHousehold(1)], pull: [] },
      token,
    );
    expect(noClient.status).toBe(400);
    expect(((await noClient.json()) as { error: { message: string } }).error.message).toContain('clientId');
    const badSeq = await server.post(
      '/api/sync',
      syncBody([demoHousehold(1), { ...demoHousehold(2), seq: 'hai' }]),
      token,
    );
    expect(badSeq.status).toBe(400);
    expect(((await badSeq.json()) as { error: { message: string } }).error.message).toContain('mutations[1].seq');
    expect(await countHouseholds()).toBe(before);
  });

  it('an old app gets 426 "update the app"; its queue is untouched on the server', async () => {
    const token = await server.login('ctv.lyson');
    const response = await server.post(
      '/api/sync',
      { ...syncBody([demoHousehold(1)]), protocol: MIN_PROTOCOL_VERSION - 1 },
      token,
    );
    expect(response.status).toBe(426);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('cập nhật');
  });

  it('a body over the size limit is refused with 413', async () => {
    const token = await server.login('ctv.lyson');
    const response = await server.post('/api/sync', syncBody([{ padding: 'x'.repeat(3 * 1024 * 1024) }]), token);
    expect(response.status).toBe(413);
  });

  it('gzips large answers', async () => {
    const token = await server.login('so.tinh');
    const response = await server.app.request('/api/sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' },
      body: JSON.stringify(syncBody([], [{ commune: LY_SON, cursor: 0 }])),
    });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('accepts a gzipped request body, refuses a corrupt one with 400 and a zip bomb with 413', async () => {
    const token = await server.login('ctv.lyson');
    const request = (bytes: Uint8Array) =>
      server.app.request('/api/sync', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', Authorization: `Bearer ${token}` },
        body: new Blob([new Uint8Array(bytes)]),
      });
    const ok = await request(gzipSync(JSON.stringify(syncBody([demoHousehold(1, { headName: 'Hộ Nén Gzip' })]))));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as SyncResponse).results).toEqual([{ seq: 1, status: 'applied' }]);
    expect((await request(new Uint8Array([31, 139, 8, 0, 1, 2, 3]))).status).toBe(400);
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect((await request(bomb)).status).toBe(413);
  });

  it('a newer app than the server is told so with 400', async () => {
    const token = await server.login('ctv.lyson');
    const response = await server.post('/api/sync', { ...syncBody([]), protocol: PROTOCOL_VERSION + 1 }, token);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('Máy chủ cũ hơn');
  });
});

describe('rate limit', () => {
  it('a user syncing in a tight loop gets 429 with Retry-After; another user is not affected', async () => {
    const limited = await testServer({ syncRate: { burst: 3, perSecond: 0.5 } });
    try {
      const token = await limited.login('ctv.lyson');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.post('/api/sync', syncBody([]), token)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await limited.post('/api/sync', syncBody([]), token);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await limited.post('/api/sync', syncBody([]), await limited.login('ctv2.lyson'))).status).toBe(200);
      limited.advanceClock(10_000);
      expect((await limited.post('/api/sync', syncBody([]), token)).status).toBe(200);
    } finally {
      await limited.db.close();
    }
  });
});
