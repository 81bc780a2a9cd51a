import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../shared/messages';
import { formatVi } from '../shared/messages-vi';
import { formatEditable, formatNumber, formatQuantity, formatVnd, parseQuantity, type QuantityUnit } from './format';

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

describe('#11 a typed quantity is read without guessing: decimal comma or point, thousands dots', () => {
  const value = (text: string, unit: QuantityUnit) => {
    const parsed = parseQuantity(text, unit);
    return parsed.ok ? parsed.value : formatVi(decodeMessage(parsed.message));
  };

  it('reads rice as two and a half whether typed "2,5" or "2.5", and a million đồng from "1.000.000"', () => {
    expect(value('2,5', 'kg')).toBe(2.5);
    expect(value('2.5', 'kg')).toBe(2.5);
    expect(value('2.5 kg', 'kg')).toBe(2.5);
    expect(value('0.500', 'kg')).toBe(0.5);
    expect(value('1234.5', 'kg')).toBe(1234.5);
    expect(value('1.234,5', 'kg')).toBe(1234.5);
    expect(value('1.000.000', 'kg')).toBe(1_000_000);
    expect(value('45', 'kg')).toBe(45);
    expect(value('1.000.000', 'VND')).toBe(1_000_000);
    expect(value('1000000', 'VND')).toBe(1_000_000);
    expect(value('1 000 000 đ', 'VND')).toBe(1_000_000);
    expect(value('5.400.000 VND', 'VND')).toBe(5_400_000);
    expect(value('1.200', 'item')).toBe(1200);
    expect(value('20', 'item')).toBe(20);
  });

  it('never turns "2.5" into 25: money and goods are whole, and a decimal is refused saying so', () => {
    expect(value('2.5', 'VND')).toMatch(/số nguyên/);
    expect(value('2,5', 'VND')).toMatch(/số nguyên/);
    expect(value('1,000,000', 'VND')).toMatch(/dấu chấm/);
    expect(value('2.5', 'item')).toMatch(/số nguyên/);
    expect(value('2,5', 'item')).toMatch(/số nguyên/);
  });

  it('refuses "1.500" or "1,500" kg, which could be a thousand and a half or one and a half, saying both', () => {
    expect(value('1.500', 'kg')).toBe('Không rõ "1.500" là 1500 hay 1,5: hãy viết 1500 hoặc 1,5');
    expect(value('1,500', 'kg')).toBe('Không rõ "1,500" là 1500 hay 1,5: hãy viết 1500 hoặc 1,5');
  });

  it('refuses what is no such number instead of reading part of it', () => {
    for (const text of ['abc', '-5', '1.2.3', '1,234.5', '2 5', '2,', '.5', '1..0', '1,2,3'])
      expect(value(text, 'kg'), text).toMatch(/Không đọc được/);
    expect(value('1.2.3', 'VND')).toMatch(/Không đọc được/);
    expect(value('', 'kg')).toBe('Nhập số lượng');
    expect(value('  ', 'VND')).toBe('Nhập số tiền');
    expect(value('2,25', 'kg')).toMatch(/một chữ số sau dấu phẩy/);
  });

  it('pre-fills a form with what it reads back as the same number', () => {
    for (const [n, unit] of [
      [1225, 'kg'],
      [2.5, 'kg'],
      [45, 'kg'],
      [5_400_000, 'VND'],
      [1200, 'item'],
    ] as const)
      expect(value(formatEditable(n, unit), unit)).toBe(n);
    expect(formatEditable(1225, 'kg')).toBe('1225');
    expect(formatEditable(2.5, 'kg')).toBe('2,5');
    expect(formatEditable(5_400_000, 'VND')).toBe('5.400.000');
  });
});
