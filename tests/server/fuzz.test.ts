/**
 * Issue 9: a bounded, seeded fuzz of the HTTP API on SQLite and PostgreSQL. Each request mixes good mutations
 * with poisoned copies of good ones (wrong types, unknown fields, control characters and NUL in ids, keys and
 * values, lone surrogates, deep nesting, huge objects, out-of-scope records, unknown kinds) or is garbage at the
 * envelope. Whatever comes: never a 5xx; a batch is answered for every mutation or for none; every good mutation of
 * a mixed batch is applied and stored as sent, and nothing of a rejected one is stored. The seed is printed with a
 * failure, so a run can be replayed (FUZZ_SEED=… npx vitest run tests/server/fuzz.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { createApp } from '../../sync-server/src/http/app';
import { createUser } from '../../sync-server/src/store/users';
import { createSession } from '../../sync-server/src/store/sessions';
import { hashToken, newToken } from '../../sync-server/src/auth/tokens';
import { getRecord } from '../../sync-server/src/store/records';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src/shared/protocol';
import { storageEngines } from '../support/engines';
import {
  BA_TO,
  LY_SON,
  distributionData,
  householdFields,
  memberFields,
  mutation,
  patchMutation,
} from '../support/fixtures';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const REQUESTS = 150;

/** mulberry32: small, seeded, good enough to pick cases. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}
type Rng = ReturnType<typeof random>;

function nested(depth: number): unknown {
  let value: unknown = 'đáy';
  for (let i = 0; i < depth; i++) value = { x: value };
  return value;
}

type Mutation = ReturnType<typeof mutation>;
interface Good {
  mutation: Mutation;
  /** Fields the stored record must have after the batch. */
  expect: { id: string; data: Record<string, unknown> };
}

/** A good mutation on its own record, so nothing else in the run can make it conflict or fail. */
function good(rng: Rng, households: readonly string[]): Good {
  const choice = households.length === 0 ? 0 : rng.int(3);
  if (choice === 0) {
    const id = randomUUID();
    const data = householdFields({ headName: `Hộ Thử ${rng.int(1e9)}`, village: `Thôn Ngẫu Nhiên ${rng.int(1e9)}` });
    return { mutation: patchMutation(1, id, data), expect: { id, data: { headName: data.headName } } };
  }
  if (choice === 1) {
    const id = randomUUID();
    const data = memberFields(rng.pick(households), {
      fullName: `Người Thử ${rng.int(1e9)}`,
      birthDate: `19${10 + rng.int(89)}`,
    });
    return { mutation: patchMutation(1, id, data, 0, 'member'), expect: { id, data: { fullName: data.fullName } } };
  }
  const id = randomUUID();
  const data = distributionData(rng.pick(households), { roundId: `dot-${rng.int(1e9)}`, quantity: 1 + rng.int(50) });
  return {
    mutation: mutation(1, { kind: 'event', type: 'distribution', id, data }),
    expect: { id, data: { quantity: data.quantity } },
  };
}

/** A copy of a good mutation that the server must refuse: each way a device (or an attacker) could send one. */
const POISONS: readonly ((m: Mutation, rng: Rng) => unknown)[] = [
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, headName: [123, 0] } })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, khongCo: ['x', 0] } })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, 'head\u0000Name': ['x', 0] } })),
  (m) => withOp(m, (op) => ({ ...op, id: `${op.id}\u0000` })),
  (m) => ({ ...m, id: `${m.id}\u0000` }),
  (m) => withOp(m, (op) => ({ ...op, id: 'không-phải-uuid' })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, notes: ['a\u0000b', 0] } })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, headName: ['\ud800 lẻ', 0] } })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, headName: ['x'.repeat(100_000), 0] } })),
  (m, rng) =>
    withOp(m, (op) => ({
      ...op,
      type: 'case',
      fields: {
        communeCode: [LY_SON, 0],
        kind: ['survey', 0],
        subjectId: [randomUUID(), 0],
        note: ['', 0],
        data: [{ answers: nested(50 + rng.int(1500)) }, 0],
      },
    })),
  (m) =>
    withOp(m, (op) => ({
      ...op,
      type: 'case',
      fields: {
        communeCode: [LY_SON, 0],
        kind: ['allowance', 0],
        subjectId: [randomUUID(), 0],
        note: ['', 0],
        data: [Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])), 0],
      },
    })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, communeCode: [BA_TO, 0] } })),
  (m) => withOp(m, (op) => ({ ...op, kind: 'drop_table' })),
  (m) => withOp(m, (op) => ({ ...op, fields: { ...op.fields, headName: [null, null] } })),
  (m) => withOp(m, (op) => ({ ...op, fields: 'không phải đối tượng' })),
  (m) => ({
    ...m,
    op: {
      kind: 'event',
      type: 'distribution',
      id: randomUUID(),
      data: { ...distributionData(randomUUID()), roundId: 'dot\u0000lu' },
    },
  }),
  (m) => ({
    ...m,
    op: {
      kind: 'event',
      type: 'distribution',
      id: randomUUID(),
      data: { ...distributionData(randomUUID()), itemName: 'Gạo\u0000' },
    },
  }),
  (m) => ({
    ...m,
    op: {
      kind: 'event',
      type: 'distribution',
      id: randomUUID(),
      data: { ...distributionData(randomUUID()), quantity: 'mười' },
    },
  }),
  (m) => ({
    ...m,
    op: {
      kind: 'void',
      id: randomUUID(),
      data: { communeCode: LY_SON, target: randomUUID(), reason: 'không có phiếu này' },
    },
  }),
  (m) => ({
    ...m,
    op: {
      kind: 'void',
      id: randomUUID(),
      data: { communeCode: LY_SON, target: `${randomUUID()}\u0000`, reason: 'mã hỏng' },
    },
  }),
  (m) => ({ ...m, op: { kind: 'resolve', id: `${randomUUID()}\u0000`, value: 'x' } }),
  (m) => ({ ...m, op: { kind: 'resolve', id: randomUUID(), value: nested(100) } }),
  (m) => ({ ...m, op: { kind: 'command', id: randomUUID(), command: 'approve' } }),
  (m) => ({ ...m, op: { kind: 'delete', type: 'household', id: randomUUID() } }),
  (m) => ({ ...m, stamp: 's'.repeat(500) }),
  (m) => ({ ...m, schema: 0 }),
  (m) => ({ ...m, op: null }),
  () => 'không phải thay đổi',
];

function withOp(
  m: Mutation,
  change: (op: { kind: string; type: string; id: string; fields: Record<string, unknown> }) => unknown,
): unknown {
  const op = m.op as unknown as { kind: string; type: string; id: string; fields: Record<string, unknown> };
  // A poison meant for a patch, drawn for an event: poison the event the same way instead.
  if (op.kind !== 'patch')
    return {
      ...m,
      op: change({
        kind: 'patch',
        type: 'household',
        id: randomUUID(),
        fields: Object.fromEntries(Object.entries(householdFields()).map(([k, v]) => [k, [v, 0]])),
      }),
    };
  return { ...m, op: change(op) };
}

/** Request bodies wrong at the envelope: the whole request is refused (4xx) and nothing is applied. */
const GARBAGE_BODIES: readonly ((clientId: string) => string)[] = [
  () => '{"protocol":',
  () => 'null',
  () => '[]',
  // Written as text: JSON.stringify itself would overflow the test's stack at this depth.
  () => `${'{"x":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
  (clientId) =>
    JSON.stringify({
      protocol: PROTOCOL_VERSION,
      schema: SCHEMA_VERSION,
      clientId: `${clientId}\u0000`,
      mutations: [],
      pull: [],
    }),
  (clientId) =>
    JSON.stringify({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId, mutations: 'nhiều', pull: [] }),
  (clientId) =>
    JSON.stringify({
      protocol: PROTOCOL_VERSION,
      schema: SCHEMA_VERSION,
      clientId,
      mutations: [],
      pull: [{ commune: '2154\u00008', cursor: 0 }],
    }),
  (clientId) =>
    JSON.stringify({
      protocol: PROTOCOL_VERSION,
      schema: SCHEMA_VERSION,
      clientId,
      mutations: [],
      pull: [{ commune: LY_SON, cursor: -1 }],
    }),
  (clientId) =>
    JSON.stringify({
      protocol: PROTOCOL_VERSION,
      schema: SCHEMA_VERSION,
      clientId,
      mutations: [{ seq: 'một' }],
      pull: [],
    }),
  (clientId) => JSON.stringify({ protocol: 1e308, schema: SCHEMA_VERSION, clientId, mutations: [], pull: [] }),
];

const engines = await storageEngines('fuzz');

for (const engine of engines) {
  describe.skipIf(!engine.available)(`fuzz of the HTTP API [${engine.name}]`, () => {
    let db: Database;
    let app: ReturnType<typeof createApp>;
    let token: string;
    beforeAll(async () => {
      db = await engine.openFresh();
      const userId = await createUser(
        db,
        { username: 'ctv.fuzz', displayName: 'CTV Fuzz', role: 'commune_officer', passwordHash: 'x', scope: [LY_SON] },
        Date.now(),
      );
      token = newToken();
      await createSession(db, hashToken(token), userId, Date.now(), Date.now() + 3_600_000);
      app = createApp({
        db,
        clock: Date.now,
        sessionTtlMs: 3_600_000,
        syncRate: { burst: 100_000, perSecond: 100_000 },
      });
    });
    afterAll(async () => db?.close());

    const sync = (body: string) =>
      app.request('/api/sync', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });

    it(`#9 ${REQUESTS} seeded requests: no 5xx, no partial batch, every good mutation of a mixed batch applied (seed ${SEED})`, async () => {
      const rng = random(SEED + (engine.name === 'postgres' ? 1 : 0));
      const households: string[] = [];
      const clients = new Map<string, number>();
      const problems: string[] = [];
      for (let request = 0; request < REQUESTS && problems.length === 0; request++) {
        const clientId = rng.next() < 0.8 && clients.size > 0 ? rng.pick([...clients.keys()]) : randomUUID();
        const lastSeq = clients.get(clientId) ?? 0;
        if (rng.next() < 0.12) {
          const response = await sync(rng.pick(GARBAGE_BODIES)(clientId));
          if (response.status >= 500 || response.status < 400)
            problems.push(`request ${request}: garbage body answered ${response.status}`);
          continue;
        }
        const goods: Good[] = [];
        const batch: unknown[] = [];
        /** Batch index → which poison (its index in POISONS), to name it in a failure. */
        const poisoned = new Map<number, number>();
        const size = 1 + rng.int(12);
        for (let i = 0; i < size; i++) {
          const g = good(rng, households);
          if (rng.next() < 0.4) {
            const which = rng.int(POISONS.length);
            poisoned.set(batch.length, which);
            batch.push(POISONS[which]!(g.mutation, rng));
          } else {
            goods.push(g);
            batch.push(g.mutation);
          }
        }
        // The seq is the envelope's: numbered in order, whatever each mutation holds.
        const mutations = batch.map((m, i) => (m && typeof m === 'object' ? { ...m, seq: lastSeq + i + 1 } : m));
        const body = JSON.stringify({
          protocol: PROTOCOL_VERSION,
          schema: SCHEMA_VERSION,
          clientId,
          mutations,
          pull: [{ commune: LY_SON, cursor: 0 }],
        });
        const response = await sync(body);
        const text = await response.text();
        if (response.status >= 500) {
          problems.push(`request ${request}: ${response.status} ${text.slice(0, 200)}`);
          continue;
        }
        if (response.status !== 200) {
          // Refused as a whole (a mutation that is not even an object has no seq): nothing of it may be stored.
          for (const g of goods)
            if (await getRecord(db, g.expect.id))
              problems.push(`request ${request}: refused with ${response.status} yet ${g.expect.id} stored`);
          continue;
        }
        const answer = JSON.parse(text) as { lastSeq: number; results: { seq: number; status: string }[] };
        if (answer.results.length !== mutations.length)
          problems.push(`request ${request}: ${answer.results.length} results for ${mutations.length} mutations`);
        clients.set(clientId, answer.lastSeq);
        answer.results.forEach((result, i) => {
          const expected = poisoned.has(i) ? 'rejected' : 'applied';
          if (result.status !== expected)
            problems.push(
              `request ${request} mutation ${i} (poison ${poisoned.get(i) ?? 'none'}): ${result.status}, expected ${expected} — ${JSON.stringify(result).slice(0, 200)}`,
            );
        });
        for (const g of goods) {
          const stored = await getRecord(db, g.expect.id);
          if (!stored) problems.push(`request ${request}: good ${g.expect.id} missing`);
          else if (Object.entries(g.expect.data).some(([k, v]) => stored.data[k] !== v))
            problems.push(`request ${request}: good ${g.expect.id} stored differently`);
          if (stored?.type === 'household') households.push(stored.id);
        }
      }
      // A NUL stored anywhere would be text that one engine keeps and the other cannot.
      const rows = await db.all<{ id: string; data: string }>('SELECT id, data FROM records');
      expect(
        rows.filter((r) => r.id.includes('\u0000') || r.data.includes('\\u0000')).map((r) => r.id),
        'records holding NUL',
      ).toEqual([]);
      expect(problems, `seed ${SEED}`).toEqual([]);
    });
  });
}
