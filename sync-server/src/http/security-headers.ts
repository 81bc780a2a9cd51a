/**
 * @module Security headers on every answer. The PWA is all our own files — no inline script or style, no other
 * origin, no images but our icons — so the Content-Security-Policy allows exactly 'self' and nothing inline, and an
 * injected script or a framing page is refused by the browser. API answers carry names, CCCD numbers and signatures:
 * no cache may keep them (the device keeps its copy in IndexedDB, on purpose, not in the HTTP cache).
 */
import type { Context, MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year: the server is only ever reached over TLS once HSTS has been seen. */
const HSTS = 'max-age=31536000';

/**
 * Whether this request reached us over TLS: directly, or — only when it came from a proxy the operator trusts
 * (`TRUSTED_PROXIES`) — as that proxy's X-Forwarded-Proto says. From anyone else the header is anybody's.
 */
export function cameOverTls(c: Context, fromTrustedProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!fromTrustedProxy) return false;
  // Several proxies append to the list; the first one is what the client used.
  return c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function securityHeaders(options: { fromTrustedProxy: (c: Context) => boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY'); // frame-ancestors for browsers that predate it
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (cameOverTls(c, options.fromTrustedProxy(c))) c.header('Strict-Transport-Security', HSTS);
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}
