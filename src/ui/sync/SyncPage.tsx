/**
 * @module Sync you can see: what waits to be sent (by record), progress while sending, the last success, and
 * the changes the server refused — each with its reason in the chosen language and what to do.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from '@tanstack/react-router';
import type { OutboxEntry, Rejection, SetAsideRecord } from '../../db/database';
import { dismissRejection, syncPageState } from '../../db/queue';
import { db, syncController, useSyncStatus } from '../services';
import { problemOf, useSay, useT, type Messages } from '../i18n';
import { formatDateTime } from '../format';
import { MyConflicts } from '../review/MyConflicts';
import { DeviceNameCard } from './DeviceNameCard';

function describe(entry: Pick<OutboxEntry, 'op'>, t: Messages): string {
  const op = entry.op;
  const kinds: Record<string, string> = t.changeKinds;
  const kind = op.kind === 'patch' || op.kind === 'delete' ? kinds[op.type] : kinds[op.kind];
  if (op.kind === 'patch') {
    const name = op.fields.headName?.[0] ?? op.fields.fullName?.[0];
    return `${kind}${typeof name === 'string' ? `: ${name}` : ''} (${t.fieldCount(Object.keys(op.fields).length)})`;
  }
  return kind ?? op.kind;
}

export function SyncPage() {
  const t = useT();
  const say = useSay();
  const status = useSyncStatus();
  const state = useLiveQuery(() => syncPageState(db));
  if (!state) return null;
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of state.outbox) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  return (
    <section>
      <h1>{t.syncPage}</h1>
      <MyConflicts />
      <div class="card">
        <p>
          {t.lastSuccess}:{' '}
          <strong>{typeof state.lastSyncAt === 'number' ? formatDateTime(state.lastSyncAt) : t.neverSynced}</strong>
        </p>
        {status.running && status.progress && <p>{t.sending(status.progress.sent, status.progress.total)}</p>}
        {status.problem && <p class="error">{say(status.problem.message)}</p>}
        {status.retryAt && <p class="hint">↻ {formatDateTime(status.retryAt)}</p>}
        <button type="button" onClick={() => void syncController.syncNow()} disabled={status.running}>
          {t.syncNow}
        </button>
      </div>
      <DeviceNameCard />
      <div class="card">
        <h2>
          {t.pendingByRecord} ({state.outbox.length})
        </h2>
        {state.outbox.length === 0 && <p>{t.nothingPending}</p>}
        <ul class="plain" data-testid="pending-list">
          {[...byRecord.values()].map((entries) => (
            <li key={entries[0]!.recordId}>
              {describe(entries[entries.length - 1]!, t)} — {entries.length} · {formatDateTime(entries[0]!.at)}
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
              <strong>{describe(r, t)}</strong>: {say(problemOf(r))}
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
                <strong>{(t.changeKinds as Record<string, string>)[r.type] ?? r.type}</strong> · {t.recordCode}:{' '}
                <code>{r.id}</code> · {r.communeCode} · v{r.version}
                <br />
                {say(problemOf(r))} · {formatDateTime(r.at)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
