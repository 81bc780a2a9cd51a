/**
 * @module Proposing a change to a decided allowance (TT 02/2021 Art. 2): only the kinds that fit where the grant
 * stands; the reasons of that kind; the day it happened (the death, the detention, the move); the month it takes
 * effect, pre-filled (a stop on death from the month after, an adjustment from the month the engine finds it due)
 * until the officer types another; what each kind needs besides (a new disability level, arrears on resuming, the
 * commune moved to, who organised the burial). Saved on the device with its "submit", sent when online; a change
 * returned to be corrected opens with what it said and goes again as the same case.
 */
import { useState } from 'preact/hooks';
import { submitChange } from '../../db/allowance-changes';
import { CHANGE_REASONS, type AllowanceChange, type ChangeKind } from '../../shared/records/allowance-change';
import { newId } from '../../shared/ids';
import { db, useSession } from '../services';
import { useSay } from '../i18n';
import { formatVnDate, todayIso } from '../dates';
import { CheckField, SelectField, TextAreaField, TextField } from '../fields';
import { formatMonth, useDeskT } from './words';
import { fullDay, parseMonth } from './desk-input';
import { useChangeTexts } from './change-texts';
import { suggestedMonth, type DueChange } from './change-lists';
import type { AllowanceCase } from '../../db/cases';
import type { ChangeCase } from '../../db/change-cases';

type Reason = AllowanceChange['reason'];
type Level = NonNullable<AllowanceChange['disabilityLevel']>;
const OTHER = 'other';

/** Why a change the engine found due is proposed: an age reached (Art. 8(1)(đ)), eligibility ended (Art. 8(2)). */
const DUE_REASONS: Readonly<Record<ChangeKind, Reason>> = {
  adjust: 'turned-age',
  stop: 'not-eligible',
  suspend: CHANGE_REASONS.suspend[0],
  resume: CHANGE_REASONS.resume[0],
  'move-out': CHANGE_REASONS['move-out'][0],
};

export function ChangeForm(props: {
  grant: AllowanceCase;
  kinds: readonly ChangeKind[];
  due: readonly DueChange[];
  initialKind?: ChangeKind | undefined;
  initialMonth?: string | undefined;
  /** A change returned to be corrected: the form opens with what it said and sends it again, the same case. */
  again?: ChangeCase | undefined;
  onDone: () => void;
}) {
  const t = useDeskT();
  const c = useChangeTexts();
  const say = useSay();
  const session = useSession();
  const thisMonth = todayIso().slice(0, 7);
  const was = props.again?.change;
  const kinds = was && !props.kinds.includes(was.change) ? [was.change, ...props.kinds] : props.kinds;
  const first = props.initialKind && kinds.includes(props.initialKind) ? props.initialKind : kinds[0];
  const [kind, setKind] = useState<ChangeKind>(was?.change ?? first ?? 'adjust');
  const [reason, setReason] = useState<Reason>(
    was?.reason ?? (first === props.initialKind && first ? DUE_REASONS[first] : CHANGE_REASONS[kind][0]),
  );
  const [eventOn, setEventOn] = useState(was?.eventOn ? formatVnDate(was.eventOn) : '');
  // The month follows kind, reason and day until the officer types one (or the register passed one).
  const [typedMonth, setTypedMonth] = useState<string | undefined>(
    was
      ? formatMonth(was.effectiveMonth)
      : props.initialMonth && first === props.initialKind
        ? formatMonth(props.initialMonth)
        : undefined,
  );
  const [level, setLevel] = useState<Level | ''>(was?.disabilityLevel ?? '');
  const [withArrears, setWithArrears] = useState(was?.withArrears ?? true);
  const communes = (session?.user.communes ?? []).filter((x) => x.code !== props.grant.communeCode);
  const known = was?.toCommune === undefined || communes.some((x) => x.code === was.toCommune);
  const [toCommune, setToCommune] = useState(known ? (was?.toCommune ?? communes[0]?.code ?? OTHER) : OTHER);
  const [otherCommune, setOtherCommune] = useState(known ? '' : (was?.toCommune ?? ''));
  const [burialName, setBurialName] = useState(was?.burialBy?.fullName ?? '');
  const [burialRelation, setBurialRelation] = useState(was?.burialBy?.relation ?? '');
  const [note, setNote] = useState(was?.note ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const day = eventOn.trim() ? fullDay(eventOn) : undefined;
  const suggested = suggestedMonth({ change: kind, reason, ...(day ? { eventOn: day } : {}) }, props.due, thisMonth);
  const monthText = typedMonth ?? formatMonth(suggested);
  const month = parseMonth(monthText);
  const death = reason === 'death';
  const chooseKind = (next: ChangeKind) => {
    setKind(next);
    setReason(CHANGE_REASONS[next][0]);
    setTypedMonth(undefined);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (eventOn.trim() && !day) return setError(t.allowanceBadDate);
    if (!month) return setError(t.allowanceBadMonth);
    const commune = toCommune === OTHER ? otherCommune.trim() : toCommune;
    const change = {
      change: kind,
      reason,
      proposedOn: todayIso(),
      effectiveMonth: month,
      ...(day ? { eventOn: day } : {}),
      ...(kind === 'adjust' && level ? { disabilityLevel: level } : {}),
      ...(kind === 'resume' ? { withArrears } : {}),
      ...(kind === 'move-out' && commune ? { toCommune: commune } : {}),
      ...(death && burialName.trim()
        ? { burialBy: { fullName: burialName.trim(), relation: burialRelation.trim() } }
        : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const now = Date.now();
    const caseId = props.again?.id ?? newId(now);
    const sent = await submitChange(db, { caseId, grantCaseId: props.grant.id, change }, now);
    if (sent.ok) return props.onDone();
    setError(sent.issues.map((m) => say(m)).join(' '));
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="change-form">
      <SelectField
        name="changeKind"
        label={c.changeKind}
        value={kind}
        options={kinds.map((k) => [k, t.allowanceChangeKinds[k]] as const)}
        onChange={chooseKind}
      />
      <SelectField
        name="changeReason"
        label={c.changeReason}
        value={reason}
        options={CHANGE_REASONS[kind].map((r) => [r, c.changeReasons[r]] as const)}
        onChange={(r) => {
          setReason(r);
          setTypedMonth(undefined);
        }}
      />
      <TextField
        name="eventOn"
        label={death ? c.changeDeathOn : c.changeEventOn}
        value={eventOn}
        onInput={setEventOn}
        error={eventOn.trim() && !day ? t.allowanceBadDate : undefined}
      />
      <TextField
        name="effectiveMonth"
        label={c.changeEffectiveMonth}
        value={monthText}
        onInput={setTypedMonth}
        error={monthText && !month ? t.allowanceBadMonth : undefined}
      />
      {kind === 'adjust' && reason === 'disability-level' && (
        <SelectField
          name="disabilityLevel"
          label={c.changeDisabilityLevel}
          value={level}
          placeholder="—"
          options={(['mild', 'severe', 'especially-severe'] as const).map(
            (l) => [l, t.allowanceDisabilityLevels[l]] as const,
          )}
          onChange={setLevel}
        />
      )}
      {kind === 'resume' && (
        <CheckField name="withArrears" label={c.changeWithArrears} checked={withArrears} onChange={setWithArrears} />
      )}
      {kind === 'move-out' && (
        <>
          <SelectField
            name="toCommune"
            label={c.changeToCommune}
            value={toCommune}
            options={[...communes.map((x) => [x.code, x.name] as const), [OTHER, c.changeOtherCommune] as const]}
            onChange={setToCommune}
          />
          {toCommune === OTHER && (
            <TextField
              name="otherCommune"
              label={c.changeCommuneCode}
              inputMode="numeric"
              maxLength={5}
              value={otherCommune}
              onInput={setOtherCommune}
            />
          )}
        </>
      )}
      {death && (
        <>
          <TextField name="burialBy" label={c.changeBurialBy} value={burialName} onInput={setBurialName} />
          <TextField
            name="burialRelation"
            label={c.changeBurialRelation}
            value={burialRelation}
            onInput={setBurialRelation}
          />
        </>
      )}
      <TextAreaField name="changeNote" label={c.changeNote} value={note} onInput={setNote} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{c.changeSend}</button>
    </form>
  );
}
