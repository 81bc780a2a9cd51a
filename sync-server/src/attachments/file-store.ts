/**
 * @module Attachment bytes on disk, under the data folder. Whole files are content-addressed
 * (`attachments/ab/abcdef…`), so the same image sent twice, or by two communes, is stored once. An upload in
 * progress belongs to its uploader (`attachments/uploads/<uploader>/<hash>.part`) and becomes a whole file only
 * when its own bytes hash to its name: a hash is a name, never a proof, and nobody learns from an upload whether
 * someone else has sent the same image.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../../src/shared/attachments';
import { keyedLock } from './keyed-lock';

export interface UploadProgress {
  received: number;
  complete: boolean;
}

export interface AttachmentBytes {
  /**
   * Appends a chunk to `uploader`'s own copy of `hash` at `offset`, which must equal the bytes that copy holds;
   * at `total` the copy is checked against its hash and kept (once) or thrown away.
   */
  append(uploader: string, hash: string, offset: number, chunk: Uint8Array, total: number): Promise<UploadProgress>;
  read(hash: string): Promise<Buffer | undefined>;
  /** Throws away unfinished uploads last written before `before` (epoch ms). */
  removeStaleParts(before: number): Promise<{ files: number; bytes: number }>;
  /**
   * Throws away unfinished uploads of the layout before uploads had owners (`ab/<hash>.part`): nothing appends to
   * them any more, and they were what piled up.
   */
  removeUnownedParts(): Promise<{ files: number; bytes: number }>;
}

export class ChunkOutOfOrderError extends Error {
  constructor(readonly received: number) {
    super(`chunk does not start at ${received}`);
  }
}

export class HashMismatchError extends Error {}

/** Three full-size images at once: a user's devices upload one at a time, so only abandoned uploads reach it. */
export const MAX_BYTES_IN_PROGRESS_PER_UPLOADER = 1024 * 1024;

const HASH = /^[0-9a-f]{64}$/;
const PART = '.part';

export function fileAttachmentStore(root: string, options: { maxBytesInProgress?: number } = {}): AttachmentBytes {
  const maxInProgress = options.maxBytesInProgress ?? MAX_BYTES_IN_PROGRESS_PER_UPLOADER;
  if (maxInProgress < MAX_ATTACHMENT_BYTES)
    throw new Error('maxBytesInProgress must hold at least one whole attachment');
  const uploads = join(root, 'uploads');
  const wholePath = (hash: string) => join(root, hash.slice(0, 2), hash);
  // The uploader's id is not used as a folder name as is: any string is safe this way, and short.
  const uploaderDir = (uploader: string) =>
    join(uploads, createHash('sha256').update(uploader).digest('hex').slice(0, 32));
  // One uploader's chunks one at a time: two requests at the same offset must not both append.
  const serially = keyedLock();

  const size = async (path: string) => (await stat(path).catch(() => undefined))?.size;
  const checkHash = (hash: string) => {
    if (!HASH.test(hash)) throw new Error('an attachment is named by its SHA-256 in lowercase hex');
  };

  /** The uploader's other unfinished uploads, oldest first. */
  const othersOf = async (dir: string, except: string) => {
    const names = await readdir(dir).catch(() => [] as string[]);
    const parts = await Promise.all(
      names
        .filter((name) => name.endsWith(PART) && join(dir, name) !== except)
        .map(async (name) => ({ path: join(dir, name), stats: await stat(join(dir, name)).catch(() => undefined) })),
    );
    return parts
      .flatMap((p) => (p.stats ? [{ path: p.path, size: p.stats.size, mtime: p.stats.mtimeMs }] : []))
      .sort((a, b) => a.mtime - b.mtime);
  };

  /** Keeps the uploader under the bound by dropping their oldest unfinished uploads (they restart from zero). */
  const makeRoom = async (dir: string, part: string, needed: number) => {
    const others = await othersOf(dir, part);
    let held = others.reduce((sum, p) => sum + p.size, 0);
    for (const oldest of others) {
      if (held + needed <= maxInProgress) break;
      await unlink(oldest.path).catch(() => undefined);
      held -= oldest.size;
    }
  };

  /** The uploader's copy is whole: keep it under its hash if its bytes say so, otherwise throw it away. */
  const finish = async (hash: string, part: string, received: number): Promise<UploadProgress> => {
    const bytes = await readFile(part);
    if (createHash('sha256').update(bytes).digest('hex') !== hash) {
      await unlink(part);
      throw new HashMismatchError('the bytes do not match their hash');
    }
    const whole = wholePath(hash);
    if ((await size(whole)) === bytes.length) {
      await unlink(part); // the same bytes are already stored: keep one copy
    } else {
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      await rename(part, whole);
    }
    return { received, complete: true };
  };

  return {
    async append(uploader, hash, offset, chunk, total) {
      checkHash(hash);
      if (total > MAX_ATTACHMENT_BYTES) throw new Error('attachment too large');
      const dir = uploaderDir(uploader);
      const part = join(dir, `${hash}${PART}`);
      return serially(dir, async () => {
        const held = (await size(part)) ?? 0;
        if (held > total) {
          await unlink(part); // a copy announced with another size: start again
          throw new ChunkOutOfOrderError(0);
        }
        if (held === total) return finish(hash, part, held); // whole, but not checked yet (a crash in between)
        if (offset !== held) throw new ChunkOutOfOrderError(held);
        if (offset + chunk.length > total) throw new RangeError('chunk goes past the announced size');
        await mkdir(dir, { recursive: true });
        await makeRoom(dir, part, held + chunk.length);
        const file = await open(part, 'a');
        try {
          await file.write(chunk);
          await file.sync();
        } finally {
          await file.close();
        }
        const received = offset + chunk.length;
        return received < total ? { received, complete: false } : finish(hash, part, received);
      });
    },

    async read(hash) {
      if (!HASH.test(hash)) return undefined;
      return readFile(wholePath(hash)).catch(() => undefined);
    },

    async removeStaleParts(before) {
      let files = 0;
      let bytes = 0;
      for (const name of await readdir(uploads).catch(() => [] as string[])) {
        const dir = join(uploads, name);
        await serially(dir, async () => {
          for (const stale of (await othersOf(dir, '')).filter((p) => p.mtime < before)) {
            await unlink(stale.path);
            files += 1;
            bytes += stale.size;
          }
          await rmdir(dir).catch(() => undefined); // only when empty
        });
      }
      return { files, bytes };
    },

    async removeUnownedParts() {
      let files = 0;
      let bytes = 0;
      const prefixes = (await readdir(root).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{2}$/.test(name));
      for (const prefix of prefixes) {
        for (const part of await othersOf(join(root, prefix), '')) {
          await unlink(part.path);
          files += 1;
          bytes += part.size;
        }
      }
      return { files, bytes };
    },
  };
}
