/** @module POST /api/sync: push the device's outbox, then pull a page of its communes' changes. */
import { Hono } from 'hono';
import { issueMessages, message } from '../../../src/shared/messages';
import * as v from 'valibot';
import {
  MAX_CHANGES_PER_PULL,
  MAX_PULL_BYTES,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  SyncRequest,
  type SyncResponse,
} from '../../../src/shared/protocol';
import { push } from '../sync/push';
import { pull } from '../sync/pull';
import { encodeSyncResponse } from '../../../src/shared/wire';
import { noteSync } from '../store/sync-log';
import { sendJsonText } from './send-json';
import { errorResponse } from './errors';
import { requireUser } from './auth';
import type { AppDeps, AppEnv } from './deps';
import { readJson } from './read-json';
import { DEFAULT_SYNC_RATE, rateLimiter } from './rate-limit';

export function syncRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  const limiter = rateLimiter(deps.syncRate ?? DEFAULT_SYNC_RATE, deps.clock);

  routes.post('/', requireUser(deps), async (c) => {
    const user = c.get('user');
    const token = limiter.take(user.id);
    if (!token.ok) {
      c.header('Retry-After', String(token.retryAfterSeconds));
      return errorResponse(c, 429, 'rate_limited', message('http.syncRateLimited'));
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const versions = body.value as { protocol?: unknown; schema?: unknown } | null;
    if (typeof versions?.protocol === 'number' && versions.protocol < MIN_PROTOCOL_VERSION) {
      return errorResponse(c, 426, 'upgrade_required', message('http.appTooOld'));
    }
    if (
      (typeof versions?.protocol === 'number' && versions.protocol > PROTOCOL_VERSION) ||
      (typeof versions?.schema === 'number' && versions.schema > SCHEMA_VERSION)
    ) {
      return errorResponse(c, 400, 'bad_request', message('http.serverTooOld'));
    }
    const parsed = v.safeParse(SyncRequest, body.value);
    if (!parsed.success)
      return errorResponse(c, 400, 'bad_request', message('issues', undefined, issueMessages(parsed.issues)));
    const request = parsed.output;
    const scope = new Set(user.communes.map((commune) => commune.code));
    // A commune outside the user's assignment is refused by name in the answer (a device that just lost it learns
    // so in the same round trip, after its pending changes have been answered); nothing of it is read.
    const refused = request.pull.filter(({ commune }) => !scope.has(commune)).map(({ commune }) => commune);

    const context = {
      userId: user.id,
      role: user.role,
      scope,
      clientId: request.clientId,
      now: deps.clock(),
      ...(request.deviceName !== undefined ? { deviceName: request.deviceName } : {}),
    };
    const outcome = await push(deps.db, context, request.mutations);
    const allowed = request.pull.filter(({ commune }) => scope.has(commune));
    // One snapshot for the whole page: records, tombstones and history marks as of one moment.
    const { changes, ...page } = await deps.db.snapshot((tx) =>
      pull(tx, allowed, deps.pullLimits ?? { rows: MAX_CHANGES_PER_PULL, bytes: MAX_PULL_BYTES }, { role: user.role }),
    );
    // For the reports' "last sync per device" (http/reports.ts): the communes this device just received.
    await noteSync(deps.db, {
      clientId: request.clientId,
      userId: user.id,
      communes: allowed.map(({ commune }) => commune),
      now: context.now,
    });
    // The server's time, so a device can tell how far off its own clock is (src/shared/clock-bounds.ts).
    const head: Omit<SyncResponse, 'changes'> = {
      protocol: PROTOCOL_VERSION,
      ...outcome,
      ...page,
      refused,
      user,
      serverTime: context.now,
    };
    return sendJsonText(c, encodeSyncResponse(head, changes));
  });
  return routes;
}
