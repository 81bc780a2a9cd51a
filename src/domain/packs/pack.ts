// What a rule pack holds. The national pack is the law of the whole country; a provincial pack is layered on it.
import type { Bilingual, RuleBase } from '../common/rule';
import type { EmergencyRule } from './emergency-types';
import type { PovertyStandardRule } from './poverty-types';
import type {
  AllowanceCategoryRule,
  CareAllowanceRule,
  DeciderRule,
  SocialPensionRule,
  SpecialDifficultyAreaRule,
  StandardLevelRule,
  TopUpRule,
} from './types';

export interface AgeDefinitions extends RuleBase {
  /** A child is under this age (Law on Children 2016, Art. 1). */
  readonly childBelow: number;
  /** An elderly person is this age or over (Law on the Elderly 2009, Art. 2). */
  readonly elderlyFrom: number;
}

/**
 * How soon people hit by an emergency must be helped for it to count as "in time": the commune chairman decides
 * immediate food support within this many days of the village's list (the 488 scheme measures against it).
 */
export interface HelpInTimeRule extends RuleBase {
  readonly days: number;
}

export interface NationalPack {
  readonly id: string;
  readonly name: Bilingual;
  readonly ageDefinitions: readonly AgeDefinitions[];
  readonly standardLevels: readonly StandardLevelRule[];
  readonly socialPensions: readonly SocialPensionRule[];
  readonly allowanceCategories: readonly AllowanceCategoryRule[];
  readonly careAllowances: readonly CareAllowanceRule[];
  readonly povertyStandards: readonly PovertyStandardRule[];
  readonly emergency: readonly EmergencyRule[];
  readonly deciders: readonly DeciderRule[];
  readonly helpInTime: readonly HelpInTimeRule[];
}

export interface ProvincialPack {
  readonly id: string;
  readonly name: Bilingual;
  /** A local standard level (HĐND resolution, Decree 20/2021 Art. 4(3)); used when higher than the national M. */
  readonly standardLevels: readonly StandardLevelRule[];
  readonly topUps: readonly TopUpRule[];
  /** DTTS & MN ĐBKK communes and villages (for 5(5)(b) and 5(7)). */
  readonly specialDifficultyAreas: readonly SpecialDifficultyAreaRule[];
  /** Replaces the national decider of an action when the province has assigned it differently. */
  readonly deciders: readonly DeciderRule[];
}
