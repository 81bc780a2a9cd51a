// Derives each deprivation indicator from member and household facts, with the thresholds of the indicator rule.
// Returns null when the facts are not there, so the caller can fall back to a direct answer or report "unknown".
import type { Bilingual } from '../common/rule';
import { ageOn, type IsoDate } from '../common/dates';
import type { AnyIndicatorRule, IndicatorCode, IndicatorParams } from '../packs/poverty-types';
import type { PovertyHousehold, PovertyMember } from './schema';

export interface Derived {
  readonly deprived: boolean;
  readonly reason: Bilingual;
}

export interface Facts {
  readonly reviewDate: IsoDate;
  readonly members: readonly PovertyMember[];
  readonly household: PovertyHousehold;
  /** Number of people for per-person measures (members listed, else the income's member count). */
  readonly personCount: number | undefined;
}

const r = (deprived: boolean, vi: string, en: string): Derived => ({ deprived, reason: { vi, en } });

type Deriver<K extends IndicatorCode> = (p: IndicatorParams[K], f: Facts) => Derived | null;

/** Among members of an age range: deprived if any is, unknown if some are unknown and none is. */
function anyMember(
  f: Facts,
  inRange: (age: number) => boolean,
  test: (m: PovertyMember, age: number) => boolean | undefined,
  what: Bilingual,
): Derived | null {
  const relevant = f.members.map((m) => ({ m, age: ageOn(m.dateOfBirth, f.reviewDate) })).filter((x) => inRange(x.age));
  if (f.members.length === 0) return null;
  const results = relevant.map(({ m, age }) => test(m, age));
  const hits = results.filter((x) => x === true).length;
  if (hits > 0) return r(true, `${hits} người: ${what.vi}`, `${hits} member(s): ${what.en}`);
  if (results.some((x) => x === undefined)) return null;
  return relevant.length === 0
    ? r(false, 'không có thành viên trong độ tuổi xét', 'no member in the age range concerned')
    : r(false, `không ai: ${what.vi}`, `no member: ${what.en}`);
}

const DERIVERS: { readonly [K in IndicatorCode]: Deriver<K> } = {
  employment: (p, f) =>
    anyMember(
      f,
      (a) => a >= p.workingAgeFrom && a < p.workingAgeBelow,
      (m) =>
        m.employment === undefined
          ? undefined
          : m.employment === 'unemployed' || m.employment === 'wage-without-contract',
      {
        vi: 'trong độ tuổi lao động, thất nghiệp hoặc làm công không hợp đồng',
        en: 'of working age, unemployed or working without a contract',
      },
    ),
  dependents: (p, f) => {
    if (f.members.length === 0) return null;
    const count = f.members.filter((m) => {
      if (m.dependent !== undefined) return m.dependent;
      const age = ageOn(m.dateOfBirth, f.reviewDate);
      return (
        age < p.childBelow || age >= p.elderlyFrom || m.disability === 'severe' || m.disability === 'especially-severe'
      );
    }).length;
    const share = `${count}/${f.members.length}`;
    return count > p.shareAbove * f.members.length
      ? r(
          true,
          `${share} người phụ thuộc, trên ${p.shareAbove * 100}%`,
          `${share} dependants, above ${p.shareAbove * 100}%`,
        )
      : r(
          false,
          `${share} người phụ thuộc, không quá ${p.shareAbove * 100}%`,
          `${share} dependants, not above ${p.shareAbove * 100}%`,
        );
  },
  nutrition: (p, f) =>
    anyMember(
      f,
      (a) => a < p.childBelow,
      (m) => m.malnourished,
      { vi: 'trẻ em suy dinh dưỡng', en: 'malnourished child' },
    ),
  'health-insurance': (p, f) =>
    anyMember(
      f,
      (a) => a >= p.fromAge,
      (m) => (m.hasHealthInsurance === undefined ? undefined : !m.hasHealthInsurance),
      { vi: `từ ${p.fromAge} tuổi không có bảo hiểm y tế`, en: `aged ${p.fromAge}+ without health insurance` },
    ),
  'adult-education': (p, f) =>
    anyMember(
      f,
      (a) => a >= p.from && a < p.below,
      (m, age) => {
        if (m.studying === true) return false;
        if (m.qualification === undefined) return undefined;
        const enough =
          age < p.upperSecondaryFrom
            ? ['lower-secondary', 'upper-secondary', 'vocational', 'employer-certified']
            : ['upper-secondary', 'vocational', 'employer-certified'];
        return !enough.includes(m.qualification);
      },
      {
        vi: `${p.from}–${p.below - 1} tuổi không đi học, thiếu bằng cấp theo độ tuổi`,
        en: `aged ${p.from}–${p.below - 1}, not studying and lacking the diploma for their age`,
      },
    ),
  'child-schooling': (p, f) =>
    anyMember(
      f,
      (a) => a >= p.from && a < p.below,
      (m) => {
        if (m.atAgeAppropriateSchoolLevel !== undefined) return !m.atAgeAppropriateSchoolLevel;
        return m.studying === false ? true : undefined;
      },
      {
        vi: `trẻ ${p.from} đến dưới ${p.below} tuổi không học đúng cấp`,
        en: `child ${p.from} to under ${p.below} not at the right school level`,
      },
    ),
  'housing-quality': (p, f) => {
    const n = f.household.nonDurableStructures;
    if (n === undefined) return null;
    return n >= p.nonDurableStructuresMin
      ? r(true, `${n}/3 kết cấu chính không bền chắc`, `${n}/3 main structures non-durable`)
      : r(false, `chỉ ${n}/3 kết cấu chính không bền chắc`, `only ${n}/3 main structures non-durable`);
  },
  'housing-area': (p, f) => {
    const area = f.household.floorAreaM2;
    if (area === undefined || f.personCount === undefined || f.personCount === 0) return null;
    const perPerson = Math.round((area / f.personCount) * 100) / 100;
    // Compared without division so that exactly 8 m² per person is not deprived.
    return area < p.minAreaPerPersonM2 * f.personCount
      ? r(
          true,
          `${perPerson} m²/người, dưới ${p.minAreaPerPersonM2} m²`,
          `${perPerson} m² per person, under ${p.minAreaPerPersonM2} m²`,
        )
      : r(
          false,
          `${perPerson} m²/người, từ ${p.minAreaPerPersonM2} m² trở lên`,
          `${perPerson} m² per person, ${p.minAreaPerPersonM2} m² or more`,
        );
  },
  water: (p, f) => {
    const s = f.household.waterSource;
    if (s === undefined) return null;
    return p.safeSources.includes(s)
      ? r(false, `nguồn nước an toàn (${s})`, `safe water source (${s})`)
      : r(true, `nguồn nước không an toàn (${s})`, `unsafe water source (${s})`);
  },
  sanitation: (p, f) => {
    const t = f.household.latrine;
    if (t === undefined) return null;
    return p.hygienicTypes.includes(t)
      ? r(false, `nhà tiêu hợp vệ sinh (${t})`, `hygienic latrine (${t})`)
      : r(true, `nhà tiêu không hợp vệ sinh (${t})`, `unhygienic latrine (${t})`);
  },
  telecom: (_p, f) => {
    const u = f.household.usesTelecom;
    if (u === undefined) return null;
    return u
      ? r(false, 'có sử dụng dịch vụ viễn thông', 'uses telecom services')
      : r(true, 'không ai sử dụng dịch vụ viễn thông', 'no one uses telecom services');
  },
  'information-devices': (_p, f) => {
    const d = f.household.hasInformationDevice;
    if (d === undefined) return null;
    return d
      ? r(false, 'có phương tiện tiếp cận thông tin', 'has a means of access to information')
      : r(true, 'không có phương tiện tiếp cận thông tin', 'no means of access to information');
  },
  'waste-treatment': (_p, f) => {
    const w = f.household.wasteCollectedOrTreated;
    if (w === undefined) return null;
    return w
      ? r(false, 'rác thải được thu gom/xử lý', 'waste is collected or treated')
      : r(true, 'rác thải không được thu gom/xử lý', 'waste is not collected or treated');
  },
};

export function deriveIndicator(rule: AnyIndicatorRule, facts: Facts): Derived | null {
  // The mapped type guarantees params and deriver agree for each code; TypeScript cannot see it through the union.
  const derive = DERIVERS[rule.indicator] as Deriver<IndicatorCode>;
  return derive(rule.params as never, facts);
}
