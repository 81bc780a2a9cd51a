// Holidays of 2026. Lunar dates: Tết Bính Ngọ = Tue 17/2/2026 (29 tháng Chạp Ất Tỵ = Mon 16/2),
// Giỗ Tổ 10/3 Bính Ngọ = Sun 26/4/2026. Tết: the announced 9 days Sat 14/2 – Sun 22/2/2026 (CAO26).
// Only the Tết plan was found; the other days follow the Labour Code, and the days the law leaves to the
// government (the day adjacent to 2/9, any swap) are provisional.
import type { CalendarYear } from '../../../calendar/types';
import { ART111_3, ART112, NAMES, day, substituteName } from './shared';

const tetNote = {
  vi: 'Nghỉ Tết 9 ngày từ thứ Bảy 14/2 (27 tháng Chạp Ất Tỵ) đến hết Chủ nhật 22/2/2026 (mùng 6 Tết Bính Ngọ).',
  en: 'Tết break of 9 days, Sat 14/2 (27th of the 12th month of Ất Tỵ) to Sun 22/2/2026 (6th day of Bính Ngọ).',
};
const lunarNote = {
  vi: 'Ngày âm lịch tính theo lịch; chưa tìm thấy thông báo lịch nghỉ chính thức.',
  en: 'Lunar date computed from the calendar; the official holiday notice was not found.',
};
const adjacentNote = {
  vi: 'Ngày liền kề trước hay sau 2/9 do Thủ tướng quyết định; chưa tìm thấy thông báo: giả định thứ Ba 1/9/2026.',
  en: 'Whether the adjacent day is before or after 2/9 is decided by the Prime Minister; notice not found: Tue 1/9/2026 assumed.',
};

export const CALENDAR_2026: CalendarYear = {
  year: 2026,
  days: [
    day('2026-01-01', 'holiday', NAMES.newYear, ART112('a'), 'secondary'),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) =>
      day(d, 'holiday', NAMES.tet, ART112('b', ['BLLD19', 'CAO26']), 'secondary', tetNote),
    ),
    day('2026-04-26', 'holiday', NAMES.hungKings, ART112('e'), 'provisional', lunarNote),
    day('2026-04-27', 'substitute', substituteName(NAMES.hungKings), ART111_3(), 'provisional', lunarNote),
    day('2026-04-30', 'holiday', NAMES.reunification, ART112('c'), 'secondary'),
    day('2026-05-01', 'holiday', NAMES.labour, ART112('d'), 'secondary'),
    day('2026-09-01', 'holiday', NAMES.nationalAdjacent, ART112('đ'), 'provisional', adjacentNote),
    day('2026-09-02', 'holiday', NAMES.national, ART112('đ'), 'secondary'),
  ],
};
