/**
 * @module createApp(deps) builds the whole HTTP app — API and the built PWA — without opening a port, so tests
 * call `app.request(...)` in-process. Only main.ts touches the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { message } from '../../../src/shared/messages';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { TransientStorageError } from '../db/database';
import { MalformedBatchError } from '../sync/push';
import { ClientOfAnotherUserError } from '../store/sync-log';
import { authRoutes } from './auth';
import { syncRoutes } from './sync';
import { attachmentRoutes } from './attachments';
import { reportRoutes } from './reports';
import { payrollRoutes } from './payroll';
import { errorResponse } from './errors';
import type { AppDeps, AppEnv } from './deps';
import { answeredRoute, escapeForLog, requestLog } from './request-log';
import { securityHeaders } from './security-headers';
import { fromTrustedProxy } from './client-address';

/** 2 MiB: a full outbox batch of 200 household edits is well under 200 KB. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type { AppDeps, AppEnv } from './deps';

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
      onError: (c) => errorResponse(c, 413, 'too_large', message('http.requestTooLarge')),
    }),
  );

  app.get('/api/health', (c) => c.json({ ok: true, storage: deps.db.kind }));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api/attachments', attachmentRoutes(deps));
  app.route('/api/reports', reportRoutes(deps));
  app.route('/api/payroll', payrollRoutes(deps));
  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', message('http.noSuchAddress')));

  if (deps.staticDir && existsSync(deps.staticDir)) serveApp(app, deps.staticDir);

  app.onError((error, c) => {
    if (error instanceof MalformedBatchError) return errorResponse(c, 400, 'bad_request', error.message);
    if (error instanceof ClientOfAnotherUserError) {
      return errorResponse(c, 403, 'forbidden', message('http.queueOfOtherUser'));
    }
    if (error instanceof TransientStorageError) {
      c.header('Retry-After', '5');
      return errorResponse(c, 503, 'unavailable', message('http.storageUnavailable'));
    }
    log(`error ${escapeForLog(c.req.method)} ${answeredRoute(c)}: ${escapeForLog(`${error.name}: ${error.message}`)}`);
    return errorResponse(c, 500, 'unavailable', message('http.serverError'));
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
