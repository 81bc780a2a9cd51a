/**
 * @module Relief bookkeeping, pure: the device's warning before a second handout, a round's summary by source,
 * and whether help came in time after an emergency.
 */
import { duplicateKey, type Distribution } from './records/distribution';
import type { ReliefRoundFields } from './records/emergency';

type Handout = Pick<
  Distribution,
  'householdId' | 'roundId' | 'item' | 'itemName' | 'quantity' | 'unit' | 'handedOutAt' | 'voided'
> & { id: string };

/** Active handouts of the same item to the same household in the same round (the device's own ledger). */
export function earlierHandouts(
  ledger: readonly Handout[],
  next: Pick<Distribution, 'householdId' | 'roundId' | 'item' | 'itemName'>,
): Handout[] {
  const key = duplicateKey(next);
  return ledger.filter((h) => !h.voided && duplicateKey(h) === key);
}

export interface RoundSummary {
  households: number;
  people: number;
  riceKg: number;
  vnd: number;
  /** Per source of the round's items (budget, mobilised): quantities handed out by unit. */
  bySource: Record<'budget' | 'mobilised', { kg: number; VND: number; item: number }>;
  /** Per item of the round: handed out against available. */
  items: { itemName: string; unit: string; handedOut: number; available: number }[];
}

export function roundSummary(
  round: Pick<ReliefRoundFields, 'items'>,
  handouts: readonly Handout[],
  membersOf: (householdId: string) => number,
): RoundSummary {
  const active = handouts.filter((h) => !h.voided);
  const households = new Set(active.map((h) => h.householdId));
  const summary: RoundSummary = {
    households: households.size,
    people: [...households].reduce((sum, id) => sum + membersOf(id), 0),
    riceKg: active.filter((h) => h.unit === 'kg').reduce((s, h) => s + h.quantity, 0),
    vnd: active.filter((h) => h.unit === 'VND').reduce((s, h) => s + h.quantity, 0),
    bySource: { budget: { kg: 0, VND: 0, item: 0 }, mobilised: { kg: 0, VND: 0, item: 0 } },
    items: round.items.map((i) => ({ itemName: i.itemName, unit: i.unit, handedOut: 0, available: i.available })),
  };
  for (const h of active) {
    const index = round.items.findIndex(
      (i) => i.item === h.item && i.itemName.trim().toLowerCase() === h.itemName.trim().toLowerCase(),
    );
    const item = round.items[index];
    if (!item) continue;
    summary.bySource[item.source][h.unit] += h.quantity;
    summary.items[index]!.handedOut += h.quantity;
  }
  return summary;
}

export interface InTime {
  /** Per affected household: days from the event to its first aid, or null when none yet. */
  households: { householdId: string; days: number | null; people: number }[];
  affectedPeople: number;
  helpedInTimePeople: number;
  /** Share of affected people helped within the deadline, 0–1. */
  share: number;
}

const DAY_MS = 86_400_000;

/** `deadlineDays`: from the rule pack in force on the event's date (src/domain/emergency/in-time.ts). */
export function helpedInTime(
  eventDateIso: string,
  affected: readonly { householdId: string; people: number }[],
  handouts: readonly Handout[],
  deadlineDays: number,
): InTime {
  const start = Date.parse(`${eventDateIso}T00:00:00+07:00`);
  const first = new Map<string, number>();
  for (const h of handouts)
    if (!h.voided) first.set(h.householdId, Math.min(first.get(h.householdId) ?? Infinity, h.handedOutAt));
  const households = affected.map((a) => {
    const at = first.get(a.householdId);
    return {
      householdId: a.householdId,
      people: a.people,
      days: at === undefined ? null : Math.max(0, (at - start) / DAY_MS),
    };
  });
  const affectedPeople = households.reduce((s, h) => s + h.people, 0);
  const helpedInTimePeople = households
    .filter((h) => h.days !== null && h.days <= deadlineDays + 1)
    .reduce((s, h) => s + h.people, 0);
  return {
    households,
    affectedPeople,
    helpedInTimePeople,
    share: affectedPeople ? helpedInTimePeople / affectedPeople : 0,
  };
}
