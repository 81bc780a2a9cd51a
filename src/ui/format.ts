/**
 * @module Vietnamese formats: dates dd/mm/yyyy (HH:mm), numbers with a decimal comma, money as 1.234.567 đ — and
 * every number a form reads from a person typed back into a number without guessing (`parseQuantity`).
 */
import { encodeMessage } from '../shared/messages';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${formatDate(epochMs)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** 1234567.5 → "1.234.567,5": dots group thousands, a comma marks the decimals (one kept). */
export function formatNumber(n: number): string {
  return number.format(n);
}

const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
/** Money, the one way the app writes it in every language and on paper: "5.400.000 đ". */
export function formatVnd(amount: number): string {
  return `${whole.format(amount)} đ`;
}

/** What a relief quantity is counted in: rice by the kilogram, money in đồng, goods by the piece. */
export type QuantityUnit = 'kg' | 'VND' | 'item';

/**
 * Every unit a form reads a typed number in (issue 11): the relief quantities, a floor area in m² (decimal, like
 * kilograms) and a count of people or days (whole, like goods).
 */
export type NumberUnit = QuantityUnit | 'm2' | 'count' | 'coefficient';

/**
 * Units that take one decimal; the others are whole. One decimal is also all `formatNumber` shows back. A
 * coefficient of M (Decree 20/2021 Art. 6: 1,0 · 1,5 · 2,5 …) has one decimal and no unit.
 */
const decimalUnit = (unit: NumberUnit) => unit === 'kg' || unit === 'm2' || unit === 'coefficient';

/** A number in its unit: "5.400.000 đ", "225 kg", "24,5 m²", "3" (items, people, days). */
export function formatQuantity(quantity: number, unit: NumberUnit): string {
  if (unit === 'VND') return formatVnd(quantity);
  if (unit === 'kg') return `${formatNumber(quantity)} kg`;
  return unit === 'm2' ? `${formatNumber(quantity)} m²` : formatNumber(quantity);
}

const editableDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, useGrouping: false });
/**
 * A number as a form pre-fills it, read back by `parseQuantity` as the same number: money and counts with their
 * thousands dots ("1.000.000"), kilograms and m² without them ("1225", "2,5") — "1.225" would be ambiguous there.
 */
export function formatEditable(quantity: number, unit: NumberUnit): string {
  return decimalUnit(unit) ? editableDecimal.format(quantity) : whole.format(quantity);
}

export type ParsedQuantity = { ok: true; value: number } | { ok: false; message: string };

const refused = (...args: Parameters<typeof encodeMessage>): ParsedQuantity => ({
  ok: false,
  message: encodeMessage(...args),
});

/** "1.500": a thousand five hundred, or one and a half ("1,5"); "1.000": a thousand, or one. */
const ambiguous = (text: string, before: string, after: string): ParsedQuantity => {
  const decimals = after.replace(/0+$/, '');
  return refused('quantity.ambiguous', {
    text,
    thousands: before + after,
    decimal: decimals ? `${before},${decimals}` : before,
  });
};

/** The unit a person may write after the number, in the field's unit only: "5 kg" is no amount of money. */
const UNIT_AFTER: Record<NumberUnit, RegExp | undefined> = {
  kg: /\s*kg$/i,
  VND: /\s*(vnđ|vnd|đồng|đ|₫)$/i,
  m2: /\s*(m²|m2|m)$/i,
  item: undefined,
  count: undefined,
  coefficient: undefined,
};

/** Digits beyond 15 are past what a JavaScript number keeps exactly: such a number would be saved changed. */
const MAX_DIGITS = 15;

/**
 * A number as typed, in its unit — never guessed (issue 11). Every form reads what a person types through here.
 * Vietnamese writes thousands with dots and decimals with a comma ("1.000.000", "2,5"); a tablet's keyboard may
 * offer a point ("2.5"). So:
 * - money (VND), goods (items) and counts are whole: "1.000.000", "1000000", "1 000 000 đ" are a million; "2,5" or
 *   "2.5" is refused (no đồng, item or person is split), and so is "1,000" (thousands go with dots) — an income
 *   of "1,5" is never 15 đ;
 * - kilograms and m² may have one decimal, with a comma or a point: "2,5", "2.5", "1.234,5"; a lone separator
 *   followed by exactly three digits ("1.200", "1,200") could be either, and is refused saying both readings;
 * - a minus is refused saying so; anything else that is not such a number (letters, "1e1", "1.2.3", "1,234.5"), or
 *   one too long to keep exactly, is refused.
 * The field's unit written after the number ("kg"; "đ", "đồng", "VND"; "m²", "m2") is allowed. `message` is a
 * message code (say()).
 */
export function parseQuantity(text: string, unit: NumberUnit): ParsedQuantity {
  const after = UNIT_AFTER[unit];
  const trimmed = text.trim();
  const typed = (after ? trimmed.replace(after, '') : trimmed).trim();
  if (!typed) return refused('quantity.empty', { unit });
  if (/^-\s*\d/.test(typed)) return refused('field.notNegative');
  // Spaces are taken as thousands separators only where they group by three ("1 000 000").
  const number = /^\d{1,3}( \d{3})+(,\d+)?$/.test(typed) ? typed.replace(/ /g, '.') : typed;
  if (!/^\d[\d.,]*$/.test(number) || /[.,]$/.test(number)) return refused('quantity.malformed', { unit });
  const wholeUnit = !decimalUnit(unit);
  const dots = number.split('.').length - 1;
  const commas = number.split(',').length - 1;
  if (commas > 0 && wholeUnit) return refused('quantity.whole', { unit });
  const grouped = (digits: string) => /^[1-9]\d{0,2}(\.\d{3})+$/.test(digits);
  let integer: string;
  let fraction = '';
  if (commas > 1) return refused('quantity.malformed', { unit });
  if (commas === 1) {
    // Vietnamese: the comma is the decimal mark, dots before it only group thousands ("1.234,5").
    const [before = '', after = ''] = number.split(',');
    if (dots > 0 && !grouped(before)) return refused('quantity.malformed', { unit });
    if (dots === 0 && after.length === 3 && /^[1-9]\d{0,2}$/.test(before)) return ambiguous(typed, before, after);
    integer = before.replace(/\./g, '');
    fraction = after;
  } else if (dots > 1 || (dots === 1 && wholeUnit)) {
    if (!grouped(number)) return refused(wholeUnit && dots === 1 ? 'quantity.whole' : 'quantity.malformed', { unit });
    integer = number.replace(/\./g, '');
  } else if (dots === 1) {
    // Kilograms or m² with a point: "2.5" is a decimal, "1.500" could be a thousand and a half or one and a half.
    const [before = '', after = ''] = number.split('.');
    if (after.length === 3 && /^[1-9]\d{0,2}$/.test(before)) return ambiguous(typed, before, after);
    integer = before;
    fraction = after;
  } else {
    integer = number;
  }
  if (fraction.replace(/0+$/, '').length > 1) return refused('quantity.oneDecimal', { unit });
  if (integer.replace(/^0+/, '').length > MAX_DIGITS) return refused('quantity.tooLarge', { unit });
  return { ok: true, value: Number(fraction ? `${integer}.${fraction}` : integer) };
}
