/**
 * @module The payer's returned payroll list (issue 13; CASES.md §2): read from XLSX or CSV, and matched to the
 * month's list, as a preview. Pure: nothing is stored or applied here — the caller shows the preview and applies the
 * matched rows once the officer confirms.
 *
 * Accepted columns (names matched without diacritics, case or punctuation, so "so cccd" reads as "Số CCCD"):
 * - line: "STT", "Dòng", "Số dòng", "Số thứ tự" — the line number of our XLSX ('STT') and bank CSV ('Dòng');
 * - CCCD: "Số CCCD", "CCCD", "Số định danh", "Số định danh cá nhân";
 * - status (required): "Đã nhận", "Trạng thái", "Kết quả", "Tình trạng" — paid: "đã nhận", "đã chi", "đã trả",
 *   "x", "có", "paid"; unpaid: "chưa nhận", "chưa chi", "chưa trả", "không", "unpaid";
 * - amount (required): "Số tiền", "Số tiền đã chi", "Số tiền đã nhận", "Tổng số tiền" — "1.500.000", "1500000",
 *   a numeric cell;
 * - date: "Ngày nhận", "Ngày chi", "Ngày chi trả" — dd/mm/yyyy, yyyy-mm-dd or an Excel date cell;
 * - reason: "Lý do", "Ghi chú", "Lý do chưa nhận".
 * Line or CCCD (at least one) is required too. The header row is the first of the first 30 rows that names a
 * status and an amount column: a list sent back in our own layout keeps its title rows above it. A row with no
 * line, CCCD or status (our totals row, the signature block) is not a return and is skipped.
 */
import ExcelJS from 'exceljs';
import type { Payroll } from '../../../src/domain/payroll/payroll';
import { fold } from '../../../src/shared/search/fold';
import { type Message, message } from '../../../src/shared/messages';

export const MAX_RETURNS_BYTES = 5 * 1024 * 1024;
export const MAX_RETURNS_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 30;

export interface ReturnRow {
  /** The row number in the file as the user sees it (Excel's row, the CSV's line). */
  row: number;
  line?: number;
  citizenId?: string;
  status?: 'paid' | 'unpaid';
  amount?: number;
  /** YYYY-MM-DD. */
  paidOn?: string;
  reason?: string;
  /** What could not be read in the row's cells. */
  unreadable?: Message[];
}

type Column = 'line' | 'citizenId' | 'status' | 'amount' | 'date' | 'reason';

const COLUMN_NAMES: Record<Column, readonly string[]> = {
  line: ['stt', 'dong', 'so dong', 'so thu tu'],
  citizenId: ['so cccd', 'cccd', 'so dinh danh', 'so dinh danh ca nhan'],
  status: ['da nhan', 'trang thai', 'ket qua', 'tinh trang'],
  amount: ['so tien', 'so tien da chi', 'so tien da nhan', 'tong so tien'],
  date: ['ngay nhan', 'ngay chi', 'ngay chi tra'],
  reason: ['ly do', 'ghi chu', 'ly do chua nhan'],
};

/** The columns a returns template has, in order: a payer may start from them. */
export const returnsTemplateColumns = ['STT', 'Số CCCD', 'Đã nhận', 'Số tiền', 'Ngày nhận', 'Lý do'] as const;

const PAID = new Set(['da nhan', 'da chi', 'da tra', 'x', 'co', 'paid']);
const UNPAID = new Set(['chua nhan', 'chua chi', 'chua tra', 'khong', 'unpaid']);

type Cell = string | number | Date | undefined;

/** Reads the payer's file: its rows, or the one problem that keeps the whole file from being read. */
export async function readReturnsFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ rows: ReturnRow[] } | { problem: Message }> {
  if (bytes.length > MAX_RETURNS_BYTES) return { problem: message('returns.tooLarge', { mb: 5 }) };
  if (bytes.length === 0) return { problem: message('returns.empty') };
  const ext = fileName.toLowerCase().split('.').pop();
  let grid: Cell[][];
  try {
    if (ext === 'xlsx') grid = await xlsxGrid(bytes);
    else if (ext === 'csv') grid = csvGrid(bytes);
    else return { problem: message('returns.fileType') };
  } catch (e) {
    if (e instanceof TooManyRows) return { problem: message('returns.tooManyRows', { max: MAX_RETURNS_ROWS }) };
    return { problem: message('returns.unreadable') };
  }
  if (grid.length > MAX_RETURNS_ROWS + HEADER_SEARCH_ROWS)
    return { problem: message('returns.tooManyRows', { max: MAX_RETURNS_ROWS }) };
  if (!grid.some((r) => r.some((c) => text(c) !== ''))) return { problem: message('returns.empty') };
  const header = findHeader(grid);
  if ('missing' in header) return { problem: message('returns.missingColumn', { column: header.missing }) };
  const rows: ReturnRow[] = [];
  for (let i = header.index + 1; i < grid.length; i++) {
    const read = readRow(grid[i] ?? [], header.columns, i + 1);
    if (read) rows.push(read);
  }
  if (rows.length > MAX_RETURNS_ROWS) return { problem: message('returns.tooManyRows', { max: MAX_RETURNS_ROWS }) };
  if (rows.length === 0) return { problem: message('returns.empty') };
  return { rows };
}

class TooManyRows extends Error {}

async function xlsxGrid(bytes: Uint8Array): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > MAX_RETURNS_ROWS + HEADER_SEARCH_ROWS) throw new TooManyRows();
  const grid: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    grid[number - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** An ExcelJS value as text, a number or a date (rich text, formulas and links by what they show). */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'x' : '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return undefined;
}

/** CSV in UTF-8 (a BOM or not), comma or semicolon separated, cells quoted with "". */
function csvGrid(bytes: Uint8Array): Cell[][] {
  const content = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  const head = content.split(/\r?\n/, HEADER_SEARCH_ROWS).join('\n');
  const separator = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
  const grid: Cell[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') i++;
      row.push(cell);
      grid.push(row);
      if (grid.length > MAX_RETURNS_ROWS + HEADER_SEARCH_ROWS) throw new TooManyRows();
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    grid.push(row);
  }
  return grid;
}

const text = (c: Cell): string =>
  c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

function columnOf(name: Cell): Column | undefined {
  const folded = fold(text(name));
  return (Object.keys(COLUMN_NAMES) as Column[]).find((k) => COLUMN_NAMES[k].includes(folded));
}

/** The header row: the first naming a status and an amount; else the required column the best candidate lacks. */
function findHeader(
  grid: Cell[][],
): { index: number; columns: Partial<Record<Column, number>> } | { missing: 'status' | 'amount' | 'lineOrCitizenId' } {
  let best: Partial<Record<Column, number>> = {};
  let bestCount = 0;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const columns: Partial<Record<Column, number>> = {};
    (grid[i] ?? []).forEach((c, col) => {
      const k = columnOf(c);
      if (k && columns[k] === undefined) columns[k] = col;
    });
    const count = Object.keys(columns).length;
    if (columns.status !== undefined && columns.amount !== undefined) {
      if (columns.line === undefined && columns.citizenId === undefined) return { missing: 'lineOrCitizenId' };
      return { index: i, columns };
    }
    if (count > bestCount) {
      best = columns;
      bestCount = count;
    }
  }
  if (best.status === undefined) return { missing: 'status' };
  return { missing: 'amount' };
}

function readRow(cells: Cell[], columns: Partial<Record<Column, number>>, row: number): ReturnRow | undefined {
  const at = (k: Column) => (columns[k] === undefined ? undefined : cells[columns[k]]);
  const raw = { line: text(at('line')), citizenId: text(at('citizenId')), status: text(at('status')) };
  // Our totals row and the signature block name no line, no person and no status.
  if (!raw.line && !raw.citizenId && !raw.status) return undefined;
  const out: ReturnRow = { row };
  const unreadable: Message[] = [];
  if (raw.line) {
    const line = at('line');
    const n = typeof line === 'number' ? line : /^\d+$/.test(raw.line) ? Number(raw.line) : Number.NaN;
    if (Number.isInteger(n) && n > 0) out.line = n;
    else unreadable.push(message('returns.badLine', { text: raw.line }));
  }
  if (raw.citizenId) {
    const cell = at('citizenId');
    // A CCCD typed into a numeric cell has lost its leading zero.
    const id = typeof cell === 'number' ? String(cell).padStart(12, '0') : raw.citizenId.replace(/[\s.]/g, '');
    if (/^\d{12}$/.test(id)) out.citizenId = id;
    else unreadable.push(message('returns.badCitizenId', { text: raw.citizenId }));
  }
  const status = fold(raw.status);
  if (PAID.has(status)) out.status = 'paid';
  else if (UNPAID.has(status)) out.status = 'unpaid';
  else unreadable.push(message('returns.badStatus', { text: raw.status }));
  const amount = at('amount');
  if (text(amount) !== '') {
    const n = readAmount(amount);
    if (n === undefined) unreadable.push(message('returns.badAmount', { text: text(amount) }));
    else out.amount = n;
  }
  const date = at('date');
  if (text(date) !== '') {
    const d = readDate(date);
    if (d === undefined) unreadable.push(message('returns.badDate', { text: text(date) }));
    else out.paidOn = d;
  }
  const reason = text(at('reason'));
  if (reason) out.reason = reason;
  if (unreadable.length) out.unreadable = unreadable;
  return out;
}

/** Whole đồng: a numeric cell, "1500000", "1.500.000" or "1,500,000", with "đ"/"VND" after it or not. */
function readAmount(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
  const t = text(cell)
    .replace(/\s*(đ|d|vnd|vnđ)$/i, '')
    .replace(/\s/g, '');
  if (/^\d+$/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t) || /^\d{1,3}(,\d{3})+$/.test(t))
    return Number(t.replace(/[.,]/g, ''));
  return undefined;
}

const iso = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
};

/** A date cell (ExcelJS gives it at UTC midnight), an Excel serial number, dd/mm/yyyy or yyyy-mm-dd. */
function readDate(cell: Cell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const t = text(cell);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (vn) return iso(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  return undefined;
}

export interface ReturnMatch {
  row: number;
  /** 1-based, as on the list. */
  line: number;
  status: 'paid' | 'unpaid';
  /** What was paid; 0 for a line returned unpaid. */
  amount: number;
  paidOn?: string;
  reason?: string;
}

export interface ReturnsPreview {
  matched: ReturnMatch[];
  problems: { row: number; message: Message }[];
  /** Lines (1-based) no row returned. */
  notReturned: number[];
}

/**
 * Matches the rows read to the month's list, by line number, or by CCCD when a row gives no line. A row with a
 * problem is not matched and never keeps the good rows from being matched; `today` (YYYY-MM-DD) bounds the dates.
 */
export function matchReturns(list: Payroll, rows: readonly ReturnRow[], today: string): ReturnsPreview {
  const problems: { row: number; message: Message }[] = [];
  const linesOf = new Map<string, number[]>();
  list.lines.forEach((l, i) => {
    if (l.citizenId) linesOf.set(l.citizenId, [...(linesOf.get(l.citizenId) ?? []), i + 1]);
  });
  // First the line each row names, so a line returned twice is known before any of its rows is matched.
  const candidates: { r: ReturnRow; line: number }[] = [];
  for (const r of rows) {
    const say = (m: Message) => problems.push({ row: r.row, message: m });
    if (r.unreadable?.length) {
      for (const m of r.unreadable) say(m);
      continue;
    }
    let line = r.line;
    if (line !== undefined) {
      const l = list.lines[line - 1];
      if (!l) {
        say(message('returns.lineUnknown', { line }));
        continue;
      }
      if (r.citizenId && l.citizenId !== r.citizenId) {
        say(message('returns.lineOtherPerson', { line, citizenId: r.citizenId }));
        continue;
      }
    } else if (r.citizenId) {
      const found = linesOf.get(r.citizenId) ?? [];
      if (found.length === 0) {
        say(message('returns.citizenIdNotListed', { citizenId: r.citizenId }));
        continue;
      }
      if (found.length > 1) {
        say(message('returns.citizenIdAmbiguous', { citizenId: r.citizenId, lines: found.join(', ') }));
        continue;
      }
      line = found[0]!;
    } else {
      say(message('returns.noLineOrCitizenId'));
      continue;
    }
    candidates.push({ r, line });
  }
  const rowsOfLine = new Map<number, ReturnRow[]>();
  for (const c of candidates) rowsOfLine.set(c.line, [...(rowsOfLine.get(c.line) ?? []), c.r]);
  const matched: ReturnMatch[] = [];
  for (const { r, line } of candidates) {
    const say = (m: Message) => problems.push({ row: r.row, message: m });
    const same = rowsOfLine.get(line) ?? [];
    if (same.length > 1) {
      const first = same[0]!;
      if (first === r)
        say(
          message('returns.lineReturnedAgain', {
            line,
            rows: same
              .slice(1)
              .map((s) => s.row)
              .join(', '),
          }),
        );
      else say(message('returns.lineRepeats', { line, row: first.row }));
      continue;
    }
    const total = list.lines[line - 1]!.total;
    let bad = false;
    if (r.status === 'paid') {
      if (r.amount === undefined) {
        say(message('returns.amountMissing', { line }));
        bad = true;
      } else if (r.amount !== total) {
        say(message('returns.amountDiffers', { line, amount: r.amount, total }));
        bad = true;
      }
    }
    if (r.paidOn && r.paidOn > today) {
      say(message('returns.futureDate', { date: r.paidOn.split('-').reverse().join('/') }));
      bad = true;
    }
    if (bad || !r.status) continue;
    matched.push({
      row: r.row,
      line,
      status: r.status,
      amount: r.status === 'paid' ? total : 0,
      ...(r.paidOn ? { paidOn: r.paidOn } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    });
  }
  const returned = new Set(candidates.map((c) => c.line));
  const notReturned = list.lines.map((_, i) => i + 1).filter((n) => !returned.has(n));
  return { matched, problems: problems.sort((a, b) => a.row - b.row), notReturned };
}
