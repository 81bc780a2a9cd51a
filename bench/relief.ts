/**
 * npm run bench:relief — bytes on the wire for 200 handouts without and with signatures, and 50 signature images
 * uploaded over a link cut at random points: it completes, and each image is stored once.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { openDb } from '../src/db/database';
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
  if (saved.ok) households.push(saved.id);
}
let requestBytes = 0;
const real = fetchTransport({ fetch: (url, init) => server.app.request(url, init) });
const measuring: Transport = {
  async sync(request, bearer) {
    const { body } = await encodeBody(JSON.stringify(request));
    requestBytes += typeof body === 'string' ? Buffer.byteLength(body) : (body as ArrayBuffer).byteLength;
    return real.sync(request, bearer);
  },
};
await syncOnce({ db: device, transport: measuring, token, communes: [LY_SON], clock: Date.now });

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
requestBytes = 0;
for (let i = 0; i < 200; i++)
  await handOut(device, { ...handout(i), roundId: 'round-a' }, undefined, 1_760_000_000_000 + i);
await syncOnce({ db: device, transport: measuring, token, communes: [LY_SON], clock: Date.now });
const without = requestBytes;
console.log(
  `200 handouts, no signature: ${(without / 1024).toFixed(1)} KB gzip in the data sync (${(without / 200).toFixed(0)} B each)`,
);

requestBytes = 0;
let imageBytes = 0;
for (let i = 0; i < 200; i++) {
  const png = signaturePng(i + 1);
  imageBytes += png.byteLength;
  await handOut(
    device,
    { ...handout(i), roundId: 'round-b' },
    { bytes: png, kind: 'signature', mime: 'image/png' },
    1_760_000_100_000 + i,
  );
}
await syncOnce({ db: device, transport: measuring, token, communes: [LY_SON], clock: Date.now });
const dataWith = requestBytes;
let uploadBytes = 0;
let uploadRequests = 0;
const counting = async (url: string, init: RequestInit) => {
  uploadRequests += 1;
  if (init.body instanceof ArrayBuffer) uploadBytes += init.body.byteLength;
  return server.app.request(url, init);
};
await uploadAttachments({ db: device, token, fetch: counting });
console.log(
  `200 handouts with a drawn signature each: ${(dataWith / 1024).toFixed(1)} KB of data first, then ${(uploadBytes / 1024).toFixed(1)} KB of images (${(imageBytes / 200 / 1024).toFixed(1)} KB each) in ${uploadRequests} requests — the data never waits for them`,
);

console.log('\n## 50 signatures over a link cut at random points');
const flakyDevice = openDb(`bench-relief-flaky-${randomUUID()}`);
await syncOnce({ db: flakyDevice, transport: real, token, communes: [LY_SON], clock: Date.now });
const hashes: string[] = [];
for (let i = 0; i < 50; i++) {
  const png = signaturePng(1000 + i);
  const id = await handOut(
    flakyDevice,
    { ...handout(i), roundId: 'round-c' },
    { bytes: png, kind: 'signature', mime: 'image/png' },
    1_760_000_200_000 + i,
  );
  hashes.push((await flakyDevice.distributions.get(id))!.receipt as string);
}
await syncOnce({ db: flakyDevice, transport: real, token, communes: [LY_SON], clock: Date.now });
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
while ((await flakyDevice.attachments.where('uploaded').equals(0).count()) > 0 && runs < 500) {
  runs += 1;
  await uploadAttachments({ db: flakyDevice, token, fetch: flaky });
}
// Unfinished copies live under uploads/ (one per uploader): none may be left once everything is through.
const partsLeft = (readdirSync(attachmentsDir, { recursive: true }) as string[]).filter((f) =>
  f.endsWith('.part'),
).length;
const stored =
  partsLeft > 0
    ? []
    : hashes.filter(
        (hash) =>
          readdirSync(join(attachmentsDir, hash.slice(0, 2))).filter((f) => f.startsWith(hash)).length === 1 &&
          readdirSync(join(attachmentsDir, hash.slice(0, 2))).includes(hash),
      );
console.log(
  `completed: ${50 - (await flakyDevice.attachments.where('uploaded').equals(0).count())}/50 after ${runs} queue runs, ${attempts} requests, ${cuts} cut (${Math.round((cuts / attempts) * 100)} %), ${(performance.now() - started).toFixed(0)} ms`,
);
console.log(`stored once each: ${stored.length}/50 (one file per image, no partial left)`);
await server.db.close();
rmSync(attachmentsDir, { recursive: true, force: true });
