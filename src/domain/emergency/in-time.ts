// How many days after an emergency help still counts as "in time", from the rule pack in force on the event's
// date (Decree 20/2021 Art. 12(3)): the one place the number lives, for the emergency screen, the province's
// dashboard and the 488 indicator alike.
import { resolveRules } from '../packs/resolve';
import type { LegalBasis } from '../common/rule';

export function helpInTimeDays(eventDateIso: string): { days: number; legalBasis: LegalBasis } | undefined {
  const rule = resolveRules(eventDateIso).helpInTime;
  return rule ? { days: rule.days, legalBasis: rule.legalBasis } : undefined;
}
