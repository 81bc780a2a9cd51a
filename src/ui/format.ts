/** @module Vietnamese formats: dates dd/mm/yyyy (HH:mm), numbers with a decimal comma, money as 1.234.567 đ. */
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

/** A quantity handed out in its unit: "5.400.000 đ", "225 kg", "3" (items). */
export function formatQuantity(quantity: number, unit: 'kg' | 'VND' | 'item'): string {
  if (unit === 'VND') return formatVnd(quantity);
  return unit === 'kg' ? `${formatNumber(quantity)} kg` : formatNumber(quantity);
}
