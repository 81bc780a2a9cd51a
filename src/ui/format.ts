/** @module Vietnamese formats: dates dd/mm/yyyy (HH:mm), money in VND. */
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${formatDate(epochMs)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}
