/**
 * @module The household form, for a new household and for edits. Validation runs with the shared schema on
 * save; messages appear next to their field. Saving writes the record and its outbox entry together.
 */
import { useState } from 'preact/hooks';
import type { HouseholdFields } from '../../shared/records/household';
import { householdDuplicates, saveHousehold, type SaveResult } from '../../db/households';
import { Link } from '@tanstack/react-router';
import { isQuotaError } from '../../db/errors';
import { QUOTA_MESSAGE } from '../../db/errors';
import { db } from '../services';
import { SelectField, TextAreaField, TextField } from '../fields';
import { useT, useSay } from '../i18n';
import { NameHints } from '../names';
import { useLiveQuery } from 'dexie-react-hooks';
import { villagesOf } from '../../db/villages';
import { VillagePicker, villageToSave } from './VillagePicker';

type Draft = Record<keyof HouseholdFields, string>;
type Issues = Extract<SaveResult, { ok: false }>['issues'];

export function toDraft(fields: Partial<HouseholdFields>, communeCode: string): Draft {
  return {
    headName: fields.headName ?? '',
    communeCode: fields.communeCode ?? communeCode,
    village: fields.village ?? '',
    address: fields.address ?? '',
    phone: fields.phone ?? '',
    headCitizenId: fields.headCitizenId ?? '',
    area: fields.area ?? 'rural',
    notes: fields.notes ?? '',
  };
}

/** Empty optional inputs mean "not given", not an empty phone number. */
function fromDraft(draft: Draft): Record<string, string> {
  const { phone, headCitizenId, ...rest } = draft;
  return {
    ...rest,
    ...(phone.trim() ? { phone: phone.trim() } : {}),
    ...(headCitizenId.trim() ? { headCitizenId: headCitizenId.trim() } : {}),
  };
}

export function HouseholdForm(props: {
  id?: string;
  initial: Draft;
  communes: readonly { code: string; name: string }[];
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const say = useSay();
  const [draft, setDraft] = useState(props.initial);
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>();
  const [candidates, setCandidates] = useState<Awaited<ReturnType<typeof householdDuplicates>>>([]);
  const [nameLeft, setNameLeft] = useState(false);
  const [otherVillage, setOtherVillage] = useState(false);
  const [villageIssue, setVillageIssue] = useState<string | undefined>();
  const villages = useLiveQuery(() => villagesOf(db, draft.communeCode), [draft.communeCode]) ?? [];

  async function submit(event: Event, skipDuplicateCheck = false) {
    event.preventDefault();
    // The village comes from the commune's list, or is new under "Khác (ghi rõ)" (kept for the officer's review).
    const village = villageToSave(draft.village, villages, {
      other: otherVillage,
      unchanged: Boolean(props.id) && draft.village === props.initial.village,
    });
    setVillageIssue(village || !draft.village.trim() ? undefined : t.villageNotListed);
    if (!village && draft.village.trim()) return;
    const typed = { ...draft, village: village?.name ?? draft.village };
    setBusy(true);
    try {
      if (!props.id && !skipDuplicateCheck) {
        const values = fromDraft(typed);
        const found = await householdDuplicates(db, {
          headName: typed.headName,
          village: typed.village,
          communeCode: typed.communeCode,
          ...(values.headCitizenId ? { headCitizenId: values.headCitizenId } : {}),
        });
        if (found.length > 0) return setCandidates(found);
      }
      // A new village goes to the server before the household that names it (saveHousehold says why).
      const result = await saveHousehold(db, fromDraft(typed), {
        ...(props.id ? { id: props.id } : {}),
        now: Date.now(),
        ...(village?.isNew
          ? { newVillage: { communeCode: typed.communeCode, name: village.name, status: 'other' as const } }
          : {}),
      });
      if (!result.ok) return setIssues(result.issues);
      props.onSaved(result.id);
    } catch (error) {
      setSaveError(
        isQuotaError(error)
          ? say(QUOTA_MESSAGE)
          : `${t.saveFailed} ${say(error instanceof Error ? error.message : String(error))}`,
      );
    } finally {
      setBusy(false);
    }
  }

  const error = (name: keyof Draft) => {
    const issue = issues[name]?.[0];
    return issue === undefined ? undefined : say(issue);
  };
  const text = (name: keyof Draft) => (value: string) => setDraft({ ...draft, [name]: value });

  return (
    <form class="card" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        name="headName"
        label={t.headName}
        value={draft.headName}
        onInput={text('headName')}
        onBlur={() => setNameLeft(true)}
        error={error('headName')}
      />
      {nameLeft && <NameHints name="headName" value={draft.headName} onUse={text('headName')} />}
      <SelectField
        name="communeCode"
        label={t.commune}
        value={draft.communeCode}
        options={props.communes.map((c) => [c.code, c.name] as const)}
        onChange={text('communeCode')}
        disabled={Boolean(props.id)}
      />
      <VillagePicker
        value={draft.village}
        villages={villages}
        other={otherVillage}
        error={villageIssue ?? error('village')}
        onInput={(village) => {
          setVillageIssue(undefined);
          setDraft({ ...draft, village });
        }}
        onOther={setOtherVillage}
      />
      <TextField
        name="address"
        label={t.address}
        value={draft.address}
        onInput={text('address')}
        error={error('address')}
      />
      <TextField
        name="phone"
        label={`${t.phone} ${t.optional}`}
        value={draft.phone}
        onInput={text('phone')}
        inputMode="tel"
        error={error('phone')}
      />
      <TextField
        name="headCitizenId"
        label={`${t.headCitizenId} ${t.optional}`}
        value={draft.headCitizenId}
        onInput={text('headCitizenId')}
        inputMode="numeric"
        maxLength={12}
        error={error('headCitizenId')}
      />
      <fieldset class="field">
        <legend>{t.area}</legend>
        {(['rural', 'urban'] as const).map((area) => (
          <label class="inline" key={area}>
            <input
              type="radio"
              name="area"
              value={area}
              checked={draft.area === area}
              onChange={() => setDraft({ ...draft, area })}
            />
            {t[area]}
          </label>
        ))}
      </fieldset>
      <TextAreaField name="notes" label={t.notes} value={draft.notes} onInput={text('notes')} error={error('notes')} />
      {candidates.length > 0 && (
        <div class="card attention" role="alert" data-testid="household-duplicate-warning">
          <p>{t.possibleDuplicateHousehold}</p>
          <ul>
            {candidates.map((c) => (
              <li key={c.id}>
                <strong>{c.headName}</strong> · {c.village} · {say.words.duplicateReasons[c.reason]}{' '}
                <Link to="/households/$householdId" params={{ householdId: c.id }}>
                  {t.openInstead}
                </Link>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={(e) => void submit(e, true)}>
            {t.saveHouseholdAnyway}
          </button>
        </div>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
