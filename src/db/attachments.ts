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

export async function pendingAttachments(db: AnSinhDb): Promise<StoredAttachment[]> {
  return db.attachments.where('uploaded').equals(0).sortBy('createdAt');
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
