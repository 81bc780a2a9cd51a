// Resolves the packs into the one set of rules in force on a date for a province (a "snapshot"). Every answer is
// computed from exactly one snapshot and can cite only rules in it, so an answer never mixes two rule versions.
import type { IsoDate } from '../common/dates';
import { cite, isInEffect, pickInEffect, type CitedRule, type RuleBase } from '../common/rule';
import type { EmergencyCode, EmergencyRule } from './emergency-types';
import { NATIONAL_PACK } from './national';
import type { AgeDefinitions, HelpInTimeRule, NationalPack, ProvincialPack } from './pack';
import type { PovertyStandardRule } from './poverty-types';
import { DEFAULT_PROVINCE, PROVINCIAL_PACKS } from './provinces';
import type {
  AllowanceCategoryCode,
  AllowanceCategoryRule,
  CareAllowanceCode,
  CareAllowanceRule,
  DecisionAction,
  DeciderRule,
  SocialPensionRule,
  SpecialDifficultyAreaRule,
  StandardLevelRule,
  TopUpRule,
} from './types';

export interface RuleSnapshot {
  /** '<national>+<province>@<date>' */
  readonly id: string;
  readonly asOf: IsoDate;
  readonly packIds: readonly string[];
  /** M(date, province): the provincial level when it is in force and higher, else the national one. */
  readonly standardLevel: StandardLevelRule | undefined;
  readonly ageDefinitions: AgeDefinitions | undefined;
  readonly socialPension: SocialPensionRule | undefined;
  readonly povertyStandard: PovertyStandardRule | undefined;
  readonly specialDifficultyAreas: SpecialDifficultyAreaRule | undefined;
  readonly topUps: readonly TopUpRule[];
  readonly helpInTime: HelpInTimeRule | undefined;
  allowanceCategory(code: AllowanceCategoryCode): AllowanceCategoryRule | undefined;
  careAllowance(code: CareAllowanceCode): CareAllowanceRule | undefined;
  emergency(code: EmergencyCode): EmergencyRule | undefined;
  decider(action: DecisionAction): DeciderRule | undefined;
  /** Every rule id of the snapshot (including indicator rules of the poverty standard). */
  readonly ruleIds: ReadonlySet<string>;
  /** Cites a rule of this snapshot; throws for any other, which is what keeps answers single-pack. */
  cite(rule: RuleBase): CitedRule;
}

export class UnknownProvinceError extends Error {}

/**
 * Which packs to answer from. Defaults to the packs compiled into the app; the app or server may pass a corrected
 * set (e.g. a provincial pack an officer has updated) without a code change.
 */
export interface PackRegistry {
  readonly national?: NationalPack;
  readonly provinces?: Readonly<Record<string, ProvincialPack>>;
}

function pickByKey<R extends RuleBase, K>(rules: readonly R[], key: (r: R) => K, date: IsoDate): Map<K, R> {
  const groups = new Map<K, R[]>();
  for (const r of rules) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const picked = new Map<K, R>();
  for (const [k, rs] of groups) {
    const r = pickInEffect(rs, date);
    if (r) picked.set(k, r);
  }
  return picked;
}

/**
 * Snapshots of the app's own packs, by day and province: a snapshot is read-only, and a register of hundreds of
 * beneficiaries asks for the same few months over and over (bench/register.ts). Bounded; a registry given
 * explicitly (tests, a rule's what-if) is never cached.
 */
const SNAPSHOTS = new Map<string, RuleSnapshot>();
const MAX_SNAPSHOTS = 5000;

export function resolveRules(
  asOf: IsoDate,
  provinceId: string = DEFAULT_PROVINCE,
  registry: PackRegistry = {},
): RuleSnapshot {
  if (registry.national !== undefined || registry.provinces !== undefined)
    return resolveAfresh(asOf, provinceId, registry);
  const key = `${asOf}|${provinceId}`;
  const kept = SNAPSHOTS.get(key);
  if (kept) return kept;
  const snapshot = resolveAfresh(asOf, provinceId, registry);
  if (SNAPSHOTS.size >= MAX_SNAPSHOTS) SNAPSHOTS.delete(SNAPSHOTS.keys().next().value as string);
  SNAPSHOTS.set(key, snapshot);
  return snapshot;
}

function resolveAfresh(asOf: IsoDate, provinceId: string, registry: PackRegistry): RuleSnapshot {
  const national = registry.national ?? NATIONAL_PACK;
  const provinces = registry.provinces ?? PROVINCIAL_PACKS;
  const province = provinces[provinceId];
  if (!province) throw new UnknownProvinceError(`unknown province pack: ${provinceId}`);
  const owner = new Map<string, string>();
  const own = <R extends RuleBase>(rule: R | undefined, pack: string): R | undefined => {
    if (rule) owner.set(rule.id, pack);
    return rule;
  };

  const nationalM = pickInEffect(national.standardLevels, asOf);
  const localM = pickInEffect(province.standardLevels, asOf);
  const standardLevel =
    localM && (!nationalM || localM.amount > nationalM.amount) ? own(localM, province.id) : own(nationalM, national.id);

  const povertyStandard = own(pickInEffect(national.povertyStandards, asOf), national.id);
  for (const ind of povertyStandard?.indicators ?? []) if (isInEffect(ind, asOf)) owner.set(ind.id, national.id);
  if (povertyStandard) owner.set(povertyStandard.averageBandUpTo.id, national.id);

  const categories = pickByKey(national.allowanceCategories, (r) => r.code, asOf);
  const care = pickByKey(national.careAllowances, (r) => r.code, asOf);
  const emergency = pickByKey(national.emergency, (r) => r.code, asOf);
  const nationalDeciders = pickByKey(national.deciders, (r) => r.action, asOf);
  const localDeciders = pickByKey(province.deciders, (r) => r.action, asOf);
  for (const m of [categories, care, emergency, nationalDeciders])
    for (const r of m.values()) owner.set(r.id, national.id);
  for (const r of localDeciders.values()) owner.set(r.id, province.id);
  const topUps = province.topUps.filter((t) => isInEffect(t, asOf));
  for (const t of topUps) owner.set(t.id, province.id);

  const packIds = [national.id, province.id];
  return {
    id: `${packIds.join('+')}@${asOf}`,
    asOf,
    packIds,
    standardLevel,
    ageDefinitions: own(pickInEffect(national.ageDefinitions, asOf), national.id),
    socialPension: own(pickInEffect(national.socialPensions, asOf), national.id),
    povertyStandard,
    specialDifficultyAreas: own(pickInEffect(province.specialDifficultyAreas, asOf), province.id),
    topUps,
    helpInTime: own(pickInEffect(national.helpInTime, asOf), national.id),
    allowanceCategory: (code) => categories.get(code),
    careAllowance: (code) => care.get(code),
    emergency: (code) => emergency.get(code),
    decider: (action) => localDeciders.get(action) ?? nationalDeciders.get(action),
    ruleIds: new Set(owner.keys()),
    cite(rule) {
      const pack = owner.get(rule.id);
      if (pack === undefined) throw new Error(`rule ${rule.id} is not in force in snapshot ${this.id}`);
      return cite(rule, pack);
    },
  };
}
