// Poverty classification (Decree 07/2021 Art. 3 for reviews through 31/12/2026; Decree 351/2025 from 1/1/2027).
// Income at or below the line is required for poor and near-poor; the deprivation count separates the two.
import type { AnswerBase } from '../common/answer';
import { NoRuleInForceError } from '../common/answer';
import { ExplanationBuilder, formatVnd, formatVndEn } from '../common/explanation';
import type { Bilingual } from '../common/rule';
import type { IndicatorCode } from '../packs/poverty-types';
import { resolveRules, type PackRegistry } from '../packs/resolve';
import { deriveIndicator, type Facts } from './derive-indicators';
import type { PovertyQuestion } from './schema';

export type PovertyClass = 'poor' | 'near-poor' | 'average-living-standard' | 'none' | 'undetermined';

export interface IndicatorResult {
  readonly code: IndicatorCode;
  readonly ruleId: string;
  readonly name: Bilingual;
  readonly dimension: Bilingual;
  /** null: neither facts nor a direct answer were given. */
  readonly deprived: boolean | null;
  readonly source: 'derived' | 'direct' | 'missing';
  readonly reason: Bilingual;
}

export interface PovertyAnswer extends AnswerBase {
  readonly question: 'poverty';
  readonly classification: PovertyClass;
  readonly standard: {
    readonly id: string;
    readonly title: Bilingual;
    readonly area: 'rural' | 'urban';
    readonly incomeLine: number;
  };
  readonly income: { readonly perCapitaMonthly: number; readonly atOrBelowLine: boolean };
  readonly deprivationCount: number;
  readonly unknownIndicators: readonly IndicatorCode[];
  readonly indicators: readonly IndicatorResult[];
}

export function classifyPoverty(q: PovertyQuestion, registry: PackRegistry = {}): PovertyAnswer {
  const snap = resolveRules(q.reviewDate, q.province, registry);
  const std = snap.povertyStandard;
  if (!std) throw new NoRuleInForceError('poverty standard', q.reviewDate);
  const ex = new ExplanationBuilder();
  ex.use(snap.cite(std)).input('reviewDate', q.reviewDate).input('area', q.area).input('income', q.income);

  const members = q.members ?? [];
  // The member count stated with the income wins; otherwise the members listed.
  const personCount = q.income.memberCount ?? (members.length > 0 ? members.length : undefined);
  const facts: Facts = { reviewDate: q.reviewDate, members, household: q.household ?? {}, personCount };

  // Income: compare household income with line × members, so that exactly at the line counts as at or below.
  const line = std.incomeLine[q.area];
  const divisor = q.income.householdMonthly !== undefined ? (personCount ?? 1) : 1;
  const total = q.income.householdMonthly ?? q.income.perCapitaMonthly ?? 0;
  const perCapita = Math.round(total / divisor);
  const atOrBelow = total <= line * divisor;
  const areaVi = q.area === 'rural' ? 'nông thôn' : 'thành thị';
  ex.step(
    `Áp dụng: ${std.title.vi}; khu vực ${areaVi}: chuẩn thu nhập ${formatVnd(line)}/người/tháng; thu nhập bình quân ${formatVnd(perCapita)} ${atOrBelow ? 'thấp hơn hoặc bằng' : 'cao hơn'} chuẩn.`,
    `Applied: ${std.title.en}; ${q.area} area: income line ${formatVndEn(line)} per person per month; per-capita income ${formatVndEn(perCapita)} is ${atOrBelow ? 'at or below' : 'above'} the line.`,
  );

  const indicators = std.indicators.map((rule): IndicatorResult => {
    const base = { code: rule.indicator, ruleId: rule.id, name: rule.title, dimension: rule.dimension };
    const direct = q.indicators?.[rule.indicator];
    if (direct !== undefined) {
      return {
        ...base,
        deprived: direct,
        source: 'direct',
        reason: {
          vi: `trả lời trực tiếp: ${direct ? 'thiếu hụt' : 'không thiếu hụt'}`,
          en: `direct answer: ${direct ? 'deprived' : 'not deprived'}`,
        },
      };
    }
    const derived = deriveIndicator(rule, facts);
    if (derived) return { ...base, deprived: derived.deprived, source: 'derived', reason: derived.reason };
    return { ...base, deprived: null, source: 'missing', reason: { vi: 'thiếu thông tin', en: 'facts missing' } };
  });
  const deprivationCount = indicators.filter((i) => i.deprived === true).length;
  const unknown = indicators.filter((i) => i.deprived === null).map((i) => i.code);
  const minPoor = std.minDeprivationsForPoor;
  ex.input(
    'indicatorsAnswered',
    indicators.filter((i) => i.source !== 'missing').map((i) => `${i.code}:${i.source}`),
  );

  let classification: PovertyClass;
  if (atOrBelow) {
    // The deprivation count decides: cite the indicator rules it was derived with (their thresholds are [U]).
    for (const i of indicators) {
      const rule = std.indicators.find((x) => x.id === i.ruleId);
      if (rule && i.source === 'derived') ex.use(snap.cite(rule));
    }
    if (deprivationCount >= minPoor) classification = 'poor';
    else if (deprivationCount + unknown.length < minPoor) classification = 'near-poor';
    else classification = 'undetermined';
    ex.step(
      `Thiếu hụt ${deprivationCount} chỉ số${unknown.length ? `, chưa rõ ${unknown.length}` : ''}; hộ nghèo khi thiếu hụt từ ${minPoor} chỉ số trở lên, hộ cận nghèo khi dưới ${minPoor}.`,
      `${deprivationCount} indicators deprived${unknown.length ? `, ${unknown.length} unknown` : ''}; poor at ${minPoor} or more, near-poor below ${minPoor}.`,
    );
  } else {
    const band = std.averageBandUpTo;
    ex.step(
      'Thu nhập cao hơn chuẩn: không phải hộ nghèo, hộ cận nghèo dù thiếu hụt bao nhiêu chỉ số.',
      'Income above the line: never poor or near-poor, whatever the deprivations.',
    );
    ex.use({
      id: band.id,
      pack: snap.packIds[0] ?? '',
      status: band.status,
      effectiveFrom: std.effectiveFrom,
      legalBasis: band.legalBasis,
      title: {
        vi: 'Khoảng thu nhập hộ có mức sống trung bình',
        en: 'Income band of average-living-standard households',
      },
    });
    if (band.value === null) {
      classification = 'undetermined';
      ex.step(
        'Chưa có chuẩn hộ có mức sống trung bình cho giai đoạn này.',
        'No average-living-standard band is known for this period.',
      );
    } else {
      const upTo = band.value[q.area];
      classification = total <= upTo * divisor ? 'average-living-standard' : 'none';
      ex.step(
        `Hộ có mức sống trung bình khi thu nhập bình quân trên ${formatVnd(line)} đến ${formatVnd(upTo)}.`,
        `Average living standard when per-capita income is above ${formatVndEn(line)} up to ${formatVndEn(upTo)}.`,
      );
    }
  }
  if (classification === 'undetermined' && atOrBelow) {
    ex.step(`Cần bổ sung: ${unknown.join(', ')}.`, `Facts needed: ${unknown.join(', ')}.`);
  }
  const explanation = ex.done();
  return {
    question: 'poverty',
    classification,
    standard: { id: std.id, title: std.title, area: q.area, incomeLine: line },
    income: { perCapitaMonthly: perCapita, atOrBelowLine: atOrBelow },
    deprivationCount,
    unknownIndicators: unknown,
    indicators,
    rulePack: { snapshot: snap.id, packs: snap.packIds, asOf: snap.asOf },
    provisional: explanation.provisional,
    explanation,
  };
}
