/**
 * @module Unfinished uploads do not pile up: a copy nobody has added to for a day is thrown away, at start and then
 * every hour. A device that comes back later is told (409) that the server holds nothing and sends the image
 * again from its first byte — at most 300 KB, and its own copy on the tablet was never touched.
 */
import type { AttachmentBytes } from './file-store';

/** A day: an upload cut on a field trip resumes the same evening; one abandoned is gone by the next. */
export const STALE_PART_MS = 24 * 3600 * 1000;
const EVERY_HOUR_MS = 3600 * 1000;

export function scheduleStalePartCleanup(
  files: AttachmentBytes,
  log: (line: string) => void,
  options: { clock?: () => number; maxAgeMs?: number } = {},
) {
  const clock = options.clock ?? Date.now;
  const maxAge = options.maxAgeMs ?? STALE_PART_MS;
  const clean = () =>
    files
      .removeStaleParts(clock() - maxAge)
      // Counts only: which image or whose upload is nobody's business in a log.
      .then(
        ({ files: count, bytes }) =>
          void (
            count > 0 &&
            log(
              `removed ${count} unfinished attachment uploads (${bytes} bytes) older than ${Math.round(maxAge / 3600_000)} h`,
            )
          ),
      )
      .catch((error: unknown) => log(`attachment clean-up failed: ${error instanceof Error ? error.name : 'error'}`));
  // At start only, once: the unowned copies of the old layout (none appear after the upgrade).
  const firstRun = files
    .removeUnownedParts()
    .then(
      ({ files: count, bytes }) =>
        void (count > 0 && log(`removed ${count} unfinished attachment uploads of the old layout (${bytes} bytes)`)),
    )
    .catch((error: unknown) => log(`attachment clean-up failed: ${error instanceof Error ? error.name : 'error'}`))
    .then(clean);
  const timer = setInterval(() => void clean(), EVERY_HOUR_MS);
  timer.unref();
  return { firstRun, stop: () => clearInterval(timer) };
}
