import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from './database';
import { currentVillageName, matchVillages, sameVillage, saveVillage, villagesOf } from './villages';

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

  it('a name a village had before the officer renamed it leads to its name now', async () => {
    const db = openDb(`villages-${crypto.randomUUID()}`);
    // As the server sends it after a rename: the names it had, beside its fields.
    await db.villages.put({
      id: crypto.randomUUID(),
      version: 3,
      communeCode: '21548',
      name: 'Tổ dân phố Tây An Vĩnh',
      status: 'active',
      formerNames: ['Thôn Tây An Vĩnh'],
    });
    expect(await currentVillageName(db, '21548', 'Thôn Tây An Vĩnh')).toBe('Tổ dân phố Tây An Vĩnh');
    expect(await currentVillageName(db, '21548', 'thon tay an vinh')).toBe('Tổ dân phố Tây An Vĩnh');
    expect(await currentVillageName(db, '21548', 'Thôn Khác')).toBe('Thôn Khác');
    expect(await currentVillageName(db, '21484', 'Thôn Tây An Vĩnh')).toBe('Thôn Tây An Vĩnh');
    await db.delete();
  });
});
