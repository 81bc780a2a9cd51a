/**
 * @module Mutations queued under an older schema, upgraded to the current one — or refused with a reason,
 * never dropped. Schema 1 (the walking skeleton) sent `household.put` with a plain patch and no base versions.
 * Such an app saw no version at all, so each field is based on version 0: it applies to a field nobody wrote and
 * makes a conflict with anyone else's value — "last write wins" would silently drop a colleague's edit.
 */
import { SCHEMA_VERSION } from '../../../src/shared/protocol';
import { message, type Message } from '../../../src/shared/messages';

export type Upgraded = { ok: true; mutation: unknown } | { ok: false; reason: Message };

export function upgradeMutation(raw: unknown): Upgraded {
  const m = raw as {
    schema?: unknown;
    at?: unknown;
    stamp?: unknown;
    op?: { kind?: unknown; recordId?: unknown; patch?: unknown };
  };
  if (m.schema === SCHEMA_VERSION) return { ok: true, mutation: raw };
  if (typeof m.schema === 'number' && m.schema > SCHEMA_VERSION) {
    return { ok: false, reason: message('reject.schemaTooNew') };
  }
  if (m.schema === 1 && m.op?.kind === 'household.put' && m.op.patch && typeof m.op.patch === 'object') {
    const fields = Object.fromEntries(Object.entries(m.op.patch).map(([field, value]) => [field, [value, 0]]));
    return {
      ok: true,
      mutation: {
        ...m,
        schema: SCHEMA_VERSION,
        stamp: typeof m.stamp === 'string' ? m.stamp : `v1-${String(m.at)}`,
        op: { kind: 'patch', type: 'household', id: m.op.recordId, fields },
      },
    };
  }
  return { ok: false, reason: message('reject.schemaTooOld') };
}
