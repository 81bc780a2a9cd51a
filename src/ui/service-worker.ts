/**
 * @module Everything about the service worker's life in one place: registration, and no reload behind the
 * user's back — a new version waits (src/sw/sw.ts) and the app shows "Đã có phiên bản mới — Tải lại"; the reload
 * happens when the user taps it, once no sync is under way. Queued changes and drafts live in IndexedDB (each
 * save a committed transaction), so a reload loses none of them.
 */
import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';

/** What the banner needs: a new version is waiting, and how to switch to it. */
export interface UpdateChannel {
  /** Calls back once when a new service worker has installed and waits. */
  onWaiting(callback: () => void): void;
  /** Lets the waiting worker take over, then reloads the page when it controls it. */
  activate(): void;
}

let waiting = false;
let channel: UpdateChannel | undefined;
const listeners = new Set<() => void>();

/** Tells the app a new version waits (the real channel is Workbox's; the unit test passes its own). */
export function watchUpdates(update: UpdateChannel): void {
  channel = update;
  update.onWaiting(() => {
    waiting = true;
    for (const listener of listeners) listener();
  });
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting,
  );
}

/**
 * Switches to the new version once `idle` says no sync run is in flight (a run cut by the reload would be sent
 * again — nothing is lost — but waiting spares the tablet the repeat).
 */
export async function reloadIntoUpdate(idle: () => Promise<void>): Promise<void> {
  await idle();
  channel?.activate();
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  watchUpdates({
    onWaiting: (callback) => workbox.addEventListener('waiting', callback),
    activate: () => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  });
  void workbox.register();
}
