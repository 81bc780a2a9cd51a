/**
 * @module createApp(deps) builds the whole HTTP app — API and the built PWA — without opening a port, so tests
 * call `app.request(...)` in-process. Only main.ts touches the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Database } from '../db/database';
import { TransientStorageError } from '../db/database';
import type { SessionUser } from '../../../src/shared/protocol';
import { MalformedBatchError } from '../sync/push';
import { ClientOfAnotherUserError } from '../store/sync-log';
import { authRoutes } from './auth';
import { syncRoutes } from './sync';
import { attachmentRoutes } from './attachments';
import { reportRoutes } from './reports';
import type { AttachmentBytes } from '../attachments/file-store';
import { errorResponse } from './errors';
import { answeredRoute, escapeForLog, requestLog } from './request-log';
import { securityHeaders } from './security-headers';
import { fromTrustedProxy } from './client-address';
import type { RateLimit } from './rate-limit';
import type { PullLimits } from '../sync/pull';
import type { PasswordHasher } from '../auth/hashing';
import type { LoginLimits } from './login-limit';

export interface AppDeps {
  db: Database;
  clock: () => number;
  sessionTtlMs: number;
  /** The built PWA (vite build's dist/). Without it only the API is served. */
  staticDir?: string | undefined;
  /** Where attachment bytes live (the data folder by default); without it the server refuses attachments. */
  attachments?: AttachmentBytes;
  /** Rows and bytes of one pull page (tests lower them to cut a download into many pages). */
  pullLimits?: PullLimits;
  /** Per-user limit on /api/sync (tests lower it). */
  syncRate?: RateLimit;
  /** Per-user limit on /api/attachments (tests lower it). */
  attachmentRate?: RateLimit;
  /** Hashes passwords at sign-in (scrypt N = 2^17 by default; tests pass cheaper parameters). Always bounded by `hashing`. */
  passwords?: PasswordHasher;
  /** Hashes running at once and waiting; beyond that sign-in answers 503 (DEFAULT_HASHING: cores − 1, at most 2; and 6). */
  hashing?: { concurrency: number; queue: number };
  /** Backoff after failed sign-ins per account and per address (tests lower it). */
  loginLimits?: LoginLimits;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (config TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
  /** Where request lines go; never given headers, bodies or query strings. */
  log?: (line: string) => void;
}

export type AppEnv = {
  /** `loggedAs`: what the request log writes instead of the path (see request-log.ts). */
  Variables: { user: SessionUser; tokenHash: string; loggedAs: string };
};

/** 2 MiB: a full outbox batch of 200 household edits is well under 200 KB. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const log = deps.log ?? (() => undefined);

  app.use('*', requestLog(log));
  const trustedProxies = new Set(deps.trustedProxies ?? []);
  app.use('*', securityHeaders({ fromTrustedProxy: (c) => fromTrustedProxy(c, trustedProxies) }));
  // Everything goes out gzipped: over 2G the app shell's bytes are minutes, not seconds.
  app.use('*', compress());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, 'too_large', 'Yêu cầu quá lớn; ứng dụng sẽ gửi thành nhiều phần nhỏ hơn.'),
    }),
  );

  app.get('/api/health', (c) => c.json({ ok: true, storage: deps.db.kind }));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api/attachments', attachmentRoutes(deps));
  app.route('/api/reports', reportRoutes(deps));
  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', 'Không có địa chỉ này.'));

  if (deps.staticDir && existsSync(deps.staticDir)) serveApp(app, deps.staticDir);

  app.onError((error, c) => {
    if (error instanceof MalformedBatchError) return errorResponse(c, 400, 'bad_request', error.message);
    if (error instanceof ClientOfAnotherUserError) {
      return errorResponse(c, 403, 'forbidden', 'Hàng đợi trên máy này thuộc về tài khoản khác. Đăng nhập bằng tài khoản đó để gửi.');
    }
    if (error instanceof TransientStorageError) {
      c.header('Retry-After', '5');
      return errorResponse(c, 503, 'unavailable', 'Máy chủ tạm thời không lưu được dữ liệu; ứng dụng sẽ tự gửi lại sau.');
    }
    log(`error ${escapeForLog(c.req.method)} ${answeredRoute(c)}: ${escapeForLog(`${error.name}: ${error.message}`)}`);
    return errorResponse(c, 500, 'unavailable', 'Lỗi máy chủ; ứng dụng sẽ tự gửi lại sau.');
  });
  return app;
}

function serveApp(app: Hono<AppEnv>, root: string) {
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
  // The service worker and the page that registers it must never be cached by HTTP, or an update never arrives.
  app.use('/sw.js', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-cache');
  });
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  // Deep links (/households/…) get the app shell; the router takes it from there.
  app.get('*', (c) => {
    // The app's own routes (/households/<id>…) name records: the log says only that the shell was served.
    c.set('loggedAs', '(app shell)');
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
