/** @module Server configuration from the environment, with defaults that need no other service. */
import { resolve } from 'node:path';
import { normalizeAddress } from './http/client-address';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; without it the embedded SQLite file under dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  staticDir: string;
  sessionTtlMs: number;
  /** How long removals (tombstones) are kept for devices that have been away; older cursors get a reset. */
  tombstoneHorizonMs: number;
  /** Demo accounts (public password) and households — only when asked: SEED_DEMO=true or `--demo` (npm start). */
  seedDemo: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client for the sign-in limit; none: the socket's address. */
  trustedProxies: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): ServerConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    // 30 days: long enough for a field trip with no signal, short enough that a lost tablet's session dies.
    sessionTtlMs: Number(env.SESSION_DAYS ?? 30) * 24 * 3600 * 1000,
    // 180 days: a tablet left in a drawer for a season still catches up change by change.
    tombstoneHorizonMs: Number(env.TOMBSTONE_DAYS ?? 180) * 24 * 3600 * 1000,
    // Off unless asked: a production server must never come up with the README's passwords.
    seedDemo: env.SEED_DEMO === 'true' || argv.includes('--demo'),
    trustedProxies: (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => normalizeAddress(a.trim()))
      .filter(Boolean),
  };
}
