/**
 * Issue 9, item 8: unfinished attachment uploads do not pile up on disk. Stale copies are removed when the server
 * starts and every hour after; the bound on bytes in progress per user is in attachment-security.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileAttachmentStore } from '../../sync-server/src/attachments/file-store';
import { scheduleStalePartCleanup } from '../../sync-server/src/attachments/cleanup';
import { startServer } from '../../sync-server/src/server';
import { readConfig } from '../../sync-server/src/config';
import { ATTACHMENT_CHUNK_BYTES, sha256Hex } from '../../src/shared/attachments';

const image = (size = 70 * 1024) => randomBytes(size);

describe('unfinished uploads on disk', () => {
  const partsUnder = (root: string) =>
    (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.part'));
  const startUpload = async (files: ReturnType<typeof fileAttachmentStore>, uploader: string) => {
    const bytes = image();
    const hash = await sha256Hex(bytes);
    await files.append(uploader, hash, 0, bytes.subarray(0, ATTACHMENT_CHUNK_BYTES), bytes.length);
    return hash;
  };
  const age = (root: string, hash: string, ms: number) => {
    const path = join(root, partsUnder(root).find((f) => f.includes(hash))!);
    const then = new Date(Date.now() - ms);
    utimesSync(path, then, then);
  };

  it('#9.8 an upload nobody has added to for a day is removed, one in progress is kept, and the log says how many only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ansinh-parts-'));
    const files = fileAttachmentStore(root);
    const abandoned = await startUpload(files, 'user-a');
    const current = await startUpload(files, 'user-b');
    age(root, abandoned, 25 * 3600_000);
    age(root, current, 3600_000);
    const logs: string[] = [];
    const cleanup = scheduleStalePartCleanup(files, (line) => logs.push(line));
    await cleanup.firstRun;
    cleanup.stop();
    expect(partsUnder(root).map((f) => f.includes(current))).toEqual([true]);
    expect(logs).toEqual([`removed 1 unfinished attachment uploads (${ATTACHMENT_CHUNK_BYTES} bytes) older than 24 h`]);
    // The device comes back: told the server holds nothing, it starts again from its first byte.
    await expect(
      files.append('user-a', abandoned, ATTACHMENT_CHUNK_BYTES, new Uint8Array(10), 70 * 1024),
    ).rejects.toMatchObject({ received: 0 });
  });

  it('#9.8 a server that starts removes the stale unfinished uploads left by its last run, and those of the old layout', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-restart-'));
    const left = fileAttachmentStore(join(dataDir, 'attachments'));
    const hash = await startUpload(left, 'user-a');
    age(join(dataDir, 'attachments'), hash, 2 * 24 * 3600_000);
    // Before uploads had owners, unfinished copies sat beside the whole files: `ab/<hash>.part`.
    const unowned = await sha256Hex(image());
    mkdirSync(join(dataDir, 'attachments', unowned.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'attachments', unowned.slice(0, 2), `${unowned}.part`), image(ATTACHMENT_CHUNK_BYTES));
    const started = await startServer(
      readConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', STATIC_DIR: join(dataDir, 'no-dist') }),
      () => undefined,
    );
    try {
      await started.attachmentCleanup.firstRun;
      expect(partsUnder(join(dataDir, 'attachments'))).toEqual([]);
    } finally {
      started.attachmentCleanup.stop();
      started.stopPruning();
      await started.db.close();
    }
  });

  it('two chunks of the same upload sent at once: one is appended, the other told the new offset', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ansinh-parts-'));
    const files = fileAttachmentStore(root);
    const bytes = image();
    const hash = await sha256Hex(bytes);
    const chunk = bytes.subarray(0, ATTACHMENT_CHUNK_BYTES);
    const outcomes = await Promise.allSettled([
      files.append('user-a', hash, 0, chunk, bytes.length),
      files.append('user-a', hash, 0, chunk, bytes.length),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { received: ATTACHMENT_CHUNK_BYTES },
    });
    // The copy holds the chunk once and completes with the rest.
    expect(
      await files.append('user-a', hash, ATTACHMENT_CHUNK_BYTES, bytes.subarray(ATTACHMENT_CHUNK_BYTES), bytes.length),
    ).toEqual({ received: bytes.length, complete: true });
    expect((await files.read(hash))?.equals(bytes)).toBe(true);
  });
});
