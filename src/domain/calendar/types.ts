// The shape of a working-day calendar: per year, the dated exceptions to "Monday to Friday are working days".
import type { IsoDate } from '../common/dates';
import type { Bilingual, LegalBasis, RuleStatus } from '../common/rule';

/**
 * - 'holiday'          a public holiday of Labour Code 2019 Art. 112 (also listed when it falls on a weekend);
 * - 'substitute'       a weekday off because a holiday fell on a weekend (Art. 111(3));
 * - 'swap-off'         a weekday off by the government's announced swap (hoán đổi ngày làm việc);
 * - 'make-up-workday'  a Saturday or Sunday worked instead (làm bù).
 */
export type CalendarDayKind = 'holiday' | 'substitute' | 'swap-off' | 'make-up-workday';

export interface CalendarDay {
  readonly date: IsoDate;
  readonly kind: CalendarDayKind;
  readonly name: Bilingual;
  readonly legalBasis: LegalBasis;
  readonly status: RuleStatus;
  readonly note?: Bilingual;
}

/** The exceptions of one civil year. A year not listed is not covered: no answer is guessed for it. */
export interface CalendarYear {
  readonly year: number;
  readonly days: readonly CalendarDay[];
}

export interface WorkingCalendar {
  readonly id: string;
  readonly years: readonly CalendarYear[];
}
