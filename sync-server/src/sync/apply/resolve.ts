/**
 * @module A commune officer settles a conflict: the chosen (or typed) value is written to the record as a new
 * change — itself synced like any other — and the conflict is closed with who decided and when.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { describeIssues } from '../../../../src/shared/fields';
import type { ConflictData } from '../../../../src/shared/records/conflict';
import { EDITABLE_TYPES, type EditableTypeName } from '../../../../src/shared/records/registry';
import { can, notPermitted } from '../../../../src/shared/permissions';
import { getRecord, type StoredRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';

export async function applyResolve(tx: SqlExecutor, context: MutationContext, op: { id: string; value: unknown }): Promise<ApplyOutcome> {
  const conflict = await getRecord(tx, op.id);
  const kind = conflict?.type === 'duplicate' ? 'duplicate' : 'conflict';
  if (!can(context.role, kind, 'resolve')) return rejected(notPermitted(context.role, kind, 'resolve'));
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

/** A possible duplicate is confirmed (the office will merge the paper files) or dismissed; the records stay. */
async function decideDuplicate(tx: SqlExecutor, context: MutationContext, record: StoredRecord, value: unknown): Promise<ApplyOutcome> {
  if (value !== 'confirmed' && value !== 'dismissed') return rejected('Chọn "đúng là trùng" hoặc "không trùng".');
  if (record.data.status !== 'open') return rejected('Trường hợp trùng này đã được xem xét.');
  await writeRecord(tx, context, { ...record, data: { ...record.data, status: value, decision: { by: context.userId, at: context.now } } });
  return applied;
}
