import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneEditKeys, withinOneEdit } from './duplicates';

const name = fc.string({ unit: fc.constantFrom(...'abcdeghiklmnostuy '), minLength: 0, maxLength: 30 });
const oneEdit = fc
  .tuple(name, fc.nat(), fc.constantFrom(...'abnhy '), fc.constantFrom('substitute', 'insert', 'delete', 'none'))
  .map(([a, at, letter, kind]) => {
    const p = a.length === 0 ? 0 : at % (kind === 'insert' ? a.length + 1 : a.length);
    if (kind === 'substitute' && a.length > 0) return [a, a.slice(0, p) + letter + a.slice(p + 1)] as const;
    if (kind === 'insert') return [a, a.slice(0, p) + letter + a.slice(p)] as const;
    if (kind === 'delete' && a.length > 0) return [a, a.slice(0, p) + a.slice(p + 1)] as const;
    return [a, a] as const;
  });

describe('look-alike names through an index', () => {
  it('#9.6 any two names within one edit share a key, so the indexed lookup misses no typo', () => {
    fc.assert(
      fc.property(oneEdit, ([a, b]) => {
        expect(withinOneEdit(a, b)).toBe(true);
        const keys = new Set(oneEditKeys(a));
        expect(oneEditKeys(b).some((k) => keys.has(k))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('#9.6 a name has at most four keys, whatever its length', () => {
    expect(oneEditKeys('nguyen thi lan')).toEqual(['14<nguyen ', '14>thi lan', '13<nguyen', '13>thi lan']);
    fc.assert(fc.property(name, (a) => oneEditKeys(a).length <= 4));
  });
});
