/**
 * Issue 12, the changes to a decided allowance on the server, on SQLite and a real PostgreSQL (Decree 20/2021
 * Art. 8–9, Circular 02/2021 Art. 2, CASES.md §1.3): each proposed, then decided by the officer and checked against
 * where the allowance stands after the changes already decided, and an adjustment against the rules engine; each
 * refusal said in Vietnamese, nothing else in the batch lost; what a change tells kept from roles that may not read it.
 *
 * Figures by hand: M = 500.000 đ/tháng from 1/7/2024 (Decree 76/2024), 540.000 đ from 1/7/2026 (provisional in the
 * rule pack); burial support 20 × M on the day of death (Art. 11).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { push } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { personDecisions } from '../../sync-server/src/sync/apply/allowance-decisions';
import { grantStanding } from '../../src/shared/allowance-history';
import { encodeChanges } from '../../src/shared/wire';
import { expandVersions, type WireChange } from '../../src/shared/protocol';
import { formatVi } from '../../src/shared/messages-vi';
import type { Role } from '../../src/shared/roles';
import type { AllowanceChange, ChangeDecision } from '../../src/shared/records/allowance-change';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  as,
  caseCommand,
  fileApplication,
  grantDecision,
  grantedApplication,
  hivAllowanceApplication,
  noonVn,
  readyToDecide,
} from '../support/allowance-server';
import { allowanceApplication, BA_TO, LY_SON, mutation, patchMutation, pushContext } from '../support/fixtures';

const engines = await storageEngines('allowance changes');
const LIMITS = { rows: 100_000, bytes: 100_000_000 };

const reasonOf = (result: { status: string; reason?: string; problem?: unknown }) =>
  result.status === 'rejected' ? formatVi(result.problem as never) : result.status;

function changeDecision(overrides: Partial<ChangeDecision> & { effectiveMonth: string }): ChangeDecision {
  return { number: '31/QĐ-UBND', signedOn: '2026-08-03', signer: 'Trần Văn Chủ', ...overrides };
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`allowance changes [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    /** A change proposed on the member, and sent to the officer, by `role` (a collaborator reports a death). */
    async function propose(
      db: Database,
      subject: string,
      change: Omit<AllowanceChange, 'proposedOn'> & { proposedOn?: string },
      role: Role = 'commune_officer',
      commune = LY_SON,
    ) {
      const id = randomUUID();
      const fields = {
        kind: 'allowance-change',
        subjectId: subject,
        communeCode: commune,
        note: '',
        data: { proposedOn: '2026-07-20', ...change },
      };
      const context = pushContext({ role, userId: role, scope: new Set([commune]), now: noonVn('2026-07-20') });
      const answer = await push(db, context, [
        patchMutation(1, id, fields, 0, 'case'),
        mutation(2, { kind: 'command', id, command: 'submit' }),
      ]);
      return { id, results: answer.results };
    }

    const decide = (db: Database, id: string, decision: ChangeDecision, role: Role = 'commune_officer') =>
      caseCommand(db, role, id, 'approve', decision, undefined, '2026-08-03');

    const changesFor = async (db: Database, role: Role) =>
      expandVersions(
        JSON.parse(
          encodeChanges((await pull(db, [{ commune: LY_SON, cursor: 0 }], LIMITS, { role })).changes),
        ) as WireChange[],
      );

    it('#12 Art. 8(1)(đ) NĐ 20/2021: turning 80 in August 2026 — the higher level from August, checked by the engine', async () => {
      const db = await fresh();
      const born1946 = allowanceApplication({
        applicant: { ...allowanceApplication().applicant, birthDate: '1946-08-15' },
      });
      const { caseId: grant, subject } = await grantedApplication(
        db,
        born1946,
        grantDecision({ categoryCode: 'elderly-poor-no-supporter-60-to-80', coefficient: 1.5, amount: 750_000 }),
      );
      const adjust = await propose(db, subject, {
        change: 'adjust',
        grantCaseId: grant,
        reason: 'turned-age',
        effectiveMonth: '2026-08',
      });
      expect(adjust.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      // The server notes what the change is about, from the grant, whatever a device sent.
      expect((await getRecord(db, adjust.id))?.data.about).toEqual({
        form: '1d',
        categoryCode: 'elderly-poor-no-supporter-60-to-80',
      });
      const eighty = { categoryCode: 'elderly-poor-no-supporter-80-plus', coefficient: 2, amount: 1_080_000 };
      expect(reasonOf(await decide(db, adjust.id, changeDecision({ effectiveMonth: '2026-08' })))).toBe(
        'Quyết định điều chỉnh phải ghi diện, hệ số và mức trợ cấp.',
      );
      // A month early: in July she is 79, the engine gives 1,5 × 540.000 đ.
      expect(reasonOf(await decide(db, adjust.id, changeDecision({ effectiveMonth: '2026-07', ...eighty })))).toBe(
        'Theo quy định: hệ số 1,5, 810.000 đ/tháng; ghi lý do nếu quyết định khác.',
      );
      expect(
        await decide(db, adjust.id, changeDecision({ effectiveMonth: '2026-08', ...eighty, clause: '9(9)' })),
      ).toMatchObject({ status: 'applied' });
      const stored = await getRecord(db, adjust.id);
      expect(stored?.data.status).toBe('approved');
      expect(stored?.data.changeDecision).toMatchObject({ ...eighty, clause: '5(5)(a)', effectiveMonth: '2026-08' });

      const { grants, changes } = await personDecisions(db, subject);
      const [decided] = grants;
      expect(grantStanding(decided!, changes, '2026-07').line?.amount).toBe(810_000);
      expect(grantStanding(decided!, changes, '2026-08').line).toMatchObject({ amount: 1_080_000, coefficient: 2 });
    });

    it('#12 Art. 8(2), Art. 11 NĐ 20/2021: death on 20/05/2026 — stop from June, 20 × 500.000 đ burial support', async () => {
      const db = await fresh();
      const { caseId: grant, subject } = await grantedApplication(db);
      // The collaborator reports the death; the officer decides.
      const death = await propose(
        db,
        subject,
        {
          change: 'stop',
          grantCaseId: grant,
          reason: 'death',
          eventOn: '2026-05-20',
          effectiveMonth: '2026-06',
          burialBy: { fullName: 'Nguyễn Văn Con', relation: 'con trai' },
        },
        'collaborator',
      );
      expect(death.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      // Only the officer decides.
      const byCollaborator = await decide(db, death.id, changeDecision({ effectiveMonth: '2026-06' }), 'collaborator');
      expect(byCollaborator).toMatchObject({ status: 'rejected', problem: { code: 'reject.notPermitted' } });
      expect(reasonOf(await decide(db, death.id, changeDecision({ effectiveMonth: '2026-07' })))).toBe(
        'Thôi hưởng do chết từ tháng sau tháng chết, tức tháng 06/2026.',
      );
      expect(await decide(db, death.id, changeDecision({ effectiveMonth: '2026-06' }))).toMatchObject({
        status: 'applied',
      });
      expect((await getRecord(db, death.id))?.data.changeDecision).toMatchObject({ burialAmount: 10_000_000 });
      // Stopped, it cannot be stopped again.
      const again = await propose(db, subject, {
        change: 'stop',
        grantCaseId: grant,
        reason: 'not-eligible',
        effectiveMonth: '2026-08',
      });
      expect(reasonOf(await decide(db, again.id, changeDecision({ effectiveMonth: '2026-08' })))).toBe(
        'Không thể thôi hưởng từ tháng 08/2026: trợ cấp khi đó đã thôi hưởng.',
      );
      const { grants, changes } = await personDecisions(db, subject);
      expect(grantStanding(grants[0]!, changes, '2026-06')).toMatchObject({ state: 'stopped' });
      expect(grantStanding(grants[0]!, changes, '2026-05').line?.amount).toBe(1_000_000);
    });

    it('#12 TT 02/2021 Art. 2(3), Art. 6(1)(b): suspended from June (3 months uncollected), resumed in September with arrears', async () => {
      const db = await fresh();
      const { caseId: grant, subject } = await grantedApplication(db);
      const early = await propose(db, subject, {
        change: 'resume',
        grantCaseId: grant,
        reason: 'collected-again',
        effectiveMonth: '2026-05',
        withArrears: true,
      });
      expect(reasonOf(await decide(db, early.id, changeDecision({ effectiveMonth: '2026-05' })))).toBe(
        'Không thể hưởng lại từ tháng 05/2026: trợ cấp khi đó đang hưởng.',
      );
      const suspend = await propose(db, subject, {
        change: 'suspend',
        grantCaseId: grant,
        reason: 'not-collected',
        effectiveMonth: '2026-06',
      });
      const resume = await propose(db, subject, {
        change: 'resume',
        grantCaseId: grant,
        reason: 'collected-again',
        effectiveMonth: '2026-09',
        withArrears: true,
      });
      // Both decided in one batch, with a bad one between them: the bad one alone is refused.
      const batch = await push(db, as('commune_officer', '2026-09-02'), [
        mutation(1, {
          kind: 'command',
          id: suspend.id,
          command: 'approve',
          payload: changeDecision({ number: '40/QĐ-UBND', effectiveMonth: '2026-06' }) as never,
        }),
        mutation(2, {
          kind: 'command',
          id: early.id,
          command: 'approve',
          payload: changeDecision({ number: '41/QĐ-UBND', effectiveMonth: '2026-05' }) as never,
        }),
        mutation(3, {
          kind: 'command',
          id: resume.id,
          command: 'approve',
          payload: changeDecision({ number: '42/QĐ-UBND', effectiveMonth: '2026-09' }) as never,
        }),
      ]);
      expect(batch.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      const { grants, changes } = await personDecisions(db, subject);
      const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map(
        (m) => grantStanding(grants[0]!, changes, m).line?.amount,
      );
      // June at 2 × 500.000 đ, July and August at 2 × 540.000 đ, paid as arrears; September paid again.
      expect(months).toEqual([1_000_000, 1_000_000, 1_080_000, 1_080_000, 1_080_000]);
      expect(grantStanding(grants[0]!, changes, '2026-07').line?.basis.vi).toContain('truy lĩnh');
    });

    it('#12 CASES.md §1.3 move: the old commune stops and sends the file, the new one decides from the month after', async () => {
      const db = await fresh();
      const { caseId: grant, subject, home } = await grantedApplication(db);
      const move = await propose(db, subject, {
        change: 'move-out',
        grantCaseId: grant,
        reason: 'moved',
        eventOn: '2026-06-10',
        toCommune: BA_TO,
        effectiveMonth: '2026-07',
      });
      expect(await decide(db, move.id, changeDecision({ effectiveMonth: '2026-07' }))).toMatchObject({
        status: 'applied',
      });
      // The household moves; the person's file (its cases) goes with it.
      const both = pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]), now: noonVn('2026-06-20') });
      const moved = await push(db, both, [
        patchMutation(1, home, { communeCode: BA_TO }, (await getRecord(db, home))!.version),
      ]);
      expect(moved.results.map(reasonOf)).toEqual(['applied']);
      expect((await getRecord(db, grant))?.commune).toBe(BA_TO);
      // Ba Tơ files and decides anew.
      const baTo = (role: Role) =>
        pushContext({ role, userId: role, scope: new Set([BA_TO]), now: noonVn('2026-06-22') });
      const application = allowanceApplication({ filedOn: '2026-06-22' });
      const filed = randomUUID();
      const filing = await push(db, baTo('collaborator'), [
        patchMutation(
          1,
          filed,
          { kind: 'allowance', subjectId: subject, communeCode: BA_TO, note: '', data: application },
          0,
          'case',
        ),
        mutation(2, { kind: 'command', id: filed, command: 'submit' }),
        mutation(3, {
          kind: 'command',
          id: filed,
          command: 'verify',
          payload: { checkedOn: '2026-06-22', result: 'matches' },
        }),
      ]);
      expect(filing.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
      const officer = baTo('commune_officer');
      const steps = await push(db, officer, [
        mutation(1, {
          kind: 'command',
          id: filed,
          command: 'verify',
          payload: { checkedOn: '2026-06-22', result: 'matches' },
        }),
        mutation(2, { kind: 'command', id: filed, command: 'post' }),
        // June is still Lý Sơn's month: a second decision in force.
        mutation(3, {
          kind: 'command',
          id: filed,
          command: 'approve',
          payload: grantDecision({ number: '7/QĐ-UBND', signedOn: '2026-06-30', startMonth: '2026-06' }) as never,
        }),
        mutation(4, {
          kind: 'command',
          id: filed,
          command: 'approve',
          payload: grantDecision({
            number: '7/QĐ-UBND',
            signedOn: '2026-06-30',
            startMonth: '2026-07',
            amount: 1_080_000,
          }) as never,
        }),
      ]);
      expect(steps.results.map(reasonOf)).toEqual([
        'applied',
        'applied',
        'Người này đã có quyết định số 15/QĐ-UBND đang hưởng cùng diện; không ghi thêm quyết định thứ hai.',
        'applied',
      ]);
      const { grants, changes } = await personDecisions(db, subject);
      const byNumber = (n: string) => grants.find((g) => g.decision.number === n)!;
      expect(grantStanding(byNumber('15/QĐ-UBND'), changes, '2026-07').state).toBe('moved-out');
      expect(grantStanding(byNumber('15/QĐ-UBND'), changes, '2026-06').line?.amount).toBe(1_000_000);
      expect(grantStanding(byNumber('7/QĐ-UBND'), changes, '2026-07').line?.amount).toBe(1_080_000);
    });

    it('#12 Art. 5(6), 6(1), 8(1)(đ) NĐ 20/2021: a second adjustment is checked on the application as the first left it', async () => {
      const db = await fresh();
      const severe = allowanceApplication({
        form: '1đ',
        applicant: {
          ...allowanceApplication().applicant,
          fullName: 'Võ Văn Tâm',
          birthDate: '1966-09-10',
          sex: 'male',
        },
        householdPoverty: 'none',
        disability: { level: 'severe', certifiedOn: '2025-11-03' },
        papers: ['residence', 'citizen-id', 'disability-certificate'],
        facts: {},
      });
      const { caseId: grant, subject } = await grantedApplication(
        db,
        severe,
        grantDecision({ categoryCode: 'disability-severe', coefficient: 1.5, amount: 750_000 }),
      );
      const higher = await propose(db, subject, {
        change: 'adjust',
        grantCaseId: grant,
        reason: 'disability-level',
        disabilityLevel: 'especially-severe',
        effectiveMonth: '2026-05',
        proposedOn: '2026-04-20',
      });
      const esd = { categoryCode: 'disability-especially-severe', coefficient: 2, amount: 1_000_000 };
      expect(
        await decide(db, higher.id, changeDecision({ effectiveMonth: '2026-05', signedOn: '2026-05-04', ...esd })),
      ).toMatchObject({ status: 'applied' });
      // Turning 60 in September: especially severe and elderly, 2,5 × 540.000 đ — not the severe level's 2,0.
      const sixty = await propose(db, subject, {
        change: 'adjust',
        grantCaseId: grant,
        reason: 'turned-age',
        effectiveMonth: '2026-09',
      });
      const elderly = {
        categoryCode: 'disability-especially-severe-child-or-elderly',
        coefficient: 2.5,
        amount: 1_350_000,
      };
      expect(
        await decide(
          db,
          sixty.id,
          changeDecision({ number: '60/QĐ-UBND', effectiveMonth: '2026-09', signedOn: '2026-09-02', ...elderly }),
        ),
      ).toMatchObject({ status: 'applied' });
      const { grants, changes } = await personDecisions(db, subject);
      expect(grantStanding(grants[0]!, changes, '2026-09').line).toMatchObject({ amount: 1_350_000, coefficient: 2.5 });
    });

    it('#12 a change names an approved allowance of the same person, or is refused when proposed', async () => {
      const db = await fresh();
      const { caseId: pending, subject } = await fileApplication(db);
      const stop = await propose(db, subject, {
        change: 'stop',
        grantCaseId: pending,
        reason: 'refused',
        effectiveMonth: '2026-08',
      });
      expect(stop.results.map(reasonOf)).toEqual([
        'applied',
        'Không tìm thấy quyết định hưởng trợ cấp của người này để thay đổi.',
      ]);
      // Someone else's grant is not this person's.
      const other = await grantedApplication(db);
      const wrong = await propose(db, subject, {
        change: 'stop',
        grantCaseId: other.caseId,
        reason: 'refused',
        effectiveMonth: '2026-08',
      });
      expect(wrong.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
      // A change for a month before the grant began.
      await readyToDecide(db, pending);
      expect((await caseCommand(db, 'commune_officer', pending, 'approve', grantDecision())).status).toBe('applied');
      const before = await propose(db, subject, {
        change: 'suspend',
        grantCaseId: pending,
        reason: 'pre-trial-detention',
        effectiveMonth: '2026-02',
      });
      expect(reasonOf(await decide(db, before.id, changeDecision({ effectiveMonth: '2026-02' })))).toBe(
        'Tháng thay đổi (02/2026) trước tháng bắt đầu hưởng (03/2026).',
      );
    });

    it('#12 a second grant of the same category is refused while the first is in force, taken once it is stopped', async () => {
      const db = await fresh();
      const first = await grantedApplication(db);
      const second = await fileApplication(
        db,
        allowanceApplication({ filedOn: '2026-03-10' }),
        undefined,
        undefined,
        first.subject,
      );
      await readyToDecide(db, second.caseId);
      const later = grantDecision({
        number: '50/QĐ-UBND',
        startMonth: '2026-09',
        signedOn: '2026-03-20',
        amount: 1_080_000,
      });
      expect(reasonOf(await caseCommand(db, 'commune_officer', second.caseId, 'approve', later))).toBe(
        'Người này đã có quyết định số 15/QĐ-UBND đang hưởng cùng diện; không ghi thêm quyết định thứ hai.',
      );
      const stop = await propose(db, first.subject, {
        change: 'stop',
        grantCaseId: first.caseId,
        reason: 'not-eligible',
        effectiveMonth: '2026-08',
      });
      expect(await decide(db, stop.id, changeDecision({ effectiveMonth: '2026-08' }))).toMatchObject({
        status: 'applied',
      });
      expect(await caseCommand(db, 'commune_officer', second.caseId, 'approve', later)).toMatchObject({
        status: 'applied',
      });
    });

    it('#12 a change to a form 1b allowance reaches no role that may not read HIV status', async () => {
      const db = await fresh();
      const filed = await fileApplication(db, hivAllowanceApplication(), { hiv: true });
      await readyToDecide(db, filed.caseId);
      const approved = await caseCommand(
        db,
        'commune_officer',
        filed.caseId,
        'approve',
        grantDecision({ categoryCode: 'hiv-adult-poor', coefficient: 1.5, amount: 750_000 }),
      );
      expect(approved, JSON.stringify(approved)).toMatchObject({ status: 'applied' });
      const stop = await propose(db, filed.subject, {
        change: 'stop',
        grantCaseId: filed.caseId,
        reason: 'refused',
        effectiveMonth: '2026-08',
      });
      expect(stop.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const seen = (changes: WireChange[]) => changes.find((c) => c.id === stop.id);
      expect(seen(await changesFor(db, 'commune_officer'))).toMatchObject({ data: { about: { form: '1b' } } });
      for (const role of ['collaborator', 'village_head'] as const) {
        const change = seen(await changesFor(db, role));
        expect(change, role).toBeDefined();
        // Quoted: a random id may hold the letters 1b.
        expect(JSON.stringify(change), role).not.toMatch(/"1b"|hiv/i);
        expect(change && 'data' in change ? change.data : undefined, role).toBeUndefined();
      }
    });
  });
}
