import { describe, expect, it } from 'vitest';
import { earlierHandouts, roundSummary } from './relief';

const handout = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  householdId: 'h1',
  roundId: 'r1',
  item: 'rice' as const,
  itemName: 'Gạo',
  quantity: 30,
  unit: 'kg' as const,
  handedOutAt: Date.parse('2026-10-21T09:00:00+07:00'),
  ...overrides,
});

describe('relief: a second handout', () => {
  it('the same item to the same household in the same round is an earlier handout; voided ones and other rounds are not', () => {
    const ledger = [
      handout('a'),
      handout('b', { roundId: 'r2' }),
      handout('c', { voided: { voidId: 'v', reason: 'nhầm', by: 'u', at: 1 } }),
      handout('d', { itemName: 'Mì tôm', item: 'goods' }),
    ];
    expect(
      earlierHandouts(ledger, { householdId: 'h1', roundId: 'r1', item: 'rice', itemName: ' gạo ' }).map((h) => h.id),
    ).toEqual(['a']);
    expect(earlierHandouts(ledger, { householdId: 'h2', roundId: 'r1', item: 'rice', itemName: 'Gạo' })).toEqual([]);
  });
});

describe('relief: a round summary', () => {
  const round = {
    items: [
      { item: 'rice' as const, itemName: 'Gạo', unit: 'kg' as const, available: 1000, source: 'budget' as const },
      {
        item: 'cash' as const,
        itemName: 'Tiền mặt',
        unit: 'VND' as const,
        available: 10_000_000,
        source: 'mobilised' as const,
        donor: 'Hội Chữ thập đỏ',
      },
    ],
  };
  it('counts households and people once, sums kg and VND by source, and leaves voided handouts out', () => {
    const handouts = [
      handout('a'),
      handout('b', { householdId: 'h2', quantity: 45 }),
      handout('c', { householdId: 'h2', item: 'cash', itemName: 'Tiền mặt', unit: 'VND', quantity: 500_000 }),
      handout('d', { householdId: 'h3', voided: { voidId: 'v', reason: 'nhầm', by: 'u', at: 1 } }),
    ];
    const summary = roundSummary(round, handouts, (id) => ({ h1: 2, h2: 3, h3: 4 })[id] ?? 0);
    expect(summary).toMatchObject({ households: 2, people: 5, riceKg: 75, vnd: 500_000 });
    expect(summary.bySource.budget.kg).toBe(75);
    expect(summary.bySource.mobilised.VND).toBe(500_000);
    expect(summary.items).toEqual([
      { itemName: 'Gạo', unit: 'kg', handedOut: 75, available: 1000 },
      { itemName: 'Tiền mặt', unit: 'VND', handedOut: 500_000, available: 10_000_000 },
    ]);
  });
});
