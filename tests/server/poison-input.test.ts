/**
 * Input that once stopped a commune's sync (issue 9, items 4 and 5), on SQLite and a real PostgreSQL: a record
 * nested thousands of levels deep, and text PostgreSQL cannot store (U+0000, lone surrogates) in ids and keys.
 * Each is rejected by name, per mutation, and the good mutations of the same batch are applied — the same
 * answers on both databases, never a storage error.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { getRecord } from '../../sync-server/src/store/records';
import { createApp } from '../../sync-server/src/http/app';
import { push } from '../../sync-server/src/sync/push';
import type { MutationResult } from '../../src/shared/protocol';
import { freshDatabases, storageEngines } from '../support/engines';
import {
  applicationFiledBeforeContext,
  LY_SON,
  createMutation,
  distributionData,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
} from '../support/fixtures';

const engines = await storageEngines('poison input');

/** `{"a":{"a":…1…}}` as JSON text, built without recursion (JSON.stringify itself overflows deep enough). */
const deepJsonText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepValue = (depth: number): unknown => JSON.parse(deepJsonText(depth));

/** The inputs of #9.5, each a mutation sent after a good one, with what its rejection must name. */
function nulInputs(householdId: string, handoutId: string) {
  const handout = (overrides: Record<string, unknown>) => ({
    kind: 'event' as const,
    type: 'distribution' as const,
    id: randomUUID(),
    data: distributionData(householdId, overrides),
  });
  const good = createMutation(0);
  return {
    'roundId with NUL': {
      raw: mutation(0, handout({ roundId: 'lu\u0000thang-10' })),
      reason: /roundId: Đợt cứu trợ chứa ký tự/,
    },
    'itemName with NUL': {
      raw: mutation(0, handout({ itemName: 'Gạo\u0000' })),
      reason: /itemName: Tên hàng chứa ký tự/,
    },
    'roundId with a lone surrogate': {
      raw: mutation(0, handout({ roundId: 'lu\ud800' })),
      reason: /roundId: Đợt cứu trợ chứa ký tự/,
    },
    'mutation id with NUL': {
      raw: { ...good, id: `${randomUUID()}\u0000` },
      reason: /^Thay đổi không hợp lệ — id: Mã không hợp lệ$/,
    },
    'op id with NUL': {
      raw: { ...good, op: { ...good.op, id: `${randomUUID()}\u0000` } },
      reason: /op\.id: Mã không hợp lệ/,
    },
    'field name with NUL': {
      raw: patchMutation(0, householdId, { 'no\u0000tes': 'x' }),
      reason: /op\.fields\.no\\u0000tes: Tên trường chứa ký tự điều khiển/,
    },
    'head name with NUL': {
      raw: createMutation(0, { headName: 'Nguyễn\u0000Văn' }),
      reason: /headName: Họ tên chủ hộ chứa ký tự không lưu được/,
    },
    'void target with NUL': {
      raw: mutation(0, {
        kind: 'void',
        id: randomUUID(),
        data: { communeCode: LY_SON, target: `${handoutId}\u0000`, reason: 'Phát nhầm' },
      }),
      reason: /target: Mã không hợp lệ/,
    },
    'stamp with NUL': {
      raw: { ...good, stamp: '1-0001-\u0000' },
      reason: /stamp: Dấu thời gian chứa ký tự điều khiển/,
    },
  };
}

const answersByEngine = new Map<string, Record<string, MutationResult[]>>();

for (const engine of engines) {
  describe.skipIf(!engine.available)(`poison input [${engine.name}]`, () => {
    const fresh = freshDatabases(engine);
    const sent = new Map<string, number>();
    /** Pushes as device `clientId`, numbering its mutations on from its last batch; through JSON, as on the wire. */
    const send = (
      db: Database,
      mutations: unknown[],
      clientId = randomUUID(),
      role: 'collaborator' | 'village_head' = 'collaborator',
    ) => {
      const first = sent.get(clientId) ?? 0;
      sent.set(clientId, first + mutations.length);
      return push(
        db,
        pushContext({ clientId, role }),
        JSON.parse(JSON.stringify(mutations.map((m, i) => ({ ...(m as object), seq: first + i + 1 })))),
      );
    };

    it(`#9.4 a survey nested 3,900 levels deep is rejected by name and the rest of its batch is applied [${engine.name}]`, async () => {
      const db = await fresh();
      const householdId = randomUUID();
      const caseId = randomUUID();
      const after = randomUUID();
      // Built as text: the test's own JSON.stringify would be the first to overflow.
      const deepCase = JSON.parse(
        `{"seq":2,"id":"${randomUUID()}","schema":2,"at":1,"stamp":"1-0001-t","op":{"kind":"patch","type":"case","id":"${caseId}","fields":{"communeCode":["${LY_SON}",0],"kind":["survey",0],"subjectId":["${householdId}",0],"note":["",0],"data":[{"answers":${deepJsonText(3_900)}},0]}}}`,
      );
      const outcome = await push(db, pushContext(), [
        createMutation(1, {}, householdId),
        deepCase,
        createMutation(3, {}, after),
      ]);
      expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(outcome.results[1]).toMatchObject({
        reason: expect.stringMatching(/op\.fields\.data\.0: Dữ liệu không hợp lệ: lồng nhau quá 32 tầng/),
      });
      expect(await getRecord(db, caseId)).toBeUndefined();
      expect(await getRecord(db, after)).toBeDefined();
    });

    it(`#9.4 a patch next to a value stored thousands of levels deep (by an older server) is answered, and can repair it [${engine.name}]`, async () => {
      const db = await fresh();
      const householdId = randomUUID();
      const caseId = randomUUID();
      const clientId = randomUUID();
      // An allowance case (a survey's answers would be classified by the server first).
      const memberId = randomUUID();
      const repairedData = applicationFiledBeforeContext({ filedOn: '2025-06-03' });
      const allowance = {
        communeCode: LY_SON,
        kind: 'allowance',
        subjectId: memberId,
        note: '',
        data: applicationFiledBeforeContext(),
      };
      await send(
        db,
        [
          createMutation(0, {}, householdId),
          patchMutation(0, memberId, memberFields(householdId), 0, 'member'),
          patchMutation(0, caseId, allowance, 0, 'case'),
        ],
        clientId,
      );
      // What an older server accepted: deep enough that comparing with it recursively overflowed the stack.
      await db.run('UPDATE records SET data = ? WHERE id = ?', [
        `{"communeCode":"${LY_SON}","kind":"allowance","subjectId":"${memberId}","note":"","status":"draft","history":[],"data":${deepJsonText(3_900)}}`,
        caseId,
      ]);
      const outcome = await send(
        db,
        [createMutation(0), patchMutation(0, caseId, { data: repairedData }, 0, 'case'), createMutation(0)],
        randomUUID(),
      );
      // Another device's edit meets the stored value: a rejection naming the field (was a stack overflow, a 500).
      expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(outcome.results[1]).toMatchObject({
        // The stored value is no application: the answer names the field, whichever check meets it first.
        reason: expect.stringMatching(/Dữ liệu không hợp lệ — data/),
      });
      // The officer (same device as the writer of the record) replaces the deep value with a sound one.
      const repaired = await send(db, [patchMutation(0, caseId, { data: repairedData }, 0, 'case')], clientId);
      expect(repaired.results.map((r) => r.status)).toEqual(['applied']);
      expect((await getRecord(db, caseId))?.data.data).toEqual(repairedData);
    });

    it(`#9.4 every free-form place is bounded on the server: event data, void data, a decision's value [${engine.name}]`, async () => {
      const db = await fresh();
      const householdId = randomUUID();
      const deep = deepValue(100);
      const outcome = await send(
        db,
        [
          createMutation(0, {}, householdId),
          mutation(0, {
            kind: 'event',
            type: 'distribution',
            id: randomUUID(),
            data: { ...distributionData(householdId), extra: deep },
          }),
          mutation(0, {
            kind: 'void',
            id: randomUUID(),
            data: { communeCode: LY_SON, target: randomUUID(), reason: 'Phát nhầm', extra: deep },
          }),
          mutation(0, { kind: 'resolve', id: randomUUID(), value: deep }),
          createMutation(0),
        ],
        randomUUID(),
        'village_head',
      );
      expect(outcome.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
      for (const result of outcome.results.slice(1, 4))
        expect(result).toMatchObject({
          reason: expect.stringMatching(/op\.(data|value): Dữ liệu không hợp lệ: lồng nhau quá 32 tầng/),
        });
    });

    it(`#9.5 NUL and lone surrogates in ids and keys are rejected by name, per mutation, the good ones applied [${engine.name}]`, async () => {
      const db = await fresh();
      const householdId = randomUUID();
      const handoutId = randomUUID();
      await send(
        db,
        [
          createMutation(0, {}, householdId),
          mutation(0, { kind: 'event', type: 'distribution', id: handoutId, data: distributionData(householdId) }),
        ],
        randomUUID(),
        'village_head',
      );
      const answers: Record<string, MutationResult[]> = {};
      for (const [name, input] of Object.entries(nulInputs(householdId, handoutId))) {
        const after = randomUUID();
        const outcome = await send(
          db,
          [createMutation(0), input.raw, createMutation(0, {}, after)],
          randomUUID(),
          'village_head',
        );
        expect(
          outcome.results.map((r) => r.status),
          name,
        ).toEqual(['applied', 'rejected', 'applied']);
        const reason = (outcome.results[1] as { reason: string }).reason;
        expect(reason, name).toMatch(input.reason);
        expect(reason, name).not.toMatch(/[\u0000\ud800-\udfff]/);
        expect(await getRecord(db, after), name).toBeDefined();
        answers[name] = outcome.results;
      }
      answersByEngine.set(engine.name, answers);
    });

    it(`#9.5 a user name with NUL at sign-in is a 400 naming the field, not a storage error [${engine.name}]`, async () => {
      const app = createApp({ db: await fresh(), clock: Date.now, sessionTtlMs: 3_600_000, log: () => undefined });
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'ctv\u0000lyson', password: 'ansinh2026' }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'username: Tên đăng nhập chứa ký tự không hợp lệ',
      );
    });
  });
}

describe('#9.5 both databases alike', () => {
  afterAll(() => answersByEngine.clear());
  it.runIf(engines.every((e) => e.available))(
    '#9.5 SQLite and PostgreSQL give the same answers to the same NUL inputs',
    () => {
      expect(answersByEngine.get('postgres')).toEqual(answersByEngine.get('sqlite'));
      expect(Object.keys(answersByEngine.get('sqlite') ?? {})).toHaveLength(9);
    },
  );
});
