import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from './database';
import { matchVillages, sameVillage, saveVillage, villagesOf } from './villages';

describe('#11 the villages of a commune', () => {
  it('are listed by name, matched without diacritics, and a village added in the field waits for review', async () => {
    const db = openDb(`villages-${crypto.randomUUID()}`);
    for (const name of ['Thôn Tây An Vĩnh', 'Thôn An Bình', 'Thôn Đông An Hải'])
      await saveVillage(db, { communeCode: '21548', name, status: 'active' }, { now: 1 });
    await saveVillage(db, { communeCode: '21484', name: 'Thôn Gò Khôn', status: 'active' }, { now: 1 });
    const list = await villagesOf(db, '21548');
    expect(list.map((v) => v.name)).toEqual(['Thôn An Bình', 'Thôn Đông An Hải', 'Thôn Tây An Vĩnh']);
    expect(matchVillages(list, 'an binh').map((v) => v.name)).toEqual(['Thôn An Bình']);
    expect(matchVillages(list, 'DONG an').map((v) => v.name)).toEqual(['Thôn Đông An Hải']);
    expect(sameVillage(list, 'thon  an binh')?.name).toBe('Thôn An Bình');
    expect(sameVillage(list, 'an binh')).toBeUndefined();
    expect(
      await saveVillage(db, { communeCode: '21548', name: 'Thôn Mới', status: 'pending' }, { now: 2 }),
    ).toMatchObject({ ok: false });
    await db.delete();
  });
});
