// How much rice a person receives for a month of food support, from the rule pack in force on the round's date
// (Decree 20/2021 Art. 12(1): Tết, or a disaster, fire, crop failure or lean season) — the one place the number
// lives, so a screen that pre-fills a handout or prints a list cannot drift from the law.
import { resolveRules } from '../packs/resolve';
import type { LegalBasis } from '../common/rule';

export function riceKgPerPersonMonth(
  dateIso: string,
  occasion: 'tet' | 'hardship',
): { kg: number; legalBasis: LegalBasis } | undefined {
  const rule = resolveRules(dateIso).emergency(occasion === 'tet' ? 'food-tet' : 'food-hardship');
  if (rule?.amount.kind !== 'rice') return undefined;
  return { kg: rule.amount.kgPerPersonPerMonth, legalBasis: rule.legalBasis };
}
