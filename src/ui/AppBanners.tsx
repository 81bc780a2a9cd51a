/**
 * @module Banners the app shows once, under the status bar: a new version waiting ("Đã có phiên bản mới — Tải
 * lại"), and a browser that did not grant persistent storage — said once per device, with what to do, until the
 * user dismisses it.
 */
import { useEffect, useState } from 'preact/hooks';
import { settings } from '../db/settings';
import { syncController, useSyncStatus } from './services';
import { usePersistentStorage } from './storage-persistence';
import { reloadIntoUpdate, useUpdateWaiting } from './service-worker';
import { useT } from './i18n';

/** Resolves when no sync run is under way in this tab. */
function syncIdle(): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe: () => void = () => undefined;
    const check = () => {
      if (syncController.status.running) return;
      unsubscribe();
      resolve();
    };
    unsubscribe = syncController.subscribe(check);
    check();
  });
}

export function UpdateBanner() {
  const t = useT();
  const waiting = useUpdateWaiting();
  const sync = useSyncStatus();
  const [reloading, setReloading] = useState(false);
  if (!waiting) return null;
  return (
    <p class="banner update" role="status" data-testid="update-ready">
      {t.updateReady} — {t.updateKeepsData}{' '}
      <button
        type="button"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          void reloadIntoUpdate(syncIdle);
        }}
      >
        {sync.running && reloading ? t.syncing : t.updateReload}
      </button>
    </p>
  );
}

export function StorageBanner() {
  const t = useT();
  const persistent = usePersistentStorage();
  const [seen, setSeen] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void settings.storageWarningSeen().then(setSeen);
  }, []);
  if (persistent !== false || seen !== false) return null;
  return (
    <p class="banner" data-testid="storage-warning">
      {t.storageNotPersistent}{' '}
      <button
        type="button"
        class="secondary"
        // Gone once the device has remembered it: a reload or a closed tab right after the tap cannot bring it back.
        onClick={() => void settings.saveStorageWarningSeen().then(() => setSeen(true))}
      >
        {t.storageDismiss}
      </button>
    </p>
  );
}
