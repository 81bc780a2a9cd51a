/** Issue 11, device names: every sync request carries the name the user gave this device, if it is a valid one. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/database';
import type { StoredSession } from '../db/settings';
import type { SyncRequest, SyncResponse } from '../shared/protocol';
import { savePatch } from '../db/outbox';
import { SyncController } from './controller';
import type { Transport } from './transport';

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

async function requestsWith(deviceName: string | undefined): Promise<SyncRequest[]> {
  const requests: SyncRequest[] = [];
  const transport: Transport = {
    sync: async (request) => {
      requests.push(request);
      return { kind: 'ok', response: { ...empty, lastSeq: request.mutations.length } };
    },
  };
  const db = openDb(`device-name-${crypto.randomUUID()}`);
  await savePatch(
    db,
    'household',
    crypto.randomUUID(),
    { communeCode: '21548', headName: 'Nguyễn Văn An' },
    Date.now(),
  );
  const c = new SyncController({
    db,
    transport,
    clock: Date.now,
    loadSession: async () => session,
    markSessionExpired: async () => undefined,
    updateUser: async () => undefined,
    loadDeviceName: async () => deviceName,
  });
  await c.syncNow();
  return requests;
}

describe('#11 device names in sync requests', () => {
  it('a named device sends its name (trimmed) with each request', async () => {
    const requests = await requestsWith(' Máy tính bảng thôn Đông ');
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) expect(request.deviceName).toBe('Máy tính bảng thôn Đông');
  });

  it('an emptied name is sent empty, so the server forgets the old one', async () => {
    const requests = await requestsWith('');
    expect(requests[0]).toHaveProperty('deviceName', '');
  });

  it('no name, or one the server would refuse (a control character, too long), is left out: sync goes on', async () => {
    for (const name of [undefined, 'Máy\nthôn Đông', 'M'.repeat(61)]) {
      const requests = await requestsWith(name);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests[0]).not.toHaveProperty('deviceName');
    }
  });
});
