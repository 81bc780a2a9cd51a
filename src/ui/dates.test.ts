import { describe, expect, it } from 'vitest';
import { formatVnDate, parseVnDate, vnDateForCheck } from './dates';

describe('Vietnamese dates', () => {
  it('reads dd/mm/yyyy and a year alone, and refuses what is not a date', () => {
    expect(parseVnDate('03/04/1980')).toBe('1980-04-03');
    expect(parseVnDate('3/4/1980')).toBe('1980-04-03');
    expect(parseVnDate(' 1975 ')).toBe('1975');
    expect(parseVnDate('31/02/2020')).toBeUndefined();
    expect(parseVnDate('1980-04-03')).toBeUndefined();
    expect(parseVnDate('hôm qua')).toBeUndefined();
  });

  it('writes dd/mm/yyyy', () => {
    expect(formatVnDate('1980-04-03')).toBe('03/04/1980');
    expect(formatVnDate('1975')).toBe('1975');
    expect(formatVnDate(undefined)).toBe('');
  });

  it('#11 keeps what was typed for the schema to judge: an impossible day keeps its shape, not a silent drop', () => {
    expect(vnDateForCheck('31/02/2020')).toBe('2020-02-31');
    expect(vnDateForCheck('99/99/2020')).toBe('2020-99-99');
    expect(vnDateForCheck(' 3/4/1980 ')).toBe('1980-04-03');
    expect(vnDateForCheck('1975')).toBe('1975');
    expect(vnDateForCheck('hôm qua')).toBe('hôm qua');
  });
});
