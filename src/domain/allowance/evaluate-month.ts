// Which categories a person meets in a benefit month, and which are paid (Art. 6(2)).
// A category counts for a month if it is met on the first or the last day of the month: payment starts in the
// month a person becomes eligible (turning 75 or 80, the certificate month, Art. 8(1)(đ)) and stops from the month
// after eligibility ends (Art. 8(2)), e.g. a child under 3 still gets the month of the 3rd birthday.
import { firstDayOf, lastDayOf, type IsoMonth } from '../common/dates';
import type { AgeDefinitions } from '../packs/pack';
import type { AllowanceCategoryCode, AllowanceCategoryRule } from '../packs/types';
import type { AreaAnswer } from './area';
import { checkCategory, type Check, type RuleLookup } from './eligibility';
import type { AllowancePerson } from './schema';

export interface CategoryResult {
  readonly rule: AllowanceCategoryRule;
  readonly check: Check;
  /** Coefficient × units (children raised for 5(4), else 1). */
  readonly totalCoefficient: number;
}

export interface Selection {
  readonly paid: readonly CategoryResult[];
  readonly basis: 'none' | 'single' | 'highest-only' | 'single-parent-exception';
  readonly totalCoefficient: number;
}

export function evaluateMonth(
  rules: readonly AllowanceCategoryRule[],
  person: AllowancePerson,
  month: IsoMonth,
  area: AreaAnswer,
  ages: AgeDefinitions,
): readonly CategoryResult[] {
  const lookup: RuleLookup = (code: AllowanceCategoryCode) => rules.find((r) => r.code === code);
  return rules.map((rule) => {
    const checks = [firstDayOf(month), lastDayOf(month)].map((date) =>
      checkCategory(rule, { person, date, month, area, ages }, lookup),
    );
    const ok = checks.filter((c) => c.ok).sort((a, b) => (b.units ?? 1) - (a.units ?? 1));
    const check = ok[0] ?? checks[checks.length - 1] ?? checks[0]!;
    return { rule, check, totalCoefficient: check.ok ? rule.coefficient * (check.units ?? 1) : 0 };
  });
}

/**
 * Art. 6(2): only the single highest amount is paid; a poor single parent (5(4)) who is also elderly, disabled or
 * living with HIV gets the per-child amount and their own. So the options are each category alone, and the
 * single-parent amount plus the highest category of a family it stacks with; the largest total is paid.
 */
export function selectPaid(results: readonly CategoryResult[]): Selection {
  const qualifying = results.filter((r) => r.check.ok);
  if (qualifying.length === 0) return { paid: [], basis: 'none', totalCoefficient: 0 };
  const byCoefficient = (a: CategoryResult, b: CategoryResult) => b.totalCoefficient - a.totalCoefficient;
  const options: { paid: CategoryResult[]; basis: Selection['basis'] }[] = qualifying.map((q) => ({
    paid: [q],
    basis: qualifying.length === 1 ? 'single' : 'highest-only',
  }));
  for (const parent of qualifying.filter((q) => q.rule.stacksWithFamilies !== undefined)) {
    const own = qualifying
      .filter((q) => q !== parent && parent.rule.stacksWithFamilies?.includes(q.rule.family))
      .sort(byCoefficient)[0];
    if (own) options.push({ paid: [parent, own], basis: 'single-parent-exception' });
  }
  const total = (o: { paid: CategoryResult[] }) => o.paid.reduce((s, p) => s + p.totalCoefficient, 0);
  // Stable: on a tie the earlier option (lower clause, or one payment rather than two) is kept.
  const best = options.reduce((a, b) => (total(b) > total(a) ? b : a));
  return { paid: best.paid, basis: best.basis, totalCoefficient: total(best) };
}
