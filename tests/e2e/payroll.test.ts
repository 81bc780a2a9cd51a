/**
 * Issue 13, the payroll month in real Chromium at 800×1280 against the real server: a beneficiary decided by the
 * commune (form 1d) and one on form 1b; the officer makes next month's list, sees both lines and the totals,
 * downloads the XLSX (read back cell by cell) and prints the list on A4 landscape — with no HIV wording anywhere.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { vnDay } from '../support/vn-day';
import { TABLET, appWorld, demoDevice, signIn } from '../support/app-world';
import { pdfText } from '../support/pdf-text';
import {
  LY_SON,
  allowanceApplication,
  demoHousehold,
  memberFields,
  mutation,
  patchMutation,
} from '../support/fixtures';
import { payroll } from '../../src/domain/payroll/payroll';
import { formatVnd } from '../../src/ui/format';

const available = chromiumAvailable('e2e payroll');

const today = vnDay(0);
const thisMonth = today.slice(0, 7);
const next = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
})();

describe.skipIf(!available)('e2e: the payroll month', () => {
  const world = appWorld();

  it('#13 the officer makes next month’s list, downloads the XLSX and prints it on A4 landscape, no HIV wording', async () => {
    const household = randomUUID();
    const people = [
      { member: randomUUID(), dossier: randomUUID(), name: 'Nguyễn Thị Hoa', born: '1944-05-10' },
      { member: randomUUID(), dossier: randomUUID(), name: 'Lê Văn Bình', born: '1985-04-12' },
    ];
    const hoa = allowanceApplication({ filedOn: vnDay(3) });
    const binh = allowanceApplication({
      form: '1b',
      filedOn: vnDay(3),
      applicant: { ...hoa.applicant, fullName: 'Lê Văn Bình', birthDate: '1985-04-12', sex: 'male' },
      papers: ['residence', 'citizen-id', 'hiv-certificate'],
      facts: { income: { stableMonthlyIncome: false } },
    });
    const collaborator = await demoDevice(world.server.url, 'ctv.lyson');
    expect(
      await collaborator(
        (s) => demoHousehold(s, { headName: 'Nguyễn Thị Hoa' }, household),
        ...people.map(
          (p) => (s: number) =>
            patchMutation(s, p.member, memberFields(household, { fullName: p.name, birthDate: p.born }), 0, 'member'),
        ),
        ...people.map(
          (p, i) => (s: number) =>
            patchMutation(
              s,
              p.dossier,
              {
                kind: 'allowance',
                subjectId: p.member,
                communeCode: LY_SON,
                note: '',
                data: i === 0 ? hoa : binh,
                ...(i === 1 ? { sensitive: { hiv: true } } : {}),
              },
              0,
              'case',
            ),
        ),
        ...people.map((p) => (s: number) => mutation(s, { kind: 'command', id: p.dossier, command: 'submit' })),
      ),
    ).toEqual(Array(7).fill('applied'));
    const decided = [
      { categoryCode: 'elderly-poor-no-supporter-80-plus' as const, coefficient: 2 },
      { categoryCode: 'hiv-adult-poor' as const, coefficient: 1.5 },
    ];
    // What the engine gives for this month, as the officer's decision form would pre-fill it.
    const amountNow = (coefficient: number) =>
      payroll({
        commune: LY_SON,
        month: thisMonth,
        beneficiaries: [
          {
            id: 'x',
            fullName: 'x',
            decisions: [
              {
                id: 'x',
                kind: 'grant',
                signedOn: today,
                effectiveMonth: thisMonth,
                categoryCode: 'elderly-poor-no-supporter-80-plus',
                coefficient,
              },
            ],
          },
        ],
      }).totals.thisMonth;
    const officerDevice = await demoDevice(world.server.url, 'canbo.lyson');
    for (const [i, p] of people.entries()) {
      const d = decided[i]!;
      expect(
        await officerDevice(
          (s) =>
            mutation(s, {
              kind: 'command',
              id: p.dossier,
              command: 'verify',
              payload: { checkedOn: vnDay(2), result: 'matches' },
            }),
          (s) => mutation(s, { kind: 'command', id: p.dossier, command: 'post' }),
          (s) =>
            mutation(s, {
              kind: 'command',
              id: p.dossier,
              command: 'approve',
              payload: {
                number: `${40 + i}/QĐ-UBND`,
                signedOn: today,
                signer: 'Trần Văn Chủ',
                ...d,
                amount: amountNow(d.coefficient),
                startMonth: thisMonth,
              },
            }),
        ),
      ).toEqual(['applied', 'applied', 'applied']);
    }
    // Next month's list: this month on no list yet, so next month only (lists begin with it).
    const expected = payroll({
      commune: LY_SON,
      month: next,
      beneficiaries: decided.map((d, i) => ({
        id: String(i),
        fullName: people[i]!.name,
        decisions: [
          { id: `${40 + i}/QĐ-UBND`, kind: 'grant' as const, signedOn: today, effectiveMonth: thisMonth, ...d },
        ],
      })),
    });

    const context = await world.browser.newContext({ viewport: TABLET, acceptDownloads: true });
    const officer = await signIn(context, world.server.url, 'canbo.lyson');
    await officer.getByRole('link', { name: 'Duyệt hồ sơ' }).click();
    await officer.getByRole('link', { name: 'Danh sách chi trả hằng tháng' }).click();
    await officer.waitForURL('**/allowances/payroll');
    await officer.getByRole('button', { name: 'Lập danh sách' }).click();
    await expect.poll(() => officer.getByTestId('payroll-row').count()).toBe(2);
    expect(await officer.getByTestId('payroll-totals').textContent()).toBe(
      `Cộng: 2 dòng, 2 người, ${formatVnd(expected.totals.amount)}`,
    );
    expect(await officer.getByTestId('payroll').textContent()).not.toMatch(/hiv|aids/i);

    // The officer approves the list as shown; the chairman's signature, recorded, locks it.
    expect(await officer.getByTestId('payroll-state').textContent()).toBe('Tình trạng: Đang lập (chưa duyệt)');
    await officer.getByRole('button', { name: 'Duyệt danh sách' }).click();
    await expect
      .poll(() => officer.getByTestId('payroll-state').textContent())
      .toBe('Tình trạng: Cán bộ xã đã duyệt, chờ Chủ tịch');
    await officer.getByLabel('Người ký (Chủ tịch)').fill('Trần Văn Chủ');
    await officer.getByLabel('Ngày ký (dd/mm/yyyy)').fill(vnDay(0).split('-').reverse().join('/'));
    await officer.getByRole('button', { name: 'Khóa danh sách' }).click();
    await expect.poll(() => officer.getByTestId('payroll-state').textContent()).toBe('Tình trạng: Đã khóa');
    expect(await officer.getByTestId('payroll-history').locator('li').count()).toBe(2);
    expect(await officer.getByTestId('payroll-history').textContent()).toContain('Khóa · Trần Văn Chủ');
    expect(await officer.getByTestId('payroll-row').count()).toBe(2);

    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: 'Tải tệp Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`danh-sach-chi-tra-${LY_SON}-${next}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(2, 1).value).toBe('DANH SÁCH CHI TRẢ TRỢ CẤP HÀNG THÁNG');
    const names = [sheet.getCell(6, 2).value, sheet.getCell(7, 2).value];
    expect(names.sort()).toEqual(['Lê Văn Bình', 'Nguyễn Thị Hoa']);
    expect(sheet.getCell(8, 16).value).toBe(expected.totals.amount);

    await officer.emulateMedia({ media: 'print' });
    const pdf = await officer.pdf({ preferCSSPageSize: true, printBackground: false });
    await officer.emulateMedia({ media: 'screen' });
    // A4 landscape: 842 × 595 points, every page.
    const boxes = [...pdf.toString('latin1').matchAll(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    expect(new Set(boxes.map((b) => b.join('×')))).toEqual(new Set(['842×595']));
    const printed = pdfText(pdf).replace(/\s+/g, '');
    expect(printed).toContain('DANHSÁCHCHITRẢTRỢCẤPHÀNGTHÁNG');
    expect(printed).toContain('NguyễnThịHoa');
    expect(printed).toContain('LêVănBình');
    expect(printed).not.toMatch(/hiv|aids/i);
    await context.close();
  }, 120_000);
});
