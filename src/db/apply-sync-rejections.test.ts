import { freshDeviceDatabases } from '../../tests/support/device-db';
import { describe, expect, it } from 'vitest';
import type { SyncResponse } from '../shared/protocol';
import { applySyncResponse } from './apply-sync';
import { recordDistribution, resolveConflict, savePatch, voidDistribution } from './outbox';

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
    user: {
      id: 'u',
      username: 'thon',
      displayName: 'Trưởng thôn',
      role: 'village_head',
      communes: [{ code: LY_SON, name: 'Đặc khu Lý Sơn' }],
      wholeProvince: false,
    },
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
    expect(await db.rejections.toArray()).toMatchObject([
      { seq: 1, reason, op: { kind: 'void', id: voidId, data: { target: handout, reason: 'Ghi nhầm hộ' } } },
    ]);
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

describe('what the device showed for a refused change is taken back', () => {
  const household = {
    headName: 'Nguyễn Văn Đúng',
    communeCode: LY_SON,
    village: 'Thôn Đông',
    address: 'Tổ 1',
    area: 'rural',
    notes: '',
  };
  const refuse = (seqs: number[], reason = 'Vai trò cán bộ tỉnh không được sửa hộ gia đình.') =>
    answer({ lastSeq: Math.max(...seqs), results: seqs.map((seq) => ({ seq, status: 'rejected' as const, reason })) });

  it('#9.3 a refused edit gives the fields back their value; what was typed stays under "Đồng bộ"', async () => {
    const db = fresh();
    await db.households.put({ ...household, id: 'h1', version: 7 });
    await savePatch(db, 'household', 'h1', { ...household, headName: 'Nguyễn Văn Sai' }, 1_000);
    await applySyncResponse(db, refuse([1]), 2_000);
    expect((await db.households.get('h1'))?.headName).toBe('Nguyễn Văn Đúng');
    expect(await db.rejections.toArray()).toMatchObject([
      { op: { kind: 'patch', fields: { headName: ['Nguyễn Văn Sai', 7] } } },
    ]);
  });

  it('#9.3 two refused edits of one field give back the value from before the first', async () => {
    const db = fresh();
    await db.households.put({ ...household, id: 'h1', version: 7 });
    await savePatch(db, 'household', 'h1', { ...household, notes: 'một' }, 1_000);
    await savePatch(db, 'household', 'h1', { ...household, notes: 'hai' }, 1_001);
    await applySyncResponse(db, refuse([1, 2]), 2_000);
    expect((await db.households.get('h1'))?.notes).toBe('');
  });

  it('#9.3 a refused edit does not take back a later edit of the same field that still waits to be sent', async () => {
    const db = fresh();
    await db.households.put({ ...household, id: 'h1', version: 7 });
    await savePatch(db, 'household', 'h1', { ...household, notes: 'một' }, 1_000);
    await savePatch(db, 'household', 'h1', { ...household, notes: 'hai' }, 1_001);
    await applySyncResponse(db, refuse([1]), 2_000);
    expect((await db.households.get('h1'))?.notes).toBe('hai');
  });

  it('#9.3 a household the server refused to create, and never sent back, is not shown as registered', async () => {
    const db = fresh();
    await savePatch(db, 'household', 'h2', household, 1_000);
    await applySyncResponse(db, refuse([1], 'Vai trò cán bộ tỉnh không được tạo hộ gia đình.'), 2_000);
    expect(await db.households.get('h2')).toBeUndefined();
    expect(await db.rejections.count()).toBe(1);
  });

  it('#9.3 a refused handout leaves the round: it is not counted as handed out', async () => {
    const db = fresh();
    await recordDistribution(
      db,
      'd1',
      {
        communeCode: LY_SON,
        householdId: 'h1',
        roundId: 'r1',
        item: 'rice',
        itemName: 'Gạo',
        quantity: 10,
        unit: 'kg',
        recipientName: 'X',
        handedOutAt: 1_000,
      },
      1_000,
    );
    await applySyncResponse(db, refuse([1], 'Thời điểm phát ở tương lai: 04/12/2026.'), 2_000);
    expect(await db.distributions.get('d1')).toBeUndefined();
  });

  it('#9.4 a decision not yet sent stays decided when the pull brings its conflict again (pull before push)', async () => {
    const db = fresh();
    await db.conflicts.put({
      id: 'c1',
      version: 3,
      communeCode: LY_SON,
      recordType: 'household',
      recordId: 'h1',
      field: 'notes',
      candidates: [],
      status: 'open',
    });
    await resolveConflict(db, 'c1', 'một', 1_000);
    const pulled = {
      commune: LY_SON,
      version: 4,
      type: 'conflict' as const,
      id: 'c1',
      data: {
        communeCode: LY_SON,
        recordType: 'household',
        recordId: 'h1',
        field: 'notes',
        candidates: [{ value: 'ba' }],
        status: 'open',
      },
    };
    await applySyncResponse(db, answer({ changes: [pulled], cursors: { [LY_SON]: 4 } }), 2_000);
    expect((await db.conflicts.get('c1'))?.status).toBe('resolved');
    expect(await db.outbox.count()).toBe(1);
  });
});
