/**
 * @module A commune officer settles a conflict: the chosen (or typed) value is written to the record as a new
 * change — itself synced like any other — and the conflict is closed with who decided and when.
 *
 * Locks (conflicts.ts): the conflict is read only once its record's lock is held — the lock under which patches
 * add candidates — so no candidate can arrive between this read and the write that closes the conflict. The
 * batch took that lock up front (lock-keys.ts); taking it here again is then immediate.
 *
 * A candidate the officer had not been shown (`seen`: how many their device listed; candidates only grow) is
 * not decided by them: it goes into a new open conflict against the chosen value.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { sameValue } from '../../../../src/shared/patch';
import type { ConflictData } from '../../../../src/shared/records/conflict';
import { DuplicateDecision } from '../../../../src/shared/records/duplicate';
import type { EditableTypeName } from '../../../../src/shared/records/registry';
import { can, notPermitted } from '../../../../src/shared/permissions';
import { message } from '../../../../src/shared/messages';
import { getRecord, type StoredRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { recordLock } from '../lock-keys';
import { writeRecord } from '../write-record';
import { openConflict } from './conflicts';
import { checkDuplicates, decideCluster, IDENTITY_FIELDS } from './duplicates';
import { checkFields } from './checked-fields';
import { carryRename } from './villages';

export async function applyResolve(
  tx: SqlExecutor,
  context: MutationContext,
  op: { id: string; value: unknown; seen?: number | undefined },
): Promise<ApplyOutcome> {
  const found = await getRecord(tx, op.id);
  const kind = found?.type === 'duplicate' ? 'duplicate' : 'conflict';
  if (!can(context.role, kind, 'resolve')) return rejected(notPermitted(context.role, kind, 'resolve'));
  if (found?.type === 'duplicate' && context.scope.has(found.commune))
    return decideDuplicate(tx, context, found, op.value);
  if (found?.type !== 'conflict') return rejected(OUT_OF_SCOPE);
  await tx.lock(recordLock((found.data as ConflictData).recordId));
  const conflict = await getRecord(tx, op.id);
  if (!conflict || !context.scope.has(conflict.commune)) return rejected(OUT_OF_SCOPE);
  const data = conflict.data as ConflictData;
  if (data.status !== 'open') return rejected(message('reject.conflictResolved'));
  const record = await getRecord(tx, data.recordId);
  if (!record || record.deleted) return rejected(message('reject.conflictRecordGone'));
  // The record decides the scope, not the conflict: it may have moved since.
  if (!context.scope.has(record.commune)) return rejected(OUT_OF_SCOPE);

  if (data.field === 'communeCode' || data.field === 'householdId')
    return rejected(message('reject.moveNotByConflict'));
  const next = { ...record.data, [data.field]: op.value };
  if (op.value === null) delete next[data.field];
  // The same checks as a device's patch: the officer's choice is a write like any other (checked-fields.ts).
  const checked = await checkFields(tx, context, record.type as EditableTypeName, record, next, [data.field]);
  if (!checked.ok) return rejected(checked.reason);

  // The value the record already holds is not written again: re-stamping the field would make the next edit of
  // a device that is up to date look like a conflict with the officer.
  if (!sameValue(record.data[data.field] ?? null, op.value)) {
    const written = { ...record, parentId: checked.parentId, data: { ...next, ...checked.fields } };
    await writeRecord(tx, context, written, { before: record, touched: [data.field] });
    if (IDENTITY_FIELDS.has(data.field)) await checkDuplicates(tx, context, written, false);
    if (written.type === 'village') await carryRename(tx, context, record, written);
  }
  await writeRecord(
    tx,
    context,
    {
      ...conflict,
      data: { ...data, status: 'resolved', resolution: { value: op.value, by: context.userId, at: context.now } },
    },
    { before: conflict },
  );
  const unseen =
    op.seen === undefined ? [] : data.candidates.slice(op.seen).filter((c) => !sameValue(c.value, op.value));
  if (unseen.length > 0) {
    const current = await getRecord(tx, record.id);
    if (!current) throw new Error(`record ${record.id} vanished inside its own transaction`);
    await openConflict(tx, context, current, data.field, unseen);
  }
  return applied;
}

/**
 * A cluster of possible duplicates is confirmed or dismissed, as a whole. Confirmed with the record to keep, the
 * others are merged into it (apply/duplicates.ts `mergeInto`); dismissed, or from an app before merging, the
 * records stay. The device names the members the officer saw; a cluster that has grown since is not decided
 * (the newcomer was never looked at). A bare "confirmed"/"dismissed" (apps before clusters) decides it as it is.
 */
async function decideDuplicate(
  tx: SqlExecutor,
  context: MutationContext,
  record: StoredRecord,
  value: unknown,
): Promise<ApplyOutcome> {
  const parsed = v.safeParse(DuplicateDecision, value);
  if (!parsed.success) return rejected(message('reject.duplicateDecision'));
  const decision = typeof parsed.output === 'string' ? { decision: parsed.output } : parsed.output;
  const refused = await decideCluster(
    tx,
    context,
    record.id,
    decision.decision,
    'recordIds' in decision ? decision.recordIds : undefined,
    'keep' in decision ? decision.keep : undefined,
  );
  return refused ? rejected(refused) : applied;
}
