/** @module Applies one household patch on the server, inside the push transaction, within the user's scope. */
import * as v from 'valibot';
import type { SqlExecutor } from '../db/database';
import { applyHouseholdPatch, describeIssues, HouseholdFields, type HouseholdPatch } from '../../../src/shared/household';
import { getHousehold, putHousehold } from '../store/households';
import { nextCommuneVersion } from '../store/sync-log';
import type { PushContext } from './push';

export type ApplyOutcome = { ok: true } | { ok: false; reason: string };

export async function applyHouseholdPut(
  tx: SqlExecutor,
  context: PushContext,
  op: { recordId: string; patch: HouseholdPatch },
): Promise<ApplyOutcome> {
  const existing = await getHousehold(tx, op.recordId);
  // Same answer whether the record exists elsewhere or not: nothing about other communes leaks.
  if (existing && !context.scope.has(existing.commune)) {
    return { ok: false, reason: 'Hộ gia đình này thuộc xã không được giao cho bạn.' };
  }
  let current: Record<string, unknown> | undefined;
  if (existing) {
    const { id: _id, version: _version, updatedAt: _updatedAt, ...fields } = existing.household;
    current = fields;
  }
  const parsed = v.safeParse(HouseholdFields, applyHouseholdPatch(current, op.patch));
  if (!parsed.success) return { ok: false, reason: `Dữ liệu hộ không hợp lệ — ${describeIssues(parsed.issues)}` };
  const fields = parsed.output;
  if (!context.scope.has(fields.communeCode)) {
    return { ok: false, reason: `Bạn không được giao xã có mã ${fields.communeCode}.` };
  }
  if (existing && existing.commune !== fields.communeCode) {
    return { ok: false, reason: 'Chưa hỗ trợ chuyển hộ sang xã khác; hãy liên hệ cán bộ xã.' };
  }
  const version = await nextCommuneVersion(tx, fields.communeCode);
  await putHousehold(tx, { ...fields, id: op.recordId, version, updatedAt: context.now }, context.userId);
  return { ok: true };
}
