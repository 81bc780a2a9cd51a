// The valibot schemas of the three questions, for the app (forms) and the server (the CLI and any endpoint).
import * as v from 'valibot';
import { AllowanceQuestionSchema } from './allowance/schema';
import { EmergencyQuestionSchema } from './emergency/schema';
import { PovertyQuestionSchema } from './poverty/schema';

export { AllowanceQuestionSchema, EmergencyQuestionSchema, PovertyQuestionSchema };

/** One question, told apart by its `question` field. */
export const QuestionSchema = v.variant('question', [
  PovertyQuestionSchema,
  AllowanceQuestionSchema,
  EmergencyQuestionSchema,
]);

/** What the CLI reads: one question or an array of them. */
export const QuestionsSchema = v.union([QuestionSchema, v.array(QuestionSchema)]);

export type Question = v.InferOutput<typeof QuestionSchema>;
