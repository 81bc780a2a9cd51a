// The goods a new relief round starts with, so no screen writes them: an emergency's round hands out rice, the
// food support of Decree 20/2021 Art. 12(1) (how much a person gets is the rule pack's, rice.ts); a gift campaign
// usually hands out cash. The names are Vietnamese words kept as data on the round and its handouts (where they
// tell one item from another), whatever language the screen is in.
import type { RoundItem } from '../../shared/records/emergency';

/** The name a round's item gets when its kind is chosen; goods are named by the user. */
export const ITEM_NAMES: Readonly<Record<'rice' | 'cash', string>> = { rice: 'Gạo', cash: 'Tiền mặt' };

export const ITEM_UNITS: Readonly<Record<RoundItem['item'], RoundItem['unit']>> = { rice: 'kg', cash: 'VND', goods: 'item' };

export function defaultRoundItems(purpose: 'emergency' | 'campaign'): RoundItem[] {
  return purpose === 'emergency'
    ? [{ item: 'rice', itemName: ITEM_NAMES.rice, unit: ITEM_UNITS.rice, available: 0, source: 'budget' }]
    : [{ item: 'cash', itemName: ITEM_NAMES.cash, unit: ITEM_UNITS.cash, available: 0, source: 'mobilised' }];
}
