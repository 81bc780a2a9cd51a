// Issue 13: the payer's returned list read from real XLSX and CSV bytes and matched to a month of the pure payroll —
// a clean file, wrong CCCDs, a line returned twice, an amount that differs, a missing column, our own XLSX sent
// back with a status column, CCCD-only matching, a semicolon CSV with a BOM, an Excel date cell.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Payroll, payroll } from '../../../src/domain/payroll/payroll';
import { formatVi } from '../../../src/shared/messages-vi';
import { payrollXlsx } from './export';
import { matchReturns, readReturnsFile, type ReturnRow } from './returns';

const grant = (id: string, coefficient: number) => ({
  id,
  kind: 'grant' as const,
  signedOn: '2026-05-04',
  effectiveMonth: '2026-05',
  categoryCode: 'elderly-poor-no-supporter-80-plus' as const,
  coefficient,
});
const list = payroll({
  commune: '21548',
  month: '2026-05',
  listsSince: '2026-05',
  beneficiaries: [
    { id: 'hoa', fullName: 'Nguyễn Thị Hoa', citizenId: '051144000123', decisions: [grant('1/QĐ', 2)] },
    { id: 'binh', fullName: 'Đỗ Văn Bình', citizenId: '051145000456', decisions: [grant('2/QĐ', 2)] },
    { id: 'cuc', fullName: 'Lê Thị Cúc', citizenId: '051146000789', decisions: [grant('3/QĐ', 1.5)] },
  ],
});
const line = (id: string) => list.lines.findIndex((l) => l.beneficiaryId === id) + 1;
const total = (id: string) => list.lines[line(id) - 1]!.total;
const today = '2026-05-31';

async function xlsx(rows: (string | number | Date)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Trả về');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const csv = (text: string) => new TextEncoder().encode(text);

async function read(bytes: Uint8Array, name: string): Promise<ReturnRow[]> {
  const out = await readReturnsFile(bytes, name);
  if ('problem' in out) throw new Error(formatVi(out.problem));
  return out.rows;
}
const said = (p: { row: number; message: Parameters<typeof formatVi>[0] }[]) =>
  p.map((x) => `${x.row}: ${formatVi(x.message)}`);

describe('the payer returns a list (issue 13)', () => {
  it('reads every line of a clean XLSX as matched, with its date as the payer typed it', async () => {
    const rows = await read(
      await xlsx([
        ['STT', 'Số CCCD', 'Đã nhận', 'Số tiền', 'Ngày nhận', 'Lý do'],
        [line('hoa'), '051144000123', 'Đã nhận', total('hoa'), '10/05/2026', ''],
        [line('binh'), '051145000456', 'x', total('binh').toLocaleString('vi-VN'), '11/05/2026', ''],
        [line('cuc'), '', 'chưa nhận', '', '', 'Đi vắng'],
      ]),
      'tra-ve.xlsx',
    );
    const preview = matchReturns(list, rows, today);
    expect(preview.problems).toEqual([]);
    expect(preview.notReturned).toEqual([]);
    expect(preview.matched).toEqual([
      { row: 2, line: line('hoa'), status: 'paid', amount: total('hoa'), paidOn: '2026-05-10' },
      { row: 3, line: line('binh'), status: 'paid', amount: total('binh'), paidOn: '2026-05-11' },
      { row: 4, line: line('cuc'), status: 'unpaid', amount: 0, reason: 'Đi vắng' },
    ]);
  });

  it('reports wrong CCCDs by row and still matches the good rows', async () => {
    const rows = await read(
      csv(
        `Dòng,Số CCCD,Trạng thái,Số tiền\r\n${line('hoa')},051145000456,đã chi,${total('hoa')}\r\n,099999000000,đã chi,1000000\r\n${line('cuc')},051146000789,đã chi,${total('cuc')}\r\n`,
      ),
      'ra.csv',
    );
    const preview = matchReturns(list, rows, today);
    expect(said(preview.problems)).toEqual([
      `2: Số CCCD 051145000456 không phải của người ở dòng ${line('hoa')}.`,
      '3: Số CCCD 099999000000 không có trong danh sách.',
    ]);
    expect(preview.matched.map((m) => m.line)).toEqual([line('cuc')]);
    expect(preview.notReturned).toEqual([line('hoa'), line('binh')]);
  });

  it('reports a line returned twice on both rows, an amount that differs with both amounts, an unknown line', async () => {
    const rows = await read(
      csv(
        `STT,Kết quả,Số tiền\n${line('hoa')},paid,${total('hoa')}\n${line('hoa')},paid,${total('hoa')}\n${line('binh')},paid,1.500.000\n9,paid,1000000\n${line('cuc')},unpaid,\n`,
      ),
      'ra.csv',
    );
    const preview = matchReturns(list, rows, today);
    expect(said(preview.problems)).toEqual([
      `2: Dòng ${line('hoa')} được trả về lần nữa ở dòng 3 của tệp.`,
      `3: Dòng ${line('hoa')} đã được trả về ở dòng 2 của tệp.`,
      `4: Dòng ${line('binh')}: số tiền đã chi 1.500.000 đ khác số tiền của danh sách ${total('binh').toLocaleString('vi-VN')} đ.`,
      '5: Danh sách không có dòng 9.',
    ]);
    expect(preview.matched).toEqual([{ row: 6, line: line('cuc'), status: 'unpaid', amount: 0 }]);
  });

  it('refuses a file without a status column, naming it, and one that is empty or no spreadsheet', async () => {
    expect(
      await readReturnsFile(
        await xlsx([
          ['STT', 'Số tiền'],
          [1, 1000000],
        ]),
        'a.xlsx',
      ),
    ).toEqual({
      problem: { code: 'returns.missingColumn', params: { column: 'status' } },
    });
    expect(await readReturnsFile(csv('Đã nhận,Số tiền\nx,1000000\n'), 'a.csv')).toEqual({
      problem: { code: 'returns.missingColumn', params: { column: 'lineOrCitizenId' } },
    });
    expect(await readReturnsFile(csv(''), 'a.csv')).toEqual({ problem: { code: 'returns.empty' } });
    expect(await readReturnsFile(csv('not a zip'), 'a.xlsx')).toEqual({ problem: { code: 'returns.unreadable' } });
    expect(await readReturnsFile(new Uint8Array(5 * 1024 * 1024 + 1), 'a.csv')).toEqual({
      problem: { code: 'returns.tooLarge', params: { mb: 5 } },
    });
  });

  it('reads our own signature list sent back with a status column: the header below the title rows', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await payrollXlsx(list, { name: 'Xã An Vĩnh' })).buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const status = sheet.getRow(5).cellCount + 1;
    sheet.getCell(5, status).value = 'Trạng thái';
    for (let i = 0; i < list.lines.length; i++) sheet.getCell(6 + i, status).value = i === 0 ? 'Chưa nhận' : 'Đã nhận';
    const rows = await read(new Uint8Array(await book.xlsx.writeBuffer()), 'tra-ve.xlsx');
    const preview = matchReturns(list, rows, today);
    expect(preview.problems).toEqual([]);
    expect(preview.matched.map((m) => [m.row, m.line, m.status])).toEqual(
      list.lines.map((_, i) => [6 + i, i + 1, i === 0 ? 'unpaid' : 'paid']),
    );
  });

  it('matches by CCCD alone, and calls a CCCD on two lines ambiguous', () => {
    const twice: Payroll = { ...list, lines: [...list.lines, { ...list.lines[0]!, line: 'care' }] };
    const rows: ReturnRow[] = [
      { row: 2, citizenId: '051145000456', status: 'paid', amount: total('binh') },
      { row: 3, citizenId: list.lines[0]!.citizenId!, status: 'paid', amount: list.lines[0]!.total },
    ];
    const preview = matchReturns(twice, rows, today);
    expect(preview.matched.map((m) => m.line)).toEqual([line('binh')]);
    expect(said(preview.problems)).toEqual([`3: Số CCCD ${list.lines[0]!.citizenId} có ở các dòng 1, 4: ghi số dòng.`]);
  });

  it('reads a semicolon CSV with a BOM, without diacritics, quoted cells; a future or unreadable date is a problem', async () => {
    const rows = await read(
      csv(
        `\uFEFF"So CCCD";"DA NHAN";"SO TIEN DA CHI";"Ngay chi";"Ghi chu"\r\n"051144000123";"da nhan";"${total('hoa').toLocaleString('vi-VN')}";"01/05/2026";"ký; nhận"\r\n051145000456;co;${total('binh')};01/06/2026;\r\n051146000789;co;${total('cuc')};31/02/2026;\r\n`,
      ),
      'ra.csv',
    );
    const preview = matchReturns(list, rows, today);
    expect(preview.matched).toEqual([
      { row: 2, line: line('hoa'), status: 'paid', amount: total('hoa'), paidOn: '2026-05-01', reason: 'ký; nhận' },
    ]);
    expect(said(preview.problems)).toEqual([
      '3: Ngày nhận 01/06/2026 chưa tới.',
      '4: Ngày “31/02/2026” không đọc được (ghi dd/mm/yyyy).',
    ]);
  });

  it('reads an Excel date cell and a CCCD typed as a number', async () => {
    const rows = await read(
      await xlsx([
        ['Số định danh', 'Tình trạng', 'Tổng số tiền', 'Ngày chi'],
        [51144000123, 'Đã chi', total('hoa'), new Date(Date.UTC(2026, 4, 12))],
      ]),
      'a.xlsx',
    );
    expect(rows).toEqual([
      { row: 2, citizenId: '051144000123', status: 'paid', amount: total('hoa'), paidOn: '2026-05-12' },
    ]);
  });
});
