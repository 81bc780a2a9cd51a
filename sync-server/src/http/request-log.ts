/**
 * @module One line per request: method, the route that answered, status, duration. What identifies a thing (an
 * attachment's hash, a record id) is a path parameter, so the route's pattern is written, not the path asked for;
 * and whatever comes from outside is escaped, so a request cannot write a line of its own (`GET /x%0aPOST …`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/** Control characters (C0, DEL, C1, line and paragraph separators) and the backslash become visible escapes. */
export function escapeForLog(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Long enough for any path of the app shell, short enough that a request cannot fill the log. */
const MAX_LOGGED_PATH = 200;

/**
 * The pattern of the route that answered. Under the catch-all, a file of the built app is written by its path
 * (build names, escaped); the app shell, served for every other path, says so in `loggedAs` instead; a path that
 * nothing answered is not written at all (it may be anything a client typed, a record id among them).
 */
export function answeredRoute(c: Context): string {
  const named: unknown = c.get('loggedAs');
  if (typeof named === 'string') return escapeForLog(named);
  const pattern = routePath(c);
  if (pattern !== '*' && pattern !== '/*' && pattern !== '') return escapeForLog(pattern);
  if (c.res.status >= 400) return '(not found)';
  const path = c.req.path;
  return escapeForLog(path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path);
}

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // Never headers, bodies or query strings: tokens travel in headers, and no personal data is put in a URL.
    log(
      `${escapeForLog(c.req.method)} ${answeredRoute(c)} ${c.res.status} ${Math.round(performance.now() - started)}ms`,
    );
  };
}
