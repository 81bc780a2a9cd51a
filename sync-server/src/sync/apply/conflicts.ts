/**
 * @module Same-field conflicts (docs/sync.md, G3): the committed value stays; a conflict record holds every
 * candidate — value, user, device, stamp — for a commune officer. One open conflict per record field: a third
 * device's value joins the same conflict.
 *
 * Lock rule: a conflict's candidates and status are read and written only while holding the lock of the record
 * the conflict is about (`record:<recordId>`, lock-keys.ts) — a patch of that record adds candidates here, a
 * resolve (resolve.ts) decides under the same lock. The conflict's own id guards nothing.
 */
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../db/database';
import type { Candidate, ConflictData } from '../../../../src/shared/records/conflict';
import { sameValue } from '../../../../src/shared/patch';
import { childrenOf, type StoredRecord } from '../../store/records';
import { findUserById } from '../../store/users';
import { deviceNameOf } from '../../store/sync-log';
import type { MutationContext } from '../context';
import { writeRecord } from '../write-record';

export async function recordConflict(
  tx: SqlExecutor,
  context: MutationContext,
  record: StoredRecord,
  field: string,
  incoming: unknown,
): Promise<void> {
  const candidate: Candidate = {
    value: incoming,
    userId: context.userId,
    clientId: context.clientId,
    stamp: context.stamp,
    committed: false,
    ...(await writerOf(tx, context.userId)),
    ...(await deviceOf(tx, context.clientId)),
  };
  const open = (await childrenOf(tx, record.id)).find(
    (r) => r.type === 'conflict' && r.data.field === field && r.data.status === 'open',
  );
  if (open) {
    const data = open.data as ConflictData;
    if (data.candidates.some((c) => sameValue(c.value, incoming))) return;
    await writeRecord(
      tx,
      context,
      { ...open, data: { ...data, candidates: [...data.candidates, candidate] } },
      { before: open },
    );
    return;
  }
  await openConflict(tx, context, record, field, [candidate]);
}

/**
 * A new open conflict of `field` between the value the record holds now and `candidates` (not yet decided):
 * also how a resolve puts back before the officer the candidates they had not seen when they decided.
 */
export async function openConflict(
  tx: SqlExecutor,
  context: MutationContext,
  record: StoredRecord,
  field: string,
  candidates: readonly Candidate[],
): Promise<void> {
  const writer = record.meta.f[field];
  const committed: Candidate = {
    value: record.data[field] ?? null,
    userId: writer?.[2] ?? '',
    clientId: writer?.[1] ?? '',
    stamp: writer?.[3] ?? '',
    committed: true,
    ...(writer?.[2] ? await writerOf(tx, writer[2]) : {}),
    ...(writer?.[1] ? await deviceOf(tx, writer[1]) : {}),
  };
  const data: ConflictData = {
    communeCode: record.commune,
    recordType: record.type,
    recordId: record.id,
    field,
    candidates: [committed, ...candidates.map((c) => ({ ...c, committed: false }))],
    status: 'open',
  };
  await writeRecord(
    tx,
    context,
    {
      id: randomUUID(),
      type: 'conflict',
      commune: record.commune,
      parentId: record.id,
      data,
      meta: { f: {} },
      deleted: false,
      createdAt: context.now,
    },
    { before: undefined },
  );
}

/**
 * The writer of a candidate as the officer may see them: display name and role from the server's own users table
 * (the device has no directory of users), written into the conflict when the server makes it. A user the server
 * does not know (a migration, a removed account) is left unnamed.
 */
async function writerOf(tx: SqlExecutor, userId: string): Promise<Pick<Candidate, 'userName' | 'userRole'>> {
  const user = await findUserById(tx, userId);
  return user ? { userName: user.displayName.slice(0, 200), userRole: user.role } : {};
}

/** Issue 11: the name the writer's device has on the server (Sync page, "Tên máy này"), when it has one. */
async function deviceOf(tx: SqlExecutor, clientId: string): Promise<Pick<Candidate, 'deviceName'>> {
  const name = await deviceNameOf(tx, clientId);
  return name ? { deviceName: name } : {};
}
