// Types of the multidimensional poverty standards (Decree 07/2021 for 2022–2025 and 2026; Decree 351/2025 from 2027).
import type { Bilingual, RuleBase, RuleStatus, LegalBasis } from '../common/rule';
import type { LATRINES, WATER_SOURCES } from '../../shared/records/survey';

export type IndicatorCode =
  | 'employment'
  | 'dependents'
  | 'nutrition'
  | 'health-insurance'
  | 'adult-education'
  | 'child-schooling'
  | 'housing-quality'
  | 'housing-area'
  | 'water'
  | 'sanitation'
  | 'telecom'
  | 'information-devices'
  | 'waste-treatment';

export type WaterSource = (typeof WATER_SOURCES)[number];

export type LatrineType = (typeof LATRINES)[number];

/** The thresholds each indicator derives from member and household facts. Kept as data: all are [U]. */
export interface IndicatorParams {
  readonly employment: { readonly workingAgeFrom: number; readonly workingAgeBelow: number };
  readonly dependents: { readonly shareAbove: number; readonly childBelow: number; readonly elderlyFrom: number };
  readonly nutrition: { readonly childBelow: number };
  readonly 'health-insurance': { readonly fromAge: number };
  readonly 'adult-education': { readonly from: number; readonly upperSecondaryFrom: number; readonly below: number };
  readonly 'child-schooling': { readonly from: number; readonly below: number };
  readonly 'housing-quality': { readonly nonDurableStructuresMin: number };
  readonly 'housing-area': { readonly minAreaPerPersonM2: number };
  readonly water: { readonly safeSources: readonly WaterSource[] };
  readonly sanitation: { readonly hygienicTypes: readonly LatrineType[] };
  readonly telecom: Readonly<Record<string, never>>;
  readonly 'information-devices': Readonly<Record<string, never>>;
  readonly 'waste-treatment': Readonly<Record<string, never>>;
}

export type IndicatorRule<K extends IndicatorCode = IndicatorCode> = RuleBase & {
  readonly indicator: K;
  readonly dimension: Bilingual;
  /** What "deprived" means, in words, for the answer's reason. */
  readonly deprivedIf: Bilingual;
  readonly params: IndicatorParams[K];
};

export type AnyIndicatorRule = { [K in IndicatorCode]: IndicatorRule<K> }[IndicatorCode];

export interface IncomeBand {
  readonly rural: number;
  readonly urban: number;
}

/** A value with its own certainty, for parts of a standard that are less sure than the standard itself. */
export interface Sourced<T> {
  readonly id: string;
  readonly value: T;
  readonly status: RuleStatus;
  readonly legalBasis: LegalBasis;
}

export interface PovertyStandardRule extends RuleBase {
  /** Income line, VND per person per month: at or below it a household can be poor or near-poor. */
  readonly incomeLine: IncomeBand;
  /** At least this many deprivations (with income at or below the line) makes a household poor. */
  readonly minDeprivationsForPoor: number;
  /** Upper end of the average-living-standard band (above the income line, at or below this); null if unknown. */
  readonly averageBandUpTo: Sourced<IncomeBand | null>;
  readonly indicators: readonly AnyIndicatorRule[];
}
