// How much rice a person receives for a month of food support, from the rule pack in force on the round's date
// (Decree 20/2021 Art. 12(1): Tết, or a disaster, fire, crop failure or lean season) — the one place the number
// lives, so a screen that pre-fills a handout or prints a list cannot drift from the law.
import { resolveRules } from '../packs/resolve';
import type { LegalBasis } from '../common/rule';
import type { EmergencyAnswer } from './answer';

export function riceKgPerPersonMonth(
  dateIso: string,
  occasion: 'tet' | 'hardship',
): { kg: number; legalBasis: LegalBasis } | undefined {
  const rule = resolveRules(dateIso).emergency(occasion === 'tet' ? 'food-tet' : 'food-hardship');
  if (rule?.amount.kind !== 'rice') return undefined;
  return { kg: rule.amount.kgPerPersonPerMonth, legalBasis: rule.legalBasis };
}

/**
 * The rice a relief round hands a damaged household: one month of the food support its damage entitles it to —
 * the hungry members recorded with the damage × the kg a person gets a month (the entitlement engine's answer for
 * that damage, so the number is computed once) — with the whole support and its months beside it. Undefined when
 * the damage entitles the household to no rice.
 */
export function roundRiceOfDamage(
  answer: Pick<EmergencyAnswer, 'entitlements'>,
): { kgThisRound: number; totalKg: number; months: number } | undefined {
  const food = answer.entitlements.find((e) => e.payable && e.unit === 'kg-rice' && e.quantity);
  if (!food?.quantity) return undefined;
  const months = food.months ?? 1;
  return { kgThisRound: food.quantity / months, totalKg: food.quantity, months };
}
