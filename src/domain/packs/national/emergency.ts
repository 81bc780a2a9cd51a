// Emergency support, Decree 20/2021 Chapter III (Art. 12–17) and the burial support of Art. 11. All amounts are
// minimums; all [V] from PD20 cross-checked with EMfood, EMhouse, EMbur, D76b and BURm (docs/sources.md,
// "Emergency support and burial").
import { DOC } from '../legal-documents';
import type { EmergencyRule } from '../emergency-types';

const nd20 = (article: string, sources: readonly string[]) => ({
  document: DOC.ND20_2021,
  article,
  sources: ['PD20', ...sources],
});

const FROM = '2021-07-01';

export const EMERGENCY_RULES: readonly EmergencyRule[] = [
  {
    id: 'KC-12.1-TET', code: 'food-tet', decision: 'emergency-food', minimum: true, causes: ['tet'],
    amount: { kind: 'rice', kgPerPersonPerMonth: 15, maxMonths: 1 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 12 khoản 1 điểm a / Art. 12(1)(a)', ['EMfood']), status: 'verified',
    title: { vi: 'Hỗ trợ lương thực dịp Tết Nguyên đán', en: 'Food support at Lunar New Year' },
  },
  {
    id: 'KC-12.1-THIEN-TAI', code: 'food-hardship', decision: 'emergency-food', minimum: true,
    causes: ['natural-disaster', 'fire', 'crop-failure', 'lean-season', 'force-majeure'],
    amount: { kind: 'rice', kgPerPersonPerMonth: 15, maxMonths: 3 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 12 khoản 1 điểm b / Art. 12(1)(b)', ['EMfood']), status: 'verified',
    title: { vi: 'Hỗ trợ lương thực do thiên tai, hỏa hoạn, mất mùa, giáp hạt', en: 'Food support after disaster, fire, crop failure or lean season' },
  },
  {
    id: 'KC-12.2', code: 'essential-necessities', decision: 'emergency-food', minimum: false,
    causes: ['natural-disaster', 'fire', 'force-majeure'], amount: { kind: 'in-kind' },
    effectiveFrom: FROM, legalBasis: nd20('Điều 12 khoản 2 / Art. 12(2)', []), status: 'verified',
    title: { vi: 'Hỗ trợ nhu yếu phẩm thiết yếu (lều, nước uống, chăn màn…)', en: 'Essential necessities (tents, drinking water, blankets…)' },
  },
  {
    id: 'KC-13', code: 'injury', decision: 'emergency-injury', minimum: true, minTreatmentDays: 3,
    causes: ['natural-disaster', 'fire', 'traffic-accident', 'serious-work-accident', 'force-majeure'],
    amount: { kind: 'times-standard-level', multiplier: 10 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 13; Điều 2 khoản 2 / Art. 13; Art. 2(2)', ['D76b']), status: 'verified',
    title: { vi: 'Hỗ trợ điều trị người bị thương nặng', en: 'Treatment support for a severely injured person' },
  },
  {
    id: 'KC-14', code: 'burial', decision: 'emergency-burial', minimum: true,
    causes: ['natural-disaster', 'fire', 'epidemic', 'traffic-accident', 'serious-work-accident', 'force-majeure'],
    amount: { kind: 'times-standard-level', multiplier: 50 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 14 khoản 1 / Art. 14(1)', ['EMbur']), status: 'verified',
    title: { vi: 'Hỗ trợ chi phí mai táng (người chết, mất tích)', en: 'Burial support (dead or missing person)' },
  },
  {
    id: 'KC-15.1', code: 'house-lost', decision: 'emergency-house', minimum: true, exclusiveGroup: 'house',
    causes: ['natural-disaster', 'fire', 'force-majeure'], householdStatuses: ['poor', 'near-poor', 'difficult-circumstances'],
    amount: { kind: 'fixed', amount: 40_000_000 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 15 khoản 1 / Art. 15(1)', ['EMhouse']), status: 'verified',
    title: { vi: 'Hỗ trợ làm nhà ở (nhà bị sập, đổ, trôi, cháy hoàn toàn)', en: 'House support (collapsed, swept away or burnt)' },
  },
  {
    id: 'KC-15.2', code: 'house-relocation', decision: 'emergency-house', minimum: true, exclusiveGroup: 'house',
    causes: ['natural-disaster', 'fire', 'force-majeure'],
    amount: { kind: 'fixed', amount: 30_000_000 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 15 khoản 2 / Art. 15(2)', ['EMhouse']), status: 'verified',
    title: { vi: 'Hỗ trợ di dời nhà ở khẩn cấp theo quyết định của cơ quan có thẩm quyền', en: 'Emergency relocation ordered by a competent authority' },
  },
  {
    id: 'KC-15.3', code: 'house-damaged', decision: 'emergency-house', minimum: true, exclusiveGroup: 'house',
    causes: ['natural-disaster', 'fire', 'force-majeure'], householdStatuses: ['poor', 'near-poor', 'difficult-circumstances'],
    amount: { kind: 'fixed', amount: 20_000_000 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 15 khoản 3 / Art. 15(3)', ['EMhouse']), status: 'verified',
    title: { vi: 'Hỗ trợ sửa chữa nhà ở hư hỏng nặng, không ở được', en: 'Repair of a severely damaged, uninhabitable house' },
  },
  {
    id: 'KC-16', code: 'temporary-care', decision: 'temporary-care', minimum: true,
    causes: ['natural-disaster', 'fire', 'epidemic'],
    amount: { kind: 'per-day', amountPerDay: 60_000, maxMonths: 3 },
    effectiveFrom: FROM,
    legalBasis: nd20('Điều 16; Điều 18 khoản 2–3; TT 02/2021 Điều 3 / Art. 16, 18(2)–(3)', []), status: 'verified',
    title: { vi: 'Chăm sóc tạm thời tại cộng đồng trẻ em mất cả cha và mẹ', en: 'Temporary community care of a child who lost both parents' },
  },
  {
    id: 'KC-11', code: 'beneficiary-burial', decision: 'beneficiary-burial', minimum: true, causes: [],
    amount: { kind: 'times-standard-level', multiplier: 20 },
    effectiveFrom: FROM, legalBasis: nd20('Điều 11 / Art. 11', ['BURm']), status: 'verified',
    title: { vi: 'Hỗ trợ mai táng đối tượng hưởng trợ cấp xã hội hằng tháng', en: 'Burial support for a monthly-allowance beneficiary' },
  },
  {
    id: 'KC-17.1', code: 'livelihood', decision: 'emergency-food', minimum: false,
    causes: ['natural-disaster', 'fire', 'epidemic', 'traffic-accident', 'serious-work-accident', 'force-majeure'],
    amount: { kind: 'per-current-regulations' },
    effectiveFrom: FROM, legalBasis: nd20('Điều 17 khoản 1 / Art. 17(1)', []), status: 'verified',
    title: { vi: 'Hỗ trợ tạo việc làm, phát triển sản xuất', en: 'Support for jobs and production' },
  },
];
