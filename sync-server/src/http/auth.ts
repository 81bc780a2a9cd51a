/**
 * @module Sign-in and the middleware that authenticates every API request. The user and their communes are
 * read from the database on each request, so a change of assignment takes effect at once.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { issueMessages, message } from '../../../src/shared/messages';
import * as v from 'valibot';
import { LoginRequest, type SessionUser } from '../../../src/shared/protocol';
import { DEFAULT_HASHING, boundedHasher, scryptHasher } from '../auth/hashing';
import { BusyError, semaphore } from '../auth/semaphore';
import { hashToken, newToken } from '../auth/tokens';
import { createSession, deleteSession, findSessionUser } from '../store/sessions';
import { findUserById, findUserByUsername, sessionUserOf, setPasswordHash } from '../store/users';
import { errorResponse } from './errors';
import type { AppDeps, AppEnv } from './deps';
import { readJson } from './read-json';
import { DEFAULT_LOGIN_LIMITS, loginLimiter, retryMessage } from './login-limit';
import { clientAddress } from './client-address';

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
      return errorResponse(c, 401, 'unauthorized', message('http.sessionExpired'));
    }
    c.set('user', await sessionUserOf(deps.db, user));
    c.set('tokenHash', hashToken(token));
    return next();
  };
}

export function authRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  // Whatever hasher is given (tests give a cheap one), the server bounds it itself.
  const passwords = boundedHasher(deps.passwords ?? scryptHasher(), semaphore(deps.hashing ?? DEFAULT_HASHING));
  const limiter = loginLimiter(deps.loginLimits ?? DEFAULT_LOGIN_LIMITS, deps.clock);
  const trustedProxies = new Set(deps.trustedProxies ?? []);

  routes.post('/login', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = v.safeParse(LoginRequest, body.value);
    if (!parsed.success)
      return errorResponse(c, 400, 'bad_request', message('issues', undefined, issueMessages(parsed.issues)));
    const { username, password } = parsed.output;
    const attempt = limiter.begin(username, clientAddress(c, trustedProxies));
    if (!attempt.ok) {
      c.header('Retry-After', String(Math.ceil(attempt.retryAfterMs / 1000)));
      return errorResponse(c, 429, 'rate_limited', retryMessage(attempt.retryAfterMs, deps.clock()));
    }
    let user: Awaited<ReturnType<typeof findUserByUsername>>;
    let valid: boolean;
    try {
      user = await findUserByUsername(deps.db, username);
      valid = await passwords.verify(password, user?.passwordHash ?? passwords.decoy);
    } catch (error) {
      // The password was never checked (hashing busy, storage down): the attempt does not count against anyone.
      attempt.abandoned();
      if (!(error instanceof BusyError)) throw error;
      c.header('Retry-After', '3');
      return errorResponse(c, 503, 'unavailable', message('http.loginBusy'));
    }
    if (!user || !valid) return errorResponse(c, 401, 'unauthorized', message('http.wrongLogin'));
    attempt.succeeded();
    if (passwords.isStale(user.passwordHash)) await rehash(user.id, password);
    const token = newToken();
    const now = deps.clock();
    const expiresAt = now + deps.sessionTtlMs;
    await createSession(deps.db, hashToken(token), user.id, now, expiresAt);
    const sessionUser: SessionUser = await sessionUserOf(deps.db, user);
    return c.json({ token, expiresAt, user: sessionUser });
  });

  /** A hash from before today's parameters is replaced now that the password is known; a busy server tries next time. */
  async function rehash(userId: string, password: string) {
    try {
      await setPasswordHash(deps.db, userId, await passwords.hash(password));
    } catch (error) {
      if (!(error instanceof BusyError)) throw error;
    }
  }

  routes.post('/logout', requireUser(deps), async (c) => {
    await deleteSession(deps.db, c.get('tokenHash'));
    return c.json({ ok: true });
  });

  routes.get('/me', requireUser(deps), (c) => c.json(c.get('user')));
  return routes;
}
