/**
 * Issue 13, a commune's payroll month read from the server's records, on SQLite and a real PostgreSQL: the approved
 * allowances and their decided changes as the pure payroll's beneficiaries; then over HTTP, as JSON and as the XLSX
 * a payer takes, for the roles that may read it only.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { communePayroll } from '../../sync-server/src/payroll/from-records';
import { freshDatabases, storageEngines } from '../support/engines';
import { testServer } from '../support/server';
import {
  caseCommand,
  grantDecision,
  grantedApplication,
  hivAllowanceApplication,
  fileApplication,
  readyToDecide,
} from '../support/allowance-server';
import { DEMO_VILLAGE, LY_SON, mutation, patchMutation, pushContext } from '../support/fixtures';
import { push } from '../../sync-server/src/sync/push';
import { noonVn } from '../support/allowance-server';

const engines = await storageEngines('payroll from records');

for (const engine of engines) {
  describe.skipIf(!engine.available)(`payroll from records [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#13 Art. 34 NĐ 20/2021: the approved allowances of the commune as lines; a death with its burial support, then on the decrease list', async () => {
      const db = await fresh();
      const hoa = await grantedApplication(db);
      const other = await grantedApplication(db, undefined, grantDecision({ number: '16/QĐ-UBND' }));
      // Hoa died on 20/05/2026: nothing from June; the burial support on the June list.
      const stop = crypto.randomUUID();
      const officer = pushContext({ role: 'commune_officer', userId: 'canbo', now: noonVn('2026-05-25') });
      const answer = await push(db, officer, [
        patchMutation(
          1,
          stop,
          {
            kind: 'allowance-change',
            subjectId: hoa.subject,
            communeCode: LY_SON,
            note: '',
            data: {
              change: 'stop',
              grantCaseId: hoa.caseId,
              reason: 'death',
              eventOn: '2026-05-20',
              proposedOn: '2026-05-25',
              effectiveMonth: '2026-06',
            },
          },
          0,
          'case',
        ),
        mutation(2, { kind: 'command', id: stop, command: 'submit' }),
        mutation(3, {
          kind: 'command',
          id: stop,
          command: 'approve',
          payload: { number: '30/QĐ-UBND', signedOn: '2026-05-25', signer: 'Chủ tịch', effectiveMonth: '2026-06' },
        }),
      ]);
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      // A dossier not decided yet is on no list.
      const pending = await fileApplication(db);
      await readyToDecide(db, pending.caseId);

      // Died in May: May is due, and the burial support of Art. 11 (20 × 500.000 đ) from May.
      const may = await communePayroll(db, LY_SON, '2026-05');
      expect(may.totals).toMatchObject({ lines: 2, people: 2, thisMonth: 2_000_000, oneOffs: 10_000_000 });
      expect(may.lines.map((l) => [l.decisionNumbers, l.thisMonth, l.birthYear]).sort()).toEqual([
        [['15/QĐ-UBND'], 1_000_000, '1944'],
        [['16/QĐ-UBND'], 1_000_000, '1944'],
      ]);
      const june = await communePayroll(db, LY_SON, '2026-06');
      expect(june.lines.find((l) => l.beneficiaryId === hoa.subject)?.thisMonth).toBe(0);
      // Until lists are kept and returned (the next step), the burial support stays owed on each month's list.
      expect(june.changes.map((c) => `${c.group}:${c.reason}:${c.decisionNumber}`)).toEqual([
        'B:died:30/QĐ-UBND',
        'D:burial:30/QĐ-UBND',
      ]);
      expect(june.lines.find((l) => l.beneficiaryId === other.subject)?.thisMonth).toBe(1_000_000);
    });
  });
}

describe('#13 the payroll over HTTP', () => {
  it('the officer and province staff read it as JSON and XLSX; a collaborator may not; a commune not assigned is refused', async () => {
    const server = await testServer();
    const hiv = await fileApplication(
      server.db,
      hivAllowanceApplication(),
      { hiv: true },
      undefined,
      undefined,
      DEMO_VILLAGE,
    );
    await readyToDecide(server.db, hiv.caseId);
    const approved = await caseCommand(
      server.db,
      'commune_officer',
      hiv.caseId,
      'approve',
      grantDecision({ categoryCode: 'hiv-adult-poor', coefficient: 1.5, amount: 750_000 }),
    );
    expect(approved.status).toBe('applied');
    const get = async (path: string, username: string) =>
      server.app.request(path, { headers: { Authorization: `Bearer ${await server.login(username)}` } });

    const json = await get(`/api/payroll/${LY_SON}/2026-04`, 'canbo.lyson');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { list: { totals: { amount: number } } }).list.totals.amount).toBe(750_000);
    const xlsx = await get(`/api/payroll/${LY_SON}/2026-04/xlsx`, 'so.tinh');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="danh-sach-chi-tra-21548-2026-04.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(2, 1).value).toBe('DANH SÁCH CHI TRẢ TRỢ CẤP HÀNG THÁNG');
    expect(sheet.getCell(6, 2).value).toBe('Lê Văn Bình');
    expect(sheet.getCell(6, 6).value).toBe('Đối tượng hưởng trợ cấp xã hội hằng tháng');
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join(' ')).not.toMatch(/hiv|aids/i);

    const collaborator = await get(`/api/payroll/${LY_SON}/2026-04`, 'ctv.lyson');
    expect(collaborator.status).toBe(403);
    expect(((await collaborator.json()) as { error: { message: string } }).error.message).toBe(
      'Vai trò cộng tác viên không được xem danh sách chi trả.',
    );
    expect((await get('/api/payroll/21484/2026-04', 'canbo.lyson')).status).toBe(403);
    expect((await get(`/api/payroll/${LY_SON}/2026-13`, 'canbo.lyson')).status).toBe(400);
    // Nothing personal in the request log.
    expect(server.logs.join('\n')).not.toMatch(/Lê Văn Bình|hiv/i);
  });
});
