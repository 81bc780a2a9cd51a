/**
 * @module Field-by-field merge of an editable record (SYNC.md guarantee 3). Each patched field carries the record
 * version its user saw (its base). A field nobody else changed since the base is applied; the same value is
 * nothing to do; another device's newer value makes a conflict and the committed value stays. Device clocks
 * play no part, so a tablet set in the future cannot win.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { describeIssues } from '../../../../src/shared/fields';
import { applyFieldValues, sameValue, type FieldPatch } from '../../../../src/shared/patch';
import { EDITABLE_TYPES, editableFieldNames, type EditableTypeName } from '../../../../src/shared/records/registry';
import { can, notPermitted } from '../../../../src/shared/permissions';
import { childrenOf, getRecord, type FieldWriter, type StoredRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';
import { recordConflict } from './conflicts';
import { checkDuplicates } from './duplicates';
import { classifySurveyCase } from '../derive/survey';
import { recordLock } from '../lock-keys';

export async function applyPatch(
  tx: SqlExecutor,
  context: MutationContext,
  op: { type: EditableTypeName; id: string; fields: FieldPatch },
): Promise<ApplyOutcome> {
  const existing = await getRecord(tx, op.id);
  if (existing && !context.scope.has(existing.commune)) return rejected(OUT_OF_SCOPE);
  if (existing && existing.type !== op.type) return rejected(`Mã ${op.id} đã dùng cho một bản ghi loại khác.`);
  const action = existing ? 'edit' : 'create';
  if (!can(context.role, op.type, action)) return rejected(notPermitted(context.role, op.type, action));
  if (existing?.deleted) return rejected('Bản ghi đã bị xóa trên máy chủ; thay đổi này không được áp dụng.');
  if (existing?.type === 'case' && !EDITABLE_CASE_STATUSES.has(String(existing.data.status ?? 'draft'))) {
    return rejected('Hồ sơ đã gửi duyệt: chỉ sửa được khi cán bộ xã trả lại.');
  }
  const editable = editableFieldNames(op.type);
  const unknownField = Object.keys(op.fields).find((field) => !editable.includes(field));
  if (unknownField) return rejected(`Trường "${unknownField}" không sửa được.`);

  // While a field's conflict is open, a new value joins it instead of overwriting what the officer is deciding.
  const disputed = existing
    ? new Set((await childrenOf(tx, existing.id)).filter((r) => r.type === 'conflict' && r.data.status === 'open').map((r) => String(r.data.field)))
    : new Set<string>();
  const { accepted, conflicts } = mergeFields(existing, op.fields, context.clientId, disputed);
  const merged = applyFieldValues(existing?.data, accepted);
  const type = EDITABLE_TYPES[op.type];
  const parsed = v.safeParse(type.fields, pick(merged, editable));
  if (!parsed.success) return rejected(`Dữ liệu không hợp lệ — ${describeIssues(parsed.issues)}`);
  const fields: Record<string, unknown> = parsed.output;
  const commune = String(fields.communeCode);
  if (!context.scope.has(commune)) return rejected(`Bạn không được giao xã có mã ${commune}.`);

  let parentId: string | null = null;
  if ('parent' in type) {
    parentId = String(fields[type.parent.key]);
    const parent = await getRecord(tx, parentId);
    const parentType = type.parent.type(fields);
    if (!parent || parent.type !== parentType || parent.deleted || parent.commune !== commune) {
      return rejected(
        parentType === 'household'
          ? 'Không tìm thấy hộ gia đình của bản ghi này trong xã; hãy đồng bộ lại rồi thử lại.'
          : 'Không tìm thấy người của hồ sơ này trong xã; hãy đồng bộ lại rồi thử lại.',
      );
    }
  }

  // A survey's classification is the server's, never the device's (sync/derive/survey.ts).
  if (op.type === 'case' && fields.kind === 'survey' && 'data' in accepted) {
    const derived = await classifySurveyCase(tx, String(fields.subjectId), fields.data, 'device');
    if (!derived.ok) return rejected(derived.reason);
    fields.data = derived.data;
  }

  const moving = existing !== undefined && existing.commune !== commune && Object.keys(accepted).length > 0;
  if (moving) await lockDescendants(tx, op.id);

  if (Object.keys(accepted).length > 0) {
    const defaults: Record<string, unknown> = 'serverDefaults' in type && !existing ? type.serverDefaults : {};
    const data: Record<string, unknown> = { ...defaults, ...existing?.data, ...fields };
    for (const [field, [value]] of Object.entries(accepted)) if (value === null) delete data[field];
    const record: Omit<StoredRecord, 'version'> = {
      id: op.id,
      type: op.type,
      commune,
      parentId,
      data,
      meta: { f: { ...existing?.meta.f } },
      deleted: false,
      createdAt: existing?.createdAt ?? context.now,
    };
    await writeRecord(tx, context, record, { previousCommune: existing?.commune, touched: Object.keys(accepted) });
    if (!existing || Object.keys(accepted).some((field) => IDENTITY_FIELDS.has(field))) await checkDuplicates(tx, context, record, !existing);
    if (existing && existing.commune !== commune) await moveChildren(tx, context, op.id, existing.commune, commune);
  }
  if (conflicts.length === 0) return applied;
  // A new version of the record even when nothing of this patch applied: a device that laid its own value over
  // the record pulls the committed one again, and every device shows the same provisional value.
  if (existing && Object.keys(accepted).length === 0) await writeRecord(tx, context, existing);
  const current = await getRecord(tx, op.id);
  if (!current) throw new Error(`record ${op.id} vanished inside its own transaction`);
  for (const field of conflicts) await recordConflict(tx, context, current, field, op.fields[field]?.[0] ?? null);
  return { status: 'conflict', fields: conflicts };
}

const EDITABLE_CASE_STATUSES = new Set(['draft', 'returned']);

function mergeFields(existing: StoredRecord | undefined, fields: FieldPatch, clientId: string, disputed: ReadonlySet<string>) {
  const accepted: FieldPatch = {};
  const conflicts: string[] = [];
  for (const [field, entry] of Object.entries(fields)) {
    const [value, base] = entry;
    if (!existing) {
      accepted[field] = entry;
      continue;
    }
    if (sameValue(existing.data[field], value)) continue;
    if (disputed.has(field)) {
      conflicts.push(field);
      continue;
    }
    const writer: FieldWriter | undefined = existing.meta.f[field];
    const unchangedSinceBase = !writer || writer[0] <= base;
    // A device's own earlier edit is not a conflict with itself, even before it has pulled its new version.
    const ownEdit = writer?.[1] === clientId;
    if (unchangedSinceBase || ownEdit) accepted[field] = entry;
    else conflicts.push(field);
  }
  return { accepted, conflicts };
}

function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}

/**
 * What belongs to a household or a person goes where they go: members, their cases (surveys with their answers,
 * allowance cases), conflicts and duplicate flags. The relief ledger stays with the commune that handed it out
 * (damage assessed there, handouts and voids with their receipts): it is that commune's account of what it gave.
 */
const MOVES_WITH_PARENT = new Set(['member', 'case', 'conflict', 'duplicate']);

/** Fields a person or household is recognised by (src/shared/search/duplicates.ts). */
const IDENTITY_FIELDS = new Set(['headName', 'headCitizenId', 'village', 'fullName', 'birthDate', 'citizenId', 'householdId']);

/**
 * Before a record moves, the locks of everything that moves with it: a child's own edit holds its lock, not its
 * household's, so without them a member edited at the same moment would be moved as it was read, and the edit
 * would land in the old commune. Taken before this mutation writes anything (so before any commune counter); a
 * deadlock with another batch is still possible in theory — PostgreSQL detects it, the batch answers 503 and the
 * device retries it whole.
 */
async function lockDescendants(tx: SqlExecutor, id: string): Promise<void> {
  const ids: string[] = [];
  for (let frontier = [id]; frontier.length > 0; ) {
    const next: string[] = [];
    for (const parent of frontier) for (const child of await childrenOf(tx, parent)) if (MOVES_WITH_PARENT.has(child.type)) next.push(child.id);
    ids.push(...next);
    frontier = next;
  }
  await tx.lockAll(ids.map(recordLock));
}

async function moveChildren(tx: SqlExecutor, context: MutationContext, parentId: string, from: string, to: string) {
  // Read after lockDescendants: every child's own edit has committed or waits for this move.
  for (const child of await childrenOf(tx, parentId)) {
    if (child.commune !== from || !MOVES_WITH_PARENT.has(child.type)) continue;
    await writeRecord(tx, context, { ...child, commune: to, data: { ...child.data, communeCode: to } }, { previousCommune: from });
    // A member's own conflicts and duplicate flags go too: nothing about the person stays behind.
    await moveChildren(tx, context, child.id, from, to);
  }
}
