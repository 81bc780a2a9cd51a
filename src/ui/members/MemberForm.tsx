/**
 * @module A member's record: add or edit. Before a new person is saved, the device looks for the same CCCD, or
 * the same name and year of birth in the village, and offers to open that record instead.
 */
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { ETHNIC_GROUPS } from '../../shared/reference/ethnic-groups';
import { RELATIONS, type MemberFields } from '../../shared/records/member';
import { memberDuplicates, saveMember, type MemberCandidate, type MemberSaveResult } from '../../db/members';
import { isQuotaError } from '../../db/errors';
import { QUOTA_MESSAGE } from '../../db/errors';
import { db } from '../services';
import { useT, useSay } from '../i18n';
import { NameHints } from '../names';
import { formatVnDate, vnDateForCheck } from '../dates';
import { CheckField, SelectField, TextField } from '../fields';

type Issues = Extract<MemberSaveResult, { ok: false }>['issues'];

export interface MemberDraft {
  fullName: string;
  sex: MemberFields['sex'] | '';
  birthDate: string;
  relation: MemberFields['relation'] | '';
  citizenId: string;
  ethnicity: string;
  disability: MemberFields['disability'];
  disabilityCertifiedOn: string;
  hasHealthInsurance: boolean;
  schooling: MemberFields['schooling'];
  studying: boolean;
  occupation: MemberFields['occupation'];
  hasPension: boolean;
  status: MemberFields['status'];
}

export function toMemberDraft(m: Partial<MemberFields> | undefined): MemberDraft {
  return {
    fullName: m?.fullName ?? '',
    sex: m?.sex ?? '',
    birthDate: formatVnDate(m?.birthDate),
    relation: m?.relation ?? '',
    citizenId: m?.citizenId ?? '',
    ethnicity: m?.ethnicity ?? '01',
    disability: m?.disability ?? 'none',
    disabilityCertifiedOn: formatVnDate(m?.disabilityCertifiedOn),
    hasHealthInsurance: m?.hasHealthInsurance ?? false,
    schooling: m?.schooling ?? 'none',
    studying: m?.studying ?? false,
    occupation: m?.occupation ?? 'self-employed',
    hasPension: m?.hasPension ?? false,
    status: m?.status ?? 'present',
  };
}

export function MemberForm(props: {
  id?: string;
  household: { id: string; communeCode: string; village: string };
  initial: MemberDraft;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const say = useSay();
  const [draft, setDraft] = useState(props.initial);
  const [issues, setIssues] = useState<Issues>({});
  const [candidates, setCandidates] = useState<MemberCandidate[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [nameLeft, setNameLeft] = useState(false);
  const set =
    <K extends keyof MemberDraft>(key: K) =>
    (value: MemberDraft[K]) =>
      setDraft({ ...draft, [key]: value });

  function toRecord(): Record<string, unknown> {
    // As typed, in the records' shape: the schema says what is wrong with a date, none is dropped.
    const birth = vnDateForCheck(draft.birthDate);
    const certified = vnDateForCheck(draft.disabilityCertifiedOn);
    return {
      householdId: props.household.id,
      communeCode: props.household.communeCode,
      fullName: draft.fullName,
      sex: draft.sex || undefined,
      birthDate: birth,
      relation: draft.relation || undefined,
      ethnicity: draft.ethnicity,
      disability: draft.disability,
      hasHealthInsurance: draft.hasHealthInsurance,
      schooling: draft.schooling,
      studying: draft.studying,
      occupation: draft.occupation,
      hasPension: draft.hasPension,
      status: draft.status,
      ...(draft.citizenId.trim() ? { citizenId: draft.citizenId.trim() } : {}),
      ...(draft.disability !== 'none' && certified ? { disabilityCertifiedOn: certified } : {}),
    };
  }

  async function save(skipDuplicateCheck: boolean) {
    setError(undefined);
    const record = toRecord();
    if (!props.id && !skipDuplicateCheck) {
      const found = await memberDuplicates(db, {
        fullName: draft.fullName,
        birthDate: typeof record.birthDate === 'string' ? record.birthDate : '',
        ...(draft.citizenId.trim() ? { citizenId: draft.citizenId.trim() } : {}),
        communeCode: props.household.communeCode,
        village: props.household.village,
      });
      if (found.length > 0) return setCandidates(found);
    }
    try {
      const result = await saveMember(db, record, { ...(props.id ? { id: props.id } : {}), now: Date.now() });
      if (!result.ok) {
        setCandidates(undefined);
        return setIssues(result.issues);
      }
      props.onSaved(result.id);
    } catch (e) {
      setError(
        isQuotaError(e) ? say(QUOTA_MESSAGE) : `${t.saveFailed} ${say(e instanceof Error ? e.message : String(e))}`,
      );
    }
  }

  const err = (key: keyof Issues) => {
    const issue = issues[key]?.[0];
    return issue === undefined ? undefined : say(issue);
  };
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      noValidate
    >
      <div class="grid-2">
        <TextField
          name="fullName"
          label={t.fullName}
          value={draft.fullName}
          onInput={set('fullName')}
          onBlur={() => setNameLeft(true)}
          error={err('fullName')}
        />
        {nameLeft && <NameHints name="fullName" value={draft.fullName} onUse={set('fullName')} />}
        <SelectField
          name="sex"
          label={t.sex}
          value={draft.sex}
          placeholder="—"
          options={[
            ['male', t.male],
            ['female', t.female],
          ]}
          onChange={set('sex')}
          error={err('sex')}
        />
        <TextField
          name="birthDate"
          label={t.birthDate}
          value={draft.birthDate}
          onInput={set('birthDate')}
          inputMode="numeric"
          error={err('birthDate')}
        />
        <SelectField
          name="relation"
          label={t.relation}
          value={draft.relation}
          placeholder="—"
          options={RELATIONS.map((r) => [r, t.relations[r]] as const)}
          onChange={set('relation')}
          error={err('relation')}
        />
        <TextField
          name="citizenId"
          label={`${t.citizenId} ${t.optional}`}
          value={draft.citizenId}
          onInput={set('citizenId')}
          inputMode="numeric"
          maxLength={12}
          error={err('citizenId')}
        />
        <SelectField
          name="ethnicity"
          label={t.ethnicity}
          value={draft.ethnicity}
          options={ETHNIC_GROUPS}
          onChange={set('ethnicity')}
          error={err('ethnicity')}
        />
        <SelectField
          name="disability"
          label={t.disability}
          value={draft.disability}
          options={Object.entries(t.disabilityLevels) as [MemberFields['disability'], string][]}
          onChange={set('disability')}
        />
        {draft.disability !== 'none' && (
          <TextField
            name="disabilityCertifiedOn"
            label={t.disabilityCertifiedOn}
            value={draft.disabilityCertifiedOn}
            onInput={set('disabilityCertifiedOn')}
            inputMode="numeric"
            error={err('disabilityCertifiedOn')}
          />
        )}
        <SelectField
          name="schooling"
          label={t.schooling}
          value={draft.schooling}
          options={Object.entries(t.schoolingLevels) as [MemberFields['schooling'], string][]}
          onChange={set('schooling')}
        />
        <SelectField
          name="occupation"
          label={t.occupation}
          value={draft.occupation}
          options={Object.entries(t.occupations) as [MemberFields['occupation'], string][]}
          onChange={set('occupation')}
        />
        <SelectField
          name="status"
          label={t.memberStatus}
          value={draft.status}
          options={Object.entries(t.memberStatuses) as [MemberFields['status'], string][]}
          onChange={set('status')}
        />
      </div>
      <CheckField
        name="hasHealthInsurance"
        label={t.hasHealthInsurance}
        checked={draft.hasHealthInsurance}
        onChange={set('hasHealthInsurance')}
      />
      <CheckField name="studying" label={t.studying} checked={draft.studying} onChange={set('studying')} />
      <CheckField name="hasPension" label={t.hasPension} checked={draft.hasPension} onChange={set('hasPension')} />
      {candidates && candidates.length > 0 && (
        <div class="card attention" role="alert" data-testid="duplicate-warning">
          <p>{t.possibleDuplicates}</p>
          <ul>
            {candidates.map((c) => (
              <li key={c.id}>
                <strong>{c.fullName}</strong> ({formatVnDate(c.birthDate)}) — {t.headName}: {c.headName} ·{' '}
                {say.words.duplicateReasons[c.reason]}{' '}
                <Link to="/members/$memberId" params={{ memberId: c.id }}>
                  {t.openInstead}
                </Link>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => void save(true)}>
            {t.saveAnyway}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit">{t.save}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
