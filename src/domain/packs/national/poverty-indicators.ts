// The 12 deprivation indicators of each poverty standard. Names are [V]; every threshold is [U] (docs/sources.md,
// "Poverty standards": to verify against Decree 07/2021 Art. 3(1)(b)), so each rule is provisional and its params
// can be corrected here.
import type { LegalBasis } from '../../common/rule';
import { DOC } from '../legal-documents';
import type { AnyIndicatorRule, IndicatorCode, IndicatorParams, IndicatorRule } from '../poverty-types';

const DIM = {
  employment: { vi: 'Việc làm', en: 'Employment' },
  health: { vi: 'Y tế', en: 'Health' },
  education: { vi: 'Giáo dục', en: 'Education' },
  housing: { vi: 'Nhà ở', en: 'Housing' },
  water: { vi: 'Nước sinh hoạt và vệ sinh', en: 'Water and sanitation' },
  information: { vi: 'Thông tin', en: 'Information' },
} as const;

interface Definition<K extends IndicatorCode> {
  readonly dimension: (typeof DIM)[keyof typeof DIM];
  readonly title: { vi: string; en: string };
  readonly deprivedIf: { vi: string; en: string };
  readonly params: IndicatorParams[K];
}

const DEFINITIONS: { readonly [K in IndicatorCode]: Definition<K> } = {
  employment: {
    dimension: DIM.employment,
    title: { vi: 'Việc làm', en: 'Employment' },
    deprivedIf: {
      vi: 'có ít nhất một người trong độ tuổi lao động thất nghiệp hoặc làm công không có hợp đồng lao động',
      en: 'at least one working-age member is unemployed or works for wages without a labour contract',
    },
    params: { workingAgeFrom: 15, workingAgeBelow: 60 },
  },
  dependents: {
    dimension: DIM.employment,
    title: { vi: 'Người phụ thuộc trong hộ gia đình', en: 'Dependants in the household' },
    deprivedIf: {
      vi: 'tỷ lệ người phụ thuộc trên tổng số nhân khẩu lớn hơn 50%',
      en: 'dependants are more than 50% of members',
    },
    params: { shareAbove: 0.5, childBelow: 16, elderlyFrom: 60 },
  },
  nutrition: {
    dimension: DIM.health,
    title: { vi: 'Dinh dưỡng', en: 'Nutrition' },
    deprivedIf: {
      vi: 'có ít nhất một trẻ em dưới 16 tuổi suy dinh dưỡng',
      en: 'at least one child under 16 is malnourished',
    },
    params: { childBelow: 16 },
  },
  'health-insurance': {
    dimension: DIM.health,
    title: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
    deprivedIf: {
      vi: 'có ít nhất một người từ đủ 6 tuổi trở lên không có bảo hiểm y tế',
      en: 'at least one member aged 6 or over has no health insurance',
    },
    params: { fromAge: 6 },
  },
  'adult-education': {
    dimension: DIM.education,
    title: { vi: 'Trình độ giáo dục của người lớn', en: 'Adult education level' },
    deprivedIf: {
      vi: 'có người 16–30 tuổi không đi học và chưa có bằng phù hợp (16–dưới 18: THCS; 18–30: THPT hoặc nghề)',
      en: 'a member aged 16–30 is not studying and lacks the diploma for their age (16–<18: lower secondary; 18–30: upper secondary or vocational)',
    },
    params: { from: 16, upperSecondaryFrom: 18, below: 31 },
  },
  'child-schooling': {
    dimension: DIM.education,
    title: { vi: 'Tình trạng đi học của trẻ em', en: 'School attendance of children' },
    deprivedIf: {
      vi: 'có trẻ em 3 đến dưới 16 tuổi không được học đúng bậc, cấp học phù hợp với độ tuổi',
      en: 'a child aged 3 to under 16 is not at the school level for their age',
    },
    params: { from: 3, below: 16 },
  },
  'housing-quality': {
    dimension: DIM.housing,
    title: { vi: 'Chất lượng nhà ở', en: 'Housing quality' },
    deprivedIf: {
      vi: 'ở nhà thiếu kiên cố hoặc đơn sơ (ít nhất 2 trong 3 kết cấu tường, cột, mái không bền chắc)',
      en: 'non-durable or simple dwelling (at least 2 of wall, column, roof non-durable)',
    },
    params: { nonDurableStructuresMin: 2 },
  },
  'housing-area': {
    dimension: DIM.housing,
    title: { vi: 'Diện tích nhà ở bình quân đầu người', en: 'Floor area per person' },
    deprivedIf: { vi: 'diện tích nhà ở bình quân dưới 8 m²/người', en: 'less than 8 m² of floor area per person' },
    params: { minAreaPerPersonM2: 8 },
  },
  water: {
    dimension: DIM.water,
    title: { vi: 'Nguồn nước sinh hoạt', en: 'Domestic water source' },
    deprivedIf: {
      vi: 'không tiếp cận được nguồn nước sinh hoạt an toàn',
      en: 'no access to a safe domestic water source',
    },
    params: {
      safeSources: ['piped', 'drilled-well', 'protected-dug-well', 'protected-spring', 'rainwater', 'bottled'],
    },
  },
  sanitation: {
    dimension: DIM.water,
    title: { vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
    deprivedIf: { vi: 'không sử dụng nhà tiêu hợp vệ sinh', en: 'no hygienic latrine' },
    params: { hygienicTypes: ['septic', 'semi-septic', 'pour-flush', 'ventilated-pit', 'double-vault'] },
  },
  telecom: {
    dimension: DIM.information,
    title: { vi: 'Sử dụng dịch vụ viễn thông', en: 'Use of telecommunication services' },
    deprivedIf: {
      vi: 'không có thành viên nào sử dụng dịch vụ viễn thông/internet',
      en: 'no member uses telecom or internet services',
    },
    params: {},
  },
  'information-devices': {
    dimension: DIM.information,
    title: { vi: 'Phương tiện phục vụ tiếp cận thông tin', en: 'Means of access to information' },
    deprivedIf: {
      vi: 'không có phương tiện nào (TV, radio, máy tính, điện thoại thông minh…)',
      en: 'none of TV, radio, computer, smartphone or similar',
    },
    params: {},
  },
  'waste-treatment': {
    dimension: DIM.water,
    title: { vi: 'Xử lý rác thải sinh hoạt', en: 'Household waste treatment' },
    deprivedIf: {
      vi: 'rác thải sinh hoạt của hộ không được thu gom hoặc xử lý',
      en: 'household waste is not collected or treated',
    },
    params: {},
  },
};

function indicatorRules(
  prefix: string,
  codes: readonly IndicatorCode[],
  dates: { effectiveFrom: string; effectiveTo?: string },
  legalBasis: LegalBasis,
): readonly AnyIndicatorRule[] {
  return codes.map((code, i) => {
    const d = DEFINITIONS[code];
    const rule: IndicatorRule = {
      id: `${prefix}-${String(i + 1).padStart(2, '0')}-${code}`,
      indicator: code,
      dimension: d.dimension,
      title: d.title,
      deprivedIf: d.deprivedIf,
      params: d.params,
      ...dates,
      legalBasis,
      status: 'provisional',
      note: {
        vi: 'Ngưỡng thiếu hụt lấy từ tài liệu thứ cấp, chưa đối chiếu văn bản gốc.',
        en: 'Deprivation threshold taken from secondary notes, not yet checked against the decree.',
      },
    };
    return rule as AnyIndicatorRule;
  });
}

const CODES_2022: readonly IndicatorCode[] = [
  'employment',
  'dependents',
  'nutrition',
  'health-insurance',
  'adult-education',
  'child-schooling',
  'housing-quality',
  'housing-area',
  'water',
  'sanitation',
  'telecom',
  'information-devices',
];

// Decree 351/2025 drops "information devices" and adds household waste treatment ([V-sec], docs/sources.md,
// "Poverty standards").
const CODES_2027: readonly IndicatorCode[] = [
  'employment',
  'dependents',
  'health-insurance',
  'nutrition',
  'adult-education',
  'child-schooling',
  'housing-area',
  'housing-quality',
  'telecom',
  'water',
  'sanitation',
  'waste-treatment',
];

export const INDICATORS_2022 = indicatorRules(
  'POV22-IND',
  CODES_2022,
  { effectiveFrom: '2022-01-01', effectiveTo: '2026-12-31' },
  {
    document: DOC.ND07_2021,
    article: 'Điều 3 khoản 1 điểm b / Art. 3(1)(b)',
    sources: ['P07ind'],
  },
);

export const INDICATORS_2027 = indicatorRules(
  'POV27-IND',
  CODES_2027,
  { effectiveFrom: '2027-01-01' },
  {
    document: DOC.ND351_2025,
    article: 'chỉ số thiếu hụt / deprivation indicators',
    sources: ['P351a', 'P351d'],
  },
);
