/**
 * Issue 9, attachments: a hash is a name, never a proof. Uploads belong to their uploader until their bytes hash
 * correctly; answers to a PUT say nothing about what others uploaded; unfinished uploads are bounded and a flood
 * is limited. Run over SQLite and a real PostgreSQL (the links live in the database, the bytes on disk).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sync-server/src/db/database';
import { createApp } from '../../sync-server/src/http/app';
import type { RateLimit } from '../../sync-server/src/http/rate-limit';
import { fileAttachmentStore } from '../../sync-server/src/attachments/file-store';
import { createUser, findUserByUsername } from '../../sync-server/src/store/users';
import { createSession } from '../../sync-server/src/store/sessions';
import { hashToken, newToken } from '../../sync-server/src/auth/tokens';
import { push } from '../../sync-server/src/sync/push';
import { ATTACHMENT_CHUNK_BYTES, sha256Hex } from '../../src/shared/attachments';
import { storageEngines } from '../support/engines';
import {
  BA_TO,
  LY_SON,
  applicationFiledBeforeContext,
  createMutation,
  distributionData,
  memberFields,
  mutation,
  patchMutation,
  pushContext,
  surveyCaseFields,
} from '../support/fixtures';

const engines = await storageEngines('attachment security');
const NOW = 1_760_000_000_000;

/** A server over `db` with two communes' users signed in and one handout in each commune. */
async function attachmentWorld(db: Database, options: { attachmentRate?: RateLimit } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ansinh-attach-sec-'));
  const logs: string[] = [];
  const app = createApp({
    db,
    clock: () => NOW,
    sessionTtlMs: 3600_000,
    attachments: fileAttachmentStore(root),
    log: (line) => logs.push(line),
    ...options,
  });
  const tokens: Record<string, string> = {};
  for (const [username, role, commune] of [
    ['thon.lyson', 'village_head', LY_SON],
    ['canbo.lyson', 'commune_officer', LY_SON],
    ['thon.bato', 'village_head', BA_TO],
    ['so.tinh', 'province_staff', 'province'],
    ['ctv.lyson', 'collaborator', LY_SON],
  ] as const) {
    await createUser(
      db,
      {
        username,
        displayName: username,
        role,
        passwordHash: 'unused',
        scope: commune === 'province' ? 'province' : [commune],
      },
      NOW,
    );
    const user = await findUserByUsername(db, username);
    const token = newToken();
    await createSession(db, hashToken(token), user!.id, NOW, NOW + 3600_000);
    tokens[username] = token;
  }
  const handoutIn = async (commune: string) => {
    const household = randomUUID();
    const handout = randomUUID();
    const ctx = pushContext({ role: 'village_head', scope: new Set([commune]) });
    const result = await push(db, ctx, [
      createMutation(1, { communeCode: commune }, household),
      mutation(2, {
        kind: 'event',
        type: 'distribution',
        id: handout,
        data: distributionData(household, { communeCode: commune }),
      }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    return handout;
  };
  const lySonHandout = await handoutIn(LY_SON);
  const baToHandout = await handoutIn(BA_TO);

  /** One raw chunk, as a device (or someone pretending to be one) sends it. */
  const put = (
    username: string,
    o: { hash: string; recordId: string; communeCode: string; size: number; start: number; chunk: Uint8Array },
  ) =>
    app.request(`/api/attachments/${o.hash}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${tokens[username]}`,
        'Content-Range': `bytes ${o.start}-${o.start + o.chunk.length - 1}/${o.size}`,
        'X-Attachment': Buffer.from(
          JSON.stringify({
            hash: o.hash,
            recordId: o.recordId,
            communeCode: o.communeCode,
            kind: 'signature',
            mime: 'image/png',
            size: o.size,
          }),
        ).toString('base64url'),
      },
      body: new Blob([new Uint8Array(o.chunk)]),
    });
  /** A whole image sent honestly, following the server's answers as a device does; answers the last answer. */
  const upload = async (
    username: string,
    bytes: Buffer,
    recordId: string,
    communeCode: string,
    upTo = bytes.length,
  ) => {
    const hash = await sha256Hex(bytes);
    let last: Response | undefined;
    for (let start = 0, round = 0; start < upTo && round < 50; round++) {
      last = await put(username, {
        hash,
        recordId,
        communeCode,
        size: bytes.length,
        start,
        chunk: bytes.subarray(start, Math.min(upTo, start + ATTACHMENT_CHUNK_BYTES)),
      });
      if (last.status !== 200 && last.status !== 409 && last.status !== 400) break;
      const progress = (await last.clone().json()) as { received?: number; complete?: boolean };
      if (progress.complete) break;
      start = progress.received ?? 0; // 400: the server threw its copy away, start again
    }
    return { hash, last: last! };
  };
  const get = (username: string, hash: string) =>
    app.request(`/api/attachments/${hash}`, { headers: { Authorization: `Bearer ${tokens[username]}` } });
  const links = async (hash: string) =>
    (
      await db.all<{ record_id: string }>('SELECT record_id FROM attachments WHERE hash = ? ORDER BY record_id', [hash])
    ).map((r) => r.record_id);
  /** Every file under the attachments folder, with its size. */
  const files = () =>
    (
      readdirSync(root, { recursive: true, withFileTypes: true }) as {
        name: string;
        parentPath: string;
        isFile(): boolean;
      }[]
    )
      .filter((e) => e.isFile())
      .map((e) => ({ path: join(e.parentPath, e.name), size: statSync(join(e.parentPath, e.name)).size }));
  return { app, root, logs, tokens, lySonHandout, baToHandout, put, upload, get, links, files };
}

const image = (size = 70 * 1024) => randomBytes(size);

for (const engine of engines) {
  describe.skipIf(!engine.available)(`attachment security [${engine.name}]`, () => {
    let db: Database;
    let world: Awaited<ReturnType<typeof attachmentWorld>>;
    let signature: Buffer;
    let signatureHash: string;
    beforeAll(async () => {
      db = await engine.openFresh();
      world = await attachmentWorld(db, { attachmentRate: { burst: 100_000, perSecond: 1 } });
      signature = image();
      const sent = await world.upload('thon.lyson', signature, world.lySonHandout, LY_SON);
      expect(sent.last.status).toBe(200);
      expect(await sent.last.json()).toEqual({ received: signature.length, complete: true });
      signatureHash = sent.hash;
    });
    afterAll(() => db.close());

    it('#9.1 a signature of another commune cannot be linked by its hash', async () => {
      // One byte under the Lý Sơn signature's name, for a handout of the uploader's own commune.
      const forged = await world.put('thon.bato', {
        hash: signatureHash,
        recordId: world.baToHandout,
        communeCode: BA_TO,
        size: 1,
        start: 0,
        chunk: new Uint8Array([0]),
      });
      expect(forged.status).toBe(400);
      // Its true size, with bytes that are not the image: refused too, and nothing is linked.
      const wrong = image(signature.length);
      let answer: Response | undefined;
      for (let start = 0; start < wrong.length; start += ATTACHMENT_CHUNK_BYTES) {
        answer = await world.put('thon.bato', {
          hash: signatureHash,
          recordId: world.baToHandout,
          communeCode: BA_TO,
          size: wrong.length,
          start,
          chunk: wrong.subarray(start, start + ATTACHMENT_CHUNK_BYTES),
        });
      }
      expect(answer?.status).toBe(400);
      expect(await world.links(signatureHash)).toEqual([world.lySonHandout]);
      expect((await world.get('thon.bato', signatureHash)).status).toBe(404);
      expect((await world.get('canbo.lyson', signatureHash)).status).toBe(200);
    });

    it('#9.3 only a role that records handouts sends a receipt, and only for a handout', async () => {
      const bytes = image(1024);
      const asProvince = await world.upload('so.tinh', bytes, world.lySonHandout, LY_SON);
      expect(asProvince.last.status).toBe(403);
      expect(await asProvince.last.json()).toMatchObject({
        error: { message: 'Vai trò cán bộ tỉnh không được tạo phiếu phát.' },
      });
      const household = (await db.get<{ id: string }>(
        "SELECT id FROM records WHERE type = 'household' AND commune = ?",
        [LY_SON],
      ))!.id;
      const onHousehold = await world.upload('canbo.lyson', bytes, household, LY_SON);
      expect(onHousehold.last.status).toBe(403);
      expect(await world.links(asProvince.hash)).toEqual([]);
    });

    it('#12 a photo of an allowance application’s paper: sent by who files applications, for that case only', async () => {
      const [household, member, allowance, survey] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const ctx = pushContext({ role: 'collaborator', scope: new Set([LY_SON]) });
      const result = await push(db, ctx, [
        createMutation(1, { communeCode: LY_SON }, household),
        patchMutation(2, member, memberFields(household), 0, 'member'),
        patchMutation(
          3,
          allowance,
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
        patchMutation(4, survey, surveyCaseFields(household), 0, 'case'),
      ]);
      expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      // A village head records handouts but files no application; the province files nothing.
      const asVillageHead = await world.upload('thon.lyson', image(2048), allowance, LY_SON);
      expect(asVillageHead.last.status).toBe(403);
      expect((await world.upload('so.tinh', image(2048), allowance, LY_SON)).last.status).toBe(403);
      // A survey has no papers to photograph.
      expect((await world.upload('canbo.lyson', image(2048), survey, LY_SON)).last.status).toBe(403);
      const sent = await world.upload('canbo.lyson', image(2048), allowance, LY_SON);
      expect(sent.last.status).toBe(200);
      expect(await world.links(sent.hash)).toEqual([allowance]);
      expect((await world.get('canbo.lyson', sent.hash)).status).toBe(200);
      expect((await world.get('thon.bato', sent.hash)).status).toBe(404);
    });

    it('#12 the photo of an application that tells HIV status (form 1b) is served to the officer and province staff, to no one else in the commune', async () => {
      const [household, member, allowance] = [randomUUID(), randomUUID(), randomUUID()];
      const ctx = pushContext({ role: 'collaborator', scope: new Set([LY_SON]) });
      const application = applicationFiledBeforeContext({
        form: '1b',
        papers: ['residence', 'citizen-id', 'hiv-certificate'],
      });
      const result = await push(db, ctx, [
        createMutation(1, { communeCode: LY_SON }, household),
        patchMutation(2, member, memberFields(household), 0, 'member'),
        patchMutation(
          3,
          allowance,
          { communeCode: LY_SON, kind: 'allowance', subjectId: member, note: '', data: application },
          0,
          'case',
        ),
      ]);
      expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const sent = await world.upload('ctv.lyson', image(3072), allowance, LY_SON);
      expect(sent.last.status).toBe(200);
      expect((await world.get('canbo.lyson', sent.hash)).status).toBe(200);
      expect((await world.get('so.tinh', sent.hash)).status).toBe(200);
      for (const username of ['ctv.lyson', 'thon.lyson'])
        expect((await world.get(username, sent.hash)).status, username).toBe(404);
    });

    it('#9.1 a PUT answers the same whether or not the server already holds the hash', async () => {
      const unknownHash = await sha256Hex(image());
      const probe = async (hash: string, start: number) => {
        const response = await world.put('thon.bato', {
          hash,
          recordId: world.baToHandout,
          communeCode: BA_TO,
          size: signature.length,
          start,
          chunk: image(Math.min(ATTACHMENT_CHUNK_BYTES, signature.length - start)),
        });
        return { status: response.status, body: await response.json() };
      };
      // First chunk, then a chunk at the wrong place: the same answers for a held hash and an unknown one.
      const first = [await probe(signatureHash, 0), await probe(unknownHash, 0)];
      expect(first[0]).toEqual({ status: 200, body: { received: ATTACHMENT_CHUNK_BYTES, complete: false } });
      expect(first[1]).toEqual(first[0]);
      const misplaced = [
        await probe(signatureHash, 2 * ATTACHMENT_CHUNK_BYTES),
        await probe(unknownHash, 2 * ATTACHMENT_CHUNK_BYTES),
      ];
      expect(misplaced[0]).toEqual({ status: 409, body: { received: ATTACHMENT_CHUNK_BYTES, complete: false } });
      expect(misplaced[1]).toEqual(misplaced[0]);
    });

    it('the same bytes sent from two communes are stored once on disk and each is served to its own commune', async () => {
      const sent = await world.upload('thon.bato', signature, world.baToHandout, BA_TO);
      expect(await sent.last.json()).toEqual({ received: signature.length, complete: true });
      expect(await world.links(signatureHash)).toEqual([world.lySonHandout, world.baToHandout].sort());
      expect((await world.get('thon.bato', signatureHash)).status).toBe(200);
      expect(world.files().filter((f) => f.path.includes(signatureHash) && !f.path.endsWith('.part'))).toHaveLength(1);
    });

    it('an upload whose last answer was lost is answered complete by its own record, without the bytes again', async () => {
      const bytes = image();
      const sent = await world.upload('thon.lyson', bytes, world.lySonHandout, LY_SON);
      expect(sent.last.status).toBe(200);
      // The device never heard "complete" and starts again from the first chunk.
      const again = await world.put('thon.lyson', {
        hash: sent.hash,
        recordId: world.lySonHandout,
        communeCode: LY_SON,
        size: bytes.length,
        start: 0,
        chunk: bytes.subarray(0, ATTACHMENT_CHUNK_BYTES),
      });
      expect(await again.json()).toEqual({ received: bytes.length, complete: true });
    });

    it('#9.1 no attachment hash is written to the log', async () => {
      const bytes = image();
      const { hash } = await world.upload('thon.lyson', bytes, world.lySonHandout, LY_SON);
      await world.get('canbo.lyson', hash);
      await world.get('thon.bato', hash);
      expect(world.logs.length).toBeGreaterThan(3);
      expect(world.logs.join('\n')).not.toContain(hash);
      expect(world.logs.join('\n')).not.toContain(signatureHash);
      expect(world.logs.some((line) => line.startsWith('GET /api/attachments/:hash 404 '))).toBe(true);
    });

    it('#9.8 abandoned uploads of one user never hold more than 1 MiB on disk, and a new upload still goes through', async () => {
      const someoneElse = await world.upload(
        'thon.bato',
        image(200 * 1024),
        world.baToHandout,
        BA_TO,
        2 * ATTACHMENT_CHUNK_BYTES,
      );
      expect(await someoneElse.last.json()).toEqual({ received: 2 * ATTACHMENT_CHUNK_BYTES, complete: false });
      const partBytes = () =>
        world
          .files()
          .filter((f) => f.path.endsWith('.part'))
          .reduce((sum, f) => sum + f.size, 0);
      const before = partBytes();
      // 35 images of 300 KB, each given up after three chunks: 3.4 MB if nothing bounded it.
      for (let i = 0; i < 35; i++)
        await world.upload('thon.lyson', image(300 * 1024), world.lySonHandout, LY_SON, 3 * ATTACHMENT_CHUNK_BYTES);
      expect(partBytes() - before).toBeLessThanOrEqual(1024 * 1024);
      // The other user's unfinished upload was not this user's to drop.
      expect(world.files().some((f) => f.path.endsWith(`${someoneElse.hash}.part`))).toBe(true);
      const fresh = await world.upload('thon.lyson', image(300 * 1024), world.lySonHandout, LY_SON);
      expect(await fresh.last.json()).toEqual({ received: 300 * 1024, complete: true });
    });

    it('#9.8 the attachment route is rate limited per user, with a Vietnamese answer and Retry-After', async () => {
      const limitedDb = await engine.openFresh();
      try {
        const limited = await attachmentWorld(limitedDb, { attachmentRate: { burst: 3, perSecond: 0.5 } });
        const bytes = image();
        const hash = await sha256Hex(bytes);
        const send = (username: string) =>
          limited.put(username, {
            hash,
            recordId: limited.lySonHandout,
            communeCode: LY_SON,
            size: bytes.length,
            start: 0,
            chunk: bytes.subarray(0, ATTACHMENT_CHUNK_BYTES),
          });
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await send('thon.lyson')).status);
        expect(statuses).toEqual([200, 409, 409]);
        const refused = await send('thon.lyson');
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
        expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
          'ảnh vẫn được giữ trên máy',
        );
        expect((await limited.get('thon.lyson', hash)).status).toBe(429);
        // Another user of the same commune is not held back by this one.
        expect((await limited.get('canbo.lyson', hash)).status).toBe(404);
      } finally {
        await limitedDb.close();
      }
    });
  });
}
