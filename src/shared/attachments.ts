/**
 * @module Attachments (a signature drawn on the tablet, a photo of a signed paper list): content-addressed by
 * SHA-256, uploaded after the data in their own queue, in chunks that resume where a cut connection stopped.
 * The wire format is defined here once for the app and the server.
 */
import * as v from 'valibot';
import { encodeMessage } from './messages';
import { CommuneCode, Uuid } from './fields';

/** About 200 KB after downscaling on capture; the server refuses anything much larger. */
export const MAX_ATTACHMENT_BYTES = 300 * 1024;
/** Small enough to get through in a few seconds of 2G, so a cut costs little. */
export const ATTACHMENT_CHUNK_BYTES = 32 * 1024;

export const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, encodeMessage('attachment.hash')));

export const AttachmentMeta = v.object({
  hash: Sha256Hex,
  /** The record the attachment belongs to (a handout); its commune decides who may download it. */
  recordId: Uuid,
  communeCode: CommuneCode,
  kind: v.picklist(['signature', 'photo']),
  mime: v.picklist(['image/png', 'image/jpeg', 'image/webp']),
  size: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(MAX_ATTACHMENT_BYTES, encodeMessage('attachment.tooLarge')),
  ),
});
export type AttachmentMeta = v.InferOutput<typeof AttachmentMeta>;

/** The server's answer to an upload or a status question: how many bytes it holds, and whether it is whole. */
export const UploadStatus = v.object({ received: v.number(), complete: v.boolean() });
export type UploadStatus = v.InferOutput<typeof UploadStatus>;

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes instanceof Uint8Array ? new Uint8Array(bytes) : bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
