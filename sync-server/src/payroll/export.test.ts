// Issue 13: the payroll's exports read back — the XLSX cell by cell with ExcelJS, the CSV parsed — from a month of
// the pure payroll: a cash line, a bank line with arrears, and a person whose category would tell HIV status.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { payroll } from '../../../src/domain/payroll/payroll';
import { NEUTRAL_CATEGORY, payrollCsv, payrollFileName, payrollXlsx } from './export';

const month = payroll({
  commune: '21548',
  month: '2026-05',
  listsSince: '2026-04',
  earlierLists: [{ month: '2026-04', lines: [] }],
  beneficiaries: [
    {
      id: 'hoa',
      fullName: 'Nguyễn Thị Hoa',
      birthYear: '1944',
      village: 'Thôn Đông An Vĩnh',
      citizenId: '051144000123',
      decisions: [
        {
          id: '1/QĐ-UBND',
          kind: 'grant',
          signedOn: '2026-05-04',
          effectiveMonth: '2026-05',
          categoryCode: 'elderly-poor-no-supporter-80-plus',
          coefficient: 2,
        },
      ],
    },
    {
      id: 'binh',
      fullName: 'Đỗ Văn Bình',
      birthYear: '1945',
      decisions: [
        {
          id: '6/QĐ-UBND',
          kind: 'grant',
          signedOn: '2026-04-28',
          effectiveMonth: '2026-04',
          categoryCode: 'elderly-poor-no-supporter-80-plus',
          coefficient: 2,
        },
      ],
      payee: { method: 'bank', provider: 'Agribank Lý Sơn', account: '4302205123456' },
    },
    {
      id: 'kin',
      fullName: 'Trần Văn Kín',
      decisions: [
        {
          id: '9/QĐ-UBND',
          kind: 'grant',
          signedOn: '2026-05-04',
          effectiveMonth: '2026-05',
          categoryCode: 'hiv-adult-poor',
          coefficient: 1.5,
        },
      ],
    },
  ],
});

describe('#13 the payroll as the payer takes it', () => {
  it('XLSX: the title, the month, the columns of a commune’s list, each line, the totals and the signature blocks', async () => {
    const bytes = await payrollXlsx(month, { name: 'Xã Lý Sơn' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cell = (r: number, c: number) => sheet.getCell(r, c).value;
    expect(sheet.name).toBe('Tháng 05-2026');
    expect([cell(1, 1), cell(2, 1), cell(3, 1)]).toEqual([
      'UBND XÃ LÝ SƠN',
      'DANH SÁCH CHI TRẢ TRỢ CẤP HÀNG THÁNG',
      'Tháng 05/2026',
    ]);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(cell(5, 1)).toBe('STT');
    expect(cell(5, 16)).toBe('Tổng số tiền');
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      1,
      'Nguyễn Thị Hoa',
      '1944',
      'Thôn Đông An Vĩnh',
      '051144000123',
      'Người cao tuổi từ đủ 80 tuổi, hộ nghèo, không có người phụng dưỡng',
      2,
      '1/QĐ-UBND',
      'Tiền mặt',
      1_000_000,
      '',
      '',
      '',
      '',
      '',
      1_000_000,
      '',
    ]);
    // Bình: May and April as arrears (truy lĩnh), by bank.
    expect([cell(7, 2), cell(7, 9), cell(7, 10), cell(7, 13), cell(7, 14), cell(7, 16)]).toEqual([
      'Đỗ Văn Bình',
      'Tài khoản ngân hàng',
      1_000_000,
      1,
      1_000_000,
      2_000_000,
    ]);
    // Kín's category is said neutrally, and nothing in the workbook names the illness.
    expect(cell(8, 6)).toBe(NEUTRAL_CATEGORY);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join(' ')).not.toMatch(/hiv|aids/i);
    expect([cell(9, 2), cell(9, 10), cell(9, 14), cell(9, 16)]).toEqual([
      'Cộng: 3 dòng, 3 người',
      2_750_000,
      1_000_000,
      3_750_000,
    ]);
    expect([cell(11, 2), cell(11, 12)]).toEqual(['Người lập biểu', 'CHỦ TỊCH UBND XÃ']);
    expect(sheet.getColumn(16).numFmt).toBe('#,##0');
  });

  it('CSV for a bank: only the lines paid into an account, with a BOM, parsed back', () => {
    const csv = payrollCsv(month);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(','));
    expect(rows).toEqual([
      ['Dòng', 'Họ và tên', 'Số CCCD', 'Ngân hàng/ví', 'Số tài khoản', 'Số tiền', 'Nội dung'],
      ['2', 'Đỗ Văn Bình', '', 'Agribank Lý Sơn', '4302205123456', '2000000', 'Tro cap xa hoi thang 05/2026'],
    ]);
    expect(payrollFileName(month, 'csv')).toBe('danh-sach-chi-tra-21548-2026-05.csv');
  });
});
