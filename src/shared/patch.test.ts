import { describe, expect, it } from 'vitest';
import { applyFieldValues, sameValue } from './patch';

describe('field patches', () => {
  it('sets the patched fields, keeps the others, and null clears a field', () => {
    expect(applyFieldValues({ a: 1, b: 'x', c: 'y' }, { b: ['z', 3], c: [null, 3] })).toEqual({ a: 1, b: 'z' });
  });

  it('builds a record from nothing', () => {
    expect(applyFieldValues(undefined, { headName: ['A B', 0] })).toEqual({ headName: 'A B' });
  });

  it('compares values by content, whatever the key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });

  it('#9.4 values thousands of levels deep (stored before values were bounded) compare without overflowing the stack', () => {
    const nested = (depth: number, leaf: unknown): unknown => {
      let value = leaf;
      for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
      return value;
    };
    expect(sameValue(nested(100_000, 1), nested(100_000, 1))).toBe(true);
    expect(sameValue(nested(100_000, 1), nested(100_000, 2))).toBe(false);
  });

  it('compares the same way as before: key order ignored, undefined fields left out, arrays in order', () => {
    expect(sameValue({ a: undefined, b: [2, 1] }, { b: [2, 1] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ 'x"y': [{}, []] }, { 'x"y': [{}, []] })).toBe(true);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
  });
});

describe('versions on the wire', () => {
  it('puts back versions left out as "previous + 1", per commune', async () => {
    const { expandVersions } = await import('./protocol');
    const base = { type: 'household' as const, id: 'x' };
    expect(
      expandVersions([
        { ...base, commune: '21548', version: 7 },
        { ...base, commune: '21548' },
        { ...base, commune: '21484', version: 3 },
        { ...base, commune: '21548', version: 12 },
        { ...base, commune: '21484' },
        { ...base, commune: '21548' },
      ]).map((c) => `${c.commune}:${c.version}`),
    ).toEqual(['21548:7', '21548:8', '21484:3', '21548:12', '21484:4', '21548:13']);
  });
});
