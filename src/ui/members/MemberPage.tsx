/** @module Adds a member to a household, or edits one. */
import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from '@tanstack/react-router';
import { getHousehold } from '../../db/households';
import { getMember } from '../../db/members';
import { db, useCan } from '../services';
import { formatVnDate } from '../dates';
import { useT } from '../i18n';
import { MemberForm, toMemberDraft } from './MemberForm';
import { MyConflicts } from '../review/MyConflicts';
import { storedIssues } from '../../shared/entry-rules';
import { StoredIssues } from './StoredIssues';

export function MemberPage(props: { householdId?: string; memberId?: string }) {
  const t = useT();
  const navigate = useNavigate();
  // Who may not write sees the person, not a form whose save the server would refuse (src/shared/permissions.ts).
  const mayWrite = useCan('member', props.memberId ? 'edit' : 'create');
  const state = useLiveQuery(async () => {
    const member = props.memberId ? await getMember(db, props.memberId) : undefined;
    const householdId = member ? member.householdId : props.householdId;
    const household = householdId ? await getHousehold(db, householdId).catch(() => undefined) : undefined;
    return { member, household };
  }, [props.householdId, props.memberId]);
  if (!state) return null;
  const { member, household } = state;
  if (!household || (props.memberId && !member)) return <p class="card">{t.notFound}</p>;
  const back = () => void navigate({ to: '/households/$householdId', params: { householdId: household.id } });
  // A birth before 1900 stored before that rule: shown, editable as it is, and asked to be corrected.
  const toCorrect = member ? storedIssues('member', member) : [];
  if (!mayWrite) {
    return (
      <section class="card">
        <h1>{member?.fullName ?? household.headName}</h1>
        <StoredIssues issues={toCorrect} />
        {member && (
          <dl>
            <div>
              <dt>{t.born}</dt>
              <dd>{formatVnDate(member.birthDate)}</dd>
            </div>
            <div>
              <dt>{t.relation}</dt>
              <dd>{t.relations[member.relation as keyof typeof t.relations] ?? member.relation}</dd>
            </div>
          </dl>
        )}
        {member && <MemberAllowances memberId={member.id} />}
        <p class="hint" data-testid="read-only">
          {t.readOnly}
        </p>
        <button type="button" class="secondary" onClick={back}>
          {t.back}
        </button>
      </section>
    );
  }
  return (
    <section>
      <h1>{member ? member.fullName : `${t.addMember} — ${household.headName}`}</h1>
      {member && <MyConflicts recordId={member.id} />}
      <StoredIssues issues={toCorrect} />
      <MemberForm
        {...(member ? { id: member.id } : {})}
        household={{ id: household.id, communeCode: household.communeCode, village: household.village }}
        initial={toMemberDraft(member)}
        onSaved={back}
        onCancel={back}
      />
      {member && <MemberAllowances memberId={member.id} />}
    </section>
  );
}

type Allowances = typeof import('../allowance/MemberAllowances').MemberAllowances;

/** The person's allowance applications, loaded on demand (precached like every chunk, so offline too). */
function MemberAllowances(props: { memberId: string }) {
  const [List, setList] = useState<Allowances | undefined>();
  useEffect(() => {
    void import('../allowance/MemberAllowances').then((m) => setList(() => m.MemberAllowances));
  }, []);
  return List ? <List memberId={props.memberId} /> : null;
}
