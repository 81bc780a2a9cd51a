/**
 * @module The commune officer's desk: surveys to approve or return with a comment, conflicting edits shown side
 * by side (who, when, which device, which value) to pick or type the right value, and possible duplicates —
 * one cluster of look-alike records per person or household, named from what the device holds, decided whole.
 */
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { casesToReview, type SurveyCase } from '../../db/cases';
import { householdsByIds } from '../../db/households';
import { describeConflicts, openConflicts, type DescribedConflict } from '../../db/conflicts';
import { pendingRecordIds } from '../../db/queue';
import { COMPARED_FIELDS, openDuplicateClusters, type DuplicateCluster } from '../../db/duplicates';
import { sameValue } from '../../shared/patch';
import { decideDuplicate, queueCommand, resolveConflict } from '../../db/outbox';
import { decodeHlc } from '../../shared/hlc';
import { db, useSession } from '../services';
import { useT, useSay } from '../i18n';
import { formatDateTime } from '../format';
import { formatVnDate } from '../dates';
import { useWorkplace } from '../use-commune';
import { fieldLabel, fieldValue } from './field-text';
import { SurveyDetail } from './SurveyDetail';
import { useReviewTexts } from './texts';
import { AllowanceDossiers } from '../allowance/AllowanceDossiers';

export function ReviewPage() {
  const t = useT();
  const rv = useReviewTexts();
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
    const conflicts = await describeConflicts(db, await openConflicts(db, commune));
    const duplicates = await openDuplicateClusters(db, commune);
    const pending = await pendingRecordIds(db);
    return { cases, households, conflicts, duplicates, pending };
  }, [commune]);
  if (!state || !session) return null;
  return (
    <section>
      <h1>{t.review}</h1>
      <div class="card">
        <h2>{rv.toReview}</h2>
        {state.cases.length === 0 && <p>{rv.nothingToReview}</p>}
        {state.cases.map((c) => (
          <CaseRow
            key={c.id}
            survey={c}
            id={c.id}
            title={state.households.get(c.subjectId)?.headName ?? t.unknownHousehold}
            householdId={c.subjectId}
            date={formatVnDate(c.answers?.reviewDate)}
            result={c.result ? t.classifications[c.result.classification] : '—'}
            claimed={c.deviceResult && t.classifications[c.deviceResult.classification]}
            pending={state.pending.has(c.id)}
          />
        ))}
      </div>
      {commune && <AllowanceDossiers commune={commune} />}
      <div class="card">
        <h2>{t.conflicts}</h2>
        {state.conflicts.length === 0 && <p>{rv.noConflicts}</p>}
        {state.conflicts.map((c) => (
          <ConflictRow key={c.conflict.id} described={c} />
        ))}
      </div>
      <div class="card">
        <h2>{t.duplicates}</h2>
        {state.duplicates.length === 0 && <p>{rv.noDuplicates}</p>}
        {state.duplicates.map((cluster) => (
          <DuplicateClusterRow key={cluster.id} cluster={cluster} />
        ))}
      </div>
    </section>
  );
}

function CaseRow(props: {
  survey: SurveyCase;
  id: string;
  title: string;
  householdId: string;
  date: string;
  result: string;
  claimed: string | undefined;
  pending: boolean;
}) {
  const t = useT();
  const rv = useReviewTexts();
  const [comment, setComment] = useState('');
  const [open, setOpen] = useState(false);
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
            {rv.deviceClaimed(props.claimed)}
          </span>
        )}
        {props.pending ? ` (${t.waitingToSend})` : ''}
      </span>
      <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? rv.hideAnswers : rv.showAnswers}
      </button>
      {open && <SurveyDetail survey={props.survey} />}
      <label class="grow">
        {rv.comment}
        <input value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <button type="button" onClick={() => void act('approve')}>
        {t.approve}
      </button>
      <button type="button" class="secondary" disabled={!comment.trim()} onClick={() => void act('return')}>
        {rv.returnCase}
      </button>
    </div>
  );
}

/** Whose record a conflict is about: the person and their household, or the household. */
function whose(t: ReturnType<typeof useT>, d: Pick<DescribedConflict, 'household' | 'person'>): string {
  if (d.person) return d.household ? t.personInHousehold(d.person.fullName, d.household.headName) : d.person.fullName;
  return d.household ? t.householdOf(d.household.headName) : t.notOnDevice;
}

function ConflictRow({ described }: { described: DescribedConflict }) {
  const t = useT();
  const rv = useReviewTexts();
  const say = useSay();
  const { conflict } = described;
  const [typed, setTyped] = useState('');
  const choose = async (value: unknown) => {
    await resolveConflict(db, conflict.id, value, Date.now());
  };
  const label = fieldLabel(t, conflict.field);
  return (
    <div class="conflict" data-testid="conflict">
      <p>
        <strong data-testid="conflict-about">{rv.conflictAbout(label, whose(t, described))}</strong>
        {described.household && (
          <>
            {' '}
            ·{' '}
            <Link to="/households/$householdId" params={{ householdId: described.household.id }}>
              {t.openInstead}
            </Link>
          </>
        )}
      </p>
      {described.current !== undefined && (
        <p data-testid="conflict-current">
          {rv.currentValue}: <strong>{fieldValue(t, conflict.field, described.current)}</strong>
        </p>
      )}
      <div class="side-by-side">
        {conflict.candidates.map((c, index) => {
          const stamp = decodeHlc(c.stamp);
          const who = rv.enteredBy(c.userName ?? c.userId, c.userRole ? say.words.roles[c.userRole] : '');
          return (
            <div class="candidate" key={index} data-testid="candidate">
              <p class="value">{fieldValue(t, conflict.field, c.value)}</p>
              <p class="hint">
                {rv.byWhom(who, stamp ? formatDateTime(stamp.ms) : '—')} ·{' '}
                <span data-testid="candidate-device">{c.deviceName ?? rv.deviceShort(c.clientId.slice(0, 8))}</span>
                {c.committed ? ` · ${t.provisional}` : ''}
              </p>
              <button type="button" onClick={() => void choose(c.value)}>
                {rv.chooseValue}
              </button>
            </div>
          );
        })}
      </div>
      <label>
        {rv.typeValue}
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
  const rv = useReviewTexts();
  const say = useSay();
  const { cluster } = props;
  // The record that stays: by default the oldest (ids made on devices are UUIDv7, so the smallest was made first).
  const present = cluster.members.filter((m) => m.fields);
  const oldest = [...present].sort((a, b) => (a.id < b.id ? -1 : 1))[0]?.id;
  const [keep, setKeep] = useState<string | undefined>(undefined);
  const kept = keep ?? oldest;
  const decide = async (value: 'confirmed' | 'dismissed') => {
    await decideDuplicate(db, cluster.id, value, Date.now(), value === 'confirmed' ? kept : undefined);
  };
  const fields = COMPARED_FIELDS[cluster.recordType];
  return (
    <div class="conflict" data-testid="duplicate-cluster">
      <p>
        <strong>
          {cluster.recordType === 'member' ? rv.duplicatePeople(cluster.total) : rv.duplicateHouseholds(cluster.total)}
        </strong>
      </p>
      <div class="side-by-side">
        {cluster.members.map((m) => (
          <div class="candidate" key={m.id} data-testid="duplicate-member">
            <p class="value">
              {m.householdId ? (
                <Link to="/households/$householdId" params={{ householdId: m.householdId }}>
                  {m.name ?? t.notOnDevice}
                </Link>
              ) : (
                (m.name ?? t.notOnDevice)
              )}
            </p>
            <p class="hint">
              {cluster.recordType === 'member' && m.householdHead ? `${t.householdOf(m.householdHead)} · ` : ''}
              {m.village ? `${m.village} · ` : ''}
              {say.words.duplicateReasons[m.reason]}
            </p>
            {m.fields && (
              <dl>
                {fields.map((field) => {
                  const same = present.every((other) => sameValue(other.fields?.[field], m.fields?.[field]));
                  return (
                    <div key={field} class={same ? 'same' : 'differs'} data-testid={`compare-${field}`}>
                      <dt>{fieldLabel(t, field)}</dt>
                      <dd>
                        {fieldValue(t, field, m.fields?.[field])}
                        {present.length > 1 && (
                          <>
                            {' '}
                            <span class={same ? 'badge' : 'badge pending'}>{same ? rv.sameInAll : t.differs}</span>
                          </>
                        )}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            )}
            {m.fields && (
              <label>
                <input
                  type="radio"
                  name={`keep-${cluster.id}`}
                  checked={kept === m.id}
                  onChange={() => setKeep(m.id)}
                />{' '}
                {rv.keepThis}
              </label>
            )}
          </div>
        ))}
      </div>
      {cluster.total > cluster.members.length && (
        <p class="hint">{rv.andMore(cluster.total - cluster.members.length)}</p>
      )}
      <p class="hint">{rv.mergeHint}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void decide('confirmed')}>
          {rv.confirmDuplicate}
        </button>
        <button type="button" class="secondary" onClick={() => void decide('dismissed')}>
          {rv.dismissDuplicate}
        </button>
      </div>
    </div>
  );
}
