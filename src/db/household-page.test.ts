import { describe, expect, it } from 'vitest';
import { freshDeviceDatabases } from '../../tests/support/device-db';
import { memberFields } from '../../tests/support/fixtures';
import { householdPageState } from './household-page';
import { saveHousehold } from './households';
import { saveMember } from './members';
import { queueCommand } from './outbox';
import { saveDraft } from './drafts';

const MEMBER_SAVED_AT = Date.parse('2026-12-02T10:00:00+07:00');
const household = {
  headName: 'Nguyễn Văn Đức',
  communeCode: '21548',
  village: 'Thôn Đông An Vĩnh',
  address: 'Tổ 2',
  area: 'rural',
  notes: '',
};
const fresh = freshDeviceDatabases();

describe('the household page read in one transaction', () => {
  it('holds the household, its members oldest first, the changes waiting for them only, and the draft', async () => {
    const db = fresh();
    const saved = await saveHousehold(db, household, { now: 1 });
    const other = await saveHousehold(db, { ...household, headName: 'Trần Thị Mai' }, { now: 2 });
    if (!saved.ok || !other.ok) throw new Error('not saved');
    const young = await saveMember(db, memberFields(saved.id, { birthDate: '2015-05-20' }), { now: MEMBER_SAVED_AT });
    const old = await saveMember(db, memberFields(saved.id, { fullName: 'Nguyễn Văn Đức', birthDate: '1970-01-02' }), {
      now: MEMBER_SAVED_AT,
    });
    if (!young.ok || !old.ok) throw new Error('not saved');
    await queueCommand(db, 'case-elsewhere', 'submit', undefined, 3);
    await saveDraft(db, `survey:${saved.id}`, { period: 'annual' }, 4);

    const state = await householdPageState(db, saved.id);
    expect(state.household).toMatchObject({ ...household, id: saved.id });
    expect(state.members.members.map((m) => m.id)).toEqual([old.id, young.id]);
    expect(state.members.unreadable).toBe(0);
    // The other household and a command about a record not on this page are not among its waiting changes.
    expect(state.pending).toEqual(new Set([saved.id, young.id, old.id]));
    expect(state.submits).toEqual(new Set());
    expect(state.surveys).toEqual([]);
    expect(state.rejections).toEqual([]);
    expect(state.surveyDraft).toEqual({ value: { period: 'annual' }, updatedAt: 4 });
  });

  it('answers no household for one that is not on the device, deleted, or unreadable', async () => {
    const db = fresh();
    expect((await householdPageState(db, 'nowhere')).household).toBeUndefined();
    const saved = await saveHousehold(db, household, { now: 1 });
    if (!saved.ok) throw new Error('not saved');
    await db.households.update(saved.id, { headName: 42 });
    expect((await householdPageState(db, saved.id)).household).toBeUndefined();
    await db.households.update(saved.id, { headName: 'Nguyễn Văn Đức', deleted: true });
    expect((await householdPageState(db, saved.id)).household).toBeUndefined();
  });
});
