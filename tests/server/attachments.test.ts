/**
 * Attachments (issue 6): chunked, resumable, content-addressed uploads after the data; served only to users whose
 * communes cover the record. Devices are real Dexie on fake-indexeddb with the real upload queue, against the real
 * server in-process, over a connection the test cuts.
 */
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/database';
import { storeAttachment } from '../../src/db/attachments';
import { uploadAttachments } from '../../src/sync/attachments-upload';
import { push } from '../../sync-server/src/sync/push';
import { fileAttachmentStore } from '../../sync-server/src/attachments/file-store';
import { testServer } from '../support/server';
import { LY_SON, demoHousehold, distributionData, mutation, pushContext } from '../support/fixtures';
import { ATTACHMENT_CHUNK_BYTES } from '../../src/shared/attachments';

let server: Awaited<ReturnType<typeof testServer>>;
const attachmentsDir = mkdtempSync(join(tmpdir(), 'ansinh-attachments-'));
let handout = '';

beforeAll(async () => {
  server = await testServer({ attachments: fileAttachmentStore(attachmentsDir) });
  // A handout recorded in Lý Sơn (the data arrives first).
  const household = randomUUID();
  handout = randomUUID();
  const ctx = pushContext({ role: 'village_head' });
  await push(server.db, ctx, [
    demoHousehold(1, {}, household),
    mutation(2, { kind: 'event', type: 'distribution', id: handout, data: distributionData(household) }),
  ]);
});
afterAll(() => server.db.close());

/** A signature-sized image: 100 KB of incompressible bytes, four chunks. */
const image = () => randomBytes(100 * 1024).buffer as ArrayBuffer;

async function device(username: string) {
  const db = openDb(`attach-${randomUUID()}`);
  const token = await server.login(username);
  return { db, token };
}

describe('attachments', () => {
  it('a signature reaches the server in chunks, is served to the commune, and to nobody else', async () => {
    const head = await device('thon.lyson');
    const bytes = image();
    const hash = await storeAttachment(
      head.db,
      bytes,
      { recordId: handout, communeCode: LY_SON, kind: 'signature', mime: 'image/png' },
      1,
    );
    const outcome = await uploadAttachments({
      db: head.db,
      token: head.token,
      fetch: (url, init) => server.app.request(url, init),
    });
    expect(outcome).toEqual({ uploaded: 1, remaining: 0 });
    expect((await head.db.attachments.get(hash))?.uploaded).toBe(1);

    const officer = await server.login('canbo.lyson');
    const got = await server.app.request(`/api/attachments/${hash}`, {
      headers: { Authorization: `Bearer ${officer}` },
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('Content-Type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const stranger = await server.login('ctv.bato');
    expect(
      (await server.app.request(`/api/attachments/${hash}`, { headers: { Authorization: `Bearer ${stranger}` } }))
        .status,
    ).toBe(404);
    expect((await server.app.request(`/api/attachments/${hash}`)).status).toBe(401);
  });

  it('an upload cut at random points resumes where it stopped and stores the image once', async () => {
    const head = await device('thon.lyson');
    const hashes: string[] = [];
    for (let i = 0; i < 5; i++)
      hashes.push(
        await storeAttachment(
          head.db,
          image(),
          { recordId: handout, communeCode: LY_SON, kind: 'photo', mime: 'image/jpeg' },
          i,
        ),
      );
    let seed = 7;
    const flaky = async (url: string, init: RequestInit) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const roll = seed / 2 ** 31;
      if (roll < 0.2) throw new Error('network down'); // never reached the server
      const response = await server.app.request(url, init);
      if (roll < 0.35) throw new Error('answer lost'); // reached the server, the answer did not come back
      return response;
    };
    let rounds = 0;
    while ((await head.db.attachments.where('uploaded').equals(0).count()) > 0 && rounds++ < 200) {
      await uploadAttachments({ db: head.db, token: head.token, fetch: flaky });
    }
    expect(await head.db.attachments.where('uploaded').equals(0).count()).toBe(0);
    for (const hash of hashes) {
      const dir = join(attachmentsDir, hash.slice(0, 2));
      expect(readdirSync(dir).filter((f) => f.startsWith(hash))).toEqual([hash]);
    }
    const rows = await server.db.all<{ n: number }>(
      'SELECT COUNT(*) AS n FROM attachments WHERE record_id = ? AND kind = ?',
      [handout, 'photo'],
    );
    expect(Number(rows[0]?.n)).toBe(5);
  });

  it('a corrupt upload is thrown away, an out-of-order chunk is answered with the true offset', async () => {
    const token = await server.login('thon.lyson');
    const bytes = Buffer.from(image());
    const { sha256Hex } = await import('../../src/shared/attachments');
    const hash = await sha256Hex(bytes);
    const meta = Buffer.from(
      JSON.stringify({
        hash,
        recordId: handout,
        communeCode: LY_SON,
        kind: 'photo',
        mime: 'image/jpeg',
        size: bytes.length,
      }),
    ).toString('base64url');
    const put = (start: number, end: number, body: Uint8Array) =>
      server.app.request(`/api/attachments/${hash}`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
          'X-Attachment': meta,
        },
        body: new Blob([new Uint8Array(body)]),
      });
    const late = await put(
      ATTACHMENT_CHUNK_BYTES,
      2 * ATTACHMENT_CHUNK_BYTES - 1,
      bytes.subarray(ATTACHMENT_CHUNK_BYTES, 2 * ATTACHMENT_CHUNK_BYTES),
    );
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ received: 0, complete: false });
    const tampered = Buffer.from(bytes);
    tampered.writeUInt8(tampered.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    for (let start = 0; start < bytes.length; start += ATTACHMENT_CHUNK_BYTES) {
      const end = Math.min(bytes.length, start + ATTACHMENT_CHUNK_BYTES) - 1;
      const response = await put(start, end, tampered.subarray(start, end + 1));
      if (end === bytes.length - 1) expect(response.status).toBe(400);
    }
    expect(existsSync(join(attachmentsDir, hash.slice(0, 2), hash))).toBe(false);
    // Nor is the uploader's unfinished copy kept.
    const parts = readdirSync(attachmentsDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.part'));
    expect(parts.filter((f) => f.includes(hash))).toEqual([]);
  });

  it('an image for a record of another commune, or one not on the server yet, is refused; too large is refused', async () => {
    const token = await server.login('ctv.bato');
    const bytes = Buffer.from(image());
    const { sha256Hex } = await import('../../src/shared/attachments');
    const hash = await sha256Hex(bytes);
    const send = (meta: object, size = bytes.length) =>
      server.app.request(`/api/attachments/${hash}`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Range': `bytes 0-${ATTACHMENT_CHUNK_BYTES - 1}/${size}`,
          'X-Attachment': Buffer.from(
            JSON.stringify({ hash, kind: 'photo', mime: 'image/jpeg', size, ...meta }),
          ).toString('base64url'),
        },
        body: new Blob([new Uint8Array(bytes.subarray(0, ATTACHMENT_CHUNK_BYTES))]),
      });
    expect((await send({ recordId: handout, communeCode: LY_SON })).status).toBe(403);
    expect((await send({ recordId: randomUUID(), communeCode: '21484' })).status).toBe(403);
    expect((await send({ recordId: handout, communeCode: LY_SON }, 2_000_000)).status).toBe(400);
  });
});
