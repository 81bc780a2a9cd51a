import { describe, expect, it } from 'vitest';
import { freshDeviceDatabases } from '../../tests/support/device-db';
import { allowanceApplication, memberFields } from '../../tests/support/fixtures';
import { newId } from '../shared/ids';
import { formatVi } from '../shared/messages-vi';
import { decodeMessage } from '../shared/messages';
import { saveHousehold } from './households';
import { saveMember } from './members';
import { loadDraft, saveDraft } from './drafts';
import { pendingAttachments } from './attachments';
import { allowanceCasesOf, allowanceDraftKey, dropPaperPhoto, keepPaperPhoto, submitAllowance } from './allowance';

const fresh = freshDeviceDatabases();
const household = {
  headName: 'Nguyễn Thị Hoa',
  communeCode: '21548',
  village: 'Thôn Đông An Vĩnh',
  address: 'Số 12',
  area: 'rural',
  notes: '',
};

async function registered() {
  const db = fresh();
  const saved = await saveHousehold(db, household, { now: 1 });
  if (!saved.ok) throw new Error('not saved');
  const member = await saveMember(db, memberFields(saved.id, { birthDate: '1944-05-10' }), { now: 2 });
  if (!member.ok) throw new Error('not saved');
  return { db, memberId: member.id };
}

describe('allowance applications on the device', () => {
  it('sends an application: the case, its submit command after it, the draft forgotten; listed with its status', async () => {
    const { db, memberId } = await registered();
    const caseId = newId(3);
    const draftKey = allowanceDraftKey(memberId);
    await saveDraft(db, draftKey, { form: '1d' }, 3);
    const before = await db.outbox.count();
    const sent = await submitAllowance(
      db,
      { caseId, memberId, communeCode: '21548', application: allowanceApplication(), draftKey },
      Date.parse('2026-03-02T05:00:00Z'),
    );
    expect(sent).toEqual({ ok: true, id: caseId });
    const queued = (await db.outbox.orderBy('seq').toArray()).slice(before);
    expect(queued.map((e) => e.op.kind)).toEqual(['patch', 'command']);
    expect(queued.every((e) => e.recordId === caseId)).toBe(true);
    expect(await loadDraft(db, draftKey)).toBeUndefined();
    expect(await allowanceCasesOf(db, memberId)).toEqual([
      { id: caseId, status: 'draft', form: '1d', filedOn: '2026-03-02', version: 0 },
    ]);
  });

  it('queues nothing the server would refuse: an application received on 31/02', async () => {
    const { db, memberId } = await registered();
    const before = await db.outbox.count();
    const sent = await submitAllowance(
      db,
      {
        caseId: newId(3),
        memberId,
        communeCode: '21548',
        application: { ...allowanceApplication(), filedOn: '2026-02-31' },
        draftKey: allowanceDraftKey(memberId),
      },
      4,
    );
    expect(sent.ok).toBe(false);
    expect(await db.outbox.count()).toBe(before);
  });

  it('#12 queues no application filed tomorrow: the date is refused, said as a typing slip', async () => {
    const { db, memberId } = await registered();
    const before = await db.outbox.count();
    const now = Date.parse('2026-03-02T03:00:00Z');
    const sent = await submitAllowance(
      db,
      {
        caseId: newId(3),
        memberId,
        communeCode: '21548',
        application: { ...allowanceApplication(), filedOn: '2026-03-03' },
        draftKey: allowanceDraftKey(memberId),
      },
      now,
    );
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(formatVi(decodeMessage(sent.issues[0]!))).toContain('Ngày nộp hồ sơ');
    expect(await db.outbox.count()).toBe(before);
  });

  it('#12 a photo of a draft is not sent until the application is: a draft given up never sends it', async () => {
    const { db, memberId } = await registered();
    const caseId = newId(3);
    const abandoned = newId(4);
    const bytes = new Uint8Array([9, 8, 7]).buffer;
    const hash = await keepPaperPhoto(db, { caseId, communeCode: '21548', bytes }, 5);
    await keepPaperPhoto(db, { caseId: abandoned, communeCode: '21548', bytes: new Uint8Array([1]).buffer }, 6);
    expect(await pendingAttachments(db)).toEqual([]);
    const application = { ...allowanceApplication(), photos: [hash] };
    const sent = await submitAllowance(
      db,
      { caseId, memberId, communeCode: '21548', application, draftKey: allowanceDraftKey(memberId) },
      Date.parse('2026-03-02T05:00:00Z'),
    );
    expect(sent.ok).toBe(true);
    expect((await pendingAttachments(db)).map((a) => a.hash)).toEqual([hash]);
  });

  it('keeps a paper’s photo for the case, once for the same bytes, and drops it if taken off before it went up', async () => {
    const { db } = await registered();
    const caseId = newId(3);
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    const hash = await keepPaperPhoto(db, { caseId, communeCode: '21548', bytes }, 5);
    expect(await keepPaperPhoto(db, { caseId, communeCode: '21548', bytes }, 6)).toBe(hash);
    expect(await db.attachments.get(hash)).toMatchObject({ recordId: caseId, uploaded: 0, meta: { kind: 'photo' } });
    // Another case's photo is not this one's to drop.
    await dropPaperPhoto(db, hash, newId(7));
    expect(await db.attachments.count()).toBe(1);
    await dropPaperPhoto(db, hash, caseId);
    expect(await db.attachments.count()).toBe(0);
  });
});
