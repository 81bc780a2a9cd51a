/**
 * @module Which household a handout counts for in the check for double handouts (docs/sync.md, G4), and the
 * flags that check raises. A handout to a registered household counts for it. One made through a damage entry
 * (a household not registered yet) counts for the household the officer has linked that entry to — now, not when
 * it was handed out — and for the entry itself while it is linked to none: the device reads it the same way
 * (src/db/relief.ts `handoutHousehold`). A household merged into another ("Đúng là trùng") counts as the one kept,
 * and so does every handout that counted for it. Each handout has one key in `event_keys`, rewritten when its
 * entry's link changes (`followDamageLink`) or its household is merged away (`followMerge`); the handout itself
 * stays as recorded, with its `householdId` or `damageId`.
 *
 * A handout is a suspected double while one it was paired with is active and has its key: a pair that a void, or
 * a new link, leaves apart is no longer flagged (`clearIfAlone`); the pair stays listed in `duplicateOf`.
 *
 * Lock rule (lock-keys.ts): all of this runs under the commune's `handout:<commune>` lock — a key depends on a
 * damage entry's link, which an edit or a merge changes, so no finer lock could be named before reading.
 */
import type { SqlExecutor } from '../../db/database';
import { duplicateKey, type Distribution, type DistributionData } from '../../../../src/shared/records/distribution';
import {
  childrenOf,
  eventsWithKey,
  getRecord,
  getRecords,
  liveIdsOfType,
  recordsOfType,
  replaceEventKey,
  scanRecords,
  type StoredRecord,
} from '../../store/records';
import type { MutationContext } from '../context';
import { handoutLock, recordLock } from '../lock-keys';
import { writeRecord } from '../write-record';
import { entriesLinkedTo } from '../damage-links';

type Keyed = Pick<DistributionData, 'householdId' | 'damageId' | 'roundId' | 'item' | 'itemName'>;

/** The key of a handout that counts for `household` (none: a handout through an entry linked to none). */
export function handoutKey(data: Keyed, household: string | undefined): string {
  return duplicateKey(household === undefined ? data : { ...data, householdId: household });
}

/**
 * The household a stored handout counts for now: its own, else its damage entry's link (none: the entry) — or,
 * when that one was merged away, the household it was merged into (`survivorOf`).
 */
export async function countsFor(tx: SqlExecutor, data: Keyed): Promise<string | undefined> {
  let household = data.householdId;
  if (household === undefined && data.damageId !== undefined) {
    const damage = await getRecord(tx, data.damageId);
    const linked = damage?.type === 'damage' ? damage.data.householdId : undefined;
    household = typeof linked === 'string' ? linked : undefined;
  }
  return household === undefined ? undefined : survivorOf(tx, household);
}

/**
 * The household `id` counts as: itself, or — merged away by "Đúng là trùng" (soft-deleted with `mergedInto`) —
 * the one kept, followed as far as it was merged in turn. `known`: `id` as read already, if it was.
 */
export async function survivorOf(tx: SqlExecutor, id: string, known?: StoredRecord): Promise<string> {
  const seen = new Set([id]);
  let at = id;
  for (let current = known ?? (await getRecord(tx, id)); current?.type === 'household' && current.deleted; ) {
    const next = current.data.mergedInto;
    if (typeof next !== 'string' || seen.has(next)) break;
    seen.add(next);
    at = next;
    current = await getRecord(tx, next);
  }
  return at;
}

const keyNow = async (tx: SqlExecutor, data: Keyed) => handoutKey(data, await countsFor(tx, data));

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
 * A handout flagged as a double whose every partner is voided, or counts elsewhere now (its damage entry linked
 * to another household, or to none), is no longer suspected; the pairs stay listed in `duplicateOf`. A voided
 * handout keeps its flags as they were: it is no longer compared. Read here, under its commune's handout lock.
 */
export async function clearIfAlone(tx: SqlExecutor, context: MutationContext, id: string): Promise<void> {
  const handout = await getRecord(tx, id);
  if (handout?.type !== 'distribution') return;
  const data = handout.data as Distribution;
  if (data.voided || !data.duplicateSuspected) return;
  const sharing = new Set(await eventsWithKey(tx, handout.commune, await keyNow(tx, data)));
  const partners = await getRecords(
    tx,
    data.duplicateOf.filter((other) => sharing.has(other)),
  );
  if (partners.some((partner) => partner.type === 'distribution' && !(partner.data as Distribution).voided)) return;
  await writeRecord(tx, context, { ...handout, data: { ...data, duplicateSuspected: false } }, { before: handout });
}

/**
 * The records these handouts count for have changed: each is keyed as it counts now, then flagged with the active
 * handouts it meets under that key — as the officer would have been warned had it counted so from the start — and
 * the pairs it left are cleared when nothing else holds them (`clearIfAlone`). Every handout is re-keyed before
 * any is compared, so handouts that move together (through the same entry) stay paired.
 */
async function rekey(tx: SqlExecutor, context: MutationContext, found: readonly StoredRecord[]): Promise<void> {
  const moved: { id: string; commune: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const { id, commune } of found) {
    if (seen.has(id)) continue;
    seen.add(id);
    // Held since the batch began (lock-keys.ts), so immediate; a handout never leaves its commune.
    await tx.lock(handoutLock(commune));
    const handout = await getRecord(tx, id);
    if (handout?.type !== 'distribution') continue;
    const key = await keyNow(tx, handout.data as Distribution);
    await replaceEventKey(tx, commune, id, key);
    moved.push({ id, commune, key });
  }
  const left = new Set<string>();
  for (const { id, commune, key } of moved) {
    // Read again: an earlier turn of this loop may have flagged it with a sibling.
    const handout = (await getRecord(tx, id))!;
    const data = handout.data as Distribution;
    left.add(id);
    for (const other of data.duplicateOf) left.add(other);
    if (data.voided) continue;
    // Those it was paired with before count too: a link made again pairs them again.
    const partners = (await activeWithKey(tx, commune, key)).filter((r) => r.id !== id);
    if (partners.length === 0) continue;
    await flagDouble(
      tx,
      context,
      handout,
      partners.map((r) => r.id),
    );
    for (const partner of partners) await flagDouble(tx, context, partner, [id]);
  }
  for (const id of left) await clearIfAlone(tx, context, id);
}

/**
 * A damage entry's link went from `from` to `to` (either may be none): its handouts now count for `to`. Those
 * already stored with the same key there — a handout to the household and one through the entry, of the same
 * item in the same round — are flagged together now; pairs made under the previous link that no longer share a
 * household are no longer flagged (the pair stays listed, as after a void).
 */
export async function followDamageLink(
  tx: SqlExecutor,
  context: MutationContext,
  damageId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<void> {
  if (from === to) return;
  const handouts = (await childrenOf(tx, damageId)).filter(
    (child) => child.type === 'distribution' && (child.data as Distribution).householdId === undefined,
  );
  await rekey(tx, context, handouts);
}

/**
 * Household `away` was merged into `kept` ("Đúng là trùng", apply/duplicates.ts `mergeInto`; already written
 * soft-deleted): what counted for it counts for the one kept. The damage entries linked to it — or to a household
 * merged into it before — are linked to the one kept (an entry the officer deleted stays as it is), and the
 * handouts that counted for it are re-keyed there and flagged with the ones they meet (`rekey`): its own, those of
 * the households merged into it before, those through the entries. The handouts stay as recorded.
 *
 * Locks: its commune's handout lock and the entries' `record:<id>`, taken with the batch's (lock-keys.ts); an
 * entry linked to it since is locked late (rare: that link needed the handout lock, and had it just before us).
 */
export async function followMerge(
  tx: SqlExecutor,
  context: MutationContext,
  away: StoredRecord,
  kept: string,
): Promise<void> {
  await tx.lock(handoutLock(away.commune));
  const counted = await householdsCountingAs(tx, away);
  const handouts: StoredRecord[] = [];
  for (const id of counted)
    for (const child of await childrenOf(tx, id))
      if (child.type === 'distribution' && (child.data as Distribution).householdId === id) handouts.push(child);
  for (const found of await entriesLinkedTo(tx, away.commune, counted, { deleted: true })) {
    if (!found.deleted) {
      await tx.lock(recordLock(found.id));
      await tx.lock(handoutLock(found.commune));
      // Read again under its lock: an edit of another field may have come since it was found.
      const entry = await getRecord(tx, found.id);
      if (entry && !entry.deleted && counted.has(String(entry.data.householdId)))
        await writeRecord(
          tx,
          context,
          { ...entry, data: { ...entry.data, householdId: kept } },
          { before: entry, touched: ['householdId'] },
        );
    }
    for (const child of await childrenOf(tx, found.id))
      if (child.type === 'distribution' && (child.data as Distribution).householdId === undefined) handouts.push(child);
  }
  await rekey(tx, context, handouts);
}

/** `away` and the households of its commune merged into it before, at any depth (their handouts counted for it). */
async function householdsCountingAs(tx: SqlExecutor, away: StoredRecord): Promise<Set<string>> {
  const counted = new Set([away.id]);
  const merged = (await recordsOfType(tx, away.commune, 'household', { deleted: true })).filter(
    (household) => typeof household.data.mergedInto === 'string',
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const household of merged)
      if (!counted.has(household.id) && counted.has(String(household.data.mergedInto))) {
        counted.add(household.id);
        grew = true;
      }
  }
  return counted;
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

/**
 * Migration 13: households merged away before a merge carried what counted for them — their handouts, the damage
 * entries linked to them — to the one kept: each now counts for the household it was merged into (as far as that
 * one was merged in turn), and the doubles that makes are flagged.
 */
export async function followEarlierMerges(tx: SqlExecutor, now: number): Promise<void> {
  const context: MutationContext = {
    userId: 'migration-13',
    role: 'admin',
    scope: new Set(),
    clientId: 'migration-13',
    now,
    stamp: '',
  };
  const merged: string[] = [];
  let after = '';
  for (;;) {
    const page = await scanRecords(tx, ['household'], after, 1000);
    if (page.length === 0) break;
    for (const household of page)
      if (household.deleted && typeof household.data.mergedInto === 'string') merged.push(household.id);
    after = page[page.length - 1]!.id;
  }
  for (const id of merged) {
    const away = (await getRecord(tx, id))!;
    await followMerge(tx, context, away, await survivorOf(tx, String(away.data.mergedInto)));
  }
}
