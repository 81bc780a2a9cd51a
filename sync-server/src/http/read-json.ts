/**
 * @module Reads a JSON body — gzipped when the device says so (Content-Encoding: gzip) — answering 400 with a
 * clear message when it is not JSON, and 413 when it unpacks to more than the limit (no zip bombs).
 */
import { gunzip } from 'node:zlib';
import { message } from '../../../src/shared/messages';
import { promisify } from 'node:util';
import type { Context } from 'hono';
import { errorResponse } from './errors';

const gunzipAsync = promisify(gunzip);
/** A full batch of 200 mutations is well under 1 MiB unpacked. */
export const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;

export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  let text: string;
  try {
    const raw = Buffer.from(await c.req.arrayBuffer());
    const encoding = c.req.header('Content-Encoding')?.toLowerCase();
    if (encoding === 'gzip') {
      text = (await gunzipAsync(raw, { maxOutputLength: MAX_UNPACKED_BYTES })).toString('utf8');
    } else if (!encoding || encoding === 'identity') {
      text = raw.toString('utf8');
    } else {
      return {
        ok: false,
        response: errorResponse(
          c,
          400,
          'bad_request',
          message('http.unsupportedEncoding', { encoding: String(encoding) }),
        ),
      };
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, response: errorResponse(c, 413, 'too_large', message('http.tooLargeUnzipped')) };
    }
    return { ok: false, response: errorResponse(c, 400, 'bad_request', message('http.badGzip')) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorResponse(c, 400, 'bad_request', message('http.badJson')) };
  }
}
