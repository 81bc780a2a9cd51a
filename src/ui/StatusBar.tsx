/** @module Always visible: network, changes waiting, last successful sync, "Đồng bộ ngay", and a clock that is off. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from '@tanstack/react-router';
import { lastSyncAt, pendingCount } from '../db/queue';
import { db, syncController, useSession, useSyncStatus } from './services';
import { useOnline } from './use-online';
import { StorageBanner, UpdateBanner } from './AppBanners';
import { useT, useSay, toggleLanguage } from './i18n';
import { formatDateTime } from './format';
import { ClockWarning } from './sync/ClockWarning';

export function StatusBar() {
  const t = useT();
  const say = useSay();
  const online = useOnline();
  const session = useSession();
  const status = useSyncStatus();
  const pending = useLiveQuery(() => pendingCount(db), [], 0);
  const lastSync = useLiveQuery(() => lastSyncAt(db), []);

  return (
    <header class="status-bar">
      <div
        class="status"
        role="status"
        aria-live="polite"
        data-sync-finished={status.finished}
        data-sync-running={status.running}
      >
        <span class={online ? 'pill online' : 'pill offline'} data-testid="network">
          {online ? t.online : t.offline}
        </span>
        <span data-testid="pending" class="pending-long">
          {t.pending(pending)}
        </span>
        <span class="pending-short" aria-hidden="true" data-testid="pending-short">
          {t.pendingShort(pending)}
        </span>
        <span data-testid="last-sync">
          {lastSync !== undefined ? t.lastSync(formatDateTime(lastSync)) : t.neverSynced}
        </span>
        {status.running && (
          <span>
            {status.progress && status.progress.total > 0
              ? t.sending(status.progress.sent, status.progress.total)
              : t.syncing}
          </span>
        )}
        {status.problem && (status.problem.kind !== 'retry' || online) && (
          <span class="problem" data-testid="sync-problem">
            {say(status.problem.message)}
          </span>
        )}
      </div>
      <span class="spacer" />
      {session && !session.expired && (
        <button type="button" onClick={() => void syncController.syncNow()} disabled={status.running}>
          {t.syncNow}
        </button>
      )}
      <button
        type="button"
        class="secondary"
        onClick={() => void toggleLanguage()}
        lang={t.language === 'English' ? 'en' : 'vi'}
      >
        {t.language}
      </button>
      <UpdateBanner />
      <StorageBanner />
      <ClockWarning />
      {session?.expired && (
        <p class="banner" data-testid="session-expired">
          {t.sessionExpired} <Link to="/login">{t.signInAgain}</Link>
        </p>
      )}
    </header>
  );
}
