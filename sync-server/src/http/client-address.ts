/**
 * @module The address a request comes from, for the sign-in limit. The socket's peer address, always — unless that
 * peer is a configured trusted proxy (TRUSTED_PROXIES), and only then is X-Forwarded-For read, right to left,
 * skipping proxies we trust: anything further left was written by the client and could be forged.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Requests made in-process (app.request in tests) have no socket; they all share this key. */
export const UNKNOWN_ADDRESS = 'unknown';

function peerOf(c: Context): string | undefined {
  try {
    const peer = getConnInfo(c).remote.address;
    return peer ? normalizeAddress(peer) : undefined;
  } catch {
    return undefined; // no Node socket behind this request
  }
}

/** Whether the request came straight from a proxy the operator trusts (its X-Forwarded-* headers are then its own). */
export function fromTrustedProxy(c: Context, trustedProxies: ReadonlySet<string>): boolean {
  const peer = peerOf(c);
  return peer !== undefined && trustedProxies.has(peer);
}

export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  const peer = peerOf(c);
  if (!peer) return UNKNOWN_ADDRESS;
  let address = peer;
  if (!trustedProxies.has(address)) return limitKey(address);
  const hops = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((hop) => normalizeAddress(hop.trim()))
    .filter(Boolean);
  while (hops.length > 0 && trustedProxies.has(address)) address = hops.pop()!;
  return limitKey(address);
}

/** `::ffff:10.0.0.1` is 10.0.0.1; IPv6 is lower-cased. */
export function normalizeAddress(address: string): string {
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1]! : lower;
}

/** One IPv6 subscriber holds a whole /64, so an IPv6 address is limited by its /64; IPv4 by the address itself. */
function limitKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
