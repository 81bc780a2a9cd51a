// Deadlines of the monthly-allowance procedure as dated rules, counted in working days on the national calendar
// (docs/rules.md "Working days and deadlines"). Pure: the date the count starts and "today" come in as inputs.
import { NoRuleInForceError } from '../../common/answer';
import type { IsoDate } from '../../common/dates';
import { type Explanation, ExplanationBuilder } from '../../common/explanation';
import { type Bilingual, type CitedRule, type RuleBase, cite, pickInEffect } from '../../common/rule';
import {
  CalendarNotCoveredError,
  addWorkingDays,
  calendarDaysBetween,
  addDays,
  workingDaysBetween,
} from '../../calendar/working-days';
import type { CalendarDay, WorkingCalendar } from '../../calendar/types';
import { DOC } from '../legal-documents';
import { NATIONAL_CALENDAR } from './calendar';

export const DEADLINE_STEPS = [
  'commune-review',
  'public-posting',
  'complaint-settlement',
  'chairman-decision',
] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

export interface DeadlineRule extends RuleBase {
  readonly step: DeadlineStep;
  readonly workingDays: number;
  /** The event the count starts from (its day is not counted, Civil Code 2015 Art. 147(3)). */
  readonly countsFrom: Bilingual;
}

const ART8 = (point: string) => ({
  document: DOC.ND20_2021,
  article: `Điều 8 khoản 1 điểm ${point} / Art. 8(1)(${point})`,
  sources: ['PD20'],
});
const TO_147 = {
  vi: 'Nghị định 147/2025 không nhắc đến niêm yết công khai và khiếu nại: giả định thời hạn của Nghị định 20/2021 vẫn áp dụng.',
  en: 'Decree 147/2025 does not mention public posting or complaints: the periods of Decree 20/2021 are assumed to remain.',
};

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: 'DL-REVIEW-2021',
    step: 'commune-review',
    workingDays: 7,
    countsFrom: { vi: 'ngày nhận đủ hồ sơ', en: 'the day the complete dossier is received' },
    effectiveFrom: '2021-07-01',
    effectiveTo: '2025-06-30',
    legalBasis: ART8('b'),
    status: 'verified',
    title: {
      vi: 'Công chức cấp xã xem xét, thẩm định hồ sơ trong 7 ngày làm việc',
      en: 'The commune officer reviews the dossier within 7 working days',
    },
  },
  ...(
    [
      ['2021-07-01', '2025-06-30', 'verified'],
      ['2025-07-01', undefined, 'provisional'],
    ] as const
  ).flatMap(([from, to, status]): DeadlineRule[] => {
    const year = from.slice(0, 4);
    const common = {
      effectiveFrom: from,
      ...(to !== undefined ? { effectiveTo: to } : {}),
      legalBasis: ART8('b'),
      status,
      ...(status === 'provisional' ? { note: TO_147 } : {}),
    };
    return [
      {
        id: `DL-POSTING-${year}`,
        step: 'public-posting',
        workingDays: 2,
        countsFrom: { vi: 'ngày xem xét xong hồ sơ', en: 'the day the review ends' },
        ...common,
        title: {
          vi: 'Niêm yết công khai kết quả xem xét trong 2 ngày làm việc',
          en: 'The review result is publicly posted for 2 working days',
        },
      },
      {
        id: `DL-COMPLAINT-${year}`,
        step: 'complaint-settlement',
        workingDays: 10,
        countsFrom: { vi: 'ngày nhận khiếu nại, kiến nghị', en: 'the day the complaint is received' },
        ...common,
        title: {
          vi: 'Giải quyết khiếu nại, kiến nghị trong 10 ngày làm việc',
          en: 'Complaints are settled within 10 working days',
        },
      },
    ];
  }),
  {
    id: 'DL-DECISION-2025',
    step: 'chairman-decision',
    workingDays: 10,
    countsFrom: { vi: 'ngày nhận đủ hồ sơ', en: 'the day the complete dossier is received' },
    effectiveFrom: '2025-07-01',
    effectiveTo: '2027-03-01',
    legalBasis: {
      document: DOC.ND147_2025,
      article:
        'thủ tục trợ cấp xã hội hằng tháng (điều khoản chưa đối chiếu) / monthly-allowance procedure (article not checked)',
      sources: ['D147a', 'D147b'],
    },
    status: 'secondary',
    title: {
      vi: 'Chủ tịch UBND cấp xã quyết định trợ cấp trong 10 ngày làm việc',
      en: 'The commune chairman decides the allowance within 10 working days',
    },
    note: {
      vi: 'Theo tin và tóm tắt của Bộ, chưa đối chiếu công báo; Nghị định 147/2025 hết hiệu lực sau 1/3/2027.',
      en: 'From news and ministry summaries, not the gazette; Decree 147/2025 lapses after 1/3/2027.',
    },
  },
];

export interface DeadlineInput {
  readonly step: DeadlineStep;
  /** The day of the event the count starts from (receipt of the dossier, end of review, …). */
  readonly from: IsoDate;
  /** "Today", for days left and overdue. */
  readonly asOf?: IsoDate;
  /** Count `from` itself as day 1 (default false: Civil Code 2015 Art. 147(3)). */
  readonly countStartDay?: boolean;
}

export interface DeadlineAnswer {
  readonly question: 'deadline';
  readonly step: DeadlineStep;
  readonly from: IsoDate;
  readonly workingDays: number;
  /** Last day of the period: the deadline is the end of this day (Civil Code 2015 Art. 148(1)). */
  readonly due: IsoDate;
  readonly asOf?: IsoDate;
  /** Working days from asOf to due; 0 on the due day, negative when overdue. */
  readonly daysLeft?: number;
  /** asOf is after the due date. */
  readonly overdue?: boolean;
  readonly rule: CitedRule;
  /** The holidays, substitute days and swaps the count passed over, with their status. */
  readonly skippedDays: readonly CalendarDay[];
  readonly provisional: boolean;
  readonly explanation: Explanation;
}

/** Days left, with a date beyond the calendar blamed on `asOf` (the due date is already known to be covered). */
function daysLeftOn(asOf: IsoDate, due: IsoDate, calendar: WorkingCalendar): number {
  try {
    return workingDaysBetween(asOf, due, calendar);
  } catch (e) {
    if (e instanceof CalendarNotCoveredError) throw new CalendarNotCoveredError(e.date, e.calendarId, 'asOf');
    throw e;
  }
}

const dmy = (d: IsoDate): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The rule of a step in force on the date the count starts. */
export function deadlineRule(step: DeadlineStep, from: IsoDate): DeadlineRule {
  const rule = pickInEffect(
    DEADLINE_RULES.filter((r) => r.step === step),
    from,
  );
  if (rule === undefined) throw new NoRuleInForceError(`deadline rule for ${step}`, from);
  return rule;
}

export function answerDeadline(input: DeadlineInput, calendar: WorkingCalendar = NATIONAL_CALENDAR): DeadlineAnswer {
  const { step, from, asOf } = input;
  const rule = deadlineRule(step, from);
  const cited = cite(rule, 'vn');
  const countStartDay = input.countStartDay === true;
  const due = addWorkingDays(from, rule.workingDays, calendar, { countStartDay });
  const skipped = calendarDaysBetween(countStartDay ? from : addDays(from, 1), due, calendar);

  const x = new ExplanationBuilder().input('step', step).input('from', from).use(cited);
  if (asOf !== undefined) x.input('asOf', asOf);
  x.step(
    `${rule.title.vi} (${rule.legalBasis.document}, ${rule.legalBasis.article}), tính từ ${rule.countsFrom.vi} ${dmy(from)}.`,
    `${rule.title.en} (${rule.legalBasis.document}, ${rule.legalBasis.article}), counted from ${rule.countsFrom.en} ${dmy(from)}.`,
  );
  x.step(
    countStartDay
      ? `Tính cả ngày ${dmy(from)} là ngày thứ nhất (theo yêu cầu).`
      : `Không tính ngày ${dmy(from)}: thời hạn bắt đầu từ ngày tiếp theo (Bộ luật Dân sự 2015, Điều 147 khoản 3).`,
    countStartDay
      ? `${dmy(from)} itself is counted as day 1 (as asked).`
      : `${dmy(from)} is not counted: the period starts the next day (Civil Code 2015, Art. 147(3)).`,
  );
  for (const d of skipped) {
    if (d.kind === 'make-up-workday') {
      x.step(`${dmy(d.date)} là ngày làm bù: được tính.`, `${dmy(d.date)} is a make-up working day: it counts.`);
    } else {
      x.step(`${dmy(d.date)} nghỉ: ${d.name.vi}.`, `${dmy(d.date)} is a day off: ${d.name.en}.`);
    }
    if (d.status === 'provisional') {
      x.flag({
        vi: `Ngày ${dmy(d.date)} (${d.name.vi}) chưa được xác nhận${d.note ? `: ${d.note.vi}` : '.'}`,
        en: `The day ${dmy(d.date)} (${d.name.en}) is not confirmed${d.note ? `: ${d.note.en}` : '.'}`,
      });
    }
  }
  x.step(
    `Hạn: hết ngày ${dmy(due)} (ngày làm việc thứ ${rule.workingDays}; Bộ luật Dân sự 2015, Điều 148 khoản 1).`,
    `Due: end of ${dmy(due)} (working day ${rule.workingDays}; Civil Code 2015, Art. 148(1)).`,
  );

  let left: { asOf: IsoDate; daysLeft: number; overdue: boolean } | undefined;
  if (asOf !== undefined) {
    const n = daysLeftOn(asOf, due, calendar);
    const overdue = asOf > due;
    left = { asOf, daysLeft: n, overdue };
    x.step(
      overdue ? `Đến ${dmy(asOf)} đã quá hạn ${-n} ngày làm việc.` : `Đến ${dmy(asOf)} còn ${n} ngày làm việc.`,
      overdue ? `On ${dmy(asOf)} it is ${-n} working day(s) overdue.` : `On ${dmy(asOf)}, ${n} working day(s) left.`,
    );
  }
  const explanation = x.done();
  return {
    question: 'deadline',
    step,
    from,
    workingDays: rule.workingDays,
    due,
    ...(left ?? {}),
    rule: cited,
    skippedDays: skipped,
    provisional: explanation.provisional,
    explanation,
  };
}

/** The due date of a step whose count starts on `receivedOn` (national calendar, Civil Code counting). */
export function dueDate(step: DeadlineStep, receivedOn: IsoDate): IsoDate {
  return addWorkingDays(receivedOn, deadlineRule(step, receivedOn).workingDays, NATIONAL_CALENDAR);
}

/** Working days from today to the due date on the national calendar; 0 on the due day, negative when overdue. */
export function daysLeft(due: IsoDate, today: IsoDate): number {
  return workingDaysBetween(today, due, NATIONAL_CALENDAR);
}
