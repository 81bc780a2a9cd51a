/** @module Attachments on the device: kept with their description and hash until the server holds them whole. */
import { AttachmentMeta, sha256Hex } from '../shared/attachments';
import * as v from 'valibot';
import type { AnSinhDb, StoredAttachment } from './database';

/** Stores an image for a record; the same bytes twice are stored once. Answers the hash. */
export async function storeAttachment(
  db: AnSinhDb,
  bytes: ArrayBuffer,
  meta: Omit<AttachmentMeta, 'hash' | 'size'>,
  now: number,
): Promise<string> {
  const hash = await sha256Hex(bytes);
  const full = v.parse(AttachmentMeta, { ...meta, hash, size: bytes.byteLength });
  const stored: StoredAttachment = { hash, recordId: meta.recordId, meta: full, bytes, uploaded: 0, createdAt: now };
  await db.attachments.put(stored);
  return hash;
}

/**
 * What waits to go up, oldest first. A photo of an application's paper waits until its case is saved on the device:
 * taken while the form was a draft, it is not sent (the server would answer "later" on every sync, over 2G) — and a
 * draft given up never sends it. A signature is saved with its handout, so it always has its record.
 */
export async function pendingAttachments(db: AnSinhDb): Promise<StoredAttachment[]> {
  const waiting = await db.attachments.where('uploaded').equals(0).sortBy('createdAt');
  const photos = waiting.filter((a) => a.meta.kind === 'photo');
  if (photos.length === 0) return waiting;
  const cases = await db.cases.bulkGet([...new Set(photos.map((a) => a.recordId))]);
  const saved = new Set(cases.flatMap((c) => (c ? [c.id] : [])));
  return waiting.filter((a) => a.meta.kind !== 'photo' || saved.has(a.recordId));
}

export async function markUploaded(db: AnSinhDb, hash: string): Promise<void> {
  await db.attachments.update(hash, { uploaded: 1 });
}

/** The photos of a record that this device holds (taken here, not yet or already sent), by hash. */
export async function photosOnDevice(
  db: AnSinhDb,
  hashes: readonly string[],
): Promise<Map<string, { bytes: ArrayBuffer; mime: string }>> {
  const rows = await db.attachments.bulkGet([...hashes]);
  return new Map(rows.flatMap((r) => (r ? [[r.hash, { bytes: r.bytes, mime: r.meta.mime }] as const] : [])));
}
