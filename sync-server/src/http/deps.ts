/**
 * @module What the HTTP app is built from (AppDeps) and what a request carries through the middleware (AppEnv): in
 * their own module so app.ts and the route files it mounts both import them and neither imports the other.
 */
import type { Database } from '../db/database';
import type { SessionUser } from '../../../src/shared/protocol';
import type { AttachmentBytes } from '../attachments/file-store';
import type { PullLimits } from '../sync/pull';
import type { PasswordHasher } from '../auth/hashing';
import type { RateLimit } from './rate-limit';
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
