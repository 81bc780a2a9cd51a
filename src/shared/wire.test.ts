/**
 * The sync answer's encoder (wire.ts) against its decoder (protocol.ts): what the server writes, a device reads back
 * as it was — tombstones, soft deletes, versions left out or not, several communes, Vietnamese text and characters
 * JSON must escape. And the bytes stay those the server wrote before the encoder moved here (benches rely on them).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { WireSyncResponse, expandVersions, type Change, type SyncResponse, type WireChange } from './protocol';
import { encodeChanges, encodeSyncResponse, type OutgoingChange } from './wire';

const LY_SON = '21548';
const BA_TO = '21484';
const id = (n: number) => `0190a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

const head: Omit<SyncResponse, 'changes'> = {
  protocol: 1,
  lastSeq: 3,
  results: [
    { seq: 1, status: 'applied' },
    { seq: 2, status: 'rejected', reason: 'Vai trò "cán bộ tỉnh" không được tạo hộ.\n' },
    { seq: 3, status: 'conflict', fields: ['notes'] },
  ],
  cursors: { [LY_SON]: 9, [BA_TO]: 4 },
  epochs: { [LY_SON]: 0, [BA_TO]: 2 },
  resets: [BA_TO],
  hasMore: true,
  refused: ['21550'],
  user: {
    id: 'u1',
    username: 'canbo.lyson',
    displayName: 'Cán bộ Lý Sơn',
    role: 'commune_officer',
    communes: [{ code: LY_SON, name: 'Đặc khu Lý Sơn' }],
    wholeProvince: false,
  },
  serverTime: 1_760_000_000_123,
};

/** Data that JSON must escape, and Vietnamese in every normal form a keyboard makes. */
const tricky = {
  headName: 'Nguyễn Văn "Đức" \\ Ngô',
  notes: 'dòng 1\ndòng 2\r\tcột\u0001\u001f \u2028\u2029 </script> 😀 Nguye\u0302\u0303n',
  nested: { list: [1, 2.5, -0.125, null, true, 'ả'], empty: {}, deep: [[{ x: '\\"' }]] },
};

/** What a device works with after decoding, and what the server holds for sending. */
const expected: Change[] = [
  { commune: LY_SON, version: 1, type: 'household', id: id(1), data: tricky },
  {
    commune: LY_SON,
    version: 2,
    type: 'member',
    id: id(2),
    data: { fullName: 'Lê Thị Bé', householdId: id(1) },
    deleted: true,
  },
  // Not consecutive: versions 3 and 4 went to records of this commune that moved away since.
  { commune: LY_SON, version: 5, type: 'household', id: id(3), removed: true },
  { commune: BA_TO, version: 3, type: 'household', id: id(3), data: { headName: 'Trần Thị Ánh' } },
  {
    commune: LY_SON,
    version: 6,
    type: 'case',
    id: id(4),
    data: { status: 'approved', data: { answers: {}, result: { classification: 'poor' } } },
  },
  {
    commune: BA_TO,
    version: 4,
    type: 'conflict',
    id: id(5),
    data: { candidates: [{ value: 'Tổ "7"' }], status: 'open' },
  },
  { commune: LY_SON, version: 9, type: 'member', id: id(6), removed: true },
];

function outgoing(change: Change): OutgoingChange {
  const { commune, version, type, id: changeId } = change;
  if (change.removed) return { kind: 'tombstone', commune, version, type, id: changeId };
  return {
    kind: 'record',
    commune,
    version,
    type,
    id: changeId,
    data: JSON.stringify(change.data),
    deleted: change.deleted === true,
  };
}

function decode(text: string): SyncResponse {
  const parsed = v.parse(WireSyncResponse, JSON.parse(text));
  return { ...parsed, changes: expandVersions(parsed.changes as WireChange[]) };
}

describe('sync answer on the wire', () => {
  it('encode → JSON.parse → WireSyncResponse → expandVersions gives back the answer: tombstones, deleted, gaps in versions, two communes, text to escape', () => {
    const text = encodeSyncResponse(head, expected.map(outgoing));
    expect(decode(text)).toEqual({ ...head, changes: expected });
  });

  it('leaves out exactly the versions one past the previous change of the same commune, and the decoder puts them back', () => {
    const wire = (JSON.parse(encodeChanges(expected.map(outgoing))) as WireChange[]).map((change) => change.version);
    // LY_SON 1 (first), 2; 5 after a gap; BA_TO 3 is its first but not 1; LY_SON 6; BA_TO 4; LY_SON 9 after a gap.
    expect(wire).toEqual([undefined, undefined, 5, 3, undefined, undefined, 9]);
  });

  it("a record's data goes out as the stored JSON text, character for character", () => {
    const stored = '{"headName":"Nguy\\u1ec5n","b":1.50,"c":"\\/"}';
    const text = encodeChanges([
      { kind: 'record', commune: LY_SON, version: 1, type: 'household', id: id(1), data: stored, deleted: false },
    ]);
    expect(text).toBe(`[{"commune":"${LY_SON}","type":"household","id":"${id(1)}","data":${stored}}]`);
  });

  it('an empty page and an answer without serverTime or gap decode too', () => {
    const { serverTime: _serverTime, ...older } = head;
    expect(encodeChanges([])).toBe('[]');
    expect(decode(encodeSyncResponse(older, []))).toEqual({ ...older, changes: [] });
    const gap = { ...head, gap: { expected: 4 } };
    expect(decode(encodeSyncResponse(gap, expected.map(outgoing)))).toEqual({ ...gap, changes: expected });
  });

  it('writes the same bytes as the hand-written serializer the server used before (pull.ts)', () => {
    const page: OutgoingChange[] = [
      {
        kind: 'record',
        commune: LY_SON,
        version: 1,
        type: 'household',
        id: id(1),
        data: JSON.stringify({ headName: 'Nguyễn Văn "Đức"' }),
        deleted: false,
      },
      {
        kind: 'record',
        commune: LY_SON,
        version: 2,
        type: 'member',
        id: id(2),
        data: '{"fullName":"Lê Thị Bé"}',
        deleted: true,
      },
      { kind: 'tombstone', commune: LY_SON, version: 5, type: 'household', id: id(3) },
      { kind: 'record', commune: BA_TO, version: 7, type: 'case', id: id(4), data: '{}', deleted: false },
      { kind: 'record', commune: BA_TO, version: 8, type: 'conflict', id: id(5), data: '{"a":[1,2]}', deleted: false },
    ];
    const changes =
      '[{"commune":"21548","type":"household","id":"0190a1b2-0000-7000-8000-000000000001","data":{"headName":"Nguyễn Văn \\"Đức\\""}},' +
      '{"commune":"21548","type":"member","id":"0190a1b2-0000-7000-8000-000000000002","data":{"fullName":"Lê Thị Bé"},"deleted":true},' +
      '{"commune":"21548","version":5,"type":"household","id":"0190a1b2-0000-7000-8000-000000000003","removed":true},' +
      '{"commune":"21484","version":7,"type":"case","id":"0190a1b2-0000-7000-8000-000000000004","data":{}},' +
      '{"commune":"21484","type":"conflict","id":"0190a1b2-0000-7000-8000-000000000005","data":{"a":[1,2]}}]';
    expect(encodeChanges(page)).toBe(changes);
    const small: Omit<SyncResponse, 'changes'> = {
      protocol: 1,
      lastSeq: 0,
      results: [],
      cursors: { [LY_SON]: 5 },
      epochs: { [LY_SON]: 0 },
      resets: [],
      hasMore: false,
      refused: [],
      user: head.user,
      serverTime: 7,
    };
    expect(encodeSyncResponse(small, [])).toBe(
      '{"protocol":1,"lastSeq":0,"results":[],"cursors":{"21548":5},"epochs":{"21548":0},"resets":[],"hasMore":false,"refused":[],' +
        '"user":{"id":"u1","username":"canbo.lyson","displayName":"Cán bộ Lý Sơn","role":"commune_officer","communes":[{"code":"21548","name":"Đặc khu Lý Sơn"}],"wholeProvince":false},"serverTime":7,"changes":[]}',
    );
  });
});
