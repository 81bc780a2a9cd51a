import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { newId } from './ids';

describe('record ids', () => {
  it('are valid UUIDs of version 7 with the time in front', () => {
    const id = newId(1_764_300_000_000);
    expect(v.is(v.pipe(v.string(), v.uuid()), id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(1_764_300_000_000);
  });

  it('sort by creation time and never repeat', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newId(1_764_300_000_000 + i * 1000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => newId(5))).size).toBe(10_000);
  });
});
