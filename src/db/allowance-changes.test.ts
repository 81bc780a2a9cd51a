import { describe, expect, it } from 'vitest';
import { freshDeviceDatabases } from '../../tests/support/device-db';
import { allowanceApplication, LY_SON } from '../../tests/support/fixtures';
import { allowanceCase, allowanceCases, casesToReview, giveCaseCommand, surveysOf } from './cases';
import { allowanceCasesOf } from './allowance-cases';
import { decodeMessage, encodeMessage } from '../shared/messages';
import { submitChange } from './allowance-changes';
import { changeCase, changeCases, changesOfGrant } from './change-cases';

const fresh = freshDeviceDatabases();
const GRANT = '0190a000-0000-7000-8000-000000000001';
const MEMBER = '0190a000-0000-7000-8000-000000000002';
const CHANGE = '0190a000-0000-7000-8000-000000000003';
/** After every day the fixtures name: a proposal is not a day in the future (the case's dated fields). */
const NOW = Date.parse('2026-12-01T03:00:00Z');
const decision = {
  number: '12/QĐ-UBND',
  signedOn: '2026-03-10',
  signer: 'Chủ tịch UBND xã',
  categoryCode: 'elderly-poor-no-supporter-60-to-80',
  coefficient: 1.5,
  amount: 750_000,
  startMonth: '2026-03',
};

async function withGrant(status = 'approved', withDecision = true) {
  const db = fresh();
  await db.cases.put({
    id: GRANT,
    version: 5,
    communeCode: LY_SON,
    kind: 'allowance',
    subjectId: MEMBER,
    note: '',
    data: allowanceApplication(),
    status,
    history: [],
    ...(withDecision ? { decision } : {}),
  } as never);
  return db;
}

const turning80 = {
  change: 'adjust',
  reason: 'turned-age',
  proposedOn: '2026-07-20',
  effectiveMonth: '2026-08',
  eventOn: undefined,
} as const;

describe('changes to a decided allowance on the device (issue 12)', () => {
  it('proposes a change: the case of the member and its submit, listed for the commune and the grant only', async () => {
    const db = await withGrant();
    const sent = await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: turning80 }, NOW);
    expect(sent).toEqual({ ok: true, id: CHANGE });
    const ops = (await db.outbox.toArray()).map((e) => e.op);
    expect(ops.map((op) => op.kind)).toEqual(['patch', 'command']);
    expect(ops[0]).toMatchObject({ type: 'case', id: CHANGE });
    expect(await db.cases.get(CHANGE)).toMatchObject({
      kind: 'allowance-change',
      subjectId: MEMBER,
      communeCode: LY_SON,
      data: { change: 'adjust', reason: 'turned-age', grantCaseId: GRANT, effectiveMonth: '2026-08' },
    });
    // Nothing undefined is sent: a field left out is not written.
    expect(Object.keys((await db.cases.get(CHANGE))?.data ?? {})).not.toContain('eventOn');
    expect(ops[1]).toEqual({ kind: 'command', id: CHANGE, command: 'submit' });
    const [listed] = await changeCases(db, LY_SON);
    expect(listed).toMatchObject({ id: CHANGE, status: 'draft', change: { grantCaseId: GRANT } });
    expect((await changesOfGrant(db, { id: GRANT, subjectId: MEMBER })).map((c) => c.id)).toEqual([CHANGE]);
    expect(await changesOfGrant(db, { id: 'another-grant', subjectId: MEMBER })).toEqual([]);
    expect(await changeCase(db, CHANGE)).toMatchObject({ id: CHANGE });
  });

  it('a change is never an application, nor a survey to review', async () => {
    const db = await withGrant();
    await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: turning80 }, NOW);
    await db.cases.update(CHANGE, { status: 'submitted' });
    expect((await allowanceCases(db, LY_SON)).map((c) => c.id)).toEqual([GRANT]);
    expect((await allowanceCasesOf(db, MEMBER)).map((c) => c.id)).toEqual([GRANT]);
    expect(await allowanceCase(db, CHANGE)).toBeUndefined();
    expect(await casesToReview(db, LY_SON)).toEqual([]);
    expect(await surveysOf(db, MEMBER)).toEqual([]);
    expect(await changeCase(db, GRANT)).toBeUndefined();
  });

  it('queues nothing the server would refuse: no decided grant, a kind that does not fit, a death without its date', async () => {
    const pending = await withGrant('posted', false);
    expect(await submitChange(pending, { caseId: CHANGE, grantCaseId: GRANT, change: turning80 }, NOW)).toEqual({
      ok: false,
      issues: ['reject.changeGrantMissing'],
    });
    const db = await withGrant();
    const resume = { change: 'resume', reason: 'collected-again', proposedOn: '2026-07-20', effectiveMonth: '2026-08' };
    expect(await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: resume as never }, NOW)).toEqual({
      ok: false,
      issues: [encodeMessage('reject.changeNotApplicable', { change: 'resume', state: 'active', month: '2026-08' })],
    });
    // Not before the grant began, and a stop on death from the month after it, as the server decides.
    const early = { ...turning80, effectiveMonth: '2026-02' };
    expect(await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: early }, NOW)).toEqual({
      ok: false,
      issues: [encodeMessage('reject.changeBeforeGrant', { month: '2026-02', startMonth: '2026-03' })],
    });
    const sameMonth = {
      change: 'stop',
      reason: 'death',
      eventOn: '2026-07-05',
      proposedOn: '2026-07-20',
      effectiveMonth: '2026-07',
    } as const;
    expect(await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: sameMonth }, NOW)).toEqual({
      ok: false,
      issues: [encodeMessage('reject.changeDeathMonth', { month: '2026-08' })],
    });
    const death = { change: 'stop', reason: 'death', proposedOn: '2026-07-20', effectiveMonth: '2026-08' } as const;
    const undated = await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: death }, NOW);
    expect(undated.ok).toBe(false);
    expect(undated.ok ? [] : undated.issues).toEqual(['change.deathDate']);
    // A death dated tomorrow is a typing slip: refused here as the server refuses it.
    const dead = { ...death, eventOn: '2026-12-02', proposedOn: '2026-11-30', effectiveMonth: '2027-01' };
    const slip = await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: dead }, NOW);
    expect(slip.ok ? [] : slip.issues.map((m) => decodeMessage(m))).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ label: 'eventOn' }) }),
    ]);
    expect(await pending.outbox.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('the officer decides a change with its own workflow: the decision checked as the server checks it', async () => {
    const db = await withGrant();
    const give = (status: 'submitted' | 'approved', payload: Record<string, unknown>) =>
      giveCaseCommand(
        db,
        { kind: 'allowance-change', caseId: CHANGE, status, role: 'commune_officer', command: 'approve', payload },
        10,
      );
    const payload = { number: '30/QĐ-UBND', signedOn: '2026-08-03', signer: 'Chủ tịch', effectiveMonth: '2026-08' };
    // Without a month it takes effect from, or once decided, nothing goes.
    expect((await give('submitted', { ...payload, effectiveMonth: undefined })).ok).toBe(false);
    expect((await give('approved', payload)).ok).toBe(false);
    expect(await db.outbox.count()).toBe(0);
    expect((await give('submitted', payload)).ok).toBe(true);
    expect((await db.outbox.toArray())[0]?.op).toEqual({ kind: 'command', id: CHANGE, command: 'approve', payload });
  });

  it('a change returned to be corrected goes again as the same case: its data replaced whole, submitted again', async () => {
    const db = await withGrant();
    await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: { ...turning80, note: 'sai tháng' } }, NOW);
    await db.outbox.clear();
    await db.cases.update(CHANGE, { status: 'returned', version: 2 });
    const corrected = { ...turning80, effectiveMonth: '2026-09' };
    expect(await submitChange(db, { caseId: CHANGE, grantCaseId: GRANT, change: corrected }, NOW + 1)).toEqual({
      ok: true,
      id: CHANGE,
    });
    expect((await db.outbox.toArray()).map((e) => e.op.kind)).toEqual(['patch', 'command']);
    const data = (await db.cases.get(CHANGE))?.data as Record<string, unknown>;
    expect(data).toMatchObject({ effectiveMonth: '2026-09' });
    // What the correction left out is gone, not kept from before.
    expect(data).not.toHaveProperty('note');
    expect((await changesOfGrant(db, { id: GRANT, subjectId: MEMBER })).map((c) => c.id)).toEqual([CHANGE]);
  });
});
