/** @module Recognising the IndexedDB failures that need their own handling. */

import { encodeMessage } from '../shared/messages';

/** What to tell the user when the disk is full (a message code): a save or a sync stops, and nothing typed is lost. */
export const QUOTA_MESSAGE = encodeMessage('sync.quota');

/** The disk is full. Chromium sometimes reports it as an AbortError wrapping a QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; message?: string; inner?: { name?: string }; cause?: { name?: string } } | null;
  if (!e) return false;
  return (
    e.name === 'QuotaExceededError' ||
    e.inner?.name === 'QuotaExceededError' ||
    e.cause?.name === 'QuotaExceededError' ||
    (e.name === 'AbortError' && /quota/i.test(e.message ?? ''))
  );
}

/** WebKit drops the connection to its IndexedDB server (app in background, memory pressure): reopen and retry. */
export function isConnectionLost(error: unknown): boolean {
  const message = (error as { message?: string } | null)?.message ?? '';
  return /Connection to Indexed Database server lost/i.test(message);
}

/** A record on the device that does not pass its kind's schema (written by an older app, or damaged). */
export class UnreadableRecordError extends Error {
  override readonly name = 'UnreadableRecordError';
  constructor(
    readonly type: string,
    readonly id: string,
  ) {
    super(`unreadable ${type} record on this device`);
  }
}
