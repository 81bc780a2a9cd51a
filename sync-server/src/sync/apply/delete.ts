/** @module Soft delete by a commune officer (a household registered by mistake): kept, hidden, never edited again. */
import type { SqlExecutor } from '../../db/database';
import type { EditableTypeName } from '../../../../src/shared/records/registry';
import { can, notPermitted } from '../../../../src/shared/permissions';
import { getRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';
import { forgetKeys } from './duplicates';

export async function applyDelete(
  tx: SqlExecutor,
  context: MutationContext,
  op: { type: EditableTypeName; id: string },
): Promise<ApplyOutcome> {
  if (!can(context.role, op.type, 'delete')) return rejected(notPermitted(context.role, op.type, 'delete'));
  const existing = await getRecord(tx, op.id);
  if (!existing || !context.scope.has(existing.commune) || existing.type !== op.type) return rejected(OUT_OF_SCOPE);
  if (existing.deleted) return applied;
  await writeRecord(tx, context, { ...existing, deleted: true }, { before: existing });
  // A household or person registered by mistake is no look-alike of later registrations, nor are a deleted
  // household's members (apply/duplicates.ts). Their writers hold this household's lock too (lock-keys.ts).
  await forgetKeys(tx, existing);
  return applied;
}
