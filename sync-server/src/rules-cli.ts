// `npm run rules -- <input.json>`: answers one question (or an array of them) with the rules engine and prints the
// answers as JSON on stdout. Bad input (unreadable JSON, a field that fails validation, an unknown province, a
// date no rule covers) prints a message naming the field on stderr and exits with code 2.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import {
  answer,
  answerDeadline,
  benefitTimeline,
  CalendarNotCoveredError,
  DeadlineQuestionSchema,
  payroll,
  PayrollQuestionSchema,
  QuestionSchema,
  TimelineQuestionSchema,
  type Answer,
  type BenefitTimeline,
  type DeadlineAnswer,
  type DeadlineQuestion,
  type Payroll,
  type PayrollQuestion,
  type Question,
  type TimelineQuestion,
} from '../../src/domain/index';
import { NoRuleInForceError } from '../../src/domain/common/answer';
import { UnknownProvinceError } from '../../src/domain/packs/resolve';

class InputError extends Error {}

/** The field whose date selects the rules, named when no rule covers it. */
const DATE_FIELD: Record<
  Question['question'] | TimelineQuestion['question'] | DeadlineQuestion['question'] | PayrollQuestion['question'],
  string
> = {
  poverty: 'reviewDate',
  allowance: 'benefitMonth',
  emergency: 'event.date',
  timeline: 'from',
  deadline: 'from',
  payroll: 'month',
};

/** "timeline" is a question of its own schema (a range check), not a member of QuestionSchema's variant. */
const isTimeline = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && (raw as { question?: unknown }).question === 'timeline';

/** "payroll" (a commune's month, docs/rules.md §5) too. */
const isPayroll = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && (raw as { question?: unknown }).question === 'payroll';

/** "deadline" (working days, docs/rules.md "Working days and deadlines") likewise has a schema of its own. */
const isDeadline = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && (raw as { question?: unknown }).question === 'deadline';

function validate(raw: unknown, prefix: string): Question | TimelineQuestion | DeadlineQuestion | PayrollQuestion {
  const result = isPayroll(raw)
    ? v.safeParse(PayrollQuestionSchema, raw)
    : isDeadline(raw)
      ? v.safeParse(DeadlineQuestionSchema, raw)
      : isTimeline(raw)
        ? v.safeParse(TimelineQuestionSchema, raw)
        : v.safeParse(QuestionSchema, raw);
  if (result.success) return result.output;
  const lines = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return `${prefix}${path ?? '(root)'}: ${issue.message}`;
  });
  throw new InputError(lines.join('\n'));
}

function run(file: string | undefined): unknown {
  if (file === undefined) throw new InputError('usage: npm run rules -- <input.json>');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file}: cannot read JSON (${(e as Error).message})`);
  }
  const questions = Array.isArray(raw) ? raw.map((q, i) => validate(q, `[${i}].`)) : [validate(raw, '')];
  const answers: (Answer | BenefitTimeline | DeadlineAnswer | Payroll)[] = questions.map((q, i) => {
    const where = Array.isArray(raw) ? `[${i}].` : '';
    try {
      if (q.question === 'deadline') return answerDeadline(q);
      if (q.question === 'payroll') return payroll(q);
      return q.question === 'timeline' ? benefitTimeline(q) : answer(q);
    } catch (e) {
      if (e instanceof CalendarNotCoveredError) {
        const field = e.input ?? DATE_FIELD[q.question];
        throw new InputError(`${where}${field}: ${e.message}`);
      }
      if (e instanceof UnknownProvinceError) throw new InputError(`${where}province: ${e.message}`);
      if (e instanceof NoRuleInForceError) throw new InputError(`${where}${DATE_FIELD[q.question]}: ${e.message}`);
      throw e;
    }
  });
  return Array.isArray(raw) ? answers : answers[0];
}

try {
  process.stdout.write(`${JSON.stringify(run(process.argv[2]), null, 2)}\n`);
} catch (e) {
  if (e instanceof InputError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
