/** @module Reads a JSON body, answering 400 with a clear message when it is not JSON. */
import type { Context } from 'hono';
import { errorResponse } from './errors';

export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: errorResponse(c, 400, 'bad_request', 'Nội dung yêu cầu không phải JSON hợp lệ.') };
  }
}
