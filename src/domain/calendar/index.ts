// The working-day calendar (docs/rules.md "Working days and deadlines").
export {
  CalendarNotCoveredError,
  addDays,
  addWorkingDays,
  calendarDay,
  calendarDaysBetween,
  isWorkingDay,
  weekday,
  workingDaysBetween,
  type AddWorkingDaysOptions,
} from './working-days';
export type { CalendarDay, CalendarDayKind, CalendarYear, WorkingCalendar } from './types';
