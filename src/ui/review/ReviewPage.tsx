/**
 * @module The commune officer's desk: surveys to approve or return with a comment, conflicting edits shown side
 * by side (who, when, which device, which value) to pick or type the right value, and possible duplicates —
 * one cluster of look-alike records per person or household, named from what the device holds, decided whole.
 */
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { casesToReview } from '../../db/cases';
import { householdsByIds } from '../../db/households';
import { openConflicts } from '../../db/conflicts';
import { pendingRecordIds } from '../../db/queue';
import { openDuplicateClusters, type DuplicateCluster } from '../../db/duplicates';
import { decideDuplicate, queueCommand, resolveConflict } from '../../db/outbox';
import type { Candidate } from '../../shared/records/conflict';
import { decodeHlc } from '../../shared/hlc';
import { db, useSession } from '../services';
import { useT, useSay } from '../i18n';
import { formatDateTime } from '../format';
import { formatVnDate } from '../dates';
import { useWorkplace } from '../use-commune';

export function ReviewPage() {
  const t = useT();
  const session = useSession();
  const { commune } = useWorkplace();
  const state = useLiveQuery(async () => {
    if (!commune) return undefined;
    const cases = await casesToReview(db, commune);
    const households = new Map(
      (
        await householdsByIds(
          db,
          cases.map((c) => c.subjectId),
        )
      ).records.map((h) => [h.id, h] as const),
    );
    const conflicts = await openConflicts(db, commune);
    const duplicates = await openDuplicateClusters(db, commune);
    const pending = await pendingRecordIds(db);
    return { cases, households, conflicts, duplicates, pending };
  }, [commune]);
  if (!state || !session) return null;
  return (
    <section>
      <h1>{t.review}</h1>
      <div class="card">
        <h2>{t.toReview}</h2>
        {state.cases.length === 0 && <p>{t.nothingToReview}</p>}
        {state.cases.map((c) => (
          <CaseRow
            key={c.id}
            id={c.id}
            title={state.households.get(c.subjectId)?.headName ?? c.subjectId}
            householdId={c.subjectId}
            date={formatVnDate(c.answers?.reviewDate)}
            result={c.result ? t.classifications[c.result.classification] : '—'}
            claimed={c.deviceResult && t.classifications[c.deviceResult.classification]}
            pending={state.pending.has(c.id)}
          />
        ))}
      </div>
      <div class="card">
        <h2>{t.conflicts}</h2>
        {state.conflicts.length === 0 && <p>{t.noConflicts}</p>}
        {state.conflicts.map((c) => (
          <ConflictRow key={c.id} id={c.id} field={c.field} recordId={c.recordId} candidates={c.candidates} />
        ))}
      </div>
      <div class="card">
        <h2>{t.duplicates}</h2>
        {state.duplicates.length === 0 && <p>{t.noDuplicates}</p>}
        {state.duplicates.map((cluster) => (
          <DuplicateClusterRow key={cluster.id} cluster={cluster} />
        ))}
      </div>
    </section>
  );
}

function CaseRow(props: {
  id: string;
  title: string;
  householdId: string;
  date: string;
  result: string;
  claimed: string | undefined;
  pending: boolean;
}) {
  const t = useT();
  const [comment, setComment] = useState('');
  const act = async (command: 'approve' | 'return') => {
    await queueCommand(db, props.id, command, comment.trim() || undefined, Date.now());
  };
  return (
    <div class="row" data-testid="case-row">
      <span>
        <Link to="/households/$householdId" params={{ householdId: props.householdId }}>
          {props.title}
        </Link>{' '}
        · {props.date} · <strong>{props.result}</strong>
        {props.claimed && (
          <span class="badge pending" data-testid="device-claimed">
            {t.deviceClaimed(props.claimed)}
          </span>
        )}
        {props.pending ? ` (${t.waitingToSend})` : ''}
      </span>
      <label class="grow">
        {t.comment}
        <input value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <button type="button" onClick={() => void act('approve')}>
        {t.approve}
      </button>
      <button type="button" class="secondary" disabled={!comment.trim()} onClick={() => void act('return')}>
        {t.returnCase}
      </button>
    </div>
  );
}

function ConflictRow(props: { id: string; field: string; recordId: string; candidates: Candidate[] }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const choose = async (value: unknown) => {
    await resolveConflict(db, props.id, value, Date.now());
  };
  return (
    <div class="conflict" data-testid="conflict">
      <p>
        <strong>{t.conflictField(props.field)}</strong> · {props.recordId}
      </p>
      <div class="side-by-side">
        {props.candidates.map((c, index) => {
          const stamp = decodeHlc(c.stamp);
          return (
            <div class="candidate" key={index}>
              <p class="value">{JSON.stringify(c.value)}</p>
              <p class="hint">
                {t.byWhom(c.userId, stamp ? formatDateTime(stamp.ms) : '—')} · {c.clientId.slice(0, 8)}
                {c.committed ? ` · ${t.provisional}` : ''}
              </p>
              <button type="button" onClick={() => void choose(c.value)}>
                {t.chooseValue}
              </button>
            </div>
          );
        })}
      </div>
      <label>
        {t.typeValue}
        <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      </label>
      <button type="button" class="secondary" disabled={!typed.trim()} onClick={() => void choose(typed.trim())}>
        {t.save}
      </button>
    </div>
  );
}

function DuplicateClusterRow(props: { cluster: DuplicateCluster }) {
  const t = useT();
  const say = useSay();
  const { cluster } = props;
  const decide = async (value: 'confirmed' | 'dismissed') => {
    await decideDuplicate(db, cluster.id, value, Date.now());
  };
  return (
    <div class="conflict" data-testid="duplicate-cluster">
      <p>
        <strong>
          {cluster.recordType === 'member' ? t.duplicatePeople(cluster.total) : t.duplicateHouseholds(cluster.total)}
        </strong>
      </p>
      <ul>
        {cluster.members.map((m) => (
          <li key={m.id}>
            {m.householdId ? (
              <Link to="/households/$householdId" params={{ householdId: m.householdId }}>
                {m.name ?? t.notOnDevice}
              </Link>
            ) : (
              (m.name ?? t.notOnDevice)
            )}
            {m.birthYear ? ` (${m.birthYear})` : ''}
            {cluster.recordType === 'member' && m.householdHead ? ` · ${t.householdOf(m.householdHead)}` : ''}
            {m.village ? ` · ${m.village}` : ''} — {say.words.duplicateReasons[m.reason]}
          </li>
        ))}
      </ul>
      {cluster.total > cluster.members.length && (
        <p class="hint">{t.andMore(cluster.total - cluster.members.length)}</p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void decide('confirmed')}>
          {t.confirmDuplicate}
        </button>
        <button type="button" class="secondary" onClick={() => void decide('dismissed')}>
          {t.dismissDuplicate}
        </button>
      </div>
    </div>
  );
}
