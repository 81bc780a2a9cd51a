/**
 * @module Attachments over HTTP. `PUT /api/attachments/:hash` takes one chunk (`Content-Range: bytes a-b/total`)
 * with the attachment's description (`X-Attachment`, base64url JSON) and answers how much of *the uploader's own*
 * copy the server holds — a chunk at the wrong offset gets 409 with the right one, so a cut upload resumes where it
 * stopped without a question first. The bytes are linked to the record only once they hash to their name, and the
 * answers are the same whether or not someone else already sent that image (only a copy already linked to this
 * very record, which the uploader may read anyway, is answered "complete" at once). `GET …/:hash` serves the image
 * to a user whose communes cover its record — to anyone else it does not exist.
 */
import { Hono } from 'hono';
import { issueMessages, message } from '../../../src/shared/messages';
import * as v from 'valibot';
import { AttachmentMeta, MAX_ATTACHMENT_BYTES, Sha256Hex } from '../../../src/shared/attachments';
import { getRecord } from '../store/records';
import { attachmentAccess, isLinked, linkAttachment } from '../store/attachments';
import { ChunkOutOfOrderError, HashMismatchError } from '../attachments/file-store';
import { errorResponse } from './errors';
import { can, notPermitted, readsSensitive } from '../../../src/shared/permissions';
import { caseTellsHiv } from '../../../src/shared/tells-hiv';
import { requireUser } from './auth';
import type { AppDeps, AppEnv } from './deps';
import { rateLimiter, type RateLimit } from './rate-limit';

/**
 * A day of handouts kept offline (200 signatures and photos, up to 600 chunks) goes up in a row once the tablet
 * is back on the commune's Wi-Fi; a device stuck in a loop sends thousands. (Over 2G a chunk takes seconds.)
 */
export const DEFAULT_ATTACHMENT_RATE: RateLimit = { burst: 600, perSecond: 5 };

const RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

export function attachmentRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  const files = deps.attachments;
  const limiter = rateLimiter(deps.attachmentRate ?? DEFAULT_ATTACHMENT_RATE, deps.clock);
  routes.use('*', requireUser(deps), async (c, next) => {
    const token = limiter.take(c.get('user').id);
    if (token.ok) return next();
    c.header('Retry-After', String(token.retryAfterSeconds));
    return errorResponse(c, 429, 'rate_limited', message('http.attachmentsRateLimited'));
  });

  routes.put('/:hash', async (c) => {
    if (!files) return errorResponse(c, 404, 'not_found', message('http.noAttachments'));
    const hash = c.req.param('hash');
    let described: unknown;
    try {
      described = JSON.parse(Buffer.from(c.req.header('X-Attachment') ?? '', 'base64url').toString('utf8'));
    } catch {
      return errorResponse(c, 400, 'bad_request', message('http.attachmentMetaMissing'));
    }
    const meta = v.safeParse(AttachmentMeta, described);
    if (!meta.success)
      return errorResponse(c, 400, 'bad_request', message('issues', undefined, issueMessages(meta.issues)));
    if (meta.output.hash !== hash) return errorResponse(c, 400, 'bad_request', message('http.attachmentHashMismatch'));
    const range = RANGE.exec(c.req.header('Content-Range') ?? '');
    if (!range) return errorResponse(c, 400, 'bad_request', message('http.rangeMissing'));
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (total !== meta.output.size || total > MAX_ATTACHMENT_BYTES)
      return errorResponse(c, 413, 'too_large', message('http.imageTooLarge'));
    if (start > end || end >= total) return errorResponse(c, 400, 'bad_request', message('http.rangeOutside'));
    // Data travels first: the handout the image belongs to must already be on the server, in the user's communes.
    const record = await getRecord(deps.db, meta.output.recordId);
    const scope = new Set(c.get('user').communes.map((x) => x.code));
    if (!record || record.commune !== meta.output.communeCode || !scope.has(record.commune)) {
      return errorResponse(c, 403, 'forbidden', message('http.attachmentRecordMissing'));
    }
    // A receipt belongs to a handout, a photo of a paper to an allowance application (issue 12); only who may
    // record the one or file the other sends it (src/shared/permissions.ts).
    const role = c.get('user').role;
    const owner =
      record.type === 'distribution'
        ? ('distribution' as const)
        : record.type === 'case' && record.data.kind === 'allowance'
          ? ('case' as const)
          : undefined;
    if (!owner) return errorResponse(c, 403, 'forbidden', message('http.receiptsOnlyForHandouts'));
    if (!can(role, owner, 'create')) return errorResponse(c, 403, 'forbidden', notPermitted(role, owner, 'create'));
    const chunk = new Uint8Array(await c.req.arrayBuffer());
    if (chunk.length !== end - start + 1) return errorResponse(c, 400, 'bad_request', message('http.chunkLength'));
    // Sent before, and its answer lost: the record already has these bytes, and this user may read the record.
    if (await isLinked(deps.db, hash, record.id)) return c.json({ received: total, complete: true });
    try {
      const status = await files.append(c.get('user').id, hash, start, chunk, total);
      if (status.complete) {
        await linkAttachment(deps.db, {
          hash,
          recordId: record.id,
          kind: meta.output.kind,
          mime: meta.output.mime,
          size: total,
          userId: c.get('user').id,
          now: deps.clock(),
        });
      }
      return c.json(status);
    } catch (error) {
      if (error instanceof ChunkOutOfOrderError) return c.json({ received: error.received, complete: false }, 409);
      if (error instanceof HashMismatchError)
        return errorResponse(c, 400, 'bad_request', message('http.uploadCorrupt'));
      throw error;
    }
  });

  routes.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    const access = files && v.is(Sha256Hex, hash) ? await attachmentAccess(deps.db, hash) : undefined;
    const scope = new Set(c.get('user').communes.map((x) => x.code));
    const role = c.get('user').role;
    // A photo of a case that tells HIV status (an HIV certificate, a form 1b) is for the roles that may read it.
    const hidden = !readsSensitive(role) && access?.records.some((r) => r.type === 'case' && caseTellsHiv(r.data));
    const bytes =
      !hidden && access?.communes.some((commune) => scope.has(commune)) ? await files?.read(hash) : undefined;
    if (!access || !bytes) return errorResponse(c, 404, 'not_found', message('http.noSuchFile'));
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': access.mime });
  });
  return routes;
}
