/**
 * npm run bench:relief — bytes on the wire for 200 handouts without and with signatures, each next to a baseline
 * measured in the same run (each handout as its own uncompressed request; the images inlined in the data sync),
 * and 50 signature images uploaded over a link cut at random points next to the same upload over a clean link: it
 * completes, and each image is stored once. Every handout is checked as saved on the device and held by the
 * server, so a figure is never taken of a sync that carried nothing.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { openDb, type AnSinhDb, type OutboxEntry } from '../src/db/database';
import { handOut } from '../src/db/relief';
import type { DistributionData } from '../src/shared/records/distribution';
import { saveHousehold } from '../src/db/households';
import { syncOnce } from '../src/sync/engine';
import { encodeBody, fetchTransport, type Transport } from '../src/sync/transport';
import { uploadAttachments } from '../src/sync/attachments-upload';
import { fileAttachmentStore } from '../sync-server/src/attachments/file-store';
import { testServer } from '../tests/support/server';
import { DEMO_VILLAGES } from '../sync-server/src/seed/demo';
import { LY_SON, householdFields } from '../tests/support/fixtures';

/** A signature as the tablet draws it: a 600×200 PNG with a few strokes (a few KB). */
function signaturePng(seed: number): ArrayBuffer {
  const [w, h] = [600, 200];
  const raw = Buffer.alloc((w * 4 + 1) * h);
  let s = seed;
  const rnd = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const phase = rnd() * 6;
  for (let x = 20; x < 580; x++) {
    const y = Math.round(100 + 50 * Math.sin(x / (18 + rnd() * 2) + phase) * Math.cos(x / 90));
    for (let dy = -1; dy <= 1; dy++) raw.writeUInt32BE(0x111111ff, (y + dy) * (w * 4 + 1) + 1 + x * 4);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([l, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}

type Receipt = Parameters<typeof handOut>[2];

/** A handout recorded as the app records it; a refused one stops the bench instead of being measured as nothing. */
async function recordHandout(db: AnSinhDb, data: DistributionData, receipt: Receipt, now: number): Promise<string> {
  const saved = await handOut(db, data, receipt, now);
  if (!saved.ok) throw new Error(`bench: handout refused: ${JSON.stringify(saved.issues)}`);
  return saved.id;
}

/** Bytes of one request body as the transport sends it (gzip from its threshold). */
async function bodyBytes(json: string): Promise<number> {
  const { body } = await encodeBody(json);
  return typeof body === 'string' ? Buffer.byteLength(body) : (body as ArrayBuffer).byteLength;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const attachmentsDir = mkdtempSync(join(tmpdir(), 'bench-relief-'));
const server = await testServer({ attachments: fileAttachmentStore(attachmentsDir) });
const token = await server.login('thon.lyson');
const device = openDb(`bench-relief-${randomUUID()}`);
const households: string[] = [];
const villages = DEMO_VILLAGES[LY_SON]!;
for (let i = 0; i < 50; i++) {
  const saved = await saveHousehold(
    device,
    // In the demo commune's villages: the server refuses a village off its list.
    householdFields({ headName: `Hộ Nhận Gạo ${i}`, village: villages[i % villages.length]! }),
    { now: i },
  );
  if (!saved.ok) throw new Error(`bench: household refused: ${JSON.stringify(saved.issues)}`);
  households.push(saved.id);
}
let requestBytes = 0;
const real = fetchTransport({ fetch: (url, init) => server.app.request(url, init) });
const measuring: Transport = {
  async sync(request, bearer) {
    requestBytes += await bodyBytes(JSON.stringify(request));
    return real.sync(request, bearer);
  },
};
const sync = async (db: AnSinhDb, transport: Transport) => {
  const outcome = await syncOnce({ db, transport, token, communes: [LY_SON], clock: Date.now });
  if (outcome.kind !== 'done') throw new Error(`bench: sync failed: ${JSON.stringify(outcome)}`);
  if ((await db.outbox.count()) > 0) throw new Error('bench: changes left unsent after a sync');
  if ((await db.rejections.count()) > 0) throw new Error('bench: the server refused a change');
};
/** How many handouts of a round the server holds. */
const onServer = async (roundId: string) =>
  Number(
    (
      await server.db.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM records WHERE type = 'distribution' AND data LIKE ?",
        [`%"roundId":"${roundId}"%`],
      )
    )?.n,
  );
await sync(device, measuring);

console.log('\n## Relief on the wire');
const handout = (i: number): DistributionData => ({
  communeCode: LY_SON,
  householdId: households[i % 50]!,
  roundId: 'bench-round',
  item: 'rice',
  itemName: 'Gạo',
  quantity: 60,
  unit: 'kg',
  recipientName: `Người Nhận ${i}`,
  recipientRelation: 'chủ hộ',
  handedOutAt: 1_760_000_000_000 + i * 60_000,
});
// Naive baseline (as bench:sync's): each handout its own request, the whole record as self-describing JSON, no gzip.
const naiveBytes = (entries: OutboxEntry[]) =>
  entries.reduce(
    (sum, e) =>
      sum +
      Buffer.byteLength(
        JSON.stringify({
          type: 'distribution',
          operation: 'create',
          clientTimestamp: new Date(e.at).toISOString(),
          record: e.op,
        }),
      ),
    0,
  );

// Without a signature, a handout says why (the app refuses one with neither a receipt nor a reason).
for (let i = 0; i < 200; i++)
  await recordHandout(
    device,
    { ...handout(i), roundId: 'round-a', noReceiptReason: 'Người nhận không ký được' },
    undefined,
    1_760_000_000_000 + i,
  );
const queuedA = await device.outbox.orderBy('seq').toArray();
requestBytes = 0;
await sync(device, measuring);
const without = requestBytes;
console.log(
  `200 handouts, no signature: ${kb(without)} gzip in the data sync (${(without / 200).toFixed(0)} B each; ${queuedA.length} changes, ${await onServer('round-a')}/200 on the server) vs naive ${kb(naiveBytes(queuedA))} in 200 requests — ${(naiveBytes(queuedA) / without).toFixed(1)}× fewer bytes`,
);

let imageBytes = 0;
const images: string[] = [];
for (let i = 0; i < 200; i++) {
  const png = signaturePng(i + 1);
  imageBytes += png.byteLength;
  images.push(Buffer.from(png).toString('base64'));
  await recordHandout(
    device,
    { ...handout(i), roundId: 'round-b' },
    { bytes: png, kind: 'signature', mime: 'image/png' },
    1_760_000_100_000 + i,
  );
}
const queuedB = await device.outbox.orderBy('seq').toArray();
requestBytes = 0;
await sync(device, measuring);
const dataWith = requestBytes;
let uploadBytes = 0;
let uploadRequests = 0;
const counting = async (url: string, init: RequestInit) => {
  uploadRequests += 1;
  if (init.body instanceof ArrayBuffer) uploadBytes += init.body.byteLength;
  return server.app.request(url, init);
};
await uploadAttachments({ db: device, token, fetch: counting });
// Baseline: the images inlined in the data sync as base64, so the handouts wait for every image to arrive.
const inlined = await bodyBytes(JSON.stringify({ mutations: queuedB, images }));
console.log(
  `200 handouts with a drawn signature each: ${kb(dataWith)} of data first (${await onServer('round-b')}/200 on the server), then ${kb(uploadBytes)} of images (${(imageBytes / 200 / 1024).toFixed(1)} KB each) in ${uploadRequests} requests — the data never waits for them`,
);
// Apart, the images cost about what they weigh; inlined, gzip takes base64 back near that too: the gain is order.
console.log(
  `baseline, images inlined as base64 in the data sync: ${kb(inlined)} in one request before any handout reaches the server; apart: ${kb(dataWith + uploadBytes)} in all (×${((dataWith + uploadBytes) / inlined).toFixed(2)} the bytes), the handouts there after the first ${kb(dataWith)}`,
);

/** A device with 50 signed handouts of its own round (images of their own seeds), its data synced. */
async function signedDevice(name: string, roundId: string, seedFrom: number) {
  const db = openDb(`bench-relief-${name}-${randomUUID()}`);
  await sync(db, real);
  const hashes: string[] = [];
  for (let i = 0; i < 50; i++) {
    const id = await recordHandout(
      db,
      { ...handout(i), roundId },
      { bytes: signaturePng(seedFrom + i), kind: 'signature', mime: 'image/png' },
      1_760_000_200_000 + seedFrom + i,
    );
    hashes.push((await db.distributions.get(id))!.receipt as string);
  }
  await sync(db, real);
  return { db, hashes };
}
const waiting = (db: AnSinhDb) => db.attachments.where('uploaded').equals(0).count();

console.log('\n## 50 signatures over a link cut at random points');
// Baseline: the same upload of 50 other images over a link that never fails.
const clean = await signedDevice('clean', 'round-clean', 2000);
let cleanRequests = 0;
const cleanStarted = performance.now();
await uploadAttachments({
  db: clean.db,
  token,
  fetch: (url, init) => {
    cleanRequests += 1;
    return server.app.request(url, init);
  },
});
const cleanMs = performance.now() - cleanStarted;
const flakyDevice = await signedDevice('flaky', 'round-c', 1000);
let seed = 42;
let cuts = 0;
let attempts = 0;
const flaky = async (url: string, init: RequestInit) => {
  attempts += 1;
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  const roll = seed / 2 ** 31;
  if (roll < 0.15) {
    cuts += 1;
    throw new Error('link down');
  }
  const response = await server.app.request(url, init);
  if (roll < 0.3) {
    cuts += 1;
    throw new Error('answer lost');
  }
  return response;
};
let runs = 0;
const started = performance.now();
while ((await waiting(flakyDevice.db)) > 0 && runs < 500) {
  runs += 1;
  await uploadAttachments({ db: flakyDevice.db, token, fetch: flaky });
}
const flakyMs = performance.now() - started;
// Unfinished copies live under uploads/ (one per uploader): none may be left once everything is through.
const partsLeft = (readdirSync(attachmentsDir, { recursive: true }) as string[]).filter((f) =>
  f.endsWith('.part'),
).length;
const storedOnce = (hashes: string[]) =>
  partsLeft > 0
    ? []
    : hashes.filter(
        (hash) =>
          readdirSync(join(attachmentsDir, hash.slice(0, 2))).filter((f) => f.startsWith(hash)).length === 1 &&
          readdirSync(join(attachmentsDir, hash.slice(0, 2))).includes(hash),
      );
console.log(
  `clean link (baseline): ${50 - (await waiting(clean.db))}/50 in ${cleanRequests} requests, ${cleanMs.toFixed(0)} ms`,
);
console.log(
  `cut link: ${50 - (await waiting(flakyDevice.db))}/50 after ${runs} queue runs, ${attempts} requests, ${cuts} cut (${Math.round((cuts / attempts) * 100)} %), ${flakyMs.toFixed(0)} ms — ×${(attempts / cleanRequests).toFixed(2)} the requests of the clean link`,
);
console.log(
  `stored once each: ${storedOnce(flakyDevice.hashes).length}/50 (one file per image, no partial left: ${partsLeft} .part)`,
);
await server.db.close();
rmSync(attachmentsDir, { recursive: true, force: true });
