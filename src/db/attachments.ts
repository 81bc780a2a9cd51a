/** @module Attachments on the device: kept with their description and hash until the server holds them whole. */
import { AttachmentMeta, sha256Hex } from '../shared/attachments';
import * as v from 'valibot';
import type { AnSinhDb, StoredAttachment } from './database';

/**
 * Stores an image for a record; the same bytes twice are stored once. Answers the hash. `held`: the record is not
 * saved yet, so the image waits until `releaseAttachments` (see StoredAttachment.held).
 */
export async function storeAttachment(
  db: AnSinhDb,
  bytes: ArrayBuffer,
  meta: Omit<AttachmentMeta, 'hash' | 'size'>,
  now: number,
  options: { held?: boolean } = {},
): Promise<string> {
  const hash = await sha256Hex(bytes);
  const full = v.parse(AttachmentMeta, { ...meta, hash, size: bytes.byteLength });
  const stored: StoredAttachment = {
    hash,
    recordId: meta.recordId,
    meta: full,
    bytes,
    uploaded: 0,
    createdAt: now,
    ...(options.held ? { held: true as const } : {}),
  };
  await db.attachments.put(stored);
  return hash;
}

/**
 * What waits to go up, oldest first — not an image held for a record not saved yet: a photo taken while the
 * application was a draft would be answered "later" on every sync, over 2G, and a draft given up would never end.
 */
export async function pendingAttachments(db: AnSinhDb): Promise<StoredAttachment[]> {
  return (await db.attachments.where('uploaded').equals(0).sortBy('createdAt')).filter((a) => !a.held);
}

/** The record is saved: its images held until now may go up (call it in the transaction that saves it). */
export async function releaseAttachments(db: AnSinhDb, hashes: readonly string[]): Promise<void> {
  await db.attachments
    .where('hash')
    .anyOf([...hashes])
    .modify((a) => {
      delete a.held;
    });
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
