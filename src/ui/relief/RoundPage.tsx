/**
 * @module A relief round: what is handed out and from where, who received what (with a drawn signature or a photo
 * of the signed list as receipt), a warning before a second handout of the same item, voids with a reason, the
 * summary, and the printable signature list.
 */
import { riceKgPerPersonMonth } from '../../domain/emergency/rice';
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { earlierHandouts, roundSummary } from '../../shared/relief';
import { handOut, roundWithHandouts, type LocalHandout } from '../../db/relief';
import { voidDistribution } from '../../db/outbox';
import { db, useCan, useSession } from '../services';
import { useT, useSay } from '../i18n';
import { formatDateTime, formatVnd } from '../format';
import { SelectField, TextField } from '../fields';
import { RoundEditor } from './RoundEditor';
import { SignaturePad, downscalePhoto } from './SignaturePad';
import { futureDateOnDevice } from '../../db/client-id';
import * as v from 'valibot';
import { CitizenId } from '../../shared/fields';

export function RoundPage({ id }: { id: string }) {
  const t = useT();
  const session = useSession();
  const may = {
    edit: useCan('relief_round', 'edit'),
    handOut: useCan('distribution', 'create'),
    void: useCan('distribution_void', 'create'),
  };
  const [itemIndex, setItemIndex] = useState(0);
  const state = useLiveQuery(() => roundWithHandouts(db, id), [id]);
  const [giving, setGiving] = useState<string | undefined>();
  const [editing, setEditing] = useState(false);
  if (!state || !session) return null;
  if (!state.round) return <p class="card">{t.notFound}</p>;
  const { round, handouts, planned, people } = state;
  const unreadable = state.unreadable + planned.unreadable;
  const summary = roundSummary(round, handouts, (householdId) => people.get(householdId) ?? 0);
  // A round has at least one item (its schema says so).
  const item = round.items[Math.min(itemIndex, round.items.length - 1)] ?? round.items[0];
  const riceKg = riceKgPerPersonMonth(round.date, round.campaign === 'tet' ? 'tet' : 'hardship')?.kg;

  return (
    <section>
      <div class="card">
        {round.emergencyId && (
          <Link to="/emergencies/$emergencyId" params={{ emergencyId: round.emergencyId }}>
            ← {t.back}
          </Link>
        )}
        <h1>{round.name}</h1>
        {unreadable > 0 && <p class="error">{t.unreadableRecords(unreadable)}</p>}
        <p data-testid="round-summary">
          {t.roundSummary(summary.households, summary.people, summary.riceKg, formatVnd(summary.vnd))}
        </p>
        <p class="hint" data-testid="by-source">
          {t.bySource(
            summary.bySource.budget.kg,
            formatVnd(summary.bySource.budget.VND),
            summary.bySource.mobilised.kg,
            formatVnd(summary.bySource.mobilised.VND),
          )}
        </p>
        <ul class="plain">
          {summary.items.map((i) => (
            <li key={i.itemName}>
              {i.itemName}: {i.handedOut} / {i.available} {i.unit}
            </li>
          ))}
        </ul>
        <div class="actions">
          <Link class="button" to="/rounds/$roundId/print" params={{ roundId: id }}>
            {t.printList}
          </Link>
          {may.edit && (
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              {t.editRound}
            </button>
          )}
        </div>
      </div>
      {editing && <RoundEditor id={id} round={round} onDone={() => setEditing(false)} />}
      {round.items.length > 1 && (
        <SelectField
          name="item"
          label={t.itemKind}
          value={String(itemIndex)}
          options={round.items.map((i, index) => [String(index), `${i.itemName} (${i.unit})`] as const)}
          onChange={(value) => setItemIndex(Number(value))}
        />
      )}
      <div class="card">
        <h2>{t.plannedHouseholds}</h2>
        <ul class="plain" data-testid="planned">
          {planned.records.map((h) => {
            const given = handouts.filter((x) => x.householdId === h.id && !x.voided);
            return (
              <li key={h.id}>
                <strong>{h.headName}</strong> · {h.village} ·{' '}
                {given.map((g) => `${g.quantity} ${g.unit}`).join(', ') || '—'}{' '}
                {may.handOut && (
                  <button type="button" class="secondary" onClick={() => setGiving(h.id)}>
                    {t.handOut}
                  </button>
                )}
                {giving === h.id && item && (
                  <HandoutForm
                    household={{
                      id: h.id,
                      headName: h.headName,
                      communeCode: h.communeCode,
                      members: people.get(h.id) ?? 1,
                    }}
                    roundId={id}
                    item={item}
                    riceKgPerPerson={riceKg}
                    ledger={handouts}
                    onDone={() => setGiving(undefined)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <div class="card">
        <h2>{t.handouts}</h2>
        <ul class="plain" data-testid="handouts">
          {handouts.map((x) => (
            <li key={x.id} class={x.voided ? 'voided' : ''}>
              {formatDateTime(x.handedOutAt)} · {x.recipientName} · {x.quantity} {x.unit}
              {x.duplicateSuspected && !x.voided && <span class="badge pending"> {t.suspectedDouble}</span>}
              {x.voided
                ? ` — ${t.voided}: ${x.voided.reason}`
                : may.void && <VoidButton id={x.id} communeCode={round.communeCode} />}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function VoidButton({ id, communeCode }: { id: string; communeCode: string }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t.voidHandout}
      </button>
    );
  return (
    <span class="row">
      <TextField name="void-reason" label={t.voidReason} value={reason} onInput={setReason} />
      <button
        type="button"
        disabled={reason.trim().length < 3}
        onClick={() => void voidDistribution(db, id, reason.trim(), communeCode, Date.now())}
      >
        {t.confirmVoid}
      </button>
    </span>
  );
}

function HandoutForm(props: {
  household: { id: string; headName: string; communeCode: string; members: number };
  roundId: string;
  item: { item: 'rice' | 'cash' | 'goods'; itemName: string; unit: 'kg' | 'VND' | 'item' };
  /** From the rule pack in force on the round's date (src/domain/emergency/rice.ts); absent when none is. */
  riceKgPerPerson: number | undefined;
  ledger: readonly LocalHandout[];
  onDone: () => void;
}) {
  const t = useT();
  const say = useSay();
  const [recipient, setRecipient] = useState(props.household.headName);
  const [relation, setRelation] = useState<string>(t.relations['chủ hộ']);
  const [citizenId, setCitizenId] = useState('');
  // Rice: the law's monthly amount per person, pre-filled; cash and goods are typed.
  const [quantity, setQuantity] = useState(
    props.item.unit === 'kg' && props.riceKgPerPerson
      ? String(Math.max(1, props.household.members) * props.riceKgPerPerson)
      : '',
  );
  const [signature, setSignature] = useState<ArrayBuffer | undefined>();
  const [photo, setPhoto] = useState<ArrayBuffer | undefined>();
  const [confirmed, setConfirmed] = useState(false);
  const [clockIssue, setClockIssue] = useState<string | undefined>();
  const [citizenIdIssue, setCitizenIdIssue] = useState<string | undefined>();
  const earlier = earlierHandouts(props.ledger, {
    householdId: props.household.id,
    roundId: props.roundId,
    item: props.item.item,
    itemName: props.item.itemName,
  });

  async function save(e: Event) {
    e.preventDefault();
    // A CCCD typed wrong is said at its field, not dropped from the handout (issue 11).
    const typedId = citizenId.trim();
    const idCheck = typedId ? v.safeParse(CitizenId, typedId) : undefined;
    setCitizenIdIssue(idCheck && !idCheck.success ? idCheck.issues[0].message : undefined);
    if (idCheck && !idCheck.success) return;
    if (earlier.length > 0 && !confirmed) return setConfirmed(true);
    // A tablet whose clock runs far ahead would date the handout in the future: the server would refuse it.
    const now = Date.now();
    const future = await futureDateOnDevice(db, 'distribution', { handedOutAt: now }, now);
    if (future) return setClockIssue(future);
    const receipt = signature
      ? { bytes: signature, kind: 'signature' as const, mime: 'image/png' as const }
      : photo
        ? { bytes: photo, kind: 'photo' as const, mime: 'image/jpeg' as const }
        : undefined;
    await handOut(
      db,
      {
        communeCode: props.household.communeCode,
        householdId: props.household.id,
        roundId: props.roundId,
        item: props.item.item,
        itemName: props.item.itemName,
        quantity: Number(quantity.replace(/\D/g, '')) || 0,
        unit: props.item.unit,
        recipientName: recipient.trim(),
        recipientRelation: relation.trim(),
        ...(typedId ? { recipientCitizenId: typedId } : {}),
        handedOutAt: now,
      },
      receipt,
      now,
    );
    props.onDone();
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} noValidate data-testid="handout-form">
      <TextField name="recipient" label={t.recipient} value={recipient} onInput={setRecipient} />
      <TextField name="relation" label={t.relation} value={relation} onInput={setRelation} />
      <TextField
        name="recipientCitizenId"
        label={`${t.citizenId} ${t.optional}`}
        value={citizenId}
        onInput={setCitizenId}
        inputMode="numeric"
        maxLength={12}
        error={citizenIdIssue && say(citizenIdIssue)}
      />
      <TextField
        name="quantity"
        label={`${t.quantity} (${props.item.unit})`}
        value={quantity}
        onInput={setQuantity}
        inputMode="numeric"
      />
      <SignaturePad label={t.signHere} clearLabel={t.clearSignature} onChange={setSignature} />
      <label class="field">
        {t.photoOfList}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => void (e.currentTarget.files?.[0] && downscalePhoto(e.currentTarget.files[0]).then(setPhoto))}
        />
      </label>
      {earlier.length > 0 && (
        <p class="error" role="alert" data-testid="double-warning">
          {t.alreadyReceived(earlier.map((x) => `${x.quantity} ${x.unit}`).join(', '))}
        </p>
      )}
      {clockIssue && (
        <p class="error" role="alert" data-testid="handout-clock-issue">
          {say(clockIssue)}
        </p>
      )}
      <div class="actions">
        <button type="submit">
          {earlier.length > 0 && !confirmed ? t.handOut : confirmed ? t.handOutAnyway : t.handOut}
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
