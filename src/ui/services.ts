/**
 * @module The app's single instances: the records database, the session, the sync controller. Screens import
 * from here; nothing else constructs them.
 */
import { useSyncExternalStore } from 'react';
import { can, type Action } from '../shared/permissions';
import type { RecordTypeName } from '../shared/records/registry';
import { openDb } from '../db/database';
import { settings, type StoredSession } from '../db/settings';
import { SyncController } from '../sync/controller';
import { fetchTransport } from '../sync/transport';
import { uploadAttachments } from '../sync/attachments-upload';

export const db = openDb();

let session: StoredSession | undefined;
const sessionListeners = new Set<() => void>();

export const sessionStore = {
  get: () => session,
  async load(): Promise<void> {
    session = await settings.session();
    notify();
  },
  async save(next: StoredSession): Promise<void> {
    await settings.saveSession(next);
    session = next;
    notify();
  },
  async clear(): Promise<void> {
    await settings.clearSession();
    session = undefined;
    notify();
  },
  subscribe(listener: () => void) {
    sessionListeners.add(listener);
    return () => sessionListeners.delete(listener);
  },
};

function notify() {
  for (const listener of sessionListeners) listener();
}

export function useSession(): StoredSession | undefined {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Whether the signed-in user's role may do this (src/shared/permissions.ts); the server checks it again. */
export function useCan(kind: RecordTypeName, action: Action): boolean {
  const session = useSession();
  return session ? can(session.user.role, kind, action) : false;
}

export const syncController = new SyncController({
  db,
  transport: fetchTransport(),
  clock: Date.now,
  loadSession: async () => sessionStore.get(),
  markSessionExpired: (expired) => sessionStore.save({ ...expired, expired: true }),
  uploadAttachments: (token) => uploadAttachments({ db, token }),
  loadDeviceName: () => settings.deviceName(),
  updateUser: async (session, user) => {
    if (JSON.stringify(session.user) !== JSON.stringify(user)) await sessionStore.save({ ...session, user });
  },
});

export function useSyncStatus() {
  return useSyncExternalStore(syncController.subscribe, () => syncController.status);
}
