/**
 * @module Error answers: a stable `code` for programs, the `problem` (a message code with parameters) the app
 * translates, and `message`, the same in Vietnamese, for older apps and for people reading the answer.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../../src/shared/protocol';
import { message as text, type Message } from '../../../src/shared/messages';
import { formatVi } from '../../../src/shared/messages-vi';

export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, problem: Message | string) {
  const message = typeof problem === 'string' ? text('text', { text: problem }) : problem;
  return c.json({ error: { code, message: formatVi(message), problem: message } }, status);
}
