/**
 * @module Failed sign-ins counted per account and per address, with exponential backoff. The first few mistakes
 * are free (people mistype); after that each failure doubles the wait, up to a cap. While an account or an address
 * waits, sign-in is answered 429 without hashing anything — a guesser gets a few tries an hour, not 300 in 20 s.
 *
 * An attempt is counted as failed when it starts (before the slow hash), so 32 guesses sent at once cannot all
 * slip past the check; a successful sign-in then clears the account and the address. A username that does not
 * exist is counted exactly like one that does, so the limit does not reveal which names exist.
 * Counters live in memory (one server process); a restart forgets them.
 */
import { message, type Message } from '../../../src/shared/messages';
export interface Backoff {
  /** Failures allowed before any wait. */
  free: number;
  /** Wait after the first failure beyond `free`; doubled by each further failure. */
  baseMs: number;
  maxMs: number;
}

export interface LoginLimits {
  account: Backoff;
  address: Backoff;
  /** Failures are forgotten after this long without another one. */
  forgetAfterMs: number;
  /** Keys kept per kind; the longest-quiet one is dropped beyond this, so a flood of names cannot fill memory. */
  maxKeys: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  // 5 mistakes, then 2 s, 4 s, 8 s … up to 15 min: ~100 guesses a day for one account.
  account: { free: 5, baseMs: 2_000, maxMs: 15 * 60_000 },
  // Higher for an address: a commune office or a mobile carrier puts many tablets behind one address.
  address: { free: 30, baseMs: 1_000, maxMs: 15 * 60_000 },
  forgetAfterMs: 24 * 3600_000,
  maxKeys: 20_000,
};

interface Counter {
  failures: number;
  blockedUntil: number;
  lastAt: number;
}

export type LoginAttempt = { ok: true; succeeded(): void; abandoned(): void } | { ok: false; retryAfterMs: number };

export function loginLimiter(limits: LoginLimits, clock: () => number) {
  const kinds = { account: new Map<string, Counter>(), address: new Map<string, Counter>() };

  /** The key's live counter, without creating one: a refused attempt must not make room by pushing others out. */
  function peek(kind: keyof typeof kinds, key: string, now: number): Counter | undefined {
    const entry = kinds[kind].get(key);
    return entry && now - entry.lastAt <= limits.forgetAfterMs ? entry : undefined;
  }

  /**
   * The key's counter, created or moved last (Map order is then "longest quiet first"). Beyond `maxKeys` the
   * longest-quiet key that is not waiting is dropped — never one that waits, or a flood of new names would set
   * a guessed account free; `undefined` when every kept key waits (the attempt is then refused for now).
   */
  function counter(kind: keyof typeof kinds, key: string, now: number): Counter | undefined {
    const map = kinds[kind];
    const entry = peek(kind, key, now) ?? { failures: 0, blockedUntil: 0, lastAt: now };
    map.delete(key);
    map.set(key, entry);
    if (map.size > limits.maxKeys) {
      const quiet = [...map].find(([k, c]) => k !== key && c.blockedUntil <= now);
      if (!quiet) {
        map.delete(key);
        return undefined;
      }
      map.delete(quiet[0]);
    }
    return entry;
  }

  function fail(entry: Counter, backoff: Backoff, now: number) {
    entry.failures += 1;
    entry.lastAt = now;
    const beyond = entry.failures - backoff.free;
    if (beyond > 0) entry.blockedUntil = now + Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(beyond - 1, 30));
  }

  return {
    /** Starts an attempt for `username` from `address`, or answers how long to wait. */
    begin(username: string, address: string): LoginAttempt {
      const now = clock();
      const accountKey = username.normalize('NFC').trim().toLowerCase();
      const waitMs =
        Math.max(
          peek('account', accountKey, now)?.blockedUntil ?? 0,
          peek('address', address, now)?.blockedUntil ?? 0,
        ) - now;
      if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
      const account = counter('account', accountKey, now);
      const from = counter('address', address, now);
      if (!account || !from) return { ok: false, retryAfterMs: limits.account.baseMs };
      fail(account, limits.account, now);
      fail(from, limits.address, now);
      let settled = false;
      return {
        ok: true,
        succeeded() {
          if (settled) return;
          settled = true;
          kinds.account.delete(accountKey);
          kinds.address.delete(address);
        },
        /** The attempt never reached the password check (server busy): it does not count. */
        abandoned() {
          if (settled) return;
          settled = true;
          account.failures = Math.max(0, account.failures - 1);
          from.failures = Math.max(0, from.failures - 1);
        },
      };
    },
  };
}

/** "Vui lòng thử lại sau 8 giây (lúc 14:05)." — the wait and the clock time in Vietnam, as a message. */
export function retryMessage(retryAfterMs: number, now: number): Message {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const at = new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds < 60 ? '2-digit' : undefined,
    hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(now + seconds * 1000);
  return message('http.loginLocked', { seconds, at });
}
