/**
 * @module Relief handouts as append-only events (docs/sync.md, G4). Stored once per event id, whoever sends
 * it; a second active handout of the same item to the same household in the same round is stored and both are
 * flagged for the commune officer's review — never refused. A void event corrects a mistake; nothing is deleted,
 * and a handout whose every partner in a suspected double is voided is no longer flagged (handout-keys.ts
 * `clearIfAlone`, as when a damage entry's new link leaves a pair apart).
 *
 * A handout through a damage entry counts for the household that entry is linked to, and one to a household merged
 * into another for the one kept (handout-keys.ts).
 *
 * Lock rule (lock-keys.ts): a stored handout is rewritten — flagged as a double, or voided — only under its
 * commune's handout lock, and read for that rewrite only once the lock is held. A void, a second handout and a
 * damage entry's new link therefore take turns, and none writes back a copy older than another's change.
 */
import * as v from 'valibot';
import type { SqlExecutor } from '../../db/database';
import { issueMessages, message } from '../../../../src/shared/messages';
import { DistributionData, VoidData, type Distribution } from '../../../../src/shared/records/distribution';
import { can, notPermitted } from '../../../../src/shared/permissions';
import { addEventKey, getRecord } from '../../store/records';
import { applied, OUT_OF_SCOPE, rejected, type ApplyOutcome, type MutationContext } from '../context';
import { handoutLock } from '../lock-keys';
import { futureDateIssue } from '../../../../src/shared/clock-bounds';
import { writeRecord } from '../write-record';
import { activeWithKey, clearIfAlone, flagDouble, handoutKey, survivorOf } from './handout-keys';

export async function applyDistribution(
  tx: SqlExecutor,
  context: MutationContext,
  op: { id: string; data: unknown },
): Promise<ApplyOutcome> {
  if (!can(context.role, 'distribution', 'create'))
    return rejected(notPermitted(context.role, 'distribution', 'create'));
  const existing = await getRecord(tx, op.id);
  if (existing)
    return existing.type === 'distribution' && context.scope.has(existing.commune) ? applied : rejected(OUT_OF_SCOPE);
  const parsed = v.safeParse(DistributionData, op.data);
  if (!parsed.success) return rejected(message('reject.invalidHandout', undefined, issueMessages(parsed.issues)));
  const data = parsed.output;
  if (!context.scope.has(data.communeCode))
    return rejected(message('reject.communeNotAssigned', { commune: data.communeCode }));
  // A handout is a fact: one dated beyond the server's clock was made on a tablet whose clock is wrong.
  const future = futureDateIssue('distribution', data, context.now);
  if (future) return rejected(future);
  const household = data.householdId === undefined ? undefined : await getRecord(tx, data.householdId);
  if (data.householdId !== undefined) {
    if (household?.type !== 'household' || household.commune !== data.communeCode) {
      return rejected(message('reject.handoutHouseholdMissing'));
    }
  }
  // Two devices' handouts of the same item to the same household must see each other to be flagged, and a
  // damage entry's link (and a merge) is read as it stands; the batch took this lock up front (lock-keys.ts).
  await tx.lock(handoutLock(data.communeCode));
  // A household not registered yet is handed out to through its damage entry, which must be of this commune.
  let countsFor = data.householdId;
  if (data.damageId !== undefined) {
    const damage = await getRecord(tx, data.damageId);
    if (damage?.type !== 'damage' || damage.deleted || damage.commune !== data.communeCode) {
      return rejected(message('reject.handoutDamageMissing'));
    }
    // Linked already (a tablet that had not synced the link): it counts for the household.
    if (countsFor === undefined && typeof damage.data.householdId === 'string') countsFor = damage.data.householdId;
  }
  // To a household merged away (a tablet that had not synced the merge): it counts for the one kept.
  if (countsFor !== undefined)
    countsFor = await survivorOf(tx, countsFor, countsFor === data.householdId ? household : undefined);

  const key = handoutKey(data, countsFor);
  const earlier = await activeWithKey(tx, data.communeCode, key);
  const event: Distribution = {
    ...data,
    handedOutBy: context.userId,
    duplicateSuspected: earlier.length > 0,
    duplicateOf: earlier.map((r) => r.id),
  };
  await writeRecord(
    tx,
    context,
    baseRecord(op.id, 'distribution', data.communeCode, data.householdId ?? data.damageId ?? '', event, context.now),
    { before: undefined },
  );
  await addEventKey(tx, data.communeCode, key, op.id);
  for (const other of earlier) await flagDouble(tx, context, other, [op.id]);
  return applied;
}

export async function applyVoid(
  tx: SqlExecutor,
  context: MutationContext,
  op: { id: string; data: unknown },
): Promise<ApplyOutcome> {
  if (!can(context.role, 'distribution_void', 'create'))
    return rejected(notPermitted(context.role, 'distribution_void', 'create'));
  const parsed = v.safeParse(VoidData, op.data);
  if (!parsed.success) return rejected(message('reject.invalidVoid', undefined, issueMessages(parsed.issues)));
  const data = parsed.output;
  const found = await getRecord(tx, data.target);
  if (found?.type !== 'distribution' || !context.scope.has(found.commune)) return rejected(OUT_OF_SCOPE);
  // Read again under its commune's handout lock: a second handout of the same key may have flagged it meanwhile.
  await tx.lock(handoutLock(found.commune));
  const target = (await getRecord(tx, data.target)) ?? found;
  const existing = await getRecord(tx, op.id);
  if (existing)
    return existing.type === 'distribution_void' && existing.parentId === target.id ? applied : rejected(OUT_OF_SCOPE);
  const targetData = target.data as Distribution;
  if (targetData.voided) return rejected(message('reject.alreadyVoided'));
  // The void lives where its handout lives, whatever commune the device wrote on it.
  await writeRecord(
    tx,
    context,
    baseRecord(
      op.id,
      'distribution_void',
      target.commune,
      target.id,
      { ...data, communeCode: target.commune, by: context.userId },
      context.now,
    ),
    { before: undefined },
  );
  await writeRecord(
    tx,
    context,
    {
      ...target,
      data: { ...targetData, voided: { voidId: op.id, reason: data.reason, by: context.userId, at: context.now } },
    },
    { before: target },
  );
  // Its partners in a suspected double handout are of its commune, so its lock covers them: a partner whose every
  // other partner is now voided is no longer suspected (the pair stays listed in duplicateOf).
  for (const partner of targetData.duplicateOf) await clearIfAlone(tx, context, partner);
  return applied;
}

function baseRecord(
  id: string,
  type: 'distribution' | 'distribution_void',
  commune: string,
  parentId: string,
  data: object,
  now: number,
) {
  return { id, type, commune, parentId, data: { ...data }, meta: { f: {} }, deleted: false, createdAt: now };
}
