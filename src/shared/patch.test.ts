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
});
