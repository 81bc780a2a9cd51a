/**
 * @module The attachment queue: after the data, never before and never in its way. Each image goes up in chunks;
 * the server says how much of this user's copy it holds, so a connection cut at any point resumes there, and an
 * image is stored once on the server whatever happens (content-addressed).
 */
import * as v from 'valibot';
import { ATTACHMENT_CHUNK_BYTES, UploadStatus } from '../shared/attachments';
import type { UploadStatus as Status } from '../shared/attachments';
import type { AnSinhDb, StoredAttachment } from '../db/database';
import { markUploaded, pendingAttachments } from '../db/attachments';

type Fetch = (url: string, init: RequestInit) => Promise<Response> | Response;

export interface UploadDeps {
  db: AnSinhDb;
  token: string;
  fetch?: Fetch;
  baseUrl?: string;
}

export interface UploadOutcome {
  uploaded: number;
  remaining: number;
  /** Why the queue stopped early (no network, server unwell); it resumes at the next sync. */
  stopped?: string;
}

export async function uploadAttachments(deps: UploadDeps): Promise<UploadOutcome> {
  const doFetch: Fetch = deps.fetch ?? ((url, init) => fetch(url, init));
  const base = `${deps.baseUrl ?? ''}/api/attachments`;
  const auth = { Authorization: `Bearer ${deps.token}` };
  let uploaded = 0;
  const pending = await pendingAttachments(deps.db);
  for (const [index, attachment] of pending.entries()) {
    try {
      const done = await uploadOne(doFetch, base, auth, attachment);
      if (done === 'complete') {
        await markUploaded(deps.db, attachment.hash);
        uploaded += 1;
      }
    } catch (error) {
      return {
        uploaded,
        remaining: pending.length - index,
        stopped: error instanceof Error ? error.message : String(error),
      };
    }
  }
  return { uploaded, remaining: pending.length - uploaded };
}

/** 'complete', or 'later' when the server cannot take it yet (its record has not arrived); throws when offline. */
async function uploadOne(
  doFetch: Fetch,
  base: string,
  auth: Record<string, string>,
  attachment: StoredAttachment,
): Promise<'complete' | 'later'> {
  const read = async (response: Response) => v.parse(UploadStatus, await response.json());
  // No status question first: on 2G each round trip costs more than a chunk. A chunk at the wrong offset is
  // answered 409 with the offset of *this user's* unfinished copy (0 once the server has dropped a stale one), and
  // an image already linked to this very handout is answered "complete". The server never takes a hash on trust:
  // an image it holds for someone else is sent again in full (the disk still keeps one copy). A 429 stops the
  // queue like no network does; it resumes at the next sync.
  let status: Status = { received: 0, complete: false };
  const described = btoa(JSON.stringify(attachment.meta)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const total = attachment.bytes.byteLength;
  // Bounded: every round either advances or learns the server's true offset.
  for (let round = 0; !status.complete && round < 4 * Math.ceil(total / ATTACHMENT_CHUNK_BYTES) + 4; round++) {
    const start = status.received;
    const end = Math.min(total, start + ATTACHMENT_CHUNK_BYTES) - 1;
    const response = await doFetch(`${base}/${attachment.hash}`, {
      method: 'PUT',
      headers: {
        ...auth,
        'Content-Type': 'application/octet-stream',
        'Content-Range': `bytes ${start}-${end}/${total}`,
        'X-Attachment': described,
      },
      body: attachment.bytes.slice(start, end + 1),
    });
    if (response.status === 403) return 'later';
    if (response.status === 409) {
      status = await read(response);
      continue;
    }
    if (response.status === 400) {
      // The server threw away a corrupt copy: start again from nothing.
      status = { received: 0, complete: false };
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    status = await read(response);
  }
  return status.complete ? 'complete' : 'later';
}
