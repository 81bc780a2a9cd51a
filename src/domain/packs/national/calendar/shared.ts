// Building blocks of the holiday data: the holidays of Labour Code 2019 Art. 112 and the substitute-day rule of
// Art. 111(3), cited the same way in every year's file.
import type { Bilingual, LegalBasis, RuleStatus } from '../../../common/rule';
import type { CalendarDay, CalendarDayKind } from '../../../calendar/types';
import { DOC } from '../../legal-documents';

export const ART112 = (clause: string, sources: readonly string[] = ['BLLD19']): LegalBasis => ({
  document: DOC.BLLD_2019,
  article: `Điều 112 khoản 1 điểm ${clause} / Art. 112(1)(${clause})`,
  sources,
});

export const ART111_3 = (sources: readonly string[] = ['BLLD19']): LegalBasis => ({
  document: DOC.BLLD_2019,
  article: 'Điều 111 khoản 3 / Art. 111(3)',
  sources,
});

export const NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hùng Kings Commemoration (10th day, 3rd lunar month)' },
  reunification: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30/4)' },
  labour: { vi: 'Ngày Quốc tế lao động (1/5)', en: 'International Labour Day (1/5)' },
  national: { vi: 'Quốc khánh (2/9)', en: 'National Day (2/9)' },
  nationalAdjacent: { vi: 'Quốc khánh: ngày liền kề', en: 'National Day: adjacent day' },
} as const satisfies Record<string, Bilingual>;

export function day(
  date: string,
  kind: CalendarDayKind,
  name: Bilingual,
  legalBasis: LegalBasis,
  status: RuleStatus,
  note?: Bilingual,
): CalendarDay {
  return { date, kind, name, legalBasis, status, ...(note !== undefined ? { note } : {}) };
}

export const substituteName = (of: Bilingual): Bilingual => ({
  vi: `Nghỉ bù ${of.vi}`,
  en: `Substitute day off for ${of.en}`,
});
