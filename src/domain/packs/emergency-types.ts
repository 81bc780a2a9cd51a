// Types of the emergency-support rules (Decree 20/2021 Chapter III, Art. 12–17 and the burial support of Art. 11).
import type { RuleBase } from '../common/rule';
import type { DecisionAction } from './types';

export type EventType =
  | 'tet'
  | 'natural-disaster'
  | 'fire'
  | 'crop-failure'
  | 'lean-season'
  | 'epidemic'
  | 'traffic-accident'
  | 'serious-work-accident'
  | 'force-majeure';

export type HouseholdStatus = 'poor' | 'near-poor' | 'difficult-circumstances' | 'other';

export type EmergencyCode =
  | 'food-tet'
  | 'food-hardship'
  | 'essential-necessities'
  | 'injury'
  | 'burial'
  | 'house-lost'
  | 'house-relocation'
  | 'house-damaged'
  | 'temporary-care'
  | 'beneficiary-burial'
  | 'livelihood';

export type EmergencyAmount =
  | { readonly kind: 'rice'; readonly kgPerPersonPerMonth: number; readonly maxMonths: number }
  | { readonly kind: 'times-standard-level'; readonly multiplier: number }
  | { readonly kind: 'fixed'; readonly amount: number }
  | { readonly kind: 'per-day'; readonly amountPerDay: number; readonly maxMonths: number }
  | { readonly kind: 'in-kind' }
  | { readonly kind: 'per-current-regulations' };

export interface EmergencyRule extends RuleBase {
  readonly code: EmergencyCode;
  readonly amount: EmergencyAmount;
  /** Amounts in Chapter III are minimums ("tối thiểu"); the province may pay more. */
  readonly minimum: boolean;
  /** Events that give rise to the support (empty: any event). */
  readonly causes: readonly EventType[];
  /** Household statuses that qualify (absent: any household). */
  readonly householdStatuses?: readonly HouseholdStatus[];
  /** Severe injury: emergency care and treatment at a health facility for at least this many days (Art. 2(2)). */
  readonly minTreatmentDays?: number;
  readonly decision: DecisionAction;
  /** Alternatives of one group (house support) are not added: the household gets the highest. */
  readonly exclusiveGroup?: string;
}
