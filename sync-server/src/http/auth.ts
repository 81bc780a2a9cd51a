/**
 * @module Sign-in and the middleware that authenticates every API request. The user and their communes are
 * read from the database on each request, so a change of assignment takes effect at once.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { LoginRequest, type SessionUser } from '../../../src/shared/protocol';
import { describeIssues } from '../../../src/shared/fields';
import { decoyHash, verifyPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import { createSession, deleteSession, findSessionUser } from '../store/sessions';
import { findUserById, findUserByUsername, sessionUserOf } from '../store/users';
import { errorResponse } from './errors';
import type { AppDeps, AppEnv } from './app';
import { readJson } from './read-json';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return match?.[1];
}

export function requireUser(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const userId = token && (await findSessionUser(deps.db, hashToken(token), deps.clock()));
    const user = userId ? await findUserById(deps.db, userId) : undefined;
    if (!token || !user) {
      return errorResponse(c, 401, 'unauthorized', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.');
    }
    c.set('user', await sessionUserOf(deps.db, user));
    c.set('tokenHash', hashToken(token));
    return next();
  };
}

export function authRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.post('/login', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = v.safeParse(LoginRequest, body.value);
    if (!parsed.success) return errorResponse(c, 400, 'bad_request', describeIssues(parsed.issues));
    const { username, password } = parsed.output;
    const user = await findUserByUsername(deps.db, username);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid) return errorResponse(c, 401, 'unauthorized', 'Sai tên đăng nhập hoặc mật khẩu.');
    const token = newToken();
    const now = deps.clock();
    const expiresAt = now + deps.sessionTtlMs;
    await createSession(deps.db, hashToken(token), user.id, now, expiresAt);
    const sessionUser: SessionUser = await sessionUserOf(deps.db, user);
    return c.json({ token, expiresAt, user: sessionUser });
  });

  routes.post('/logout', requireUser(deps), async (c) => {
    await deleteSession(deps.db, c.get('tokenHash'));
    return c.json({ ok: true });
  });

  routes.get('/me', requireUser(deps), (c) => c.json(c.get('user')));
  return routes;
}
