import { freshDeviceDatabases } from '../../tests/support/device-db';
import { describe, expect, it } from 'vitest';
import type { SyncResponse } from '../shared/protocol';
import { applySyncResponse } from './apply-sync';
import { voidDistribution } from './outbox';

const fresh = freshDeviceDatabases();

const LY_SON = '21548';
function answer(overrides: Partial<SyncResponse>): SyncResponse {
  return {
    protocol: 1,
    lastSeq: 0,
    results: [],
    changes: [],
    cursors: {},
    epochs: {},
    resets: [],
    hasMore: false,
    refused: [],
    user: { id: 'u', username: 'thon', displayName: 'Trưởng thôn', role: 'village_head', communes: [{ code: LY_SON, name: 'Đặc khu Lý Sơn' }], wholeProvince: false },
    ...overrides,
  };
}

describe('a refused mutation on the device', () => {
  it('#9.12 a rejected void leaves no phantom void behind, and its reason is kept under "Đồng bộ"', async () => {
    const db = fresh();
    const handout = crypto.randomUUID();
    const voidId = await voidDistribution(db, handout, 'Ghi nhầm hộ', LY_SON, 1_000);
    const reason = 'Phiếu phát này đã được hủy trước đó.';
    await applySyncResponse(db, answer({ lastSeq: 1, results: [{ seq: 1, status: 'rejected', reason }] }), 2_000);

    expect(await db.distributionVoids.get(voidId)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.toArray()).toMatchObject([{ seq: 1, reason, op: { kind: 'void', id: voidId, data: { target: handout, reason: 'Ghi nhầm hộ' } } }]);
  });

  it('#9.12 a void the server stored and sent is kept even if a later copy of the same mutation is refused', async () => {
    const db = fresh();
    const handout = crypto.randomUUID();
    const voidId = await voidDistribution(db, handout, 'Ghi nhầm hộ', LY_SON, 1_000);
    await db.distributionVoids.update(voidId, { version: 12 });
    await applySyncResponse(db, answer({ lastSeq: 1, results: [{ seq: 1, status: 'rejected', reason: 'x' }] }), 2_000);
    expect(await db.distributionVoids.get(voidId)).toMatchObject({ version: 12 });
  });
});
