/** @module Who is pushing, decided by the server: the user, their role and communes, the device, the time. */
import type { Role } from '../../../src/shared/roles';
import { message, type Message } from '../../../src/shared/messages';
import { formatVi } from '../../../src/shared/messages-vi';

export interface PushContext {
  userId: string;
  role: Role;
  /** Communes the user may change, from the server's own records. */
  scope: ReadonlySet<string>;
  clientId: string;
  now: number;
  /** Issue 11: the device's name as the request gave it (validated); absent keeps the one the server has. */
  deviceName?: string;
}

/** What one mutation's stamp adds to the context while it is applied. */
export interface MutationContext extends PushContext {
  stamp: string;
}

export type ApplyOutcome =
  | { status: 'applied' }
  | { status: 'rejected'; reason: string; problem: Message }
  | { status: 'conflict'; fields: string[] };

export const applied: ApplyOutcome = { status: 'applied' };
/**
 * A refusal: the message (code and parameters) the app translates, and the same in Vietnamese as `reason`, which apps
 * older than message codes show (and which the sync log keeps).
 */
export const rejected = (problem: Message): ApplyOutcome => ({
  status: 'rejected',
  reason: formatVi(problem),
  problem,
});

/** One answer whether a record is elsewhere or nowhere: nothing about other communes leaks. */
export const OUT_OF_SCOPE = message('reject.outOfScope');
