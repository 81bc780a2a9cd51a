/**
 * @module Sync you can see: what waits to be sent (by record), progress while sending, the last success, and
 * the changes the server refused — each with its reason in plain Vietnamese and what to do.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from '@tanstack/react-router';
import type { OutboxEntry, Rejection, SetAsideRecord } from '../../db/database';
import { dismissRejection, syncPageState } from '../../db/queue';
import { db, syncController, useSyncStatus } from '../services';
import { useT } from '../i18n';
import { formatDateTime } from '../format';

const KIND_VI: Record<string, string> = {
  household: 'Hộ gia đình',
  member: 'Thành viên',
  case: 'Hồ sơ',
  distribution: 'Phiếu phát',
  event: 'Phiếu phát',
  void: 'Hủy phiếu phát',
  command: 'Thao tác duyệt',
  resolve: 'Quyết định xung đột',
  delete: 'Xóa',
  emergency: 'Sự kiện thiên tai',
  damage: 'Thiệt hại của hộ',
  relief_round: 'Đợt cứu trợ',
  distribution_void: 'Hủy phiếu phát',
  conflict: 'Xung đột',
  duplicate: 'Nghi trùng',
};

function describe(entry: Pick<OutboxEntry, 'op'>): string {
  const op = entry.op;
  const kind = op.kind === 'patch' || op.kind === 'delete' ? KIND_VI[op.type] : KIND_VI[op.kind];
  if (op.kind === 'patch') {
    const name = op.fields.headName?.[0] ?? op.fields.fullName?.[0];
    return `${kind}${typeof name === 'string' ? `: ${name}` : ''} (${Object.keys(op.fields).length} trường)`;
  }
  return kind ?? op.kind;
}

export function SyncPage() {
  const t = useT();
  const status = useSyncStatus();
  const state = useLiveQuery(() => syncPageState(db));
  if (!state) return null;
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of state.outbox) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  return (
    <section>
      <h1>{t.syncPage}</h1>
      <div class="card">
        <p>
          {t.lastSuccess}: <strong>{typeof state.lastSyncAt === 'number' ? formatDateTime(state.lastSyncAt) : t.neverSynced}</strong>
        </p>
        {status.running && status.progress && <p>{t.sending(status.progress.sent, status.progress.total)}</p>}
        {status.problem && <p class="error">{status.problem.message}</p>}
        {status.retryAt && <p class="hint">↻ {formatDateTime(status.retryAt)}</p>}
        <button type="button" onClick={() => void syncController.syncNow()} disabled={status.running}>
          {t.syncNow}
        </button>
      </div>
      <div class="card">
        <h2>
          {t.pendingByRecord} ({state.outbox.length})
        </h2>
        {state.outbox.length === 0 && <p>{t.nothingPending}</p>}
        <ul class="plain" data-testid="pending-list">
          {[...byRecord.values()].map((entries) => (
            <li key={entries[0]!.recordId}>
              {describe(entries[entries.length - 1]!)} — {entries.length} · {formatDateTime(entries[0]!.at)}
            </li>
          ))}
        </ul>
      </div>
      <div class="card attention">
        <h2>
          {t.needsAttention} ({state.rejections.length})
        </h2>
        {state.rejections.map((r: Rejection) => (
          <div class="row" key={r.seq} data-testid="rejection">
            <span>
              <strong>{describe(r)}</strong>: {r.reason}
              <br />
              <span class="hint">
                {t.whatToDo}: {t.rejectedAdvice}
              </span>
            </span>
            {r.op.kind === 'patch' && r.op.type === 'household' && (
              <Link to="/households/$householdId" params={{ householdId: r.recordId }}>
                {t.edit_}
              </Link>
            )}
            <button type="button" class="secondary" onClick={() => void dismissRejection(db, r.seq)}>
              {t.dismiss}
            </button>
          </div>
        ))}
      </div>
      {state.setAside.length > 0 && (
        <div class="card attention" data-testid="set-aside">
          <h2>
            {t.setAsideTitle} ({state.setAside.length})
          </h2>
          <p class="hint">{t.setAsideAdvice}</p>
          <ul class="plain">
            {state.setAside.map((r: SetAsideRecord) => (
              <li key={r.id} data-testid="set-aside-record">
                <strong>{KIND_VI[r.type] ?? r.type}</strong> · {t.recordCode}: <code>{r.id}</code> · {r.communeCode} · v{r.version}
                <br />
                {r.reason} · {formatDateTime(r.at)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
