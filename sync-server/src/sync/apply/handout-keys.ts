/**
 * @module Which household a handout counts for in the check for double handouts (docs/sync.md, G4), and the
 * flags that check raises. A handout to a registered household counts for it. One made through a damage entry
 * (a household not registered yet) counts for the household the officer has linked that entry to — now, not when
 * it was handed out — and for the entry itself while it is linked to none: the device reads it the same way
 * (src/db/relief.ts `handoutHousehold`). Each handout has one key in `event_keys`, rewritten when its entry's
 * link changes (`followDamageLink`); the handout itself stays as recorded, with its `damageId`.
 *
 * Lock rule (lock-keys.ts): all of this runs under the commune's `handout:<commune>` lock — a key depends on a
 * damage entry's link, which an edit changes, so no finer lock could be named before reading.
 */
import type { SqlExecutor } from '../../db/database';
import { duplicateKey, type Distribution, type DistributionData } from '../../../../src/shared/records/distribution';
import {
  childrenOf,
  eventsWithKey,
  getRecord,
  getRecords,
  liveIdsOfType,
  replaceEventKey,
  type StoredRecord,
} from '../../store/records';
import type { MutationContext } from '../context';
import { handoutLock } from '../lock-keys';
import { writeRecord } from '../write-record';

type Keyed = Pick<DistributionData, 'householdId' | 'damageId' | 'roundId' | 'item' | 'itemName'>;

/** The key of a handout, its damage entry being linked to `linked` (or to none). */
export function handoutKey(data: Keyed, linked: string | undefined): string {
  return duplicateKey(data.householdId === undefined && linked !== undefined ? { ...data, householdId: linked } : data);
}

/** The handouts of a commune with this key that are not voided. */
export async function activeWithKey(tx: SqlExecutor, commune: string, key: string): Promise<StoredRecord[]> {
  const records = await getRecords(tx, await eventsWithKey(tx, commune, key));
  return records.filter((r) => !(r.data as Distribution).voided);
}

/** Marks a stored handout a suspected double of `others` (those it does not name already). */
export async function flagDouble(
  tx: SqlExecutor,
  context: MutationContext,
  handout: StoredRecord,
  others: readonly string[],
): Promise<void> {
  const data = handout.data as Distribution;
  const added = others.filter((id) => id !== handout.id && !data.duplicateOf.includes(id));
  if (added.length === 0 && data.duplicateSuspected) return;
  await writeRecord(
    tx,
    context,
    { ...handout, data: { ...data, duplicateSuspected: true, duplicateOf: [...data.duplicateOf, ...added] } },
    { before: handout },
  );
}

/**
 * A damage entry's link went from `from` to `to` (either may be none): its handouts now count for `to`. Those
 * already stored with the same key there — a handout to the household and one through the entry, of the same
 * item in the same round — are flagged together now, as the officer would have been warned had the link been
 * made first. Flags raised under the previous link stay (the pair stays listed, as after a void).
 */
export async function followDamageLink(
  tx: SqlExecutor,
  context: MutationContext,
  damageId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<void> {
  if (from === to) return;
  for (const child of await childrenOf(tx, damageId)) {
    if (child.type !== 'distribution' || (child.data as Distribution).householdId !== undefined) continue;
    // Held since the batch began (lock-keys.ts), so immediate; a handout never leaves its commune.
    await tx.lock(handoutLock(child.commune));
    // Read again: an earlier turn of this loop may have flagged it with a sibling.
    const handout = (await getRecord(tx, child.id)) ?? child;
    const data = handout.data as Distribution;
    const key = handoutKey(data, to);
    // Keyed by the entry when stored before its link counted (or while it had none), else by the link it had.
    await replaceEventKey(tx, handout.commune, handout.id, [handoutKey(data, undefined), handoutKey(data, from)], key);
    if (data.voided) continue;
    const partners = (await activeWithKey(tx, handout.commune, key)).filter(
      (r) => r.id !== handout.id && !data.duplicateOf.includes(r.id),
    );
    if (partners.length === 0) continue;
    await flagDouble(
      tx,
      context,
      handout,
      partners.map((r) => r.id),
    );
    for (const partner of partners) await flagDouble(tx, context, partner, [handout.id]);
  }
}

/**
 * Migration 10: handouts made through damage entries linked before the server followed links were keyed by the
 * entry; each now counts for its entry's household, and the doubles that makes are flagged.
 */
export async function keyLinkedHandouts(tx: SqlExecutor, now: number): Promise<void> {
  const context: MutationContext = {
    userId: 'migration-10',
    role: 'admin',
    scope: new Set(),
    clientId: 'migration-10',
    now,
    stamp: '',
  };
  for (const damage of await getRecords(tx, await liveIdsOfType(tx, 'damage'))) {
    const linked = damage.data.householdId;
    if (typeof linked === 'string') await followDamageLink(tx, context, damage.id, undefined, linked);
  }
}
