/** @module Who is pushing, decided by the server: the user, their role and communes, the device, the time. */
import type { Role } from '../../../src/shared/roles';

export interface PushContext {
  userId: string;
  role: Role;
  /** Communes the user may change, from the server's own records. */
  scope: ReadonlySet<string>;
  clientId: string;
  now: number;
}

/** What one mutation's stamp adds to the context while it is applied. */
export interface MutationContext extends PushContext {
  stamp: string;
}

export type ApplyOutcome = { status: 'applied' } | { status: 'rejected'; reason: string } | { status: 'conflict'; fields: string[] };

export const applied: ApplyOutcome = { status: 'applied' };
export const rejected = (reason: string): ApplyOutcome => ({ status: 'rejected', reason });

/** One answer whether a record is elsewhere or nowhere: nothing about other communes leaks. */
export const OUT_OF_SCOPE = 'Bản ghi này thuộc xã không được giao cho bạn.';
