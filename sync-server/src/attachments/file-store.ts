/**
 * @module Attachment bytes on disk, under the data folder: `attachments/ab/abcdef….part` while arriving, renamed
 * to `attachments/ab/abcdef…` once whole and its SHA-256 checked. Content-addressed, so the same image sent twice
 * (or by two devices) is stored once.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface AttachmentBytes {
  /** Bytes received so far, and whether the file is whole. */
  status(hash: string): Promise<{ received: number; complete: boolean }>;
  /** Writes a chunk at `offset`, which must equal the bytes received so far; completes and verifies at `total`. */
  append(hash: string, offset: number, chunk: Uint8Array, total: number): Promise<{ received: number; complete: boolean }>;
  read(hash: string): Promise<Buffer | undefined>;
}

export class ChunkOutOfOrderError extends Error {
  constructor(readonly received: number) {
    super(`chunk does not start at ${received}`);
  }
}

export class HashMismatchError extends Error {}

export function fileAttachmentStore(root: string): AttachmentBytes {
  const paths = (hash: string) => {
    const dir = join(root, hash.slice(0, 2));
    return { dir, whole: join(dir, hash), part: join(dir, `${hash}.part`) };
  };
  const size = async (path: string) => (await stat(path).catch(() => undefined))?.size;

  const status = async (hash: string) => {
    const { whole, part } = paths(hash);
    const complete = await size(whole);
    if (complete !== undefined) return { received: complete, complete: true };
    return { received: (await size(part)) ?? 0, complete: false };
  };

  return {
    status,
    async append(hash, offset, chunk, total) {
      const current = await status(hash);
      if (current.complete) return current;
      if (offset !== current.received) throw new ChunkOutOfOrderError(current.received);
      const { dir, whole, part } = paths(hash);
      await mkdir(dir, { recursive: true });
      const file = await open(part, 'a');
      try {
        await file.write(chunk);
        await file.sync();
      } finally {
        await file.close();
      }
      const received = offset + chunk.length;
      if (received < total) return { received, complete: false };
      const bytes = await readFile(part);
      if (createHash('sha256').update(bytes).digest('hex') !== hash) {
        await unlink(part);
        throw new HashMismatchError('the bytes do not match their hash');
      }
      await rename(part, whole);
      return { received, complete: true };
    },
    async read(hash) {
      return readFile(paths(hash).whole).catch(() => undefined);
    },
  };
}
