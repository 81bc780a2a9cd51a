/**
 * @module The password hasher the server signs in with: scrypt at today's parameters, every hash passing through
 * one small semaphore. scrypt runs on libuv's thread pool (4 threads), which also serves file reads: unbounded, 32
 * sign-ins at once filled it and a static file took seconds. A bound also caps memory (128 MiB a hash).
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DEFAULT_SCRYPT, hashPassword, isStale, verifyPassword, type ScryptParams } from './password';
import type { Semaphore } from './semaphore';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** The stored hash was made with weaker parameters than today's: replace it after a successful sign-in. */
  isStale(stored: string): boolean;
  /**
   * A stored-hash look-alike with today's parameters and random bytes, verified when a username does not exist:
   * a wrong name then costs exactly one hash at today's cost, like a wrong password, and no password matches it.
   */
  readonly decoy: string;
}

/**
 * One core is left to the event loop (health, sync, static files), so on the 2-core server one hash at a time
 * (bench:login compares it with 2), and never more than 2 at once (256 MiB). Either way at least 2 of libuv's 4 threads stay
 * free for file reads and gzip. 6 more wait (about 3 s at 0.5 s a hash); beyond that, 503.
 */
export const DEFAULT_HASHING = { concurrency: Math.max(1, Math.min(2, availableParallelism() - 1)), queue: 6 };

export function scryptHasher(params: ScryptParams = DEFAULT_SCRYPT): PasswordHasher {
  return {
    hash: (password) => hashPassword(password, params),
    verify: verifyPassword,
    isStale: (stored) => isStale(stored, params),
    decoy: [
      'scrypt',
      params.N,
      params.r,
      params.p,
      randomBytes(16).toString('base64'),
      randomBytes(32).toString('base64'),
    ].join('$'),
  };
}

/** Every hash and verification of `inner` waits for a slot of `gate`; BusyError when its queue is full. */
export function boundedHasher(inner: PasswordHasher, gate: Semaphore): PasswordHasher {
  return {
    hash: (password) => gate.run(() => inner.hash(password)),
    verify: (password, stored) => gate.run(() => inner.verify(password, stored)),
    isStale: (stored) => inner.isStale(stored),
    decoy: inner.decoy,
  };
}
