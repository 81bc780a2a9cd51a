// The shape every rule shares. Rules are data: the logic looks them up by id and date, never by a literal amount.
import type { IsoDate } from './dates';

/**
 * How sure we are of a rule, from the markers of docs/sources.md:
 * - 'verified'    [V]      stated in a retrieved legal text;
 * - 'secondary'   [V-sec]  stated only in secondary sources that agree with each other;
 * - 'provisional' [U]      uncertain: kept as data so an officer can correct it; every answer using it says so.
 */
export type RuleStatus = 'verified' | 'secondary' | 'provisional';

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

export interface LegalBasis {
  /** e.g. 'Nghị định 20/2021/NĐ-CP' */
  readonly document: string;
  /** e.g. 'Điều 6 khoản 1' / 'Art. 6(1)' */
  readonly article: string;
  /** Source ids of docs/sources.md (PD20, D76a, …), so a reader can find where the number came from. */
  readonly sources?: readonly string[];
}

export interface RuleBase {
  readonly id: string;
  /** First day the rule applies (inclusive). */
  readonly effectiveFrom: IsoDate;
  /** Last day the rule applies (inclusive); absent while in force. */
  readonly effectiveTo?: IsoDate;
  readonly legalBasis: LegalBasis;
  readonly status: RuleStatus;
  readonly title: Bilingual;
  /** Why a rule is secondary or provisional, shown to the officer. */
  readonly note?: Bilingual;
}

export function isInEffect(rule: Pick<RuleBase, 'effectiveFrom' | 'effectiveTo'>, date: IsoDate): boolean {
  return rule.effectiveFrom <= date && (rule.effectiveTo === undefined || date <= rule.effectiveTo);
}

/**
 * The single rule of a family in effect on a date. When periods overlap (a newer rule that does not state an end),
 * the one that started last wins: this is how an amendment replaces an amount.
 */
export function pickInEffect<R extends RuleBase>(rules: readonly R[], date: IsoDate): R | undefined {
  let best: R | undefined;
  for (const r of rules) {
    if (isInEffect(r, date) && (best === undefined || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  return best;
}

/** A rule as cited in an answer: enough to find it again and to judge how sure it is. */
export interface CitedRule {
  readonly id: string;
  readonly pack: string;
  readonly status: RuleStatus;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate;
  readonly legalBasis: LegalBasis;
  readonly title: Bilingual;
  readonly note?: Bilingual;
}

export function cite(rule: RuleBase, pack: string): CitedRule {
  return {
    id: rule.id,
    pack,
    status: rule.status,
    effectiveFrom: rule.effectiveFrom,
    ...(rule.effectiveTo !== undefined ? { effectiveTo: rule.effectiveTo } : {}),
    legalBasis: rule.legalBasis,
    title: rule.title,
    ...(rule.note !== undefined ? { note: rule.note } : {}),
  };
}
