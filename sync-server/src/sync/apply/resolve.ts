/**
 * @module A commune officer settles a conflict: the chosen (or typed) value is written to the record as a new
 * change — itself synced like any other — and the conflict is closed with who decided and when.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { describeIssues } from '../../../../src/shared/fields';
import type { ConflictData } from '../../../../src/shared/records/conflict';
import { DuplicateDecision } from '../../../../src/shared/records/duplicate';
import { EDITABLE_TYPES, type EditableTypeName } from '../../../../src/shared/records/registry';
import { CONFLICT_RESOLVERS } from '../../../../src/shared/roles';
import { getRecord, type StoredRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';
import { decideCluster } from './duplicates';

export async function applyResolve(tx: SqlExecutor, context: MutationContext, op: { id: string; value: unknown }): Promise<ApplyOutcome> {
  if (!CONFLICT_RESOLVERS.includes(context.role)) return rejected('Chỉ cán bộ xã được quyết định giá trị khi có xung đột.');
  const conflict = await getRecord(tx, op.id);
  if (conflict?.type === 'duplicate' && context.scope.has(conflict.commune)) return decideDuplicate(tx, context, conflict, op.value);
  if (!conflict || conflict.type !== 'conflict' || !context.scope.has(conflict.commune)) return rejected(OUT_OF_SCOPE);
  const data = conflict.data as ConflictData;
  if (data.status !== 'open') return rejected('Xung đột này đã được giải quyết.');
  await tx.lock(`record:${data.recordId}`);
  const record = await getRecord(tx, data.recordId);
  if (!record || record.deleted) return rejected('Bản ghi của xung đột không còn; không thể áp dụng.');
  // The record decides the scope, not the conflict: it may have moved since.
  if (!context.scope.has(record.commune)) return rejected(OUT_OF_SCOPE);

  const next = { ...record.data, [data.field]: op.value };
  if (op.value === null) delete next[data.field];
  const type = EDITABLE_TYPES[record.type as EditableTypeName];
  const parsed = v.safeParse(type.fields, next);
  if (!parsed.success) return rejected(`Giá trị không hợp lệ — ${describeIssues(parsed.issues)}`);
  if (data.field === 'communeCode' || data.field === 'householdId') return rejected('Chuyển xã hoặc chuyển hộ không quyết định qua xung đột; hãy sửa trực tiếp hồ sơ.');

  await writeRecord(tx, context, { ...record, data: next }, { touched: [data.field] });
  await writeRecord(tx, context, { ...conflict, data: { ...data, status: 'resolved', resolution: { value: op.value, by: context.userId, at: context.now } } });
  return applied;
}

/**
 * A cluster of possible duplicates is confirmed (the office will merge the paper files) or dismissed, as a whole;
 * the records stay. The device names the members the officer saw; a cluster that has grown since is not decided
 * (the newcomer was never looked at). A bare "confirmed"/"dismissed" (apps before clusters) decides it as it is.
 */
async function decideDuplicate(tx: SqlExecutor, context: MutationContext, record: StoredRecord, value: unknown): Promise<ApplyOutcome> {
  const parsed = v.safeParse(DuplicateDecision, value);
  if (!parsed.success) return rejected('Chọn "đúng là trùng" hoặc "không trùng".');
  const decision = typeof parsed.output === 'string' ? { decision: parsed.output } : parsed.output;
  const refused = await decideCluster(tx, context, record.id, decision.decision, 'recordIds' in decision ? decision.recordIds : undefined);
  return refused ? rejected(refused) : applied;
}
