import { freshDeviceDatabases } from '../../tests/support/device-db';
import { describe, expect, it } from 'vitest';
import { editableRecordsOf, recordsOf } from './records';
import { damages, emergencies, emergencyWithRelief, reliefRounds } from './relief';
import { surveysOf } from './cases';
import { decodeMessage } from '../shared/messages';
import { formatVi } from '../shared/messages-vi';
import { saveHousehold } from './households';
import {
  allowanceApplication,
  householdFields,
  memberFields,
  surveyAnswers,
  surveyCaseFields,
} from '../../tests/support/fixtures';
import { membersOf, saveMember } from './members';

const fresh = freshDeviceDatabases('records');
const NOW = Date.parse('2026-10-20T08:00:00+07:00');
const emergency = {
  communeCode: '21548',
  type: 'storm',
  date: '2026-10-19',
  villages: ['Thôn Đông'],
  description: '',
} as const;

describe('typed reads and saves built from a kind declaration', () => {
  it('a save checks the schema first and writes nothing when it fails, field by field', async () => {
    const db = fresh();
    const saved = await emergencies.save(db, { ...emergency, villages: [], date: '19/10/2026' }, { now: NOW });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(Object.keys(saved.issues).sort()).toEqual(['date', 'villages']);
    expect(await db.emergencies.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a save refuses a date in the future by the server clock, as the server would, and writes nothing', async () => {
    const db = fresh();
    const saved = await emergencies.save(db, { ...emergency, date: '2026-10-25' }, { now: NOW });
    expect(saved).toMatchObject({ ok: false, issues: {} });
    expect(saved.ok ? '' : formatVi(decodeMessage(saved.message ?? ''))).toMatch(/tương lai/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a saved record reads back typed, with its id and version; a second identical save queues nothing', async () => {
    const db = fresh();
    const saved = await emergencies.save(db, emergency, { now: NOW });
    if (!saved.ok) throw new Error('not saved');
    expect(await emergencies.get(db, saved.id)).toEqual({
      ...emergency,
      villages: ['Thôn Đông'],
      id: saved.id,
      version: 0,
    });
    expect(await emergencies.save(db, emergency, { id: saved.id, now: NOW })).toEqual({
      ok: true,
      id: saved.id,
      changed: false,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('a row that does not pass its schema is never shown as fine: get answers undefined, a list counts it', async () => {
    const db = fresh();
    const saved = await emergencies.save(db, emergency, { now: NOW });
    if (!saved.ok) throw new Error('not saved');
    // As an older app (or damaged storage) could have left it.
    await db.emergencies.put({ id: 'bad', version: 3, communeCode: '21548', type: 'meteor', date: 'soon' });
    await db.emergencies.put({ id: 'gone', version: 3, ...emergency, deleted: true });
    expect(await emergencies.get(db, 'bad')).toBeUndefined();
    expect(await emergencies.get(db, 'gone')).toBeUndefined();
    const listed = await emergencies.where(db, 'communeCode', '21548');
    expect(listed.records.map((e) => e.id)).toEqual([saved.id]);
    expect(listed.unreadable).toBe(1);
  });

  it('#11 a member born before 1900, synced before that rule, is listed and editable; a year before 1900 typed is refused', async () => {
    const db = fresh();
    const household = await saveHousehold(db, householdFields(), { now: NOW });
    if (!household.ok) throw new Error('not saved');
    // As a sync before the rule left it on the device.
    const old = { ...memberFields(household.id, { fullName: 'Lê Thị Cụ', birthDate: '1850' }), id: 'old', version: 4 };
    await db.members.put({ ...old, terms: [] });
    const listed = await membersOf(db, household.id);
    expect(listed.members.map((m) => [m.fullName, m.birthDate])).toEqual([['Lê Thị Cụ', '1850']]);
    expect(listed.unreadable).toBe(0);

    // Another field changed, the birth year left as it is: saved and queued.
    const { id: _id, version: _version, ...fields } = old;
    const marked = await saveMember(db, { ...fields, status: 'deceased' }, { id: 'old', now: NOW });
    expect(marked).toEqual({ ok: true, id: 'old', changed: true });
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => (e.op.kind === 'patch' ? Object.keys(e.op.fields) : []))).toContainEqual(['status']);

    // A year before 1900 typed — on this record or a new one — is refused at the field; nothing is written.
    const outbox = await db.outbox.count();
    for (const [birthDate, id] of [
      ['1851', 'old'],
      ['1850', undefined],
    ] as const) {
      const saved = await saveMember(db, { ...fields, birthDate }, { ...(id ? { id } : {}), now: NOW });
      expect(saved.ok ? '' : formatVi(decodeMessage(saved.issues.birthDate?.[0] ?? ''))).toBe(
        'Năm phải từ 1900 trở đi',
      );
    }
    expect(await db.outbox.count()).toBe(outbox);
    expect((await membersOf(db, household.id)).members.map((m) => m.birthDate)).toEqual(['1850']);

    // Corrected: saved.
    expect((await saveMember(db, { ...fields, birthDate: '1950' }, { id: 'old', now: NOW })).ok).toBe(true);
  });

  it('an emergency comes with its damage, rounds and handouts, all typed, and the unreadable ones counted', async () => {
    const db = fresh();
    const event = await emergencies.save(db, emergency, { now: NOW });
    if (!event.ok) throw new Error('not saved');
    const damage = {
      communeCode: '21548',
      emergencyId: event.id,
      headName: 'Phạm Văn Lũ',
      village: 'Thôn Đông',
      followUp: true,
      members: 4,
      status: 'poor',
      hungryMembers: 4,
      deaths: 0,
      missing: 0,
      deadMonthlyBeneficiaries: 0,
      injuredDays: [],
      houseLost: false,
      hasOtherHome: false,
      relocationOrdered: false,
      severeDamage: false,
      childrenWithoutParents: 0,
      assessedOn: '2026-10-19',
    };
    expect((await damages.save(db, damage, { now: NOW })).ok).toBe(true);
    await db.damages.put({ id: 'broken', version: 1, communeCode: '21548', emergencyId: event.id, members: 'four' });
    const round = await reliefRounds.save(
      db,
      {
        communeCode: '21548',
        emergencyId: event.id,
        name: 'Bão',
        date: '2026-10-20',
        items: [{ item: 'rice', itemName: 'Gạo', unit: 'kg', available: 100, source: 'budget' }],
        plannedHouseholdIds: [],
      },
      { now: NOW },
    );
    expect(round.ok).toBe(true);
    const state = await emergencyWithRelief(db, event.id);
    expect(state.event?.villages).toEqual(['Thôn Đông']);
    expect(state.damages?.map((d) => d.members)).toEqual([4]);
    expect(state.rounds?.map((r) => r.items[0]?.itemName)).toEqual(['Gạo']);
    expect(state.unreadable).toBe(1);
  });

  it('a case is checked with the data of its kind: a survey without answers is refused, an allowance stays open JSON', async () => {
    const db = fresh();
    const household = await saveHousehold(db, householdFields(), { now: NOW });
    if (!household.ok) throw new Error('not saved');
    const cases = editableRecordsOf('case');
    const noAnswers = await cases.save(db, surveyCaseFields(household.id, { result: 'poor' }), { now: NOW });
    expect(noAnswers.ok).toBe(false);
    expect(noAnswers.ok ? [] : Object.keys(noAnswers.issues).sort()).toEqual(['data.answers', 'data.result']);
    const tooMany = await cases.save(
      db,
      surveyCaseFields(household.id, {
        answers: { ...surveyAnswers(), malnourished: Array.from({ length: 101 }, (_, i) => `m${i}`) },
      }),
      { now: NOW },
    );
    expect(tooMany.ok).toBe(false);
    expect((await cases.save(db, surveyCaseFields(household.id), { now: NOW })).ok).toBe(true);
    expect(
      (
        await cases.save(
          db,
          { ...surveyCaseFields(household.id), kind: 'allowance', data: allowanceApplication() },
          { now: NOW },
        )
      ).ok,
    ).toBe(true);
    const surveys = await surveysOf(db, household.id);
    expect(surveys).toHaveLength(1);
    expect(surveys[0]?.status).toBe('draft');
  });

  it('server-made kinds read typed too, with no save', async () => {
    const conflicts = recordsOf('conflict');
    expect('save' in conflicts).toBe(false);
    const db = fresh();
    await db.conflicts.put({
      id: 'c1',
      version: 2,
      communeCode: '21548',
      recordType: 'household',
      recordId: 'h1',
      field: 'phone',
      candidates: [],
      status: 'open',
    });
    expect((await conflicts.get(db, 'c1'))?.field).toBe('phone');
  });
});
