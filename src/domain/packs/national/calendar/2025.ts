// Holidays of 2025 for civil servants (and, by default, employees). Lunar dates: Tết Ất Tỵ = Wed 29/1/2025,
// Giỗ Tổ 10/3 Ất Tỵ = Mon 7/4/2025. The announced plan (TAL25): Tết 25/1–2/2 (9 days), Giỗ Tổ 7/4,
// 30/4–4/5 with Fri 2/5 swapped to Sat 26/4, Quốc khánh 30/8–2/9 (2/9 with its adjacent day Mon 1/9).
import type { CalendarYear } from '../../../calendar/types';
import { DOC } from '../../legal-documents';
import { ART112, NAMES, day } from './shared';

const PLAN = { document: DOC.HOLIDAYS_2025, article: 'Lịch nghỉ năm 2025 / 2025 holiday plan', sources: ['TAL25'] };
const tetNote = {
  vi: 'Nghỉ Tết 9 ngày từ thứ Bảy 25/1 đến hết Chủ nhật 2/2/2025 (26 tháng Chạp Giáp Thìn đến mùng 5 Tết Ất Tỵ).',
  en: 'Tết break of 9 days, Sat 25/1 to Sun 2/2/2025 (26th of the 12th month of Giáp Thìn to the 5th of Ất Tỵ).',
};

export const CALENDAR_2025: CalendarYear = {
  year: 2025,
  days: [
    day('2025-01-01', 'holiday', NAMES.newYear, ART112('a', ['BLLD19', 'TAL25']), 'secondary'),
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) =>
      day(d, 'holiday', NAMES.tet, ART112('b', ['BLLD19', 'TAL25']), 'secondary', tetNote),
    ),
    day('2025-04-07', 'holiday', NAMES.hungKings, ART112('e', ['BLLD19', 'TAL25']), 'secondary'),
    day(
      '2025-04-26',
      'make-up-workday',
      { vi: 'Làm bù cho thứ Sáu 2/5/2025', en: 'Worked instead of Fri 2/5/2025' },
      PLAN,
      'secondary',
    ),
    day('2025-04-30', 'holiday', NAMES.reunification, ART112('c', ['BLLD19', 'TAL25']), 'secondary'),
    day('2025-05-01', 'holiday', NAMES.labour, ART112('d', ['BLLD19', 'TAL25']), 'secondary'),
    day(
      '2025-05-02',
      'swap-off',
      { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', en: 'Swapped day off (worked on Sat 26/4/2025)' },
      PLAN,
      'secondary',
    ),
    day('2025-09-01', 'holiday', NAMES.nationalAdjacent, ART112('đ', ['BLLD19', 'TAL25']), 'secondary'),
    day('2025-09-02', 'holiday', NAMES.national, ART112('đ', ['BLLD19', 'TAL25']), 'secondary'),
  ],
};
