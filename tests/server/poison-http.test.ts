/** The sync route in-process against deep and NUL-laden bodies: a clean 400 or a per-mutation rejection, never 500. */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type MutationResult } from '../../src/shared/protocol';
import { testServer } from '../support/server';
import { LY_SON, demoHousehold } from '../support/fixtures';

let server: Awaited<ReturnType<typeof testServer>>;
let token: string;
beforeAll(async () => {
  server = await testServer();
  token = await server.login('ctv.lyson');
});
afterAll(() => server.db.close());

const deepJsonText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A sync body as text, so a value deeper than JSON.stringify can write goes in as it would from a device. */
function body(clientId: string, mutations: string[], extra = '') {
  return `{"protocol":${PROTOCOL_VERSION},"schema":${SCHEMA_VERSION},"clientId":"${clientId}","pull":[{"commune":"${LY_SON}","cursor":0}],"mutations":[${mutations.join(',')}]${extra}}`;
}
const casePatch = (seq: number, caseId: string, householdId: string, depth: number) =>
  `{"seq":${seq},"id":"${randomUUID()}","schema":2,"at":1,"stamp":"1-${seq}-t","op":{"kind":"patch","type":"case","id":"${caseId}","fields":{"communeCode":["${LY_SON}",0],"kind":["survey",0],"subjectId":["${householdId}",0],"note":["",0],"data":[{"answers":${deepJsonText(depth)}},0]}}}`;

async function sync(text: string, gzip = false) {
  return server.app.request('/api/sync', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    },
    body: gzip ? gzipSync(text) : text,
  });
}

describe('#9.4 deep bodies', () => {
  it('#9.4 a survey nested 2,500 levels deep, sent twice, is rejected by name each time (was a 500 on every retry)', async () => {
    const clientId = randomUUID();
    const householdId = randomUUID();
    const caseId = randomUUID();
    const first = await sync(
      body(clientId, [JSON.stringify(demoHousehold(1, {}, householdId)), casePatch(2, caseId, householdId, 2_500)]),
    );
    expect(first.status).toBe(200);
    const again = await sync(
      body(clientId, [casePatch(3, caseId, householdId, 2_500), JSON.stringify(demoHousehold(4))]),
    );
    expect(again.status).toBe(200);
    const results = [
      ...((await first.json()) as { results: MutationResult[] }).results,
      ...((await again.json()) as { results: MutationResult[] }).results,
    ];
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(results[2]).toMatchObject({
      reason: expect.stringMatching(/op\.fields\.data\.0: Dữ liệu không hợp lệ: lồng nhau quá 32 tầng/),
    });
  });

  it('#9.4 a gzipped body nested 1,000,000 levels deep inside a mutation is answered 200 with that mutation rejected', async () => {
    const clientId = randomUUID();
    const response = await sync(
      body(clientId, [casePatch(1, randomUUID(), randomUUID(), 1_000_000), JSON.stringify(demoHousehold(2))]),
      true,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: MutationResult[] }).results.map((r) => r.status)).toEqual([
      'rejected',
      'applied',
    ]);
  });

  it('#9.4 a request envelope nested 100,000 levels deep is a 400 naming the field, not a 500', async () => {
    const response = await sync(
      `{"protocol":${PROTOCOL_VERSION},"schema":${SCHEMA_VERSION},"clientId":${deepJsonText(100_000)},"pull":[],"mutations":[]}`,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^clientId: /);
  });
});

describe('#9.5 NUL in the request', () => {
  it('#9.5 NUL in the envelope (client id, commune) is a 400 naming the field, and nothing of it is logged', async () => {
    const logged = server.logs.length;
    const badClient = await sync(body(`${randomUUID()}\\u0000`, []));
    expect(badClient.status).toBe(400);
    expect(((await badClient.json()) as { error: { message: string } }).error.message).toMatch(/^clientId: /);
    const badCommune = await sync(
      `{"protocol":${PROTOCOL_VERSION},"schema":${SCHEMA_VERSION},"clientId":"${randomUUID()}","pull":[{"commune":"2154\\u0000","cursor":0}],"mutations":[]}`,
    );
    expect(badCommune.status).toBe(400);
    expect(((await badCommune.json()) as { error: { message: string } }).error.message).toMatch(/^pull\.0\.commune: /);
    expect(server.logs.slice(logged).join('\n')).not.toMatch(/\u0000|error POST/);
  });

  it('#9.5 a NUL in a mutation id is answered per mutation, the rest of the batch applied', async () => {
    const clientId = randomUUID();
    const bad = { ...demoHousehold(1), id: 'x\u0000y' };
    const good = demoHousehold(2);
    const response = await sync(body(clientId, [JSON.stringify(bad), JSON.stringify(good)]));
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: MutationResult[] };
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    const stored = await server.db.all<{ id: string }>(
      'SELECT mutation_id AS id FROM mutation_results WHERE client_id = ? ORDER BY seq',
      [clientId],
    );
    // The malformed id is not kept (it is no id); the good mutation's is.
    expect(stored.map((r) => r.id)).toEqual(['', good.id]);
  });
});
