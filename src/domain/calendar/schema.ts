// The deadline question (`"question": "deadline"`): which step of the allowance procedure, counted from which day.
import * as v from 'valibot';
import { IsoDateSchema } from '../common/schema-parts';
import { DEADLINE_STEPS } from '../packs/national/deadlines';

export const DeadlineQuestionSchema = v.object({
  question: v.literal('deadline'),
  step: v.picklist(DEADLINE_STEPS),
  /** The day of the event the count starts from (e.g. receipt of the complete dossier). */
  from: IsoDateSchema,
  /** "Today", for days left and overdue. */
  asOf: v.exactOptional(IsoDateSchema),
  /** Count `from` itself as day 1 (default false: Civil Code 2015 Art. 147(3)). */
  countStartDay: v.exactOptional(v.boolean()),
});

export type DeadlineQuestion = v.InferOutput<typeof DeadlineQuestionSchema>;
