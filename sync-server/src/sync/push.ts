/**
 * @module Exactly-once push (SYNC.md guarantees 1, 2, 5). The whole batch runs in one transaction with the
 * device's last seq: a mutation at or below it was answered before and gets its stored answer again; the next
 * one is applied or rejected with a reason, and either way advances the seq, so a rejection never blocks the
 * queue. A batch that starts beyond last seq + 1 is a gap: nothing is applied. A storage failure rolls the
 * whole batch back and the device retries it as is.
 */
import * as v from 'valibot';
import type { Database, SqlExecutor } from '../db/database';
import { Mutation, SCHEMA_VERSION, type MutationResult } from '../../../src/shared/protocol';
import { describeIssues } from '../../../src/shared/household';
import { lockClient, recordResult, storedResults } from '../store/sync-log';
import { applyHouseholdPut } from './household-put';

export interface PushContext {
  userId: string;
  /** Communes the user may change, from the server's own records. */
  scope: ReadonlySet<string>;
  clientId: string;
  now: number;
}

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
  return db.transaction(async (tx) => {
    const lastSeq = await lockClient(tx, context.clientId, context.userId, context.now);
    const results = await storedResults(tx, context.clientId, seqs.filter((seq) => seq <= lastSeq));
    const fresh = mutations.filter((_, index) => (seqs[index] ?? 0) > lastSeq);
    const firstFresh = seqs.find((seq) => seq > lastSeq);
    if (firstFresh !== undefined && firstFresh > lastSeq + 1) {
      return { lastSeq, results, gap: { expected: lastSeq + 1 } };
    }
    let seq = lastSeq;
    for (const raw of fresh) {
      seq += 1;
      const { mutationId, result } = await applyOne(tx, context, raw, seq);
      await recordResult(tx, { clientId: context.clientId, mutationId, userId: context.userId, result, now: context.now });
      results.push(result);
    }
    return { lastSeq: seq, results };
  });
}

async function applyOne(
  tx: SqlExecutor,
  context: PushContext,
  raw: unknown,
  seq: number,
): Promise<{ mutationId: string; result: MutationResult }> {
  const rawId = (raw as { id?: unknown }).id;
  const mutationId = typeof rawId === 'string' ? rawId.slice(0, 64) : '';
  const reject = (reason: string) => ({ mutationId, result: { seq, status: 'rejected' as const, reason } });

  const parsed = v.safeParse(Mutation, raw);
  if (!parsed.success) return reject(`Thay đổi không hợp lệ — ${describeIssues(parsed.issues)}`);
  const mutation = parsed.output;
  if (mutation.schema > SCHEMA_VERSION) return reject('Thay đổi được ghi bởi phiên bản ứng dụng mới hơn máy chủ; hãy báo quản trị viên.');
  if (mutation.schema < SCHEMA_VERSION - 1) return reject('Thay đổi được ghi bởi phiên bản ứng dụng quá cũ, không thể chuyển đổi; hãy nhập lại.');

  const outcome = await applyHouseholdPut(tx, context, mutation.op);
  return outcome.ok ? { mutationId, result: { seq, status: 'applied' } } : reject(outcome.reason);
}
