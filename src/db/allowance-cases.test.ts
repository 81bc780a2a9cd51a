import { describe, expect, it } from 'vitest';
import { freshDeviceDatabases } from '../../tests/support/device-db';
import { allowanceApplication, LY_SON } from '../../tests/support/fixtures';
import { allowanceCase, allowanceCases, giveCaseCommand } from './cases';

const fresh = freshDeviceDatabases();
const CASE = '0190a000-0000-7000-8000-000000000001';
const MEMBER = '0190a000-0000-7000-8000-000000000002';

async function withCase(status: string) {
  const db = fresh();
  await db.cases.put({
    id: CASE,
    version: 3,
    communeCode: LY_SON,
    kind: 'allowance',
    subjectId: MEMBER,
    note: '',
    data: allowanceApplication(),
    status,
    history: [],
  } as never);
  return db;
}

describe('allowance applications on the device (issue 12)', () => {
  it('reads a commune’s applications with their steps', async () => {
    const db = await withCase('submitted');
    const [read] = await allowanceCases(db, LY_SON);
    expect(read).toMatchObject({ id: CASE, status: 'submitted', application: { form: '1d' } });
    expect(await allowanceCase(db, CASE)).toMatchObject({ id: CASE });
    expect(await allowanceCases(db, '99999')).toEqual([]);
  });

  it('queues a step with its payload, checked by the workflow first', async () => {
    const db = await withCase('submitted');
    const payload = { checkedOn: '2026-03-03', result: 'matches' };
    const given = await giveCaseCommand(
      db,
      { kind: 'allowance', caseId: CASE, status: 'submitted', role: 'commune_officer', command: 'verify', payload },
      10,
    );
    expect(given.ok).toBe(true);
    const [entry] = await db.outbox.toArray();
    expect(entry?.op).toEqual({ kind: 'command', id: CASE, command: 'verify', payload });
  });

  it('sends nothing the server would refuse: a collaborator, a wrong status, a payload missing a field', async () => {
    const db = await withCase('submitted');
    const give = (role: 'collaborator' | 'commune_officer', command: 'verify' | 'approve', payload: object) =>
      giveCaseCommand(
        db,
        { kind: 'allowance', caseId: CASE, status: 'submitted', role, command, payload: { ...payload } },
        10,
      );
    expect((await give('collaborator', 'verify', { checkedOn: '2026-03-03', result: 'matches' })).ok).toBe(false);
    expect((await give('commune_officer', 'approve', {})).ok).toBe(false);
    expect((await give('commune_officer', 'verify', { result: 'matches' })).ok).toBe(false);
    expect(await db.outbox.count()).toBe(0);
  });
});
