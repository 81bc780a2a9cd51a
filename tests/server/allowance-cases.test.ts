/**
 * Issue 12, monthly social allowance cases on the server, on SQLite and a real PostgreSQL: each step of the
 * commune's review stored as the server writes it (the ID check with who made it, the posting window, the
 * chairman's decision with the clause of Art. 5 from the rule pack, or the refusal); a decision checked against the
 * rules engine recomputed from the stored application, each refusal said in Vietnamese; roles; and the HIV status
 * (the case's `sensitive` field) read only by the commune officer and above.
 *
 * The worked cases at the end are computed by hand: M = 500.000 đ/tháng from 1/7/2024 (Decree 76/2024), times the
 * coefficient of Decree 20/2021 Art. 6 for the category of Art. 5.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { encodeChanges } from '../../src/shared/wire';
import { expandVersions, type WireChange } from '../../src/shared/protocol';
import { formatVi } from '../../src/shared/messages-vi';
import type { Role } from '../../src/shared/roles';
import type { AllowanceApplication, AllowanceDecision } from '../../src/shared/records/allowance';
import { freshDatabases, storageEngines } from '../support/engines';
import { personDecisions } from '../../sync-server/src/sync/apply/allowance-decisions';
import { grantStanding } from '../../src/shared/allowance-history';
import { testServer } from '../support/server';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type SyncResponse } from '../../src/shared/protocol';
import {
  as,
  caseCommand as command,
  fileApplication as file,
  grantDecision as decision,
  grantedApplication,
  hivAllowanceApplication,
  noonVn,
  readyToDecide,
  type Sensitive,
} from '../support/allowance-server';
import {
  allowanceApplication,
  LY_SON,
  createMutation,
  demoHousehold,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('allowance cases');
const LIMITS = { rows: 100_000, bytes: 100_000_000 };

for (const engine of engines) {
  describe.skipIf(!engine.available)(`allowance cases [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    const changesFor = async (db: Database, role?: Role) =>
      expandVersions(
        JSON.parse(
          encodeChanges((await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS, role ? { role } : {})).changes),
        ) as WireChange[],
      );

    it('#12 submit → verify → post → approve: each step stored as the server writes it', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await readyToDecide(db, caseId);
      // A clause sent by a device is not taken: the server writes the rule pack's.
      expect(await command(db, 'commune_officer', caseId, 'approve', { ...decision(), clause: '9(9)' })).toEqual({
        seq: 1,
        status: 'applied',
      });
      const stored = (await getRecord(db, caseId))?.data;
      expect(stored).toMatchObject({
        status: 'approved',
        idCheck: { checkedOn: '2026-03-03', result: 'matches', by: 'commune_officer' },
        posting: { from: '2026-03-04', until: '2026-03-06', complaintsUntil: '2026-03-20' },
        decision: { ...decision(), clause: '5(5)(a)' },
      });
      expect(((stored?.history ?? []) as { command: string }[]).map((h) => h.command)).toEqual([
        'submit',
        'verify',
        'post',
        'approve',
      ]);
    });

    it('#12 posting (Decree 20/2021 Art. 8(1)(b)): 2 working days from the day posted, then 10 for complaints', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await command(db, 'commune_officer', caseId, 'verify', { checkedOn: '2026-03-03', result: 'matches' });
      // Posted Wed 04/03/2026: Thu 05 and Fri 06 are the 2 working days; then Mon 09 … Fri 20/03 the 10.
      expect(await command(db, 'commune_officer', caseId, 'post', undefined, undefined, '2026-03-04')).toMatchObject({
        status: 'applied',
      });
      expect((await getRecord(db, caseId))?.data.posting).toEqual({
        from: '2026-03-04',
        until: '2026-03-06',
        complaintsUntil: '2026-03-20',
        ruleId: 'DL-POSTING-2025',
      });
    });

    it('#12 posting over 30/4 and 1/5, at 01:00 in Việt Nam (18:00 UTC the day before): counted from 29/04', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await command(db, 'commune_officer', caseId, 'verify', { checkedOn: '2026-04-28', result: 'matches' });
      const officer = pushContext({
        role: 'commune_officer',
        userId: 'officer',
        now: Date.parse('2026-04-28T18:00:00Z'),
      });
      await push(db, officer, [mutation(1, { kind: 'command', id: caseId, command: 'post' })]);
      // Thu 30/4 and Fri 1/5 are holidays: Mon 04 and Tue 05/05 are the 2 days; 06–08, 11–15, 18–19/05 the 10.
      expect((await getRecord(db, caseId))?.data.posting).toEqual({
        from: '2026-04-29',
        until: '2026-05-05',
        complaintsUntil: '2026-05-19',
        ruleId: 'DL-POSTING-2025',
      });
    });

    it('#12 posting in a year the calendar does not cover is refused, saying why', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await command(db, 'commune_officer', caseId, 'verify', { checkedOn: '2026-03-03', result: 'matches' });
      const refused = await command(db, 'commune_officer', caseId, 'post', undefined, undefined, '2031-03-04');
      expect(refused).toMatchObject({ status: 'rejected', problem: { code: 'reject.postingNoCalendar' } });
      expect((await getRecord(db, caseId))?.data.status).toBe('verified');
    });

    it('#12 a return needs its reason; corrected and sent again, the application is checked again', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      expect(
        await command(db, 'commune_officer', caseId, 'verify', { checkedOn: '2026-03-03', result: 'differs' }),
      ).toMatchObject({ status: 'applied' });
      expect(await command(db, 'commune_officer', caseId, 'return')).toMatchObject({
        status: 'rejected',
        problem: { code: 'reject.commentNeeded' },
      });
      const reason = 'Số CCCD không khớp CSDL dân cư';
      expect(await command(db, 'commune_officer', caseId, 'return', undefined, reason)).toMatchObject({
        status: 'applied',
      });
      const returned = await getRecord(db, caseId);
      expect(returned?.data).toMatchObject({ status: 'returned' });
      expect(returned?.data.idCheck).toBeUndefined();
      expect((returned?.data.history as { comment?: string }[] | undefined)?.at(-1)?.comment).toBe(reason);

      const fixed = allowanceApplication({
        applicant: { ...allowanceApplication().applicant, citizenId: '051144000999' },
      });
      const ctv = as('collaborator', '2026-03-26', 'ctv');
      const again = await push(db, ctv, [
        patchMutation(1, caseId, { data: fixed }, returned!.version, 'case'),
        mutation(2, { kind: 'command', id: caseId, command: 'submit' }),
      ]);
      expect(again.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect((await getRecord(db, caseId))?.data).toMatchObject({
        status: 'submitted',
        data: { applicant: { citizenId: '051144000999' } },
      });
      // Decided only after the ID is checked and posted again.
      expect(await command(db, 'commune_officer', caseId, 'approve', decision())).toMatchObject({
        status: 'rejected',
        problem: { code: 'reject.caseStatus' },
      });
    });

    it('#12 a decision without its number or date is refused in Vietnamese', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await readyToDecide(db, caseId);
      const { number: _n, ...noNumber } = decision();
      const { signedOn: _d, ...noDate } = decision();
      const a = await command(db, 'commune_officer', caseId, 'approve', noNumber);
      const b = await command(db, 'commune_officer', caseId, 'approve', noDate);
      expect(a).toMatchObject({ status: 'rejected', problem: { code: 'reject.invalidData' } });
      expect(b).toMatchObject({ status: 'rejected', problem: { code: 'reject.invalidData' } });
      if (a.status !== 'rejected' || b.status !== 'rejected') throw new Error('refused above');
      expect(formatVi(a.problem ?? a.reason)).toContain('Nhập số quyết định');
      expect(formatVi(b.problem ?? b.reason)).toContain('Nhập ngày ký');
      for (const text of [a.reason, b.reason]) expect(text).not.toMatch(/Invalid|Expected|received/);
      expect((await getRecord(db, caseId))?.data.status).toBe('posted');
    });

    it('#12 a first month paid before the month of filing is refused', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await readyToDecide(db, caseId);
      const refused = await command(db, 'commune_officer', caseId, 'approve', decision({ startMonth: '2026-02' }));
      expect(refused).toMatchObject({ status: 'rejected', problem: { code: 'reject.decisionBeforeFiling' } });
      if (refused.status !== 'rejected') throw new Error('refused above');
      expect(refused.reason).toBe('Tháng bắt đầu hưởng (02/2026) trước tháng nộp hồ sơ (03/2026).');
    });

    it('#12 an application filed tomorrow is refused as a typing slip; the member sent with it is kept', async () => {
      const db = await fresh();
      const home = randomUUID();
      const subject = randomUUID();
      const fields = {
        kind: 'allowance',
        subjectId: subject,
        communeCode: LY_SON,
        note: '',
        data: allowanceApplication({ filedOn: '2026-03-03' }),
      };
      const answer = await push(db, as('collaborator', '2026-03-02'), [
        createMutation(1, {}, home),
        patchMutation(2, subject, memberFields(home), 0, 'member'),
        patchMutation(3, randomUUID(), fields, 0, 'case'),
      ]);
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
      expect(answer.results[2]).toMatchObject({
        reason: 'Ngày nộp hồ sơ ở tương lai: 03/03/2026. Kiểm tra lại năm.',
      });
    });

    it('#12 a decision the engine does not give says what it gives, and stands only with a reason', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await readyToDecide(db, caseId);
      const lower = decision({ categoryCode: 'elderly-poor-no-supporter-60-to-80', coefficient: 1.5, amount: 750_000 });
      const refused = await command(db, 'commune_officer', caseId, 'approve', lower);
      expect(refused).toMatchObject({ status: 'rejected', problem: { code: 'reject.decisionDiffers' } });
      if (refused.status !== 'rejected') throw new Error('refused above');
      expect(refused.reason).toBe('Theo quy định: hệ số 2, 1.000.000 đ/tháng; ghi lý do nếu quyết định khác.');
      // The amount alone differing is refused too.
      expect(await command(db, 'commune_officer', caseId, 'approve', decision({ amount: 1_200_000 }))).toMatchObject({
        problem: { code: 'reject.decisionDiffers' },
      });
      const reason = 'Tỉnh hỗ trợ thêm theo Nghị quyết HĐND';
      expect(
        await command(
          db,
          'commune_officer',
          caseId,
          'approve',
          decision({ amount: 1_200_000, overrideReason: reason }),
        ),
      ).toMatchObject({ status: 'applied' });
      expect((await getRecord(db, caseId))?.data.decision).toMatchObject({ amount: 1_200_000, overrideReason: reason });
    });

    it('#12 an application the engine gives nothing for: refused, saying so, unless a reason is given', async () => {
      const db = await fresh();
      // Someone supports her: Art. 5(5)(a) does not apply, and at 81 she is under no other category of form 1d
      // she is not already paid for (5(5)(c) is for those with no pension; she has a pension).
      const application = allowanceApplication({
        facts: { maritalStatus: 'widowed', supporter: 'available', income: { pension: true } },
      });
      const { caseId } = await file(db, application);
      await readyToDecide(db, caseId);
      const refused = await command(db, 'commune_officer', caseId, 'approve', decision());
      expect(refused).toMatchObject({ status: 'rejected', problem: { code: 'reject.decisionNoCategory' } });
    });

    it('#12 a category not of the form is refused, even with a reason', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      await readyToDecide(db, caseId);
      const other = decision({ categoryCode: 'disability-severe', coefficient: 1.5, amount: 750_000 });
      const refused = await command(db, 'commune_officer', caseId, 'approve', { ...other, overrideReason: 'Thử' });
      expect(refused).toMatchObject({ status: 'rejected', problem: { code: 'reject.decisionCategoryOfForm' } });
      if (refused.status !== 'rejected') throw new Error('refused above');
      expect(refused.reason).toBe('Diện trong quyết định không thuộc mẫu tờ khai 1d.');
    });

    it('#12 a second decision in force for the same person and category is refused; another category is not', async () => {
      const db = await fresh();
      const first = await file(db);
      await readyToDecide(db, first.caseId);
      expect(await command(db, 'commune_officer', first.caseId, 'approve', decision())).toMatchObject({
        status: 'applied',
      });
      const second = await file(db, allowanceApplication(), undefined, undefined, first.subject);
      await readyToDecide(db, second.caseId);
      const refused = await command(
        db,
        'commune_officer',
        second.caseId,
        'approve',
        decision({ number: '16/QĐ-UBND' }),
      );
      expect(refused).toMatchObject({
        status: 'rejected',
        problem: { code: 'reject.decisionActive', params: { number: '15/QĐ-UBND' } },
      });
      // A different person with the same application is decided.
      const third = await file(db);
      await readyToDecide(db, third.caseId);
      expect(await command(db, 'commune_officer', third.caseId, 'approve', decision())).toMatchObject({
        status: 'applied',
      });
    });

    it('#12 a refused decision does not take down the other changes of the same push', async () => {
      const db = await fresh();
      const { caseId, subject, home } = await file(db);
      await readyToDecide(db, caseId);
      const officer = as('commune_officer');
      const memberVersion = (await getRecord(db, subject))!.version;
      const answer = await push(db, officer, [
        patchMutation(1, subject, { fullName: 'Nguyễn Thị Hoà' }, memberVersion, 'member'),
        mutation(2, {
          kind: 'command',
          id: caseId,
          command: 'approve',
          payload: decision({ amount: 5 }) as unknown as Record<string, never>,
        }),
        patchMutation(3, home, { address: 'Tổ 9' }, (await getRecord(db, home))!.version),
      ]);
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect((await getRecord(db, subject))?.data.fullName).toBe('Nguyễn Thị Hoà');
      expect((await getRecord(db, home))?.data.address).toBe('Tổ 9');
      expect((await getRecord(db, caseId))?.data.status).toBe('posted');
    });

    it('#12 only the commune officer checks, posts and decides: not a collaborator, a village head or province staff', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      const idCheck = { checkedOn: '2026-03-03', result: 'matches' };
      for (const role of ['collaborator', 'village_head', 'province_staff'] as const) {
        const scoped = pushContext({ role, userId: role, now: noonVn('2026-03-25') });
        const refused = await push(db, scoped, [
          mutation(1, { kind: 'command', id: caseId, command: 'verify', payload: idCheck }),
        ]);
        expect(refused.results[0], role).toMatchObject({ status: 'rejected' });
      }
      await readyToDecide(db, caseId);
      for (const role of ['collaborator', 'village_head', 'province_staff'] as const) {
        const approve = await command(db, role, caseId, 'approve', decision());
        expect(approve, role).toMatchObject({ status: 'rejected' });
        const reject = await command(db, role, caseId, 'reject', {
          signedOn: '2026-03-20',
          signer: 'Trần Văn Chủ',
          reasons: 'Không đủ điều kiện',
        });
        expect(reject, role).toMatchObject({ status: 'rejected' });
      }
      expect((await getRecord(db, caseId))?.data.status).toBe('posted');
    });

    it('#12 a written refusal is stored with its reasons', async () => {
      const db = await fresh();
      const { caseId } = await file(db);
      const refusal = {
        number: '3/TB-UBND',
        signedOn: '2026-03-10',
        signer: 'Trần Văn Chủ',
        reasons: 'Có người phụng dưỡng',
      };
      expect(await command(db, 'commune_officer', caseId, 'reject', refusal)).toMatchObject({ status: 'applied' });
      expect((await getRecord(db, caseId))?.data).toMatchObject({ status: 'rejected', refusal });
    });

    describe("#12 HIV status (the case's sensitive field) only for the commune officer and above", () => {
      const hivApplication = hivAllowanceApplication;
      const sensitive = { hiv: true, hivDetectedOn: '2019' };

      it('written by the collaborator at filing; pulled by the officer and province staff, never by the others', async () => {
        const db = await fresh();
        const { caseId } = await file(db, hivApplication(), sensitive);
        expect((await getRecord(db, caseId))?.data.sensitive).toEqual(sensitive);
        for (const role of ['commune_officer', 'province_staff'] as const) {
          const pulled = (await changesFor(db, role)).find((c) => c.id === caseId);
          expect(pulled?.data?.sensitive, role).toEqual(sensitive);
        }
        // Form 1b and its HIV certificate tell it as plainly as the field: the case reaches them as a removal
        // (the tablet that filed it drops its copy), with nothing of it.
        for (const role of ['collaborator', 'village_head', undefined] as const) {
          const changes = await changesFor(db, role);
          expect(changes.find((c) => c.id === caseId)?.data, role).toBeUndefined();
          expect(
            changes.some((c) => c.id === caseId),
            role,
          ).toBe(true);
          expect(JSON.stringify(changes), role).not.toMatch(/"hiv"|hivDetectedOn|"1b"|hiv-/);
        }
      });

      it('a case that tells it another way (an HIV certificate seen, a decision in an HIV category) is not sent either; a form 1d case is, without the field', async () => {
        const db = await fresh();
        const certificate = await file(
          db,
          allowanceApplication({ papers: ['residence', 'citizen-id', 'hiv-certificate'] }),
        );
        const plain = await file(db, allowanceApplication(), { hiv: false });
        const changes = await changesFor(db, 'collaborator');
        expect(changes.find((c) => c.id === certificate.caseId)?.data).toBeUndefined();
        const sent = changes.find((c) => c.id === plain.caseId);
        expect(sent?.data?.kind).toBe('allowance');
        expect(sent?.data && 'sensitive' in sent.data).toBe(false);
      });

      it('a later edit from a device that never saw it keeps it', async () => {
        const db = await fresh();
        const { caseId } = await file(db, hivApplication(), sensitive);
        expect(
          await command(db, 'commune_officer', caseId, 'return', undefined, 'Thiếu ảnh giấy xác nhận'),
        ).toMatchObject({ status: 'applied' });
        const version = (await getRecord(db, caseId))!.version;
        // The collaborator's device pulled the case without it, and edits the note and the application.
        const ctv = as('collaborator', '2026-03-26', 'ctv');
        const edit = await push(db, ctv, [
          patchMutation(1, caseId, { note: 'Đã bổ sung', data: { ...hivApplication(), photos: [] } }, version, 'case'),
        ]);
        expect(edit.results[0]).toMatchObject({ status: 'applied' });
        expect((await getRecord(db, caseId))?.data).toMatchObject({ note: 'Đã bổ sung', sensitive });
      });

      it('a device that never saw it cannot erase it: its empty value is left out, the rest of its edit applies', async () => {
        const db = await fresh();
        const { caseId } = await file(db, hivApplication(), sensitive);
        await command(db, 'commune_officer', caseId, 'return', undefined, 'Bổ sung ghi chú');
        const version = (await getRecord(db, caseId))!.version;
        // A collaborator's device on the redacted case, sending what it holds: no value for the field.
        const ctv = as('collaborator', '2026-03-26', 'ctv2');
        const edit = await push(db, ctv, [
          patchMutation(1, caseId, { note: 'Đã gặp hộ', sensitive: null }, version, 'case'),
        ]);
        expect(edit.results[0]).toMatchObject({ status: 'applied' });
        expect((await getRecord(db, caseId))?.data).toMatchObject({ note: 'Đã gặp hộ', sensitive });
        // The officer, who reads it, may clear it.
        const officer = as('commune_officer', '2026-03-26');
        const cleared = await push(db, officer, [
          patchMutation(1, caseId, { sensitive: null }, (await getRecord(db, caseId))!.version, 'case'),
        ]);
        expect(cleared.results[0]).toMatchObject({ status: 'applied' });
        expect((await getRecord(db, caseId))?.data.sensitive).toBeUndefined();
      });

      it('a conflict about it is not pulled by those who may not read it', async () => {
        const db = await fresh();
        const { caseId } = await file(db, hivApplication(), sensitive);
        await command(db, 'commune_officer', caseId, 'return', undefined, 'Kiểm tra lại');
        const version = (await getRecord(db, caseId))!.version;
        // The officer corrects the date; a collaborator's device, behind, writes another.
        const officer = as('commune_officer', '2026-03-26');
        await push(db, officer, [
          patchMutation(1, caseId, { sensitive: { hiv: true, hivDetectedOn: '2018' } }, version, 'case'),
        ]);
        const late = await push(db, as('collaborator', '2026-03-26', 'ctv'), [
          patchMutation(1, caseId, { sensitive: { hiv: true, hivDetectedOn: '2020' } }, version, 'case'),
        ]);
        expect(late.results[0]).toMatchObject({ status: 'conflict', fields: ['sensitive'] });
        const forOfficer = (await changesFor(db, 'commune_officer')).filter((c) => c.type === 'conflict');
        expect(forOfficer).toHaveLength(1);
        const forCollaborator = await changesFor(db, 'collaborator');
        expect(forCollaborator.filter((c) => c.type === 'conflict')).toEqual([]);
        expect(JSON.stringify(forCollaborator)).not.toMatch(/"hiv"|hivDetectedOn/);
        // Left out, its change still moves the collaborator's cursor: nothing is asked for again.
        const page = await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS, { role: 'collaborator' });
        const all = await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS, { role: 'commune_officer' });
        expect(page.cursors[LY_SON]).toBe(all.cursors[LY_SON]);
      });
    });

    describe('#12 worked cases: application → decision → the first month paid (M = 500.000 đ from 1/7/2024)', () => {
      /** Files, checks, posts and approves; answers the decision the server stored. */
      async function decide(
        application: AllowanceApplication,
        given: Partial<AllowanceDecision>,
        sensitiveField?: Sensitive,
      ) {
        const db = await fresh();
        const { caseId } = await file(db, application, sensitiveField);
        await readyToDecide(db, caseId);
        const answer = await command(db, 'commune_officer', caseId, 'approve', decision(given));
        expect(answer).toEqual({ seq: 1, status: 'applied' });
        return (await getRecord(db, caseId))?.data.decision as AllowanceDecision;
      }

      it('1a — Decree 20/2021 Art. 5(1), Art. 6(1): a child of 5 whose parents died, 1,5 × 500.000 = 750.000 đ', async () => {
        const stored = await decide(
          allowanceApplication({
            form: '1a',
            filedOn: '2026-03-02',
            applicant: {
              ...allowanceApplication().applicant,
              fullName: 'Trần Văn An',
              birthDate: '2020-09-01',
              sex: 'male',
            },
            householdPoverty: 'none',
            papers: ['residence', 'birth-certificate'],
            facts: { orphan: { father: 'dead', mother: 'dead' } },
          }),
          { categoryCode: 'orphan-4-to-16', coefficient: 1.5, amount: 750_000, startMonth: '2026-03' },
        );
        expect(stored).toMatchObject({ clause: '5(1)', amount: 750_000, startMonth: '2026-03' });
      });

      it('1b — Decree 20/2021 Art. 5(8), Art. 6(1): an adult with HIV in a poor household, no stable income, 1,5 × 500.000 = 750.000 đ', async () => {
        const stored = await decide(
          hivAllowanceApplication(),
          { categoryCode: 'hiv-adult-poor', coefficient: 1.5, amount: 750_000, startMonth: '2026-03' },
          { hiv: true },
        );
        expect(stored).toMatchObject({ clause: '5(8)', amount: 750_000 });
      });

      it('1c — Decree 20/2021 Art. 5(4), Art. 6(1): a poor widow raising two children under 16, 1,0 per child: 2 × 500.000 = 1.000.000 đ', async () => {
        const stored = await decide(
          allowanceApplication({
            form: '1c',
            filedOn: '2026-03-02',
            applicant: { ...allowanceApplication().applicant, fullName: 'Phạm Thị Cúc', birthDate: '1990-02-02' },
            householdPoverty: 'poor',
            papers: ['residence', 'citizen-id'],
            facts: {
              maritalStatus: 'widowed',
              children: [{ dateOfBirth: '2015-06-01' }, { dateOfBirth: '2019-01-20' }],
            },
          }),
          { categoryCode: 'single-parent-per-child', coefficient: 2, amount: 1_000_000, startMonth: '2026-03' },
        );
        expect(stored).toMatchObject({ clause: '5(4)', amount: 1_000_000 });
      });

      it('1d — Decree 20/2021 Art. 5(5)(a), Art. 6(1): a poor widow of 81 with no one to support her, 2,0 × 500.000 = 1.000.000 đ', async () => {
        const stored = await decide(allowanceApplication(), {});
        expect(stored).toMatchObject({ clause: '5(5)(a)', coefficient: 2, amount: 1_000_000 });
      });

      it('1đ — Decree 20/2021 Art. 5(6), Art. 6(1): an adult of 36 with a severe disability, 1,5 × 500.000 = 750.000 đ', async () => {
        const stored = await decide(
          allowanceApplication({
            form: '1đ',
            filedOn: '2026-03-02',
            applicant: {
              ...allowanceApplication().applicant,
              fullName: 'Đỗ Văn Dũng',
              birthDate: '1990-02-02',
              sex: 'male',
            },
            householdPoverty: 'none',
            disability: { level: 'severe', certificateNo: '12/XN', certifiedOn: '2026-02-10' },
            papers: ['residence', 'citizen-id', 'disability-certificate'],
            facts: {},
          }),
          { categoryCode: 'disability-severe', coefficient: 1.5, amount: 750_000, startMonth: '2026-03' },
        );
        expect(stored).toMatchObject({ clause: '5(6)', amount: 750_000 });
      });

      it('Decree 147/2025 (commune chairman decides; paid from the month signed): filed 02/03, signed 30/03 → first month 03/2026, 1.000.000 đ', async () => {
        const stored = await decide(allowanceApplication({ filedOn: '2026-03-02' }), {
          signedOn: '2026-03-30',
          startMonth: '2026-03',
        });
        expect(stored).toMatchObject({ signedOn: '2026-03-30', startMonth: '2026-03', amount: 1_000_000 });
      });

      it("2a — Decree 20/2021 Art. 20(3), decided alongside the person's own 1đ: 2,0 × 500.000 đ to him, 1,0 × 500.000 đ to his household", async () => {
        const db = await fresh();
        const person = {
          applicant: {
            ...allowanceApplication().applicant,
            fullName: 'Phạm Văn Tài',
            birthDate: '1990-04-02',
            sex: 'male' as const,
          },
          householdPoverty: 'none' as const,
          disability: { level: 'especially-severe' as const, certifiedOn: '2025-11-03' },
          papers: ['residence' as const, 'citizen-id' as const, 'disability-certificate' as const],
        };
        const own = await grantedApplication(
          db,
          allowanceApplication({ ...person, form: '1đ', facts: {} }),
          decision({ categoryCode: 'disability-especially-severe', coefficient: 2, amount: 1_000_000 }),
        );
        const care = allowanceApplication({
          ...person,
          form: '2a',
          facts: { caredForByOwnHousehold: true },
          carer: { fullName: 'Phạm Thị Mai', relation: 'mẹ' },
        });
        // The care form grants a support of Art. 20, not a category of Art. 5.
        const filed = await file(db, care, undefined, undefined, own.subject);
        await readyToDecide(db, filed.caseId);
        const asOwn = decision({ number: '16/QĐ-UBND', categoryCode: 'disability-especially-severe' });
        expect(await command(db, 'commune_officer', filed.caseId, 'approve', asOwn)).toMatchObject({
          status: 'rejected',
          reason: 'Diện trong quyết định không thuộc mẫu tờ khai 2a.',
        });
        const support = decision({
          number: '16/QĐ-UBND',
          categoryCode: 'household-caring-especially-severe-pwd',
          coefficient: 1,
          amount: 500_000,
        });
        expect(await command(db, 'commune_officer', filed.caseId, 'approve', support)).toMatchObject({
          status: 'applied',
        });
        expect((await getRecord(db, filed.caseId))?.data.decision).toMatchObject({ clause: '20(3)', amount: 500_000 });
        const { grants, changes } = await personDecisions(db, own.subject);
        const amounts = grants.map((g) => [g.decision.number, grantStanding(g, changes, '2026-03').line?.amount]);
        expect(amounts.sort()).toEqual([
          ['15/QĐ-UBND', 1_000_000],
          ['16/QĐ-UBND', 500_000],
        ]);
      });

      it('2b — Decree 20/2021 Art. 20(1): a neighbour takes in a child of 5 whose parents died, 1,5 × 500.000 = 750.000 đ', async () => {
        const stored = await decide(
          allowanceApplication({
            form: '2b',
            applicant: {
              ...allowanceApplication().applicant,
              fullName: 'Trần Văn An',
              birthDate: '2020-09-01',
              sex: 'male',
            },
            householdPoverty: 'none',
            papers: ['residence', 'birth-certificate'],
            facts: { orphan: { father: 'dead', mother: 'dead' }, takenInByHousehold: true },
            carer: { fullName: 'Trần Thị Lan', relation: 'hàng xóm' },
          }),
          { categoryCode: 'take-in-orphan-4-to-16', coefficient: 1.5, amount: 750_000 },
        );
        expect(stored).toMatchObject({ clause: '20(1)', amount: 750_000 });
      });
    });
  });
}

describe('#12 HIV status over HTTP: each account pulls what its role reads, and the request log never names it', () => {
  it('filed by a collaborator of Lý Sơn: the officer and province staff pull it; the collaborator and the village head do not', async () => {
    const server = await testServer();
    try {
      const home = randomUUID();
      const person = randomUUID();
      const caseId = randomUUID();
      const application = allowanceApplication({
        form: '1b',
        applicant: {
          ...allowanceApplication().applicant,
          fullName: 'Lê Văn Bình',
          birthDate: '1985-04-12',
          sex: 'male',
        },
        papers: ['residence', 'citizen-id', 'hiv-certificate'],
        facts: { income: { stableMonthlyIncome: false } },
      });
      const sensitive = { hiv: true, hivDetectedOn: '2019' };
      const sync = async (username: string, mutations: unknown[] = []) => {
        const token = await server.login(username);
        const body = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId: randomUUID(), mutations };
        const response = await server.post('/api/sync', { ...body, pull: [{ commune: LY_SON, cursor: 0 }] }, token);
        expect(response.status, username).toBe(200);
        const answer = (await response.json()) as SyncResponse & { changes: WireChange[] };
        return { answer, pulled: expandVersions(answer.changes).find((c) => c.id === caseId) };
      };
      const filed = await sync('ctv.lyson', [
        demoHousehold(1, {}, home),
        patchMutation(2, person, memberFields(home, { fullName: 'Lê Văn Bình', birthDate: '1985-04-12' }), 0, 'member'),
        patchMutation(
          3,
          caseId,
          { kind: 'allowance', subjectId: person, communeCode: LY_SON, note: '', data: application, sensitive },
          0,
          'case',
        ),
        mutation(4, { kind: 'command', id: caseId, command: 'submit' }),
      ]);
      expect(filed.answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      // The filing tablet is sent a removal: it keeps no copy of a form 1b application once the server has it.
      expect(filed.pulled).toBeDefined();
      expect(filed.pulled?.data).toBeUndefined();
      for (const username of ['canbo.lyson', 'so.tinh']) {
        expect((await sync(username)).pulled?.data?.sensitive, username).toEqual(sensitive);
      }
      for (const username of ['ctv.lyson', 'ctv2.lyson', 'thon.lyson']) {
        const { answer, pulled } = await sync(username);
        expect(pulled?.data, username).toBeUndefined();
        expect(JSON.stringify(answer), username).not.toMatch(/"hiv"|hivDetectedOn|"1b"|hiv-/);
      }
      expect(server.logs.length).toBeGreaterThan(0);
      expect(server.logs.join('\n')).not.toMatch(/hiv|sensitive|Bình/i);
    } finally {
      await server.db.close();
    }
  });
});
