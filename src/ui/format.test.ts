import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../shared/messages';
import { formatVi } from '../shared/messages-vi';
import { formatEditable, formatNumber, formatQuantity, formatVnd, parseQuantity, type NumberUnit } from './format';

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
  const value = (text: string, unit: NumberUnit) => {
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
    for (const text of ['abc', '1.2.3', '1,234.5', '2 5', '2,', '.5', '1..0', '1,2,3', '-', '5 đ'])
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

describe('#11 every number a form reads goes through the same parser, in its unit', () => {
  const value = (text: string, unit: NumberUnit) => {
    const parsed = parseQuantity(text, unit);
    return parsed.ok ? parsed.value : formatVi(decodeMessage(parsed.message));
  };

  it('reads a floor area in m² with a decimal comma (or point), and refuses "1.200" or "1,200" saying both readings', () => {
    expect(value('24,5', 'm2')).toBe(24.5);
    expect(value('24.5', 'm2')).toBe(24.5);
    expect(value('18', 'm2')).toBe(18);
    expect(value('18 m²', 'm2')).toBe(18);
    expect(value('18m2', 'm2')).toBe(18);
    expect(value('1200', 'm2')).toBe(1200);
    expect(value('1.200,5', 'm2')).toBe(1200.5);
    expect(value('1.200', 'm2')).toBe('Không rõ "1.200" là 1200 hay 1,2: hãy viết 1200 hoặc 1,2');
    expect(value('1,200', 'm2')).toBe('Không rõ "1,200" là 1200 hay 1,2: hãy viết 1200 hoặc 1,2');
    expect(value('12,25', 'm2')).toMatch(/một chữ số sau dấu phẩy/);
    expect(value('abc', 'm2')).toMatch(/Không đọc được/);
    expect(value('', 'm2')).toBe('Nhập diện tích');
  });

  it('reads a count of people or days as a whole number, never "1,5" or "1e1"', () => {
    expect(value('4', 'count')).toBe(4);
    expect(value('04', 'count')).toBe(4);
    expect(value('0', 'count')).toBe(0);
    expect(value('1,5', 'count')).toMatch(/số nguyên/);
    expect(value('1.5', 'count')).toMatch(/số nguyên/);
    for (const text of ['1e1', '0x10', 'Infinity', 'ba']) expect(value(text, 'count'), text).toMatch(/Không đọc được/);
    expect(value('', 'count')).toBe('Nhập một số (0 nếu không có)');
  });

  it('reads money as whole đồng: "1,5" and "1.500,5" are refused, not read as 15 or 15005', () => {
    expect(value('1,5', 'VND')).toMatch(/số nguyên đồng/);
    expect(value('1.500,5', 'VND')).toMatch(/số nguyên đồng/);
    expect(value('4.500.000', 'VND')).toBe(4_500_000);
  });

  it('says a minus is not allowed, and refuses a number too long to be kept exactly', () => {
    expect(value('-5', 'kg')).toBe('Không được âm');
    expect(value('-3', 'm2')).toBe('Không được âm');
    expect(value('- 1.000', 'VND')).toBe('Không được âm');
    expect(value('12345678901234567890', 'item')).toMatch(/quá lớn/);
    expect(value('123.456.789.012.345', 'VND')).toBe(123_456_789_012_345);
  });

  it('takes only the unit of the field after a number: "5 kg" is no amount of money', () => {
    expect(value('5 kg', 'VND')).toMatch(/Không đọc được/);
    expect(value('5 đ', 'kg')).toMatch(/Không đọc được/);
    expect(value('5 m²', 'kg')).toMatch(/Không đọc được/);
  });

  it('writes what it read back with the unit: "Sẽ ghi: 24,5 m²"', () => {
    expect(formatQuantity(24.5, 'm2')).toBe('24,5 m²');
    expect(formatQuantity(1200, 'm2')).toBe('1.200 m²');
    expect(formatQuantity(3, 'count')).toBe('3');
    expect(value(formatEditable(1200, 'm2'), 'm2')).toBe(1200);
    expect(value(formatEditable(24.5, 'm2'), 'm2')).toBe(24.5);
  });
});

describe('#12 a coefficient of M is read in its own unit: one decimal, no kilograms', () => {
  it('"1,5" and "2" are read; "1,5 kg" and "1,25" are refused, said as a coefficient', () => {
    expect(parseQuantity('1,5', 'coefficient')).toEqual({ ok: true, value: 1.5 });
    expect(parseQuantity('2', 'coefficient')).toEqual({ ok: true, value: 2 });
    expect(formatEditable(2.5, 'coefficient')).toBe('2,5');
    const kilograms = parseQuantity('1,5 kg', 'coefficient');
    expect(kilograms.ok).toBe(false);
    if (!kilograms.ok)
      expect(formatVi(decodeMessage(kilograms.message))).toBe(
        'Không đọc được hệ số này: chỉ nhập chữ số, phần lẻ sau dấu phẩy (ví dụ 1,5 hoặc 2)',
      );
    expect(parseQuantity('1,25', 'coefficient').ok).toBe(false);
  });
});
