/**
 * @module Exactly-once push (docs/sync.md, G1, G2, G5). The whole batch runs in one transaction with the
 * device's last seq: a mutation at or below it was answered before and gets its stored answer again; the next
 * one is applied, merged with a conflict, or rejected with a reason — and either way advances the seq, so a
 * rejection never blocks the queue. A batch that starts beyond last seq + 1 is a gap: nothing is applied. A
 * storage failure rolls the whole batch back and the device retries it as it is.
 */
import * as v from 'valibot';
import type { Database, SqlExecutor } from '../db/database';
import { Mutation, type MutationResult } from '../../../src/shared/protocol';
import { Uuid, describeIssues } from '../../../src/shared/fields';
import { issueMessages, message } from '../../../src/shared/messages';
import { lastSeqOf, lockClient, recordResult, saveDeviceName, storedResults } from '../store/sync-log';
import { rejected, type ApplyOutcome, type MutationContext, type PushContext } from './context';
import { upgradeMutation } from './upgrade';
import { guardLocks } from './lock-keys';
import { trustedStamp } from './clock-checks';
import { applyPatch } from './apply/patch';
import { applyDelete } from './apply/delete';
import { applyDistribution, applyVoid } from './apply/events';
import { applyCommand } from './apply/command';
import { applyResolve } from './apply/resolve';
import { collectingDuplicates } from './apply/duplicates';

export type { PushContext } from './context';

export interface PushOutcome {
  lastSeq: number;
  results: MutationResult[];
  gap?: { expected: number };
}

/** Thrown before anything is written when the batch itself cannot be read (the client has a bug). */
export class MalformedBatchError extends Error {
  override readonly name = 'MalformedBatchError';
}

const Sequenced = v.object({ seq: v.pipe(v.number(), v.integer(), v.minValue(1)) });

/** Checks that every mutation has a seq and that they are consecutive, before any write. */
export function readSeqs(mutations: readonly unknown[]): number[] {
  const seqs = mutations.map((raw, index) => {
    const parsed = v.safeParse(Sequenced, raw);
    if (!parsed.success) throw new MalformedBatchError(`mutations[${index}].seq: ${describeIssues(parsed.issues)}`);
    return parsed.output.seq;
  });
  seqs.forEach((seq, index) => {
    const previous = seqs[index - 1];
    if (previous !== undefined && seq !== previous + 1) {
      throw new MalformedBatchError(`mutations[${index}].seq: phải là ${previous + 1} (các thay đổi phải liên tiếp)`);
    }
  });
  return seqs;
}

export async function push(db: Database, context: PushContext, mutations: readonly unknown[]): Promise<PushOutcome> {
  const seqs = readSeqs(mutations);
  // Before the batch, so a conflict this very batch makes names the device (apply/conflicts.ts).
  if (context.deviceName !== undefined)
    await saveDeviceName(db, context.clientId, context.userId, context.deviceName, context.now);
  if (seqs.length === 0) return { lastSeq: await lastSeqOf(db, context.clientId), results: [] };
  return db.transaction(async (tx) => {
    const lastSeq = await lockClient(tx, context.clientId, context.userId, context.now);
    const results = await storedResults(
      tx,
      context.clientId,
      seqs.filter((seq) => seq <= lastSeq),
    );
    const firstFresh = seqs.find((seq) => seq > lastSeq);
    if (firstFresh !== undefined && firstFresh > lastSeq + 1)
      return { lastSeq, results, gap: { expected: lastSeq + 1 } };
    let seq = lastSeq;
    const fresh = mutations.filter((_, index) => (seqs[index] ?? 0) > lastSeq);
    // Every record the batch will touch, locked at once in a fixed order (one round trip, no deadlock).
    const locked = new Set(fresh.map(recordKey).filter((key): key is string => key !== undefined));
    // With them, the locks guarding what other batches rewrite too: conflicts' records, handouts' keys (lock-keys.ts).
    for (const key of await guardLocks(tx, fresh)) locked.add(key);
    await tx.lockAll([...locked]);
    // Duplicate clusters touched by many mutations are written once, when the loop ends (apply/duplicates.ts).
    // The stamp kept for the batch's previous mutation: re-stamped ones continue its counter (clock-checks.ts).
    const stamps: { last?: string } = {};
    await collectingDuplicates(tx, context, async () => {
      for (const raw of fresh) {
        seq += 1;
        const { mutationId, outcome } = await applyOne(tx, context, raw, locked, stamps);
        const result: MutationResult = { seq, ...outcome };
        await recordResult(tx, {
          clientId: context.clientId,
          mutationId,
          userId: context.userId,
          result,
          now: context.now,
        });
        results.push(result);
      }
    });
    return { lastSeq: seq, results };
  });
}

async function applyOne(
  tx: SqlExecutor,
  context: PushContext,
  raw: unknown,
  locked: ReadonlySet<string>,
  stamps: { last?: string },
): Promise<{ mutationId: string; outcome: ApplyOutcome }> {
  // Stored before the mutation is validated (a rejection is recorded too), so only a well-formed id is kept: raw
  // text could hold U+0000, which PostgreSQL refuses — a 500 on every retry of the batch.
  const rawId = (raw as { id?: unknown }).id;
  const mutationId = v.is(Uuid, rawId) ? rawId : '';
  const upgraded = upgradeMutation(raw);
  if (!upgraded.ok) return { mutationId, outcome: rejected(upgraded.reason) };
  const parsed = v.safeParse(Mutation, upgraded.mutation);
  if (!parsed.success)
    return { mutationId, outcome: rejected(message('reject.invalidChange', undefined, issueMessages(parsed.issues))) };
  const { op } = parsed.output;
  // A device clock far ahead stamps nothing as a fact (clock-checks.ts); its dates are checked by the appliers.
  const stamp = trustedStamp(parsed.output.stamp, context.now, stamps.last);
  stamps.last = stamp;
  const ctx: MutationContext = { ...context, stamp };
  // Read-modify-write of one record at a time: without it two PostgreSQL transactions could both read the same
  // version and the later write would silently drop the earlier one's fields. Usually already held (lockAll).
  // No key only for a void whose target is not an id: applyVoid rejects it before reading anything.
  const key = recordKey(parsed.output);
  if (key !== undefined && !locked.has(key)) await tx.lock(key);
  switch (op.kind) {
    case 'patch':
      return { mutationId, outcome: await applyPatch(tx, ctx, op) };
    case 'delete':
      return { mutationId, outcome: await applyDelete(tx, ctx, op) };
    case 'event':
      return { mutationId, outcome: await applyDistribution(tx, ctx, op) };
    case 'void':
      return { mutationId, outcome: await applyVoid(tx, ctx, op) };
    case 'command':
      return { mutationId, outcome: await applyCommand(tx, ctx, op) };
    case 'resolve':
      return { mutationId, outcome: await applyResolve(tx, ctx, op) };
  }
}

/**
 * The lock key of the record a mutation reads and writes (a void's is its handout's). Taken before validation, so
 * only a well-formed id makes a key (a NUL in a lock key fails on PostgreSQL); the others are rejected unlocked.
 */
function recordKey(raw: unknown): string | undefined {
  const op = (raw as { op?: { kind?: unknown; id?: unknown; data?: { target?: unknown } } }).op;
  const id = op?.kind === 'void' ? op.data?.target : op?.id;
  return v.is(Uuid, id) ? `record:${id}` : undefined;
}
