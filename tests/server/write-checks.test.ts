/**
 * Issue 9, items 2 and 3, found by a review of the first fixes: every write of a record's fields — a device's
 * patch or an officer's decision on a conflict — goes through the same checks (sync-server/src/sync/apply/
 * checked-fields.ts), and what loses a conflict is a value the record could hold. On SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { push } from '../../sync-server/src/sync/push';
import { getRecord } from '../../sync-server/src/store/records';
import { MAX_CANDIDATES } from '../../sync-server/src/sync/apply/patch';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  applicationFiledBeforeContext,
  BA_TO,
  LY_SON,
  createMutation,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyAnswers,
  surveyCaseFields,
} from '../support/fixtures';

const engines = await storageEngines('write checks');
const officer = (scope = [LY_SON]) =>
  pushContext({ role: 'commune_officer', userId: 'officer', scope: new Set(scope) });
const forged = {
  classification: 'poor',
  deprivationCount: 9,
  perCapitaIncome: 1,
  standard: 'giả',
  rulePack: 'giả',
  provisional: false,
};

for (const engine of engines) {
  describe.skipIf(!engine.available)(`write checks [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);

    /** A survey case whose `data` has an open conflict: device B's value, with its own result, lost to A's. */
    async function surveyWithDataConflict(db: Database) {
      const household = randomUUID();
      const caseId = randomUUID();
      await push(db, pushContext(), [
        createMutation(1, {}, household),
        patchMutation(2, caseId, surveyCaseFields(household), 0, 'case'),
      ]);
      const base = (await getRecord(db, caseId))!.version;
      await push(db, pushContext(), [
        patchMutation(1, caseId, { data: { answers: surveyAnswers({ householdIncome: 2_500_000 }) } }, base, 'case'),
      ]);
      const late = await push(db, pushContext(), [
        patchMutation(
          1,
          caseId,
          { data: { answers: surveyAnswers({ householdIncome: 20_000_000 }), result: forged } },
          base,
          'case',
        ),
      ]);
      expect(late.results[0]).toMatchObject({ status: 'conflict', fields: ['data'] });
      const conflict = await db.get<{ id: string }>(
        "SELECT id FROM records WHERE type = 'conflict' AND parent_id = ?",
        [caseId],
      );
      const candidates = ((await getRecord(db, conflict!.id))!.data as { candidates: { value: unknown }[] }).candidates;
      return { caseId, conflictId: conflict!.id, lost: candidates[1]!.value };
    }

    it("#9.3 an officer choosing the losing survey answers gets the server's classification, not the device's", async () => {
      const db = await fresh();
      const { caseId, conflictId, lost } = await surveyWithDataConflict(db);
      const outcome = await push(db, officer(), [mutation(1, { kind: 'resolve', id: conflictId, value: lost })]);
      expect(outcome.results[0]?.status).toBe('applied');
      const data = (await getRecord(db, caseId))!.data.data as {
        result: { rulePack: string; classification: string };
        deviceResult?: unknown;
      };
      expect(data.result.rulePack).not.toBe('giả');
      expect(data.result.classification).not.toBe('poor');
      expect(data.deviceResult).toEqual(forged);
    });

    it('#9.3 a conflict on a case already sent for review is not decided into it', async () => {
      const db = await fresh();
      const { caseId, conflictId, lost } = await surveyWithDataConflict(db);
      await push(db, pushContext(), [mutation(1, { kind: 'command', id: caseId, command: 'submit' })]);
      const outcome = await push(db, officer(), [mutation(1, { kind: 'resolve', id: conflictId, value: lost })]);
      expect(outcome.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('đã gửi duyệt') });
    });

    it('#9.2 a decision cannot point a case at a household of another commune', async () => {
      const db = await fresh();
      const [household, elsewhere, caseId] = [randomUUID(), randomUUID(), randomUUID()];
      await push(db, officer([BA_TO]), [createMutation(1, { communeCode: BA_TO }, elsewhere)]);
      await push(db, pushContext(), [
        createMutation(1, {}, household),
        patchMutation(2, caseId, surveyCaseFields(household), 0, 'case'),
      ]);
      const base = (await getRecord(db, caseId))!.version;
      await push(db, pushContext(), [patchMutation(1, caseId, { note: 'A' }, base, 'case')]);
      // The other commune's id reaches the officer only as a candidate of a conflict on `subjectId`.
      const sibling = randomUUID();
      await push(db, pushContext(), [
        createMutation(1, {}, sibling),
        patchMutation(2, caseId, { subjectId: sibling }, 0, 'case'),
      ]);
      const conflict = await db.get<{ id: string }>(
        "SELECT id FROM records WHERE type = 'conflict' AND parent_id = ?",
        [caseId],
      );
      const outcome = await push(db, officer(), [mutation(1, { kind: 'resolve', id: conflict!.id, value: elsewhere })]);
      expect(outcome.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('hộ gia đình') });
      expect(await getRecord(db, caseId)).toMatchObject({ parentId: household, data: { subjectId: household } });
    });

    it('#9.3 a case turned from an allowance into a survey is classified by the server', async () => {
      const db = await fresh();
      const [household, member, caseId] = [randomUUID(), randomUUID(), randomUUID()];
      await push(db, pushContext(), [
        createMutation(1, {}, household),
        patchMutation(2, member, memberFields(household), 0, 'member'),
        patchMutation(
          3,
          caseId,
          {
            communeCode: LY_SON,
            kind: 'allowance',
            subjectId: member,
            note: '',
            data: applicationFiledBeforeContext(),
          },
          0,
          'case',
        ),
      ]);
      const base = (await getRecord(db, caseId))!.version;
      const outcome = await push(db, pushContext(), [
        patchMutation(
          1,
          caseId,
          { kind: 'survey', subjectId: household, data: { answers: surveyAnswers(), result: forged } },
          base,
          'case',
        ),
      ]);
      expect(outcome.results[0]?.status).toBe('applied');
      const data = (await getRecord(db, caseId))!.data.data as { result: { rulePack: string }; deviceResult?: unknown };
      expect(data.result.rulePack).not.toBe('giả');
      expect(data.deviceResult).toEqual(forged);
    });

    it('#9.4 a losing value the record could not hold is refused, not kept as a candidate', async () => {
      const db = await fresh();
      const id = randomUUID();
      await push(db, pushContext(), [createMutation(1, {}, id)]);
      const base = (await getRecord(db, id))!.version;
      await push(db, pushContext(), [patchMutation(1, id, { headName: 'Nguyễn Văn Một' }, base)]);
      const junk = await push(db, pushContext(), [
        patchMutation(1, id, { headName: Array.from({ length: 48 }, () => 'x'.repeat(20_000)) }, base),
      ]);
      expect(junk.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('headName') });
      expect(await db.get("SELECT id FROM records WHERE type = 'conflict' AND parent_id = ?", [id])).toBeUndefined();
    });

    it(`#9.4 one conflict holds at most ${MAX_CANDIDATES} values; the next is refused with a reason and the rest of its batch applies`, async () => {
      const db = await fresh();
      const id = randomUUID();
      await push(db, pushContext(), [createMutation(1, {}, id)]);
      const base = (await getRecord(db, id))!.version;
      await push(db, pushContext(), [patchMutation(1, id, { notes: 'giá trị 0' }, base)]);
      for (let i = 1; i < MAX_CANDIDATES; i++)
        expect(
          (await push(db, pushContext(), [patchMutation(1, id, { notes: `giá trị ${i}` }, base)])).results[0]?.status,
        ).toBe('conflict');
      const over = await push(db, pushContext(), [
        patchMutation(1, id, { notes: 'một giá trị nữa' }, base),
        createMutation(2),
      ]);
      expect(over.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
      const conflict = await db.get<{ id: string }>(
        "SELECT id FROM records WHERE type = 'conflict' AND parent_id = ?",
        [id],
      );
      expect(((await getRecord(db, conflict!.id))!.data as { candidates: unknown[] }).candidates).toHaveLength(
        MAX_CANDIDATES,
      );
    });

    it('#9.2 a household that moves takes its look-alike keys: the same CCCD registered in its new commune is flagged', async () => {
      const db = await fresh();
      const both = () => officer([LY_SON, BA_TO]);
      const [household, member] = [randomUUID(), randomUUID()];
      const citizenId = '051190004321';
      await push(db, both(), [
        createMutation(1, {}, household),
        patchMutation(2, member, memberFields(household, { citizenId }), 0, 'member'),
      ]);
      await push(db, both(), [
        patchMutation(1, household, { communeCode: BA_TO }, (await getRecord(db, household))!.version),
      ]);
      const baToHousehold = randomUUID();
      await push(db, both(), [
        createMutation(1, { communeCode: BA_TO }, baToHousehold),
        patchMutation(
          2,
          randomUUID(),
          memberFields(baToHousehold, { communeCode: BA_TO, citizenId, fullName: 'Người Khác Tên' }),
          0,
          'member',
        ),
      ]);
      const clusters = await db.all<{ commune: string; data: string }>(
        "SELECT commune, data FROM records WHERE type = 'duplicate'",
      );
      expect(clusters.filter((c) => c.data.includes(member)).map((c) => c.commune)).toEqual([BA_TO]);
    });
  });
}
