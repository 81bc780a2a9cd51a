/**
 * @module Hybrid logical clock: stamps every change for audit and tie-breaks, never to decide a conflict.
 * A stamp never goes backwards on one device even when its clock does (unless it ran far ahead: see `tick`), and
 * sorts as a plain string:
 * `<13-digit ms>-<4-digit counter>-<node>`.
 */
export interface Hlc {
  ms: number;
  counter: number;
  node: string;
}

/**
 * The next stamp after `last`, given the wall clock now. A `last` beyond `ceilingMs` was made by a clock that
 * was wrong (set days ahead, since put right): following it would stamp every change that far ahead until real
 * time catches up, so the clock starts again from now — the one case where stamps go backwards.
 */
export function tick(last: Hlc | undefined, nowMs: number, node: string, ceilingMs = Number.POSITIVE_INFINITY): Hlc {
  if (!last || nowMs > last.ms || last.ms > ceilingMs) return { ms: nowMs, counter: 0, node };
  return { ms: last.ms, counter: last.counter + 1, node };
}

export function encodeHlc(hlc: Hlc): string {
  return `${String(hlc.ms).padStart(13, '0')}-${String(hlc.counter).padStart(4, '0')}-${hlc.node}`;
}

export function decodeHlc(stamp: string): Hlc | undefined {
  const match = /^(\d{13})-(\d{4,})-(.+)$/.exec(stamp);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { ms: Number(match[1]), counter: Number(match[2]), node: match[3] };
}
