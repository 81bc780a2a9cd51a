// "Who decides" is data (packs/national/deciders.ts): this turns the decider rule in force into the answer's field.
import type { Bilingual } from './rule';
import type { ExplanationBuilder } from './explanation';
import type { RuleSnapshot } from '../packs/resolve';
import type { DecisionAction, DeciderRole } from '../packs/types';

export interface DecidedBy {
  readonly action: DecisionAction;
  readonly ruleId: string;
  readonly role: DeciderRole;
  readonly who: Bilingual;
  readonly deadline?: Bilingual;
  readonly provisional: boolean;
}

export function decidedBy(snap: RuleSnapshot, action: DecisionAction, ex: ExplanationBuilder): DecidedBy | null {
  const rule = snap.decider(action);
  if (!rule) return null;
  ex.use(snap.cite(rule), rule.note);
  ex.step(
    `Thẩm quyền quyết định: ${rule.who.vi}${rule.deadline ? `, ${rule.deadline.vi}` : ''}.`,
    `Decided by: ${rule.who.en}${rule.deadline ? `, ${rule.deadline.en}` : ''}.`,
  );
  return {
    action,
    ruleId: rule.id,
    role: rule.role,
    who: rule.who,
    ...(rule.deadline !== undefined ? { deadline: rule.deadline } : {}),
    provisional: rule.status === 'provisional',
  };
}
