// Holidays of 2027, computed, not announced: every day that depends on the government's choice or on a lunar date
// is provisional. Lunar dates: Tết Đinh Mùi = Sat 6/2/2027, Giỗ Tổ 10/3 Đinh Mùi = Fri 16/4/2027.
// Tết assumed as the usual 1 day before + 4 days after (Fri 5/2 – Tue 9/2); 6/2 and 7/2 fall on the weekend, so
// Wed 10/2 and Thu 11/2 are substitute days (Art. 111(3)). 1/5 is a Saturday: substitute Mon 3/5.
import type { CalendarYear } from '../../../calendar/types';
import { ART111_3, ART112, NAMES, day, substituteName } from './shared';

const computed = {
  vi: 'Tính trước, chưa có thông báo lịch nghỉ chính thức của năm 2027.',
  en: 'Computed in advance; the official 2027 holiday notice is not out yet.',
};

export const CALENDAR_2027: CalendarYear = {
  year: 2027,
  days: [
    day('2027-01-01', 'holiday', NAMES.newYear, ART112('a'), 'secondary'),
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'].map((d) =>
      day(d, 'holiday', NAMES.tet, ART112('b'), 'provisional', computed),
    ),
    ...['2027-02-10', '2027-02-11'].map((d) =>
      day(d, 'substitute', substituteName(NAMES.tet), ART111_3(), 'provisional', computed),
    ),
    day('2027-04-16', 'holiday', NAMES.hungKings, ART112('e'), 'provisional', computed),
    day('2027-04-30', 'holiday', NAMES.reunification, ART112('c'), 'secondary'),
    day('2027-05-01', 'holiday', NAMES.labour, ART112('d'), 'secondary'),
    day('2027-05-03', 'substitute', substituteName(NAMES.labour), ART111_3(), 'secondary'),
    day('2027-09-02', 'holiday', NAMES.national, ART112('đ'), 'secondary'),
    day('2027-09-03', 'holiday', NAMES.nationalAdjacent, ART112('đ'), 'provisional', computed),
  ],
};
