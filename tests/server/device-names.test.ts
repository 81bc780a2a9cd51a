/**
 * Issue 11, device names, on SQLite and a real PostgreSQL: the name a device's user gave it is kept per device,
 * bounded, and written into the candidates of a conflict the server makes, beside the writer's name and role. Over
 * HTTP a bad name (too long, a control character) refuses the request with 400 and a message naming the field.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { createUser } from '../../sync-server/src/store/users';
import { deviceNameOf } from '../../sync-server/src/store/sync-log';
import { push } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { encodeChanges } from '../../src/shared/wire';
import { expandVersions, PROTOCOL_VERSION, SCHEMA_VERSION, type WireChange } from '../../src/shared/protocol';
import { MAX_DEVICE_NAME } from '../../src/shared/fields';
import type { Role } from '../../src/shared/roles';
import { freshDatabases, storageEngines } from '../support/engines';
import { testServer } from '../support/server';
import { LY_SON, createMutation, patchMutation, pushContext } from '../support/fixtures';

const engines = await storageEngines('device names');
const LIMITS = { rows: 100_000, bytes: 100_000_000 };

for (const engine of engines) {
  describe.skipIf(!engine.available)(`device names [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    const changes = async (db: Database) =>
      expandVersions(
        JSON.parse(encodeChanges((await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS)).changes)) as WireChange[],
      );
    const user = async (db: Database, username: string, displayName: string, role: Role) =>
      pushContext({
        userId: await createUser(db, { username, displayName, role, passwordHash: 'x', scope: [LY_SON] }, 1),
        role,
      });

    it('#11 the name a device sends is kept for it, replaced by the next, cleared by an empty one, kept when absent', async () => {
      const db = await fresh();
      const device = pushContext();
      await push(db, { ...device, deviceName: 'Máy tính bảng thôn Đông' }, []);
      expect(await deviceNameOf(db, device.clientId)).toBe('Máy tính bảng thôn Đông');
      await push(db, device, [createMutation(1)]);
      expect(await deviceNameOf(db, device.clientId)).toBe('Máy tính bảng thôn Đông');
      await push(db, { ...device, deviceName: 'Máy của Hoa' }, [createMutation(2)]);
      expect(await deviceNameOf(db, device.clientId)).toBe('Máy của Hoa');
      await push(db, { ...device, deviceName: '' }, []);
      expect(await deviceNameOf(db, device.clientId)).toBeUndefined();
    });

    it('#11 another account cannot rename a device that is not its own', async () => {
      const db = await fresh();
      const device = pushContext({ userId: 'hoa' });
      await push(db, { ...device, deviceName: 'Máy của Hoa' }, [createMutation(1)]);
      await push(db, { ...device, userId: 'other', deviceName: 'Máy lạ' }, []);
      expect(await deviceNameOf(db, device.clientId)).toBe('Máy của Hoa');
    });

    it('#11 a new conflict names each value’s device beside its writer; an unnamed device is left unnamed', async () => {
      const db = await fresh();
      const hoa = await user(db, 'hoa', 'Phạm Thị Hoa', 'collaborator');
      const bien = await user(db, 'bien', 'Võ Văn Biển', 'village_head');
      const id = randomUUID();
      await push(db, { ...hoa, deviceName: 'Máy tính bảng thôn Đông' }, [
        createMutation(1, {}, id),
        patchMutation(2, id, { address: 'Tổ 5' }, 1),
      ]);
      expect((await push(db, bien, [patchMutation(1, id, { address: 'Tổ 7' }, 1)])).results[0]?.status).toBe(
        'conflict',
      );
      const conflict = (await changes(db)).find((c) => c.type === 'conflict');
      const candidates = (conflict?.data?.candidates ?? []) as Record<string, unknown>[];
      expect(candidates).toMatchObject([
        { value: 'Tổ 5', clientId: hoa.clientId, userName: 'Phạm Thị Hoa', deviceName: 'Máy tính bảng thôn Đông' },
        { value: 'Tổ 7', clientId: bien.clientId, userName: 'Võ Văn Biển' },
      ]);
      expect(candidates[1]).not.toHaveProperty('deviceName');

      // A third device, named in the very request that brings its value, is named in the same conflict.
      const third = { ...hoa, clientId: randomUUID() };
      await push(db, { ...third, deviceName: 'Điện thoại của Hoa' }, [patchMutation(1, id, { address: 'Tổ 9' }, 1)]);
      const after = (await changes(db)).find((c) => c.type === 'conflict');
      expect((after?.data?.candidates as Record<string, unknown>[] | undefined)?.[2]).toMatchObject({
        value: 'Tổ 9',
        deviceName: 'Điện thoại của Hoa',
      });
    });
  });
}

describe('device names over HTTP', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server.db.close());
  const request = (clientId: string, deviceName: unknown) => ({
    protocol: PROTOCOL_VERSION,
    schema: SCHEMA_VERSION,
    clientId,
    mutations: [],
    pull: [],
    deviceName,
  });

  it('#11 a name sent with a sync is stored trimmed, and kept out of the logs', async () => {
    const token = await server.login('ctv.lyson');
    const clientId = randomUUID();
    const response = await server.post('/api/sync', request(clientId, '  Máy tính bảng thôn Đông '), token);
    expect(response.status).toBe(200);
    expect(await deviceNameOf(server.db, clientId)).toBe('Máy tính bảng thôn Đông');
    expect(server.logs.join('\n')).not.toContain('thôn Đông');
  });

  it('#11 a name too long or with a control character is refused with 400 naming the field; nothing is stored', async () => {
    const token = await server.login('ctv.lyson');
    for (const [bad, code] of [
      ['M'.repeat(MAX_DEVICE_NAME + 1), 'field.tooLong'],
      ['Máy\nthôn Đông', 'field.controlChars'],
      ['Máy\u0007', 'field.controlChars'],
    ] as const) {
      const clientId = randomUUID();
      const response = await server.post('/api/sync', request(clientId, bad), token);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: {
          code: 'bad_request',
          message: expect.stringContaining('Tên máy này'),
          problem: {
            code: 'issues',
            issues: [{ path: 'deviceName', message: { code, params: { label: 'deviceName' } } }],
          },
        },
      });
      expect(await deviceNameOf(server.db, clientId)).toBeUndefined();
    }
    // The same device, once its name is right, syncs and is named.
    const clientId = randomUUID();
    expect((await server.post('/api/sync', request(clientId, 'M'.repeat(MAX_DEVICE_NAME)), token)).status).toBe(200);
    expect(await deviceNameOf(server.db, clientId)).toBe('M'.repeat(MAX_DEVICE_NAME));
  });
});
