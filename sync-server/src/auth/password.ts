/**
 * @module Password hashing with scrypt (memory-hard, in Node's crypto; no native add-on needed).
 * Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later and old hashes still verify; a hash made
 * with weaker parameters than today's is replaced at the next successful sign-in (see `isStale`).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^17, r = 8: 128 MiB and ~0.5 s per hash on the 2-core server. Slow for a guesser (OWASP's minimum), and
 * sign-in is rare. Memory is why at most a few hashes run at once (see hashing.ts).
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** What every hash before issue 9 was made with; still verified, replaced at the next sign-in. */
export const LEGACY_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** A stored hash asking for more than this (1 GiB) is refused rather than allowed to exhaust the server. */
const MAX_MEMORY = 1024 * 1024 * 1024;

/**
 * The bytes OpenSSL's scrypt allocates: V (128·r·(N+2)) plus B (128·r·p). `maxmem` is set to exactly this, so
 * Node's 32 MiB default does not refuse N = 2^17 and nothing larger than asked for can be allocated.
 */
export function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2) + 128 * r * p;
}

const scrypt = (password: string, salt: Buffer, keylen: number, params: ScryptParams) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { ...params, maxmem: scryptMemory(params) };
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

export function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, hash, extra] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || extra !== undefined) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((x) => Number.isSafeInteger(x) && x > 0)) return undefined;
  if (scryptMemory(params) > MAX_MEMORY) return undefined;
  return { params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const key = await scrypt(password, parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(key, parsed.hash);
}

/** True when `stored` was made with weaker (or different) parameters than `current`: rehash it at sign-in. */
export function isStale(stored: string, current: ScryptParams): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N < current.N || r !== current.r || p !== current.p;
}
