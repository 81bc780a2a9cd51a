/**
 * @module A payroll month as the payer takes it (issue 13; CASES.md §2.3): the commune's signature list as XLSX —
 * title, month, the columns of a real commune's list, a signature column, control totals, "Người lập biểu" and
 * the chairman's block, A4 landscape — and a CSV for a bank's import. Built from the pure payroll
 * (src/domain/payroll); a category that would tell HIV status is written with the neutral wording, never its name.
 *
 * ExcelJS writes the styled workbook (merged title, borders, page setup, repeated header rows) and reads it back in
 * the tests; SheetJS's maintained builds are no longer published on npm.
 */
import ExcelJS from 'exceljs';
import type { Payroll, PayrollLine } from '../../../src/domain/payroll/payroll';
import { ALLOWANCE_CATEGORIES } from '../../../src/domain/packs/national/allowance-categories';
import { CARE_ALLOWANCES } from '../../../src/domain/packs/national/care-allowances';
import { isHivCategory } from '../../../src/shared/allowance-proposal';

/** What a list calls a category it may not name (the posting list's wording). */
export const NEUTRAL_CATEGORY = 'Đối tượng hưởng trợ cấp xã hội hằng tháng';

const mm = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const money = '#,##0';

/** The category as a list may say it. */
export function listedCategory(line: Pick<PayrollLine, 'categoryCode' | 'careCode'>): string {
  const code = line.careCode ?? line.categoryCode;
  if (!code || isHivCategory(code)) return NEUTRAL_CATEGORY;
  const title = [...ALLOWANCE_CATEGORIES, ...CARE_ALLOWANCES].find((r) => r.code === code)?.title.vi;
  return title && !/hiv|aids/i.test(title) ? title : NEUTRAL_CATEGORY;
}

const METHOD: Record<string, string> = { cash: 'Tiền mặt', bank: 'Tài khoản ngân hàng', 'e-wallet': 'Ví điện tử' };

/** The file's name: the commune's code and the month, nothing personal. */
export const payrollFileName = (payroll: Pick<Payroll, 'commune' | 'month'>, ext: 'xlsx' | 'csv') =>
  `danh-sach-chi-tra-${payroll.commune}-${payroll.month}.${ext}`;

const HEADER = [
  'STT',
  'Họ và tên',
  'Năm sinh',
  'Thôn',
  'Số CCCD',
  'Diện hưởng',
  'Hệ số',
  'Số quyết định',
  'Hình thức nhận',
  'Tiền trợ cấp tháng này',
  'Chưa trả tháng trước: số tháng',
  'Chưa trả tháng trước: số tiền',
  'Truy lĩnh: số tháng',
  'Truy lĩnh: số tiền',
  'Hỗ trợ mai táng',
  'Tổng số tiền',
  'Người nhận: ký, ghi rõ họ tên',
];

/** The signature list of the month, as an XLSX file's bytes. */
export async function payrollXlsx(payroll: Payroll, commune: { name: string }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'An Sinh';
  // A sheet name may not hold "/": "Tháng 05-2026".
  const sheet = book.addWorksheet(`Tháng ${mm(payroll.month).replace('/', '-')}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = HEADER.length;
  const title = (row: number, text: string, bold = true) => {
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, size: bold ? 14 : 11 };
    cell.alignment = { horizontal: 'center' };
  };
  title(1, `UBND ${commune.name.toUpperCase()}`, false);
  title(2, 'DANH SÁCH CHI TRẢ TRỢ CẤP HÀNG THÁNG');
  title(3, `Tháng ${mm(payroll.month)}${payroll.provisional ? ' (có mức tạm tính)' : ''}`, false);
  const head = sheet.getRow(5);
  head.values = HEADER;
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  sheet.pageSetup.printTitlesRow = '5:5';
  payroll.lines.forEach((l, i) => {
    sheet.addRow([
      i + 1,
      l.fullName,
      l.birthYear ?? '',
      l.village ?? '',
      l.citizenId ?? '',
      listedCategory(l),
      l.coefficient ?? '',
      l.decisionNumbers.join(', '),
      l.payee ? METHOD[l.payee.method] : METHOD.cash,
      l.thisMonth,
      l.carried.months.length || '',
      l.carried.amount || '',
      l.arrears.months.length || '',
      l.arrears.amount || '',
      l.oneOffs.reduce((s, o) => s + o.amount, 0) || '',
      l.total,
      '',
    ]);
  });
  const t = payroll.totals;
  const total = sheet.addRow([
    '',
    `Cộng: ${t.lines} dòng, ${t.people} người`,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    t.thisMonth,
    '',
    t.carried,
    '',
    t.arrears,
    t.oneOffs,
    t.amount,
    '',
  ]);
  total.font = { bold: true };
  for (const column of [10, 12, 14, 15, 16]) sheet.getColumn(column).numFmt = money;
  const widths = [5, 24, 8, 16, 14, 28, 6, 14, 14, 13, 9, 13, 9, 13, 12, 14, 22];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  for (let r = 5; r <= total.number; r++)
    for (let c = 1; c <= width; c++)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  const signatures = total.number + 2;
  sheet.getCell(signatures, 2).value = 'Người lập biểu';
  sheet.getCell(signatures + 1, 2).value = '(Ký, ghi rõ họ tên)';
  sheet.mergeCells(signatures, 12, signatures, width);
  sheet.getCell(signatures, 12).value = 'CHỦ TỊCH UBND XÃ';
  sheet.mergeCells(signatures + 1, 12, signatures + 1, width);
  sheet.getCell(signatures + 1, 12).value = '(Ký, ghi rõ họ tên, đóng dấu)';
  for (const r of [signatures, signatures + 1])
    for (const c of [2, 12]) sheet.getCell(r, c).alignment = { horizontal: 'center' };
  sheet.getCell(signatures, 2).font = { bold: true };
  sheet.getCell(signatures, 12).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The lines a bank pays into accounts, as CSV (UTF-8 with a byte-order mark, so Excel reads the diacritics):
 * line, name, personal ID, bank, account, amount, the transfer's wording. Lines paid in cash are not in it.
 */
export function payrollCsv(payroll: Payroll): string {
  const rows = [
    ['Dòng', 'Họ và tên', 'Số CCCD', 'Ngân hàng/ví', 'Số tài khoản', 'Số tiền', 'Nội dung'],
    ...payroll.lines.flatMap((l, i) =>
      l.payee && l.payee.method !== 'cash'
        ? [
            [
              String(i + 1),
              l.fullName,
              l.citizenId ?? '',
              l.payee.provider ?? '',
              l.payee.account ?? '',
              String(l.total),
              `Tro cap xa hoi thang ${mm(payroll.month)}`,
            ],
          ]
        : [],
    ),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
