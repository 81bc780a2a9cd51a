// Parts shared by the three answers.
import type { IsoDate } from './dates';
import type { Explanation } from './explanation';

/** Which resolved rule set produced the answer (see packs/resolve.ts). */
export interface RulePackRef {
  readonly snapshot: string;
  readonly packs: readonly string[];
  readonly asOf: IsoDate;
}

export interface AnswerBase {
  readonly rulePack: RulePackRef;
  /** Same as explanation.provisional, at the top so the UI can show "chưa xác nhận" without digging. */
  readonly provisional: boolean;
  readonly explanation: Explanation;
}

export class NoRuleInForceError extends Error {
  constructor(what: string, date: IsoDate) {
    super(`no ${what} in force on ${date}`);
  }
}
