/**
 * Issue 13, a payroll month approved by the officer, locked by the chairman's signature, reopened with a reason —
 * on SQLite and a real PostgreSQL. A decision signed after a month is locked goes to the next month as arrears and
 * never into the closed list; months are kept in order.
 */
import { describe, expect, it } from 'vitest';
import { approveMonth, lockMonth, payrollMonth, reopenMonth } from '../../sync-server/src/payroll/months';
import type { Database } from '../../sync-server/src/db/database';
import { putPayrollReturn } from '../../sync-server/src/store/payroll-months';
import { communeSpending } from '../../sync-server/src/payroll/spending';
import { freshDatabases, storageEngines } from '../support/engines';
import { testServer } from '../support/server';
import {
  caseCommand,
  fileApplication,
  grantDecision,
  grantedApplication,
  noonVn,
  readyToDecide,
} from '../support/allowance-server';
import { allowanceApplication, DEMO_VILLAGE, LY_SON } from '../support/fixtures';

const engines = await storageEngines('payroll months');
const officer = (day: string) => ({ userId: 'canbo', now: noonVn(day) });
const chairman = { signer: 'Trần Văn Chủ', signedOn: '2026-03-24' };

async function approveAndLock(db: Database, month: string, day: string) {
  const seen = await payrollMonth(db, LY_SON, month);
  const approved = await approveMonth(db, LY_SON, month, officer(day), seen.fingerprint);
  expect(approved, JSON.stringify(approved)).toMatchObject({ ok: true });
  const locked = await lockMonth(db, LY_SON, month, officer(day), chairman);
  expect(locked, JSON.stringify(locked)).toMatchObject({ ok: true });
  return locked.ok ? locked.view : undefined;
}

const named = (fullName: string) => {
  const application = allowanceApplication();
  return { ...application, applicant: { ...application.applicant, fullName } };
};

for (const engine of engines) {
  describe.skipIf(!engine.available)(`payroll months [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    it('#13 Art. 34: approved, then locked as approved; a decision signed after the lock is next month’s arrears, the locked list unchanged', async () => {
      const db = await fresh();
      await grantedApplication(db, named('Nguyễn Thị An'));
      const april = await approveAndLock(db, '2026-04', '2026-03-24');
      expect(april).toMatchObject({ state: 'locked', changedSince: false, locked: { signer: 'Trần Văn Chủ' } });
      expect(april?.list.totals).toMatchObject({ lines: 1, amount: 1_000_000 });
      expect(april?.history.map((h) => h.step)).toEqual(['approved', 'locked']);

      // Bình's decision, from April, signed once April's list was locked.
      await grantedApplication(
        db,
        named('Lê Văn Bình'),
        grantDecision({ number: '16/QĐ-UBND', signedOn: '2026-04-03', startMonth: '2026-04' }),
      );
      const aprilAgain = await payrollMonth(db, LY_SON, '2026-04');
      expect(aprilAgain.list.totals).toMatchObject({ lines: 1, amount: 1_000_000 });
      expect(aprilAgain.changedSince).toBe(true);

      const may = await payrollMonth(db, LY_SON, '2026-05');
      expect(may.state).toBe('open');
      const line = (name: string) => may.list.lines.find((l) => l.fullName === name);
      expect(line('Nguyễn Thị An')).toMatchObject({ thisMonth: 1_000_000, arrears: { months: [], amount: 0 } });
      expect(line('Lê Văn Bình')).toMatchObject({
        thisMonth: 1_000_000,
        arrears: { months: ['2026-04'], amount: 1_000_000 },
        total: 2_000_000,
      });
      expect(may.list.totals).toMatchObject({ lines: 2, people: 2, thisMonth: 2_000_000, arrears: 1_000_000 });
    });

    it('#13 a list is approved only as it was shown, locked only while still what the records give, and months in order', async () => {
      const db = await fresh();
      await grantedApplication(db, named('Nguyễn Thị An'));
      await approveAndLock(db, '2026-04', '2026-03-24');

      // June before May is locked: refused, naming May.
      const june = await payrollMonth(db, LY_SON, '2026-06');
      const tooEarly = await approveMonth(db, LY_SON, '2026-06', officer('2026-05-20'), june.fingerprint);
      expect(tooEarly).toMatchObject({
        ok: false,
        message: { code: 'payroll.earlierNotLocked', params: { month: '2026-05' } },
      });

      const shown = await payrollMonth(db, LY_SON, '2026-05');
      await grantedApplication(
        db,
        named('Lê Văn Bình'),
        grantDecision({ number: '16/QĐ-UBND', startMonth: '2026-05' }),
      );
      // The officer approves what they saw; a decision since then changed it.
      const stale = await approveMonth(db, LY_SON, '2026-05', officer('2026-04-20'), shown.fingerprint);
      expect(stale).toMatchObject({ ok: false, message: { code: 'payroll.listChanged' } });

      const seen = await payrollMonth(db, LY_SON, '2026-05');
      expect(await approveMonth(db, LY_SON, '2026-05', officer('2026-04-20'), seen.fingerprint)).toMatchObject({
        ok: true,
        view: { state: 'approved', list: { totals: { lines: 2 } } },
      });
      expect(await approveMonth(db, LY_SON, '2026-05', officer('2026-04-20'), seen.fingerprint)).toMatchObject({
        ok: false,
        message: { code: 'payroll.alreadyApproved' },
      });
      // A third decision between the officer's approval and the chairman's: approve again first.
      await grantedApplication(
        db,
        named('Phạm Văn Cường'),
        grantDecision({ number: '17/QĐ-UBND', startMonth: '2026-05' }),
      );
      expect(await lockMonth(db, LY_SON, '2026-05', officer('2026-04-21'), chairman)).toMatchObject({
        ok: false,
        message: { code: 'payroll.changedSinceApproval' },
      });
      // Shown as the records now give it, to approve again; then it locks.
      const again = await payrollMonth(db, LY_SON, '2026-05');
      expect(again).toMatchObject({ state: 'approved', changedSince: true, list: { totals: { lines: 3 } } });
      expect(await approveMonth(db, LY_SON, '2026-05', officer('2026-04-21'), seen.fingerprint)).toMatchObject({
        ok: false,
        message: { code: 'payroll.listChanged' },
      });
      expect(await approveMonth(db, LY_SON, '2026-05', officer('2026-04-21'), again.fingerprint)).toMatchObject({
        ok: true,
        view: { state: 'approved', changedSince: false },
      });
      const locked = await lockMonth(db, LY_SON, '2026-05', officer('2026-04-21'), chairman);
      expect(locked).toMatchObject({ ok: true, view: { state: 'locked', list: { totals: { lines: 3 } } } });
      if (locked.ok)
        expect(locked.view.history.map((h) => [h.step, h.lines])).toEqual([
          ['approved', 2],
          ['approved', 3],
          ['locked', 3],
        ]);
    });

    it('#13 a line the payer returned unpaid is carried to the next list; spending by month and what it pays, with the returns', async () => {
      const db = await fresh();
      await grantedApplication(db, named('Nguyễn Thị An'));
      await approveAndLock(db, '2026-04', '2026-03-24');
      await grantedApplication(
        db,
        named('Lê Văn Bình'),
        grantDecision({ number: '16/QĐ-UBND', signedOn: '2026-04-03', startMonth: '2026-04' }),
      );
      // An was not found in April: the payer returns her line unpaid.
      expect(
        await putPayrollReturn(db, LY_SON, '2026-04', {
          line: 1,
          status: 'unpaid',
          amount: 0,
          reason: 'Vắng nhà',
          recordedBy: 'canbo',
          recordedAt: noonVn('2026-04-20'),
        }),
      ).toBe(true);
      // The same return again changes nothing.
      expect(
        await putPayrollReturn(db, LY_SON, '2026-04', {
          line: 1,
          status: 'unpaid',
          amount: 0,
          reason: 'Vắng nhà',
          recordedBy: 'canbo',
          recordedAt: noonVn('2026-04-21'),
        }),
      ).toBe(false);
      expect(await reopenMonth(db, LY_SON, '2026-04', officer('2026-04-22'), 'Thử')).toMatchObject({
        ok: false,
        message: { code: 'payroll.returnsRecorded' },
      });
      const may = await approveAndLock(db, '2026-05', '2026-04-22');
      const an = may?.list.lines.find((l) => l.fullName === 'Nguyễn Thị An');
      expect(an).toMatchObject({
        thisMonth: 1_000_000,
        carried: { months: ['2026-04'], amount: 1_000_000 },
        total: 2_000_000,
      });
      const anLine = (may?.list.lines.findIndex((l) => l.fullName === 'Nguyễn Thị An') ?? -1) + 1;
      expect(anLine).toBeGreaterThan(0);
      await putPayrollReturn(db, LY_SON, '2026-05', {
        line: anLine,
        status: 'paid',
        amount: 2_000_000,
        recordedBy: 'canbo',
        recordedAt: noonVn('2026-05-20'),
      });

      const pays = 'allowance:elderly-poor-no-supporter-80-plus';
      expect(await communeSpending(db, LY_SON, '2026-04', '2026-05')).toEqual([
        {
          month: '2026-04',
          pays,
          lines: 1,
          thisMonth: 1_000_000,
          arrears: 0,
          carried: 0,
          total: 1_000_000,
          paid: 0,
          unpaid: 1_000_000,
          notReturned: 0,
        },
        {
          month: '2026-05',
          pays,
          lines: 2,
          thisMonth: 2_000_000,
          arrears: 1_000_000,
          carried: 1_000_000,
          total: 4_000_000,
          paid: 2_000_000,
          unpaid: 0,
          notReturned: 2_000_000,
        },
      ]);
      expect(await communeSpending(db, LY_SON, '2026-05', '2026-05')).toHaveLength(1);
    });

    it('#13 a month reopened with its reason kept; a month a later one is made on is not', async () => {
      const db = await fresh();
      await grantedApplication(db, named('Nguyễn Thị An'));
      await approveAndLock(db, '2026-04', '2026-03-24');
      await approveAndLock(db, '2026-05', '2026-04-20');
      expect(await reopenMonth(db, LY_SON, '2026-04', officer('2026-04-22'), 'Sai số tài khoản')).toMatchObject({
        ok: false,
        message: { code: 'payroll.laterMonthKept', params: { month: '2026-05' } },
      });
      expect(await reopenMonth(db, LY_SON, '2026-06', officer('2026-04-22'), 'Không có')).toMatchObject({
        ok: false,
        message: { code: 'payroll.nothingToReopen' },
      });
      const reopened = await reopenMonth(db, LY_SON, '2026-05', officer('2026-04-22'), 'Quyết định 17 ký muộn');
      expect(reopened).toMatchObject({ ok: true, view: { state: 'open', changedSince: false } });
      if (!reopened.ok) return;
      expect(reopened.view.history.map((h) => [h.step, h.reason])).toEqual([
        ['approved', undefined],
        ['locked', undefined],
        ['reopened', 'Quyết định 17 ký muộn'],
      ]);
      // Open again, it is the records' list once more, still made on April's locked list (no arrears for April).
      expect(reopened.view.list.lines[0]).toMatchObject({ thisMonth: 1_000_000, arrears: { amount: 0 } });
    });
  });
}

describe('#13 the payroll month’s steps over HTTP', () => {
  it('only the commune officer approves, locks and reopens; a signing day in the future and a reopening without reason are refused', async () => {
    const server = await testServer();
    const filed = await fileApplication(
      server.db,
      named('Nguyễn Thị An'),
      undefined,
      undefined,
      undefined,
      DEMO_VILLAGE,
    );
    await readyToDecide(server.db, filed.caseId);
    expect(await caseCommand(server.db, 'commune_officer', filed.caseId, 'approve', grantDecision())).toMatchObject({
      status: 'applied',
    });
    const call = async (username: string, path: string, body?: unknown) =>
      server.app.request(`/api/payroll/${LY_SON}/2026-04${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${await server.login(username)}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const shown = (await (await call('canbo.lyson', '')).json()) as { fingerprint: string; state: string };
    expect(shown.state).toBe('open');

    const byProvince = await call('so.tinh', '/approve', { seen: shown.fingerprint });
    expect(byProvince.status).toBe(403);
    expect(((await byProvince.json()) as { error: { problem: { code: string } } }).error.problem.code).toBe(
      'payroll.officerOnly',
    );
    expect((await call('ctv.lyson', '/approve', { seen: shown.fingerprint })).status).toBe(403);

    expect((await call('canbo.lyson', '/approve', { seen: shown.fingerprint })).status).toBe(200);
    const future = await call('canbo.lyson', '/lock', { signer: 'Trần Văn Chủ', signedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(((await future.json()) as { error: { problem: { code: string } } }).error.problem.code).toBe(
      'clock.futureDate',
    );
    expect((await call('canbo.lyson', '/lock', { signer: '', signedOn: '2026-03-24' })).status).toBe(400);
    const locked = await call('canbo.lyson', '/lock', { signer: 'Trần Văn Chủ', signedOn: '2026-03-24' });
    expect(locked.status).toBe(200);
    expect(((await locked.json()) as { state: string }).state).toBe('locked');
    const twice = await call('canbo.lyson', '/lock', { signer: 'Trần Văn Chủ', signedOn: '2026-03-24' });
    expect(twice.status).toBe(409);
    expect((await call('canbo.lyson', '/reopen', { reason: '  ' })).status).toBe(400);
    expect((await call('canbo.lyson', '/reopen', { reason: 'Sai tên người nhận' })).status).toBe(200);

    const calendar = await server.app.request(`/api/payroll/${LY_SON}`, {
      headers: { Authorization: `Bearer ${await server.login('so.tinh')}` },
    });
    expect(await calendar.json()).toEqual({ months: [{ month: '2026-04', state: 'open' }] });
  });
});

describe('#13 the payer’s returns imported over HTTP', () => {
  it('a preview says every row that does not match by its row and applies nothing; confirmed, the good rows are recorded; the same file again applies nothing', async () => {
    const server = await testServer();
    for (const [name, cccd] of [
      ['Nguyễn Thị An', '051144000123'],
      ['Lê Văn Bình', '051144000456'],
    ] as const) {
      const application = named(name);
      const filed = await fileApplication(
        server.db,
        { ...application, applicant: { ...application.applicant, citizenId: cccd } },
        undefined,
        undefined,
        undefined,
        DEMO_VILLAGE,
      );
      await readyToDecide(server.db, filed.caseId);
      expect(await caseCommand(server.db, 'commune_officer', filed.caseId, 'approve', grantDecision())).toMatchObject({
        status: 'applied',
      });
    }
    const token = await server.login('canbo.lyson');
    const send = (path: string, body: string | Uint8Array, fileName = 'tra-ve.csv') =>
      server.app.request(`/api/payroll/${LY_SON}/2026-04${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': typeof body === 'string' ? 'application/json' : 'application/octet-stream',
          'X-File-Name': encodeURIComponent(fileName),
        },
        body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
      });
    const csv = (text: string) => new TextEncoder().encode(`\uFEFF${text}`);
    const file = csv(
      [
        'STT,Số CCCD,Đã nhận,Số tiền,Ngày nhận,Lý do',
        '1,051144000123,Đã nhận,1.000.000,20/03/2026,',
        '2,051144000999,Đã nhận,1.000.000,20/03/2026,',
        '1,051144000123,Đã nhận,1.000.000,20/03/2026,',
        ',051144000456,Đã nhận,900.000,20/03/2026,',
      ].join('\r\n'),
    );

    // Not on an open month: the list must be the one sent.
    expect((await send('/returns', file)).status).toBe(409);
    const shown = (await (
      await server.app.request(`/api/payroll/${LY_SON}/2026-04`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { fingerprint: string; list: { lines: { fullName: string }[] } };
    expect(shown.list.lines.map((l) => l.fullName)).toEqual(['Lê Văn Bình', 'Nguyễn Thị An']);
    expect((await send('/approve', JSON.stringify({ seen: shown.fingerprint }))).status).toBe(200);
    expect((await send('/lock', JSON.stringify({ signer: 'Trần Văn Chủ', signedOn: '2026-03-24' }))).status).toBe(200);

    const missing = await send('/returns', csv('STT,Số CCCD,Số tiền\r\n1,051144000456,1.000.000'));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { problem: { code: string } } }).error.problem.code).toMatch(
      /^returns\./,
    );

    type Answer = {
      preview: { matched: { row: number; line: number }[]; problems: { row: number; message: { code: string } }[] };
      applied?: { changed: number; unchanged: number };
    };
    const preview = (await (await send('/returns', file)).json()) as Answer;
    // Line 1 is Bình (sorted by name): row 2 names line 1 with An's CCCD; row 3 a CCCD on no line; row 4 line 1
    // again; row 5 Bình's CCCD with an amount that differs.
    expect(preview.preview.problems.map((p) => p.row).sort()).toEqual([2, 3, 4, 5]);
    expect(preview.applied).toBeUndefined();
    const spending = async () =>
      (
        (await (
          await server.app.request(`/api/payroll/${LY_SON}/spending?from=2026-04&to=2026-04`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json()) as { rows: { paid: number; notReturned: number }[] }
      ).rows[0];
    expect(await spending()).toMatchObject({ paid: 0, notReturned: 2_000_000 });

    const good = csv(
      [
        'STT,Số CCCD,Đã nhận,Số tiền,Ngày nhận,Lý do',
        '1,051144000456,Đã nhận,1.000.000,20/03/2026,',
        '2,051144000123,Chưa nhận,,,Vắng nhà',
        '7,,Đã nhận,1.000.000,20/03/2026,',
      ].join('\r\n'),
    );
    const applied = (await (await send('/returns?apply=1', good)).json()) as Answer;
    expect(applied.preview.problems.map((p) => p.row)).toEqual([4]);
    expect(applied.applied).toEqual({ changed: 2, unchanged: 0 });
    expect(await spending()).toMatchObject({ paid: 1_000_000, notReturned: 0 });
    const again = (await (await send('/returns?apply=1', good)).json()) as Answer;
    expect(again.applied).toEqual({ changed: 0, unchanged: 2 });
    // Returns recorded: the month is not reopened under them.
    expect((await send('/reopen', JSON.stringify({ reason: 'Sai' }))).status).toBe(409);
  });
});
