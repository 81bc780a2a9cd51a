// How many days after an emergency help still counts as "in time", from the rule pack in force on the event's
// date (Decree 20/2021 Art. 12(3)): the one place the number lives, for the emergency screen, the province's
// dashboard and the 488 indicator alike — and how those days are counted.
import { resolveRules } from '../packs/resolve';
import type { LegalBasis } from '../common/rule';

export function helpInTimeDays(eventDateIso: string): { days: number; legalBasis: LegalBasis } | undefined {
  const rule = resolveRules(eventDateIso).helpInTime;
  return rule ? { days: rule.days, legalBasis: rule.legalBasis } : undefined;
}

const DAY_MS = 86_400_000;
const VIETNAM_MS = 7 * 3_600_000;

/**
 * Days from an event to a moment, counted as the rule counts them: whole calendar days in Vietnam's time (UTC+7)
 * from the event's date — help on the event's own day is day 0, the next day is day 1, whatever the hour. A
 * moment before the event's date counts as day 0.
 */
export function daysAfterEvent(eventDateIso: string, epochMs: number): number {
  const eventDay = Math.floor(Date.parse(`${eventDateIso}T00:00:00Z`) / DAY_MS);
  const day = Math.floor((epochMs + VIETNAM_MS) / DAY_MS);
  return Math.max(0, day - eventDay);
}

/** A household hit by the event, as recorded with its damage: registered (householdId) or noted for follow-up. */
export interface Affected {
  damageId: string;
  householdId?: string | undefined;
  people: number;
}

/** A handout to a registered household, or to a damage entry's household not registered yet (damageId). */
export interface HandoutMoment {
  householdId?: string | undefined;
  damageId?: string | undefined;
  handedOutAt: number;
  voided?: unknown;
}

export interface InTime {
  /** Per damage entry: calendar days from the event to its first aid (daysAfterEvent), or null when none yet. */
  households: { damageId: string; days: number | null; people: number }[];
  affectedPeople: number;
  helpedInTimePeople: number;
  /** Share of affected people helped within the deadline, 0–1; null when nobody is recorded as affected. */
  share: number | null;
}

/**
 * Whether help came in time: a household is helped in time when its first handout not voided falls within
 * `deadlineDays` calendar days of the event (daysAfterEvent ≤ deadlineDays); `deadlineDays` comes from the rule
 * pack in force on the event's date (helpInTimeDays).
 */
export function helpedInTime(
  eventDateIso: string,
  affected: readonly Affected[],
  handouts: readonly HandoutMoment[],
  deadlineDays: number,
): InTime {
  const active = handouts.filter((h) => !h.voided);
  const households = affected.map((a) => {
    const times = active
      .filter((h) => h.damageId === a.damageId || (a.householdId !== undefined && h.householdId === a.householdId))
      .map((h) => h.handedOutAt);
    return {
      damageId: a.damageId,
      people: a.people,
      days: times.length ? daysAfterEvent(eventDateIso, Math.min(...times)) : null,
    };
  });
  const affectedPeople = households.reduce((s, h) => s + h.people, 0);
  const helpedInTimePeople = households
    .filter((h) => h.days !== null && h.days <= deadlineDays)
    .reduce((s, h) => s + h.people, 0);
  return {
    households,
    affectedPeople,
    helpedInTimePeople,
    share: affectedPeople ? helpedInTimePeople / affectedPeople : null,
  };
}
