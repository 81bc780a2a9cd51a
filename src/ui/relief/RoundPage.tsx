/**
 * @module A relief round: what is handed out and from where, who received what (with a drawn signature or a photo
 * of the signed list as receipt), a warning before a second handout of the same item, voids with a reason, the
 * summary, and the printable signature list.
 */
import { riceKgPerPersonMonth, roundRiceOfDamage } from '../../domain/emergency/rice';
import { useState } from 'preact/hooks';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { earlierHandouts, recipientKey, roundSummary } from '../../shared/relief';
import { handOut, handoutHousehold, roundWithHandouts, type LocalDamage, type LocalHandout } from '../../db/relief';
import { voidDistribution } from '../../db/outbox';
import { db, useCan, useSession } from '../services';
import { useT, useSay } from '../i18n';
import { formatDateTime, formatEditable, formatNumber, formatQuantity, formatVnd, parseQuantity } from '../format';
import { SelectField, TextField } from '../fields';
import { RoundEditor } from './RoundEditor';
import { SignaturePad, downscalePhoto } from './SignaturePad';
import { futureDateOnDevice } from '../../db/client-id';
import * as v from 'valibot';
import { CitizenId } from '../../shared/fields';
import { entitlementsOf } from './EmergencyPage';
import { useReliefTexts } from './texts';

export function RoundPage({ id }: { id: string }) {
  const t = useT();
  const rt = useReliefTexts();
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
  const { round, planned, people, event, damages } = state;
  const unreadable = state.unreadable + planned.unreadable;
  // A handout to a damage entry follows the household the officer has since linked to that entry.
  const handouts = state.handouts.map((x) => {
    const householdId = handoutHousehold(x, damages);
    return householdId ? { ...x, householdId } : x;
  });
  const damageOf = (key: string) => damages.find((d) => `damage:${d.id}` === key);
  const summary = roundSummary(round, handouts, (key) => people.get(key) ?? damageOf(key)?.members ?? 0);
  // A round has at least one item (its schema says so).
  const item = round.items[Math.min(itemIndex, round.items.length - 1)] ?? round.items[0];
  const riceKg = riceKgPerPersonMonth(round.date, round.campaign === 'tet' ? 'tet' : 'hardship')?.kg;
  // Households hit by the emergency and noted for follow-up: handed out to at once through their damage entry.
  const followUps = damages.filter((d) => !d.householdId);
  /**
   * Rice to pre-fill: from the household's damage record (its hungry members × the law's monthly ration, one
   * month a round); without one (a gift campaign), the law's monthly ration for each person counted.
   */
  function suggestedRice(damage: LocalDamage | undefined, members: number): { kg: number; hint?: string } | undefined {
    if (damage && event) {
      const answer = entitlementsOf(event, damage);
      const rice = answer && roundRiceOfDamage(answer);
      if (!rice) return undefined;
      return {
        kg: rice.kgThisRound,
        hint: rt.riceFromDamage(
          damage.hungryMembers,
          formatNumber(rice.kgThisRound),
          formatNumber(rice.totalKg),
          rice.months,
        ),
      };
    }
    return riceKg ? { kg: Math.max(1, members) * riceKg } : undefined;
  }

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
          {rt.roundSummary(summary.households, summary.people, formatNumber(summary.riceKg), formatVnd(summary.vnd))}
        </p>
        <p class="hint" data-testid="by-source">
          {rt.bySource(
            formatNumber(summary.bySource.budget.kg),
            formatVnd(summary.bySource.budget.VND),
            formatNumber(summary.bySource.mobilised.kg),
            formatVnd(summary.bySource.mobilised.VND),
          )}
        </p>
        <ul class="plain">
          {summary.items.map((i) => (
            <li key={i.itemName}>
              {i.itemName}: {formatQuantity(i.handedOut, i.unit)} / {formatQuantity(i.available, i.unit)}
            </li>
          ))}
        </ul>
        <div class="actions">
          <Link class="button" to="/rounds/$roundId/print" params={{ roundId: id }}>
            {rt.printList}
          </Link>
          {may.edit && (
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              {rt.editRound}
            </button>
          )}
        </div>
      </div>
      {editing && <RoundEditor id={id} round={round} onDone={() => setEditing(false)} />}
      {round.items.length > 1 && (
        <SelectField
          name="item"
          label={rt.itemKind}
          value={String(itemIndex)}
          options={round.items.map((i, index) => [String(index), rt.inUnit(i.itemName, i.unit)] as const)}
          onChange={(value) => setItemIndex(Number(value))}
        />
      )}
      <div class="card">
        <h2>{rt.plannedHouseholds}</h2>
        <ul class="plain" data-testid="planned">
          {planned.records.map((h) => {
            const given = handouts.filter((x) => x.householdId === h.id && !x.voided);
            return (
              <li key={h.id}>
                <strong>{h.headName}</strong> · {h.village} ·{' '}
                {given.map((g) => formatQuantity(g.quantity, g.unit)).join(', ') || '—'}{' '}
                {may.handOut && (
                  <button type="button" class="secondary" onClick={() => setGiving(h.id)}>
                    {rt.handOut}
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
                    suggestedRice={suggestedRice(
                      damages.find((d) => d.householdId === h.id),
                      people.get(h.id) ?? 1,
                    )}
                    ledger={handouts}
                    onDone={() => setGiving(undefined)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {followUps.length > 0 && (
        <div class="card">
          <h2>{rt.followUpHouseholds}</h2>
          <p class="hint">{rt.followUpHandoutHint}</p>
          <ul class="plain" data-testid="follow-up">
            {followUps.map((d) => {
              const given = handouts.filter((x) => recipientKey(x) === `damage:${d.id}` && !x.voided);
              return (
                <li key={d.id}>
                  <strong>{d.headName}</strong> · {d.village} ·{' '}
                  {given.map((g) => formatQuantity(g.quantity, g.unit)).join(', ') || '—'}{' '}
                  {may.handOut && (
                    <button type="button" class="secondary" onClick={() => setGiving(d.id)}>
                      {rt.handOut}
                    </button>
                  )}
                  {giving === d.id && item && (
                    <HandoutForm
                      household={{
                        damageId: d.id,
                        headName: d.headName,
                        communeCode: d.communeCode,
                        members: d.members,
                      }}
                      roundId={id}
                      item={item}
                      suggestedRice={suggestedRice(d, d.members)}
                      ledger={handouts}
                      onDone={() => setGiving(undefined)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div class="card">
        <h2>{t.handouts}</h2>
        <ul class="plain" data-testid="handouts">
          {handouts.map((x) => (
            <li key={x.id} class={x.voided ? 'voided' : ''}>
              {formatDateTime(x.handedOutAt)} · {x.recipientName} · {formatQuantity(x.quantity, x.unit)}
              {x.duplicateSuspected && !x.voided && <span class="badge pending"> {rt.suspectedDouble}</span>}
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
  const rt = useReliefTexts();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {rt.voidHandout}
      </button>
    );
  return (
    <span class="row">
      <TextField name="void-reason" label={rt.voidReason} value={reason} onInput={setReason} />
      <button
        type="button"
        disabled={reason.trim().length < 3}
        onClick={() => void voidDistribution(db, id, reason.trim(), communeCode, Date.now())}
      >
        {rt.confirmVoid}
      </button>
    </span>
  );
}

function HandoutForm(props: {
  /** A registered household (`id`), or the damage entry of one noted for follow-up, not registered yet. */
  household: { id?: string; damageId?: string; headName: string; communeCode: string; members: number };
  roundId: string;
  item: { item: 'rice' | 'cash' | 'goods'; itemName: string; unit: 'kg' | 'VND' | 'item' };
  /** Rice to pre-fill, from the damage record or the rule pack in force (src/domain/emergency/rice.ts). */
  suggestedRice: { kg: number; hint?: string } | undefined;
  ledger: readonly LocalHandout[];
  onDone: () => void;
}) {
  const t = useT();
  const rt = useReliefTexts();
  const say = useSay();
  const [recipient, setRecipient] = useState(props.household.headName);
  const [relation, setRelation] = useState<string>(t.relations['chủ hộ']);
  const [citizenId, setCitizenId] = useState('');
  // Rice: what the damage record (or the law's monthly amount per person) gives, pre-filled; cash and goods are typed.
  const rice = props.item.unit === 'kg' ? props.suggestedRice : undefined;
  // Pre-filled in a form the parser reads back as the same number ("1225", not the ambiguous "1.225" kg).
  const [quantity, setQuantity] = useState(rice ? formatEditable(rice.kg, 'kg') : '');
  const typedQuantity = parseQuantity(quantity, props.item.unit);
  const followUp = !props.household.id;
  const [witness, setWitness] = useState('');
  const [noReceiptReason, setNoReceiptReason] = useState('');
  const [issues, setIssues] = useState<Partial<Record<string, string>>>({});
  const [signature, setSignature] = useState<ArrayBuffer | undefined>();
  const [photo, setPhoto] = useState<ArrayBuffer | undefined>();
  const [confirmed, setConfirmed] = useState(false);
  const [clockIssue, setClockIssue] = useState<string | undefined>();
  const [citizenIdIssue, setCitizenIdIssue] = useState<string | undefined>();
  const earlier = earlierHandouts(props.ledger, {
    ...(props.household.id ? { householdId: props.household.id } : { damageId: props.household.damageId }),
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
    // A quantity that cannot be read for sure ("1.500" kg, "2,5" đ) is said at its field, never guessed.
    setIssues(typedQuantity.ok ? {} : { quantity: typedQuantity.message });
    if ((idCheck && !idCheck.success) || !typedQuantity.ok) return;
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
    const saved = await handOut(
      db,
      {
        communeCode: props.household.communeCode,
        ...(props.household.id ? { householdId: props.household.id } : { damageId: props.household.damageId }),
        roundId: props.roundId,
        item: props.item.item,
        itemName: props.item.itemName,
        quantity: typedQuantity.value,
        unit: props.item.unit,
        recipientName: recipient.trim(),
        recipientRelation: relation.trim(),
        ...(typedId ? { recipientCitizenId: typedId } : {}),
        ...(witness.trim() ? { witnessName: witness.trim() } : {}),
        ...(noReceiptReason.trim() ? { noReceiptReason: noReceiptReason.trim() } : {}),
        handedOutAt: now,
      },
      receipt,
      now,
    );
    // What the server would refuse is said here, on the field, and nothing is kept.
    if (!saved.ok) return setIssues(saved.issues);
    props.onDone();
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} noValidate data-testid="handout-form">
      {followUp && <p class="hint">{rt.followUpHandoutHint}</p>}
      <TextField
        name="recipient"
        label={t.recipient}
        value={recipient}
        onInput={setRecipient}
        error={issues.recipientName && say(issues.recipientName)}
      />
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
      {followUp && (
        <TextField
          name="witness"
          label={t.witness}
          value={witness}
          onInput={setWitness}
          error={issues.recipientCitizenId && say(issues.recipientCitizenId)}
        />
      )}
      <TextField
        name="quantity"
        label={rt.inUnit(t.quantity, props.item.unit)}
        value={quantity}
        onInput={(typed) => {
          setQuantity(typed);
          setIssues({ ...issues, quantity: undefined });
        }}
        inputMode={props.item.unit === 'kg' ? 'decimal' : 'numeric'}
        hint={typedQuantity.ok ? t.readAs(formatQuantity(typedQuantity.value, props.item.unit)) : undefined}
        error={issues.quantity && say(issues.quantity)}
      />
      {rice?.hint && (
        <p class="hint" data-testid="rice-from-damage">
          {rice.hint}
        </p>
      )}
      <SignaturePad label={rt.signHere} clearLabel={rt.clearSignature} onChange={setSignature} />
      <label class="field">
        {rt.photoOfList}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => void (e.currentTarget.files?.[0] && downscalePhoto(e.currentTarget.files[0]).then(setPhoto))}
        />
      </label>
      {!followUp && (
        <TextField
          name="noReceiptReason"
          label={t.noReceiptReason}
          value={noReceiptReason}
          onInput={setNoReceiptReason}
        />
      )}
      {issues.receipt && (
        <p class="error" role="alert" data-testid="receipt-issue">
          {say(issues.receipt)}
        </p>
      )}
      {earlier.length > 0 && (
        <p class="error" role="alert" data-testid="double-warning">
          {rt.alreadyReceived(earlier.map((x) => formatQuantity(x.quantity, x.unit)).join(', '))}
        </p>
      )}
      {clockIssue && (
        <p class="error" role="alert" data-testid="handout-clock-issue">
          {say(clockIssue)}
        </p>
      )}
      <div class="actions">
        <button type="submit">
          {earlier.length > 0 && !confirmed ? rt.handOut : confirmed ? rt.handOutAnyway : rt.handOut}
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
