/**
 * @module One household: its fields, its members (child records), its surveys, what waits to be sent, what the
 * server refused, and the ways on: edit, add a member, a new poverty review.
 */
import { useEffect, useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { householdPageState, type HouseholdPageState } from '../../db/household-page';
import { ethnicGroupName } from '../../shared/reference/ethnic-groups';
import { db, useCan, useSession } from '../services';
import { useT, useSay, problemOf } from '../i18n';
import { formatVnDate, vnDateForCheck } from '../dates';
import { formatDateTime } from '../format';
import {
  checkSurvey,
  SURVEY_SECTIONS,
  sectionsComplete,
  SurveyDraftSchema,
  type SurveyDraft,
} from '../survey/survey-form';
import * as v from 'valibot';
import type { HouseholdFields } from '../../shared/records/household';
import { ClassificationBadge, ProvisionalNote } from './ClassificationBadge';
import { MyConflicts, useWaitingFields } from '../review/MyConflicts';
import { storedIssues } from '../../shared/entry-rules';
import { ToCorrectBadge } from '../members/StoredIssues';

type Form = typeof import('./HouseholdForm');

/**
 * The household's form, loaded when the user edits (precached for offline): the page itself, opened from the list
 * all day, does not carry it (bench/app.ts, "JS transferred for the first screen").
 */
function EditHousehold(props: {
  id: string;
  household: HouseholdFields;
  communes: Parameters<Form['HouseholdForm']>[0]['communes'];
  onDone: () => void;
}) {
  const [form, setForm] = useState<Form | undefined>();
  useEffect(() => {
    void import('./HouseholdForm').then(setForm);
  }, []);
  if (!form) return null;
  return (
    <form.HouseholdForm
      id={props.id}
      initial={form.toDraft(props.household, props.household.communeCode)}
      communes={props.communes}
      onSaved={props.onDone}
      onCancel={props.onDone}
    />
  );
}

export function HouseholdPage({ id, initial }: { id: string; initial?: HouseholdPageState | undefined }) {
  const t = useT();
  const say = useSay();
  const may = {
    edit: useCan('household', 'edit'),
    survey: useCan('case', 'create'),
    addMember: useCan('member', 'create'),
  };
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const waiting = useWaitingFields(id);
  // What the route read while navigating (for this id), until the live query answers.
  const state = useLiveQuery(
    () => householdPageState(db, id),
    [id],
    initial?.household?.id === id ? initial : undefined,
  );
  if (!state || !session) return null;
  const { household, members, surveys, pending, submits, rejections, surveyDraft } = state;
  if (!household) {
    return (
      <section class="card">
        <p>{t.notFound}</p>
        <Link to="/households">{t.back}</Link>
      </section>
    );
  }
  if (editing) {
    return (
      <section>
        <h1>{household.headName}</h1>
        <EditHousehold
          id={id}
          household={household}
          communes={session.user.communes}
          onDone={() => setEditing(false)}
        />
      </section>
    );
  }
  const communeName =
    session.user.communes.find((c) => c.code === household.communeCode)?.name ?? household.communeCode;
  const latestApproved = surveys.find((s) => s.status === 'approved');
  const rows: [string, string, string][] = [
    [t.commune, communeName, 'communeCode'],
    [t.village, household.village, 'village'],
    [t.address, household.address || '—', 'address'],
    [t.phone, household.phone ?? '—', 'phone'],
    [t.headCitizenId, household.headCitizenId ?? '—', 'headCitizenId'],
    [t.area, t[household.area], 'area'],
    [t.notes, household.notes || '—', 'notes'],
  ];
  return (
    <section>
      <div class="card">
        <Link to="/households">← {t.back}</Link>
        <h1 data-testid="household-head">
          {household.headName} <ClassificationBadge result={latestApproved?.result} />
        </h1>
        <ProvisionalNote result={latestApproved?.result} />
        {pending.has(id) && <p class="badge pending">{t.notSynced}</p>}
        {rejections.map((r) => (
          <p class="error" key={r.seq}>
            {t.rejectedBecause} {say(problemOf(r))}
          </p>
        ))}
        <dl>
          {rows.map(([label, value, field]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                {value}
                {waiting.has(field) && (
                  <>
                    {' '}
                    <span class="badge pending" data-testid="field-conflict">
                      {t.fieldWaiting}
                    </span>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
        <div class="actions">
          {may.edit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t.edit}
            </button>
          )}
          {may.survey && (
            <Link class="button" to="/households/$householdId/survey" params={{ householdId: id }}>
              {t.newSurvey}
            </Link>
          )}
        </div>
      </div>
      <MyConflicts recordId={id} />

      <div class="card">
        <div class="toolbar">
          <h2>
            {t.members} ({members.members.filter((m) => m.status === 'present').length})
          </h2>
          {may.addMember && (
            <Link class="button" to="/households/$householdId/members/new" params={{ householdId: id }}>
              {t.addMember}
            </Link>
          )}
        </div>
        {members.members.length === 0 && <p>{t.noMembers}</p>}
        <ul class="list" data-testid="member-list">
          {members.members.map((m) => (
            <li key={m.id}>
              <Link to="/members/$memberId" params={{ memberId: m.id }}>
                <strong>{m.fullName}</strong>
                <span>
                  {t.relations[m.relation as keyof typeof t.relations] ?? m.relation} · {formatVnDate(m.birthDate)} ·{' '}
                  {m.sex === 'male' ? t.male : t.female} · {ethnicGroupName(m.ethnicity)}
                </span>
                {m.disability !== 'none' && <span class="badge">{t.disabilityLevels[m.disability]}</span>}
                {m.status !== 'present' && <span class="badge">{t.memberStatuses[m.status]}</span>}
                <ToCorrectBadge issues={storedIssues('member', m)} />
                {pending.has(m.id) && <span class="badge pending">{t.notSynced}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </div>

      {(surveys.length > 0 || surveyDraft) && (
        <div class="card" data-testid="surveys">
          <h2>{t.surveys}</h2>
          {surveyDraft && <DraftRow householdId={id} draft={surveyDraft} mayContinue={may.survey} />}
          <h3>{t.surveysSent}</h3>
          {surveys.length === 0 && <p>{t.noSurveysSent}</p>}
          <ul class="plain" data-testid="surveys-sent">
            {surveys.map((s) => (
              <li key={s.id}>
                {formatVnDate(s.answers?.reviewDate)} — {s.result ? t.classifications[s.result.classification] : '—'} —{' '}
                <span data-testid="survey-status">
                  {/* Submitted here, the server not told yet: the case is a draft only until the next sync. */}
                  {s.status === 'draft' && submits.has(s.id)
                    ? t.submittedWaiting
                    : `${t.statuses[s.status as keyof typeof t.statuses] ?? s.status}${pending.has(s.id) ? ` (${t.waitingToSend})` : ''}`}
                </span>
                {s.history
                  .filter((h) => h.comment)
                  .map((h) => (
                    <div class="hint" key={h.at}>
                      {h.comment}
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The survey being filled in on this device: its review date, how many sections are done, and the way back to it. */
function DraftRow(props: {
  householdId: string;
  draft: { value: Record<string, unknown>; updatedAt: number };
  mayContinue: boolean;
}) {
  const t = useT();
  const parsed = v.safeParse(SurveyDraftSchema, props.draft.value);
  if (!parsed.success) return null;
  const draft = parsed.output as SurveyDraft;
  const review = vnDateForCheck(draft.reviewDate);
  const complete = sectionsComplete(draft, checkSurvey(draft, review || undefined));
  const done = SURVEY_SECTIONS.filter((section) => complete[section]).length;
  return (
    <>
      <h3>{t.surveyDrafts}</h3>
      <ul class="plain" data-testid="survey-drafts">
        <li>
          {draft.reviewDate || '—'} — {t.sectionsDone(done, SURVEY_SECTIONS.length)} —{' '}
          {t.draftSavedAt(formatDateTime(props.draft.updatedAt))}{' '}
          {props.mayContinue && (
            <Link to="/households/$householdId/survey" params={{ householdId: props.householdId }}>
              {t.continueSurvey}
            </Link>
          )}
        </li>
      </ul>
    </>
  );
}
