/** Applying a pull page on the device (fake-indexeddb): one record the device cannot take never stops the page. */
import { freshDeviceDatabases } from '../../tests/support/device-db';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import * as v from 'valibot';
import { WireSyncResponse, expandVersions, type Change, type SyncResponse, type WireChange } from '../shared/protocol';
import { applySyncResponse } from './apply-sync';

const LY_SON = '21548';
const fresh = freshDeviceDatabases('apply');

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 'Nguyễn Văn Bí Mật' };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const household = (version: number, id = randomUUID()): Change => ({
  commune: LY_SON,
  version,
  type: 'household',
  id,
  data: {
    headName: `Chủ hộ ${version}`,
    communeCode: LY_SON,
    village: 'Thôn Đông',
    address: '',
    area: 'rural',
    notes: '',
  },
});

function page(changes: Change[], cursor = changes.length): SyncResponse {
  return {
    protocol: 1,
    lastSeq: 0,
    results: [],
    changes,
    cursors: { [LY_SON]: cursor },
    epochs: { [LY_SON]: 0 },
    resets: [],
    hasMore: false,
    refused: [],
    user: {
      id: 'u',
      username: 'canbo.lyson',
      displayName: 'Cán bộ',
      role: 'commune_officer',
      communes: [{ code: LY_SON, name: 'Đặc khu Lý Sơn' }],
      wholeProvince: false,
    },
  };
}

/** IndexedDB refusing one record's value, as Chromium does for some (DataCloneError from put). */
function refuse(id: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'refuse-one-record',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            if (
              name === 'households' &&
              request.type === 'put' &&
              request.values.some((value: { id?: unknown }) => value.id === id)
            ) {
              return Promise.reject(new DOMException('could not be cloned', 'DataCloneError'));
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
}

describe('#9.4 a page with one record the device cannot take', () => {
  it('#9.4 a record nested 100,000 levels deep is set aside with its reason, the rest of the page lands and the cursor moves on', async () => {
    const db = fresh();
    const deep: Change = {
      commune: LY_SON,
      version: 3,
      type: 'case',
      id: randomUUID(),
      data: { communeCode: LY_SON, kind: 'survey', data: nested(100_000) },
    };
    const changes = [household(1), household(2), deep, household(4)];
    await applySyncResponse(db, page(changes), 1_000);
    expect(await db.households.count()).toBe(3);
    expect(await db.cases.count()).toBe(0);
    expect((await db.cursors.get(LY_SON))?.cursor).toBe(4);
    const [entry, ...others] = await db.setAside.toArray();
    expect(others).toEqual([]);
    expect(entry).toEqual({
      id: deep.id,
      type: 'case',
      communeCode: LY_SON,
      version: 3,
      reason: expect.stringMatching(/^Dữ liệu không đúng định dạng — data: .*lồng nhau quá/),
      problem: expect.objectContaining({ code: 'setAside.badFormat' }),
      at: 1_000,
    });
    // Which record and why, never what it holds.
    expect(JSON.stringify(entry)).not.toContain('Bí Mật');
  });

  it('#9.4 a record IndexedDB refuses is set aside and the rest of its table lands (the bulk write falls back to one by one)', async () => {
    const db = fresh();
    const refused = household(2);
    db.use(refuse(refused.id));
    await applySyncResponse(db, page([household(1), refused, household(3)]), 2_000);
    expect((await db.households.toArray()).map((h) => h.version).sort()).toEqual([1, 3]);
    expect(await db.setAside.toArray()).toEqual([
      {
        id: refused.id,
        type: 'household',
        communeCode: LY_SON,
        version: 2,
        reason: 'Máy không lưu được bản ghi: dữ liệu có dạng trình duyệt không chép được',
        problem: { code: 'setAside.storeFailed', params: { error: 'DataCloneError' } },
        at: 2_000,
      },
    ]);
    expect((await db.cursors.get(LY_SON))?.cursor).toBe(3);
  });

  it('#9.4 within one page, the latest version of a record decides whether it stays set aside', async () => {
    const db = fresh();
    const healed = randomUUID();
    const broken = randomUUID();
    await applySyncResponse(
      db,
      page([
        { ...household(1, healed), data: nested(50) },
        household(2, healed),
        household(3, broken),
        { ...household(4, broken), data: nested(50) },
      ]),
      1,
    );
    expect((await db.setAside.toArray()).map((e) => [e.id, e.version])).toEqual([[broken, 4]]);
    expect((await db.households.get(healed))?.version).toBe(2);
    // The older sound copy stays on the device; the set-aside entry says a newer one could not be taken.
    expect((await db.households.get(broken))?.version).toBe(3);
  });

  it('#9.4 a later sound version of a set-aside record lands and clears its entry', async () => {
    const db = fresh();
    const id = randomUUID();
    await applySyncResponse(db, page([{ ...household(1, id), data: nested(50) }]), 1);
    expect(await db.setAside.count()).toBe(1);
    await applySyncResponse(db, page([household(2, id)], 2), 2);
    expect(await db.setAside.count()).toBe(0);
    expect((await db.households.get(id))?.version).toBe(2);
  });
});

describe('a page as it comes off the wire', () => {
  it('#9.4 a record of a kind this app does not know, or with a malformed commune, is set aside; the rest lands', async () => {
    const db = fresh();
    const good = household(1);
    const wire = {
      ...page([]),
      changes: [
        good,
        { commune: LY_SON, version: 2, type: 'grant', id: randomUUID(), data: {} },
        { commune: '215480', version: 3, type: 'household', id: randomUUID(), data: {} },
      ],
    };
    const parsed = v.safeParse(WireSyncResponse, wire);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    await applySyncResponse(
      db,
      { ...parsed.output, changes: expandVersions(parsed.output.changes as WireChange[]) },
      2_000,
    );
    expect((await db.households.toArray()).map((h) => h.id)).toEqual([good.id]);
    expect((await db.setAside.toArray()).map((s) => s.version).sort()).toEqual([2, 3]);
  });
});
