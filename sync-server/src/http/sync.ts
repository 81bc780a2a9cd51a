/** @module POST /api/sync: push the device's outbox, then pull a page of its communes' changes. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { MAX_CHANGES_PER_PULL, PROTOCOL_VERSION, SyncRequest, type SyncResponse } from '../../../src/shared/protocol';
import { describeIssues } from '../../../src/shared/household';
import { push } from '../sync/push';
import { pull } from '../sync/pull';
import { errorResponse } from './errors';
import { requireUser } from './auth';
import type { AppDeps, AppEnv } from './app';
import { readJson } from './read-json';

export function syncRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  routes.post('/', requireUser(deps), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const protocol = (body.value as { protocol?: unknown } | null)?.protocol;
    if (typeof protocol === 'number' && protocol < PROTOCOL_VERSION - 1) {
      return errorResponse(c, 426, 'upgrade_required', 'Ứng dụng đã quá cũ. Hãy cập nhật ứng dụng (tải lại trang khi có mạng); các thay đổi chưa gửi vẫn được giữ.');
    }
    if (typeof protocol === 'number' && protocol > PROTOCOL_VERSION) {
      return errorResponse(c, 400, 'bad_request', 'Máy chủ cũ hơn ứng dụng; hãy báo quản trị viên.');
    }
    const parsed = v.safeParse(SyncRequest, body.value);
    if (!parsed.success) return errorResponse(c, 400, 'bad_request', describeIssues(parsed.issues));
    const request = parsed.output;
    const user = c.get('user');
    const scope = new Set(user.communes.map((commune) => commune.code));
    const outside = request.pull.find(({ commune }) => !scope.has(commune));
    if (outside) return errorResponse(c, 403, 'forbidden', `Bạn không được giao xã có mã ${outside.commune}.`);

    const outcome = await push(deps.db, { userId: user.id, scope, clientId: request.clientId, now: deps.clock() }, request.mutations);
    const page = await pull(deps.db, request.pull, MAX_CHANGES_PER_PULL);
    const response: SyncResponse = { protocol: PROTOCOL_VERSION, ...outcome, ...page };
    return c.json(response);
  });
  return routes;
}
