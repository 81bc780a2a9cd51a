import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity, formatVnd } from './format';

describe('formats: one way to write money and quantities (issue 11)', () => {
  it('writes money as 5.400.000 đ, never "5400000 đ", "77.800.000 ₫" or "5000000 VND"', () => {
    expect(formatVnd(5_400_000)).toBe('5.400.000 đ');
    expect(formatVnd(77_800_000)).toBe('77.800.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatQuantity(5_000_000, 'VND')).toBe('5.000.000 đ');
  });

  it('writes kg and items with dots for thousands and a decimal comma', () => {
    expect(formatQuantity(1_225, 'kg')).toBe('1.225 kg');
    expect(formatQuantity(3, 'item')).toBe('3');
    expect(formatNumber(2.25)).toBe('2,3');
    expect(formatNumber(2.2)).toBe('2,2');
  });
});
