// The national working-day calendar: one file per year. A year not listed here is not covered, and every count
// that reaches it throws CalendarNotCoveredError (add the year's file when the government announces its plan).
import type { WorkingCalendar } from '../../../calendar/types';
import { CALENDAR_2025 } from './2025';
import { CALENDAR_2026 } from './2026';
import { CALENDAR_2027 } from './2027';

export const NATIONAL_CALENDAR: WorkingCalendar = {
  id: 'vn',
  years: [CALENDAR_2025, CALENDAR_2026, CALENDAR_2027],
};
