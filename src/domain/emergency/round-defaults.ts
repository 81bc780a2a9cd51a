// What a new relief round starts with, so no screen decides it: an emergency's round hands out rice from the
// state budget, the food support of Decree 20/2021 Art. 12(1) (how much a person gets is the rule pack's,
// rice.ts); a gift campaign usually hands out mobilised cash. The item's name is the user's to read and keep as
// data on the round and its handouts, so the screen gives it in its language.
import type { RoundItem } from '../../shared/records/emergency';

export const ITEM_UNITS: Readonly<Record<RoundItem['item'], RoundItem['unit']>> = {
  rice: 'kg',
  cash: 'VND',
  goods: 'item',
};

export function defaultRoundItems(
  purpose: 'emergency' | 'campaign',
  names: Readonly<Record<'rice' | 'cash', string>>,
): RoundItem[] {
  return purpose === 'emergency'
    ? [{ item: 'rice', itemName: names.rice, unit: ITEM_UNITS.rice, available: 0, source: 'budget' }]
    : [{ item: 'cash', itemName: names.cash, unit: ITEM_UNITS.cash, available: 0, source: 'mobilised' }];
}
