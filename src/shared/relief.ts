/**
 * @module Relief bookkeeping, pure: the device's warning before a second handout and a round's summary by source.
 * Whether help came in time is the rule's (src/domain/emergency/in-time.ts).
 */
import { duplicateKey, type Distribution } from './records/distribution';
import type { ReliefRoundFields } from './records/emergency';

type Handout = Pick<
  Distribution,
  'householdId' | 'damageId' | 'roundId' | 'item' | 'itemName' | 'quantity' | 'unit' | 'handedOutAt' | 'voided'
> & { id: string };

/** Who received a handout: its household, or the damage entry of a household not registered yet. */
export const recipientKey = (h: Pick<Distribution, 'householdId' | 'damageId'>): string =>
  h.householdId ?? `damage:${h.damageId ?? ''}`;

/** Active handouts of the same item to the same household in the same round (the device's own ledger). */
export function earlierHandouts(
  ledger: readonly Handout[],
  next: Pick<Distribution, 'householdId' | 'damageId' | 'roundId' | 'item' | 'itemName'>,
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
  items: { itemName: string; unit: ReliefRoundFields['items'][number]['unit']; handedOut: number; available: number }[];
}

export function roundSummary(
  round: Pick<ReliefRoundFields, 'items'>,
  handouts: readonly Handout[],
  /** People of a recipient (recipientKey): a household's, or those recorded with a damage entry. */
  membersOf: (recipient: string) => number,
): RoundSummary {
  const active = handouts.filter((h) => !h.voided);
  const households = new Set(active.map(recipientKey));
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
