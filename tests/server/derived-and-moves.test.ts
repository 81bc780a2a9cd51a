/**
 * Issue 9, items 2 and 3 (beyond the role matrix): the server classifies surveys itself, no patch skips conflict
 * detection, and what belongs to a household moves with it. On SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { MIGRATIONS } from '../../sync-server/src/db/migrations';
import { push } from '../../sync-server/src/sync/push';
import { pull } from '../../sync-server/src/sync/pull';
import { encodeChanges } from '../../src/shared/wire';
import { getRecord, putRecord } from '../../sync-server/src/store/records';
import { expandVersions, type WireChange } from '../../src/shared/protocol';
import { classifySurvey } from '../../src/domain/poverty/survey-result';
import type { MemberFields } from '../../src/shared/records/member';
import type { SurveyAnswers } from '../../src/shared/records/survey';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  applicationFiledBeforeContext,
  BA_TO,
  LY_SON,
  createMutation,
  distributionData,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyAnswers,
  surveyCaseFields,
} from '../support/fixtures';

const engines = await storageEngines('derived values and moves');
const LIMITS = { rows: 1000, bytes: 10_000_000 };

for (const engine of engines) {
  describe.skipIf(!engine.available)(`derived values and moves [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    const changes = async (db: Database, commune: string) =>
      expandVersions(
        JSON.parse(encodeChanges((await pull(db, [{ commune, cursor: 0 }], LIMITS)).changes)) as WireChange[],
      );

    /** A household of two adults, and the result an honest tablet computes for it. */
    async function household(db: Database, answers: SurveyAnswers) {
      const id = randomUUID();
      const members = [
        memberFields(id, {
          fullName: 'Võ Văn Lưới',
          birthDate: '1980-01-01',
          relation: 'chủ hộ',
          occupation: 'self-employed',
          schooling: 'lower-secondary',
          studying: false,
        }),
        memberFields(id, {
          fullName: 'Võ Thị Chài',
          birthDate: '1982-01-01',
          relation: 'vợ',
          occupation: 'self-employed',
          schooling: 'lower-secondary',
          studying: false,
        }),
      ];
      const ids = members.map(() => randomUUID());
      await push(db, pushContext(), [
        createMutation(1, {}, id),
        ...members.map((m, i) => patchMutation(i + 2, ids[i]!, m, 0, 'member')),
      ]);
      const honest = classifySurvey({
        area: 'rural',
        members: members.map((m, i) => ({ ...(m as MemberFields), id: ids[i]! })),
        answers,
      }).result;
      return { id, honest };
    }

    it("#9.3 a device's classification is not stored as sent: the server classifies the survey and keeps the claim beside its own", async () => {
      const db = await fresh();
      const answers = surveyAnswers({ householdIncome: 18_000_000 }) as SurveyAnswers;
      const { id: householdId, honest } = await household(db, answers);
      const caseId = randomUUID();
      const claimed = { ...honest, classification: 'poor', perCapitaIncome: 1_000_000 };
      const outcome = await push(db, pushContext(), [
        patchMutation(1, caseId, surveyCaseFields(householdId, { answers, result: claimed }), 0, 'case'),
      ]);
      expect(outcome.results[0]?.status).toBe('applied');
      const stored = (await getRecord(db, caseId))?.data.data as {
        result: { classification: string; perCapitaIncome: number };
        deviceResult?: unknown;
      };
      expect(stored.result).toEqual(honest);
      expect(stored.result.classification).not.toBe('poor');
      expect(stored.result.perCapitaIncome).toBe(9_000_000);
      expect(stored.deviceResult).toEqual(claimed);
    });

    it("an honest device's result is stored without a disagreement", async () => {
      const db = await fresh();
      const answers = surveyAnswers() as SurveyAnswers;
      const { id: householdId, honest } = await household(db, answers);
      const caseId = randomUUID();
      await push(db, pushContext(), [
        patchMutation(1, caseId, surveyCaseFields(householdId, { answers, result: honest }), 0, 'case'),
      ]);
      expect((await getRecord(db, caseId))?.data.data).toEqual({ answers, result: honest });
    });

    it('a survey whose answers are not a survey is refused with the field named', async () => {
      const db = await fresh();
      const { id: householdId } = await household(db, surveyAnswers() as SurveyAnswers);
      const outcome = await push(db, pushContext(), [
        patchMutation(
          1,
          randomUUID(),
          surveyCaseFields(householdId, { answers: { ...surveyAnswers(), householdIncome: -5 } }),
          0,
          'case',
        ),
      ]);
      expect(outcome.results[0]).toMatchObject({
        status: 'rejected',
        reason: expect.stringContaining('householdIncome'),
      });
    });

    it('a survey sent for review is classified again over the registry as it is then', async () => {
      const db = await fresh();
      const answers = surveyAnswers() as SurveyAnswers;
      const { id: householdId } = await household(db, answers);
      const caseId = randomUUID();
      await push(db, pushContext(), [patchMutation(1, caseId, surveyCaseFields(householdId, { answers }), 0, 'case')]);
      expect(
        ((await getRecord(db, caseId))!.data.data as { result: { perCapitaIncome: number } }).result.perCapitaIncome,
      ).toBe(1_500_000);
      await push(db, pushContext(), [
        patchMutation(1, randomUUID(), memberFields(householdId, { fullName: 'Võ Thị Bé' }), 0, 'member'),
        mutation(2, { kind: 'command', id: caseId, command: 'submit' }),
      ]);
      expect(
        ((await getRecord(db, caseId))!.data.data as { result: { perCapitaIncome: number } }).result.perCapitaIncome,
      ).toBe(1_000_000);
    });

    it("#9.3 a schema-1 household.put does not overwrite a colleague's value: it makes a conflict", async () => {
      const db = await fresh();
      const id = randomUUID();
      await push(db, pushContext(), [createMutation(1, { notes: 'Nhà dột' }, id)]);
      const old = {
        seq: 1,
        id: randomUUID(),
        schema: 1,
        at: 5,
        op: { kind: 'household.put', recordId: id, patch: { notes: 'ghi đè', address: 'Tổ 4' } },
      };
      const outcome = await push(db, pushContext(), [old]);
      expect(outcome.results[0]).toMatchObject({ status: 'conflict', fields: ['notes', 'address'] });
      expect((await getRecord(db, id))?.data).toMatchObject({ notes: 'Nhà dột', address: 'Tổ 2' });
    });

    it('#9.3 a patch with a null base is refused with the field named; the rest of the batch applies', async () => {
      const db = await fresh();
      const id = randomUUID();
      await push(db, pushContext(), [createMutation(1, {}, id)]);
      const nullBase = mutation(1, {
        kind: 'patch',
        type: 'household',
        id,
        fields: { notes: ['không có gốc', null] },
      } as never);
      const good = patchMutation(2, id, { address: 'Tổ 8' }, (await getRecord(db, id))!.version);
      const outcome = await push(db, pushContext({ clientId: randomUUID() }), [nullBase, good]);
      expect(outcome.results).toMatchObject([
        { status: 'rejected', reason: expect.stringContaining('fields') },
        { status: 'applied' },
      ]);
      expect((await getRecord(db, id))?.data).toMatchObject({ notes: '', address: 'Tổ 8' });
    });

    it('#9.2 a household that moves takes its members, surveys (with their answers) and allowance cases; its relief ledger stays', async () => {
      const db = await fresh();
      const both = pushContext({ role: 'commune_officer', scope: new Set([LY_SON, BA_TO]) });
      const [householdId, memberId, surveyId, allowanceId, handoutId] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      const inBaTo = { communeCode: BA_TO };
      const outcome = await push(db, both, [
        createMutation(1, inBaTo, householdId),
        patchMutation(2, memberId, memberFields(householdId, inBaTo), 0, 'member'),
        patchMutation(3, surveyId, { ...surveyCaseFields(householdId), ...inBaTo }, 0, 'case'),
        patchMutation(
          4,
          allowanceId,
          {
            communeCode: BA_TO,
            kind: 'allowance',
            subjectId: memberId,
            note: '',
            data: applicationFiledBeforeContext(),
          },
          0,
          'case',
        ),
        mutation(5, {
          kind: 'event',
          type: 'distribution',
          id: handoutId,
          data: distributionData(householdId, inBaTo),
        }),
        patchMutation(6, householdId, { communeCode: LY_SON }, 0),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual([
        'applied',
        'applied',
        'applied',
        'applied',
        'applied',
        'applied',
      ]);

      const baTo = await changes(db, BA_TO);
      const readable = new Set(baTo.filter((c) => !c.removed).map((c) => c.id));
      expect([householdId, memberId, surveyId, allowanceId].filter((id) => readable.has(id))).toEqual([]);
      expect(baTo.filter((c) => c.removed).map((c) => c.id)).toEqual(
        expect.arrayContaining([householdId, memberId, surveyId, allowanceId]),
      );
      expect(readable.has(handoutId)).toBe(true);

      const lySon = await changes(db, LY_SON);
      expect(lySon.filter((c) => !c.removed).map((c) => c.id)).toEqual(
        expect.arrayContaining([householdId, memberId, surveyId, allowanceId]),
      );
      expect(await getRecord(db, surveyId)).toMatchObject({
        commune: LY_SON,
        parentId: householdId,
        data: { communeCode: LY_SON },
      });
      expect(await getRecord(db, allowanceId)).toMatchObject({ commune: LY_SON, parentId: memberId });
    });

    it('a case about a household of another commune is refused', async () => {
      const db = await fresh();
      const elsewhere = randomUUID();
      await push(db, pushContext({ role: 'commune_officer', scope: new Set([BA_TO]) }), [
        createMutation(1, { communeCode: BA_TO }, elsewhere),
      ]);
      const outcome = await push(db, pushContext({ scope: new Set([LY_SON, BA_TO]) }), [
        patchMutation(1, randomUUID(), surveyCaseFields(elsewhere), 0, 'case'),
      ]);
      expect(outcome.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('hộ gia đình') });
    });

    it('migration 7 links the cases stored before it to the household or person they are about', async () => {
      const db = await fresh();
      const householdId = randomUUID();
      const caseId = randomUUID();
      await push(db, pushContext(), [createMutation(1, {}, householdId)]);
      await db.transaction((tx) =>
        putRecord(
          tx,
          {
            id: caseId,
            type: 'case',
            commune: LY_SON,
            version: 999,
            parentId: null,
            data: surveyCaseFields(householdId),
            meta: { f: {} },
            deleted: false,
            createdAt: 1,
          },
          1,
          'old',
        ),
      );
      await db.transaction((tx) => MIGRATIONS.find((m) => m.version === 7)!.after!(tx));
      expect((await getRecord(db, caseId))?.parentId).toBe(householdId);
    });
  });
}
