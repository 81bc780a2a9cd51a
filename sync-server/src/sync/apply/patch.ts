/**
 * @module Field-by-field merge of an editable record (docs/sync.md, G3). Each patched field carries the record
 * version its user saw (its base). A field nobody else changed since the base is applied; the same value is
 * nothing to do; another device's newer value makes a conflict and the committed value stays. Device clocks
 * play no part, so a tablet set in the future cannot win.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { issueMessages, message } from '../../../../src/shared/messages';
import { applyFieldValues, sameValue, type FieldPatch } from '../../../../src/shared/patch';
import {
  EDITABLE_TYPES,
  editableFieldNames,
  recordSchema,
  type EditableTypeName,
} from '../../../../src/shared/records/registry';
import { can, createRefusal, notPermitted, readsSensitive } from '../../../../src/shared/permissions';
import { childrenOf, getRecord, type FieldWriter, type StoredRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { writeRecord } from '../write-record';
import { recordConflict } from './conflicts';
import { checkDuplicates, IDENTITY_FIELDS } from './duplicates';
import { CASE_LOCKED, caseLocked, checkFields, pick, typedIssue } from './checked-fields';
import { futureDateIssue } from '../../../../src/shared/clock-bounds';
import type { ConflictData } from '../../../../src/shared/records/conflict';
import { recordLock } from '../lock-keys';
import { followDamageLink } from './handout-keys';
import { carryRename } from './villages';

export async function applyPatch(
  tx: SqlExecutor,
  context: MutationContext,
  op: { type: EditableTypeName; id: string; fields: FieldPatch },
): Promise<ApplyOutcome> {
  const existing = await getRecord(tx, op.id);
  if (existing && !context.scope.has(existing.commune)) return rejected(OUT_OF_SCOPE);
  if (existing && existing.type !== op.type) return rejected(message('reject.idOfOtherType', { id: op.id }));
  const action = existing ? 'edit' : 'create';
  if (!can(context.role, op.type, action)) return rejected(notPermitted(context.role, op.type, action));
  const limited = existing ? undefined : createRefusal(context.role, op.type, fieldValues(op.fields));
  if (limited) return rejected(limited);
  if (existing?.deleted) return rejected(message('reject.deletedOnServer'));
  if (caseLocked(existing)) return rejected(CASE_LOCKED);
  const editable = editableFieldNames(op.type);
  const unknownField = Object.keys(op.fields).find((field) => !editable.includes(field));
  if (unknownField) return rejected(message('reject.fieldNotEditable', { field: unknownField }));

  // While a field's conflict is open, a new value joins it instead of overwriting what the officer is deciding.
  const open = existing
    ? (await childrenOf(tx, existing.id)).filter((r) => r.type === 'conflict' && r.data.status === 'open')
    : [];
  const disputed = new Set(open.map((r) => String(r.data.field)));
  const { accepted, conflicts } = mergeFields(
    existing,
    unseenKept(context, existing, op.fields),
    context.clientId,
    disputed,
  );
  const checked = await checkFields(
    tx,
    context,
    op.type,
    existing,
    applyFieldValues(existing?.data, accepted),
    Object.keys(accepted),
  );
  if (!checked.ok) return rejected(checked.reason);
  const { fields, commune, parentId } = checked;
  // A value that loses goes before the officer: it must be one the record could hold, and a conflict stays small
  // enough for every device of the commune to keep (a device pushing junk into candidates would fill them).
  for (const field of conflicts) {
    const candidate = v.safeParse(
      recordSchema(op.type),
      pick(applyFieldValues(existing?.data, { [field]: op.fields[field]! }), editable),
    );
    if (!candidate.success) return rejected(message('reject.invalidData', undefined, issueMessages(candidate.issues)));
    const typed = typedIssue(op.type, candidate.output, existing);
    if (typed) return rejected(typed);
    const future = futureDateIssue(op.type, { [field]: op.fields[field]![0] }, context.now);
    if (future) return rejected(future);
    const candidates =
      (open.find((r) => r.data.field === field)?.data as ConflictData | undefined)?.candidates.length ?? 0;
    if (candidates >= MAX_CANDIDATES)
      return rejected(message('reject.tooManyCandidates', { field, count: candidates }));
  }

  const moving = existing !== undefined && existing.commune !== commune && Object.keys(accepted).length > 0;
  if (moving) await lockDescendants(tx, op.id);

  if (Object.keys(accepted).length > 0) {
    const declared = EDITABLE_TYPES[op.type];
    const defaults: Record<string, unknown> = 'serverDefaults' in declared && !existing ? declared.serverDefaults : {};
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
    await writeRecord(tx, context, record, { before: existing, touched: Object.keys(accepted) });
    if (!existing || Object.keys(accepted).some((field) => IDENTITY_FIELDS.has(field)))
      await checkDuplicates(tx, context, record, !existing);
    if (existing && existing.commune !== commune) await moveChildren(tx, context, op.id, existing.commune, commune);
    // Its handouts count for the household it names now (handout-keys.ts); resolve.ts never writes this field.
    if (op.type === 'damage') await followDamageLink(tx, context, op.id, linkOf(existing?.data), linkOf(data));
    // A renamed village carries its new name to the households that name it (villages.ts).
    if (op.type === 'village' && existing) await carryRename(tx, context, existing, record);
  }
  if (conflicts.length === 0) return applied;
  // A new version of the record even when nothing of this patch applied: a device that laid its own value over
  // the record pulls the committed one again, and every device shows the same provisional value.
  if (existing && Object.keys(accepted).length === 0) await writeRecord(tx, context, existing, { before: existing });
  const current = await getRecord(tx, op.id);
  if (!current) throw new Error(`record ${op.id} vanished inside its own transaction`);
  for (const field of conflicts) await recordConflict(tx, context, current, field, op.fields[field]?.[0] ?? null);
  return { status: 'conflict', fields: conflicts };
}

/**
 * A case's `sensitive` field is never sent to a role that may not read it (pull.ts), so such a device's empty value
 * for it says nothing: it is left out, unless this device wrote the value itself (the collaborator who filed it).
 */
function unseenKept(context: MutationContext, existing: StoredRecord | undefined, fields: FieldPatch): FieldPatch {
  if (existing?.type !== 'case' || readsSensitive(context.role) || existing.data.sensitive === undefined) return fields;
  const entry = fields.sensitive;
  if (!entry || entry[0] !== null || existing.meta.f.sensitive?.[1] === context.clientId) return fields;
  const { sensitive: _unseen, ...rest } = fields;
  return rest;
}

/** Values one conflict may hold before a device's next one is refused (kept on the device, with the reason). */
export const MAX_CANDIDATES = 20;

function mergeFields(
  existing: StoredRecord | undefined,
  fields: FieldPatch,
  clientId: string,
  disputed: ReadonlySet<string>,
) {
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

/**
 * What belongs to a household or a person goes where they go: members, their cases (surveys with their answers,
 * allowance cases), conflicts and duplicate flags. The relief ledger stays with the commune that handed it out
 * (damage assessed there, handouts and voids with their receipts): it is that commune's account of what it gave.
 */
const MOVES_WITH_PARENT = new Set(['member', 'case', 'conflict', 'duplicate']);

/**
 * Before a record moves, the locks of what moves with it further down: a direct child's write already holds this
 * record's lock (lock-keys.ts), but a grandchild's — a member's allowance case — holds only its own and its
 * member's, so without these a case edited at the same moment would be moved as it was read and its edit would
 * land in the old commune. Direct children are left out on purpose: their writers hold this record's lock too and
 * would wait for it while holding theirs. Taken before this mutation writes anything.
 */
async function lockDescendants(tx: SqlExecutor, id: string): Promise<void> {
  const ids: string[] = [];
  let frontier = (await childrenOf(tx, id))
    .filter((child) => MOVES_WITH_PARENT.has(child.type))
    .map((child) => child.id);
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const parent of frontier)
      for (const child of await childrenOf(tx, parent)) if (MOVES_WITH_PARENT.has(child.type)) next.push(child.id);
    ids.push(...next);
    frontier = next;
  }
  await tx.lockAll(ids.map(recordLock));
}

async function moveChildren(tx: SqlExecutor, context: MutationContext, parentId: string, from: string, to: string) {
  // Read after lockDescendants: every child's own edit has committed or waits for this move.
  for (const child of await childrenOf(tx, parentId)) {
    if (child.commune !== from || !MOVES_WITH_PARENT.has(child.type)) continue;
    const moved = { ...child, commune: to, data: { ...child.data, communeCode: to } };
    await writeRecord(tx, context, moved, { before: child });
    // Its key goes too, or its look-alikes would still be looked for in the commune it left.
    await checkDuplicates(tx, context, moved, false);
    // A member's own conflicts and duplicate flags go too: nothing about the person stays behind.
    await moveChildren(tx, context, child.id, from, to);
  }
}

const linkOf = (data: Record<string, unknown> | undefined) =>
  typeof data?.householdId === 'string' ? data.householdId : undefined;

/** A patch's new values, field by field. */
function fieldValues(fields: FieldPatch): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([field, [value]]) => [field, value]));
}
