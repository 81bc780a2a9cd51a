// Public entry of the rules engine. Pure: no I/O, no clock; the date of every answer is in its question.
import type { AllowanceAnswer } from './allowance/answer';
import { answerAllowance } from './allowance/answer';
import type { EmergencyAnswer } from './emergency/answer';
import { answerEmergency } from './emergency/answer';
import type { PovertyAnswer } from './poverty/classify';
import { classifyPoverty } from './poverty/classify';
import type { PackRegistry } from './packs/resolve';
import type { Question } from './schemas';

export type Answer = PovertyAnswer | AllowanceAnswer | EmergencyAnswer;

/** Answers a question that has already been validated with QuestionSchema. */
export function answer(q: Question, registry: PackRegistry = {}): Answer {
  switch (q.question) {
    case 'poverty':
      return classifyPoverty(q, registry);
    case 'allowance':
      return answerAllowance(q, registry);
    case 'emergency':
      return answerEmergency(q, registry);
  }
}

export { answerAllowance, answerEmergency, classifyPoverty };
export type { AllowanceAnswer, EmergencyAnswer, PovertyAnswer };
export type { AllowanceQuestion } from './allowance/schema';
export type { EmergencyQuestion } from './emergency/schema';
export type { PovertyQuestion } from './poverty/schema';
export {
  AllowanceQuestionSchema,
  EmergencyQuestionSchema,
  PovertyQuestionSchema,
  QuestionSchema,
  QuestionsSchema,
} from './schemas';
export type { Question } from './schemas';
export { resolveRules, type PackRegistry, type RuleSnapshot } from './packs/resolve';
export { packNames } from './packs/names';
export type { NationalPack, ProvincialPack } from './packs/pack';
export { NATIONAL_PACK } from './packs/national';
export { PROVINCIAL_PACKS, DEFAULT_PROVINCE } from './packs/provinces';
export type { Explanation } from './common/explanation';
// A person's benefit timeline (docs/rules.md §4): months due, arrears, one-offs from dated decisions and events.
export {
  benefitTimeline,
  proposedChanges,
  type ArrearsLine,
  type BenefitTimeline,
  type MonthStatus,
  type OneOff,
  type ProposedChange,
  type TimelineMonth,
} from './allowance/benefit-timeline';
export {
  BenefitDecisionSchema,
  BenefitEventSchema,
  BenefitTimelineInputSchema,
  TimelineQuestionSchema,
  type BenefitDecision,
  type BenefitEvent,
  type BenefitTimelineInput,
  type PaidMonth,
  type TimelineQuestion,
} from './allowance/benefit-timeline-schema';
// A commune's payroll month (docs/rules.md §5): lines, control totals, the increase/decrease list.
export {
  payroll,
  type Covered,
  type Payroll,
  type PayrollChange,
  type PayrollLine,
  type PayrollProposal,
} from './payroll/payroll';
export {
  PayrollInputSchema,
  PayrollQuestionSchema,
  type EarlierList,
  type PayrollInput,
  type PayrollQuestion,
} from './payroll/payroll-schema';
// Working days and deadlines (docs/rules.md "Working days and deadlines").
export {
  CalendarNotCoveredError,
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  type CalendarDay,
  type WorkingCalendar,
} from './calendar';
export { DeadlineQuestionSchema, type DeadlineQuestion } from './calendar/schema';
export { NATIONAL_CALENDAR } from './packs/national/calendar';
export {
  DEADLINE_RULES,
  DEADLINE_STEPS,
  answerDeadline,
  daysLeft,
  dueDate,
  type DeadlineAnswer,
  type DeadlineInput,
  type DeadlineRule,
  type DeadlineStep,
} from './packs/national/deadlines';
