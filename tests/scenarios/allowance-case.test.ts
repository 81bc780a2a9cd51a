/**
 * Issue 12 through devices (real Dexie on fake-indexeddb, the real engine and transport, the real server
 * in-process), on SQLite and PostgreSQL: an allowance application made offline on a collaborator's tablet, checked,
 * posted and decided by the officer on another device while the collaborator edits the person on the tablet.
 * Every step reaches the server exactly once, even when an answer is lost; the HIV status filed on the tablet is
 * on the officer's device and the server, never back on the tablet.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRecord } from '../../sync-server/src/store/records';
import { saveHousehold } from '../../src/db/households';
import { queueCommand, savePatch } from '../../src/db/outbox';
import { storageEngines } from '../support/engines';
import { createWorld } from '../support/world';
import { LY_SON, allowanceApplication, householdFields, memberFields } from '../support/fixtures';

const engines = await storageEngines('allowance case through devices');

for (const engine of engines) {
  describe.skipIf(!engine.available)(`allowance case through devices [${engine.name}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    it("#12 filed offline on tablet A, decided on the officer's device while A edits the person: each step once", async () => {
      const db = await engine.openFresh();
      cleanup.push(() => db.close());
      const w = await createWorld(db);
      const a = await w.device('ctv.lyson');
      const officer = await w.device('canbo.lyson');
      cleanup.push(
        async () => a.close(),
        async () => officer.close(),
      );

      // On the tablet, offline: the household, the person, the application (form 1b) and its submission.
      const saved = await saveHousehold(a.db, householdFields({ village: 'Thôn Đông An Vĩnh' }), { now: 1 });
      if (!saved.ok) throw new Error('not saved');
      const household = saved.id;
      const person = randomUUID();
      const caseId = randomUUID();
      const binh = () =>
        memberFields(household, { fullName: 'Lê Văn Bình', sex: 'male', birthDate: '1985-04-12', relation: 'chủ hộ' });
      await savePatch(a.db, 'member', person, binh(), 2);
      const application = allowanceApplication({
        form: '1b',
        filedOn: '2025-10-06',
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
      await savePatch(
        a.db,
        'case',
        caseId,
        { kind: 'allowance', subjectId: person, communeCode: LY_SON, note: '', data: application, sensitive },
        3,
      );
      await queueCommand(a.db, caseId, 'submit', undefined, 4);
      a.fault('drop-request');
      expect((await a.sync()).kind).toBe('retry');
      // Back in reach, the server applies the batch but its answer is lost; the retry applies nothing twice.
      a.fault('drop-answer');
      expect((await a.sync()).kind).toBe('retry');
      expect(await a.sync()).toMatchObject({ kind: 'done' });
      expect(await a.db.outbox.count()).toBe(0);
      // Once the server holds it, a form 1b application leaves the tablet: the server sends a collaborator a removal.
      expect(await a.db.cases.get(caseId)).toBeUndefined();

      await officer.sync();
      expect(await officer.db.cases.get(caseId)).toMatchObject({ status: 'submitted', sensitive });

      // The officer checks, posts and records the chairman's decision; the collaborator meanwhile corrects the
      // person's occupation on the tablet (offline, the two devices never see each other's change first).
      await queueCommand(officer.db, caseId, 'verify', undefined, 5, { checkedOn: '2025-10-07', result: 'matches' });
      await queueCommand(officer.db, caseId, 'post', undefined, 6);
      await queueCommand(officer.db, caseId, 'approve', undefined, 7, {
        number: '42/QĐ-UBND',
        signedOn: '2025-10-20',
        signer: 'Trần Văn Chủ',
        categoryCode: 'hiv-adult-poor',
        coefficient: 1.5,
        amount: 750_000,
        startMonth: '2025-10',
      });
      await savePatch(a.db, 'member', person, { ...binh(), occupation: 'self-employed' }, 8);
      officer.fault('drop-answer');
      expect((await officer.sync()).kind).toBe('retry');
      expect(await officer.sync()).toMatchObject({ kind: 'done' });
      expect(await a.sync()).toMatchObject({ kind: 'done' });
      await officer.sync();

      const stored = await getRecord(db, caseId);
      const history = (stored?.data.history ?? []) as { command: string }[];
      expect(history.map((h) => h.command)).toEqual(['submit', 'verify', 'post', 'approve']);
      expect(stored?.data).toMatchObject({
        status: 'approved',
        sensitive,
        idCheck: { checkedOn: '2025-10-07', result: 'matches' },
        decision: { number: '42/QĐ-UBND', amount: 750_000, clause: '5(8)' },
      });
      expect((stored?.data.posting as { from?: string } | undefined)?.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((await getRecord(db, person))?.data.occupation).toBe('self-employed');
      // Both devices agree on the person; the decided case is on the officer's device only.
      for (const device of [a, officer]) {
        expect((await device.db.members.get(person))?.occupation).toBe('self-employed');
        expect(await device.db.outbox.count()).toBe(0);
      }
      expect(await officer.db.cases.get(caseId)).toMatchObject({ status: 'approved', decision: { amount: 750_000 } });
      expect(await a.db.cases.get(caseId)).toBeUndefined();
      expect((await officer.db.cases.get(caseId))?.sensitive).toEqual(sensitive);
    });
  });
}
