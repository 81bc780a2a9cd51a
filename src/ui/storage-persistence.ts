/**
 * @module Asks the browser to keep our data under storage pressure. Records may exist only on this tablet for
 * weeks; when the browser refuses, the user is told, because an eviction would lose them.
 */
import { useSyncExternalStore } from 'react';

let persisted: boolean | undefined;
const listeners = new Set<() => void>();

export async function requestPersistentStorage(): Promise<void> {
  if (!navigator.storage?.persist) return;
  persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  for (const listener of listeners) listener();
}

/** undefined while unknown or unsupported; false when the browser refused. */
export function usePersistentStorage(): boolean | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => persisted,
  );
}
