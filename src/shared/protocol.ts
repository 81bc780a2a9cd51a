/**
 * @module The sync wire protocol, defined once for the app and the server so they cannot disagree.
 * One request per sync: the device pushes its outbox (ordered by seq) and pulls the communes in its scope, each
 * from its own cursor. See docs/sync.md.
 */
import * as v from 'valibot';
import { encodeMessage, type Message } from './messages';
import { CommuneCode, DeviceName, Uuid } from './fields';
import { KeyName, MAX_JSON_KEYS_PER_OBJECT, RECORD_LIMITS, isUnsafeKey, jsonObject, jsonValue } from './json-value';
import { EditableTypeName, RecordTypeName } from './records/registry';
import { Role } from './roles';
import { CASE_COMMANDS } from './workflow';

export { Role } from './roles';

/**
 * Bumped when the shape of requests or answers changes. The server answers every protocol from
 * MIN_PROTOCOL_VERSION up; a bump keeps the previous one answered, and older apps are told to update.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_PROTOCOL_VERSION = 1;
/**
 * Bumped when what a queued mutation means changes. Mutations carry the schema they were written under; the
 * server upgrades the previous one (sync-server/src/sync/upgrade.ts) and refuses older ones with a reason.
 * 1: walking skeleton, `household.put` with a plain patch (last write wins). 2: field patches with base versions.
 */
export const SCHEMA_VERSION = 2;

/** Bounds that keep one request small enough for a few minutes of 2G. */
export const MAX_MUTATIONS_PER_PUSH = 200;
export const MAX_CHANGES_PER_PULL = 2000;
/** Uncompressed JSON of one pull page (about a fifth of that on the wire, gzipped). */
export const MAX_PULL_BYTES = 512 * 1024;

const Id = Uuid;

export const PatchOp = v.object({
  kind: v.literal('patch'),
  type: EditableTypeName,
  id: Id,
  /** Each field's value and the version its user saw; every edit has one (0 for a record new to the device). */
  fields: v.pipe(
    v.record(KeyName, v.tuple([jsonValue(), v.pipe(v.number(), v.integer(), v.minValue(0))])),
    v.check(
      (fields) => Object.keys(fields).length <= MAX_JSON_KEYS_PER_OBJECT,
      encodeMessage('protocol.tooManyFields', { max: MAX_JSON_KEYS_PER_OBJECT }),
    ),
  ),
});
export const DeleteOp = v.object({ kind: v.literal('delete'), type: EditableTypeName, id: Id });
export const EventOp = v.object({
  kind: v.literal('event'),
  type: v.literal('distribution'),
  id: Id,
  data: jsonObject(),
});
export const VoidOp = v.object({ kind: v.literal('void'), id: Id, data: jsonObject() });
export const CommandOp = v.object({
  kind: v.literal('command'),
  id: Id,
  command: v.picklist(CASE_COMMANDS),
  comment: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** What the step records (an ID check, a decision, a refusal): checked by the workflow (src/shared/workflow.ts). */
  payload: v.optional(jsonObject()),
});
export const ResolveOp = v.object({
  kind: v.literal('resolve'),
  id: Id,
  value: jsonValue(),
  /** How many of the conflict's candidates the officer was shown; later ones go to a new conflict. Absent: all. */
  seen: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const MutationOp = v.variant('kind', [PatchOp, DeleteOp, EventOp, VoidOp, CommandOp, ResolveOp]);
export type MutationOp = v.InferOutput<typeof MutationOp>;

/** A mutation as queued on a device. `seq` is the device's own order; `id` identifies it for audit. */
export const Mutation = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: Id,
  schema: v.pipe(v.number(), v.integer()),
  /** Device wall clock, for the record only. */
  at: v.pipe(v.number(), v.integer()),
  /** Hybrid logical clock stamp (src/shared/hlc.ts). */
  stamp: v.pipe(
    v.string(),
    v.maxLength(80),
    v.check((stamp) => !isUnsafeKey(stamp), encodeMessage('protocol.stampControl')),
  ),
  op: MutationOp,
});
export type Mutation = v.InferOutput<typeof Mutation>;

export const SyncRequest = v.object({
  protocol: v.pipe(v.number(), v.integer()),
  schema: v.pipe(v.number(), v.integer()),
  clientId: Id,
  mutations: v.pipe(v.array(v.unknown()), v.maxLength(MAX_MUTATIONS_PER_PUSH)),
  pull: v.pipe(
    v.array(
      v.object({
        commune: CommuneCode,
        cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
        /** The commune's history mark the device last received (see `epochs` in the answer). */
        epoch: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
      }),
    ),
    v.maxLength(200),
  ),
  /**
   * What the user calls this device (Sync page), for the officer's desk to say which device a value came from.
   * Absent: the name the server has stays; empty: the device is unnamed again. A bad one refuses the request (400).
   */
  deviceName: v.optional(DeviceName),
});
export type SyncRequest = v.InferOutput<typeof SyncRequest>;

/**
 * A message as it travels (src/shared/messages.ts): its code and parameters, and for invalid data each issue. A code
 * this app does not know (a newer server) is shown through the Vietnamese text sent beside it.
 */
export const Problem: v.GenericSchema<Message> = v.object({
  code: v.pipe(v.string(), v.maxLength(80)) as v.GenericSchema<Message['code']>,
  params: v.optional(
    v.record(v.pipe(v.string(), v.maxLength(40)), v.union([v.pipe(v.string(), v.maxLength(4000)), v.number()])),
  ),
  issues: v.optional(
    v.pipe(v.array(v.object({ path: v.optional(v.string()), message: v.lazy(() => Problem) })), v.maxLength(200)),
  ),
}) as unknown as v.GenericSchema<Message>;

export const MutationResult = v.variant('status', [
  v.object({ seq: v.number(), status: v.literal('applied') }),
  /**
   * `problem` is what the app shows, in its language; `reason` is the same in Vietnamese, for apps (and stored
   * refusals) from before message codes. Both always come from this server.
   */
  v.object({ seq: v.number(), status: v.literal('rejected'), reason: v.string(), problem: v.optional(Problem) }),
  /** Applied except the listed fields, whose other value stands provisionally; conflict records hold both. */
  v.object({ seq: v.number(), status: v.literal('conflict'), fields: v.array(v.string()) }),
]);
export type MutationResult = v.InferOutput<typeof MutationResult>;

/**
 * On the wire a change may leave out `version` when it is one more than the previous change of the same commune
 * in the page: a first download is mostly consecutive versions, and the numbers were a tenth of its gzipped
 * bytes. `expandVersions` puts them back; everything past the transport sees full changes.
 */
export const WireChange = v.object({
  commune: CommuneCode,
  version: v.optional(v.number()),
  type: RecordTypeName,
  id: v.string(),
  /** The record's data; absent when `removed`. Bounded: a device sets aside a record it could not store. */
  data: v.optional(jsonObject(RECORD_LIMITS)),
  /** Soft-deleted by an officer: devices keep it hidden. */
  deleted: v.optional(v.boolean()),
  /** The record left this commune (moved, or its access is gone): devices drop their copy. */
  removed: v.optional(v.boolean()),
});
export type WireChange = v.InferOutput<typeof WireChange>;

/** A change as the device works with it: the wire change with its version restored. */
export const Change = v.object({ ...WireChange.entries, version: v.number() });
export type Change = v.InferOutput<typeof Change>;

/**
 * How a change is read as part of a page: what identifies it, and data that is an object — its contents are
 * checked against `Change` one change at a time when the page is applied (src/db/apply-sync.ts), so one record a
 * device cannot take is set aside and reported instead of refusing the whole page (and every page after it) —
 * a record kind this app does not know yet (a newer server) or a malformed commune code included.
 */
const PageChange = v.object({
  ...WireChange.entries,
  commune: v.string(),
  type: v.string(),
  data: v.optional(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      encodeMessage('json.notObject'),
    ),
  ),
});

export const SessionUser = v.object({
  id: v.string(),
  username: v.string(),
  displayName: v.string(),
  role: Role,
  /** Communes this user may read and change, with names for the UI. */
  communes: v.array(v.object({ code: CommuneCode, name: v.string() })),
  wholeProvince: v.boolean(),
});
export type SessionUser = v.InferOutput<typeof SessionUser>;

export function expandVersions(changes: readonly WireChange[]): Change[] {
  const last = new Map<string, number>();
  return changes.map((change) => {
    const version = change.version ?? (last.get(change.commune) ?? 0) + 1;
    last.set(change.commune, version);
    return { ...change, version };
  });
}

/** The answer as it travels; `SyncResponse` is what the device works with after `expandVersions`. */
export const WireSyncResponse = v.object({
  protocol: v.number(),
  /** The highest seq of this client the server has answered (applied, conflict or rejected). */
  lastSeq: v.number(),
  results: v.array(MutationResult),
  /** Set when the batch started beyond lastSeq + 1: nothing was applied. */
  gap: v.optional(v.object({ expected: v.number() })),
  changes: v.array(PageChange),
  cursors: v.record(v.string(), v.number()),
  /**
   * Per commune, the version below which removals are no longer kept. The device stores it with its cursor and
   * sends it back: when the mark has moved past both, the device may hold a record that left unseen → reset.
   */
  epochs: v.record(v.string(), v.number()),
  /** Communes whose cursor is older than the kept history: drop them locally (after pushing) and download again. */
  resets: v.array(CommuneCode),
  hasMore: v.boolean(),
  /** Communes asked for but not (or no longer) assigned: nothing of them is sent, and the device purges them. */
  refused: v.array(CommuneCode),
  /** The user's communes now, as the server sees them: gained ones start downloading, lost ones are purged. */
  user: SessionUser,
  /** The server's clock (epoch ms) when it answered: the device keeps its offset and warns when its clock is off. */
  serverTime: v.optional(v.number()),
});
export type SyncResponse = Omit<v.InferOutput<typeof WireSyncResponse>, 'changes'> & { changes: Change[] };

export const LoginRequest = v.object({
  // Looked up as it is: U+0000 would be a storage error on PostgreSQL (a 500) and a plain miss on SQLite.
  username: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, encodeMessage('login.username')),
    v.maxLength(64),
    v.check((name) => !isUnsafeKey(name), encodeMessage('login.usernameInvalid')),
  ),
  password: v.pipe(v.string(), v.minLength(1, encodeMessage('login.password')), v.maxLength(200)),
});
export const LoginResponse = v.object({ token: v.string(), expiresAt: v.number(), user: SessionUser });
export type LoginResponse = v.InferOutput<typeof LoginResponse>;

/**
 * Error bodies: `code` is for programs, `problem` is what the app shows in its language, `message` is the same in
 * Vietnamese (for older apps, and a newer server's code this app does not know).
 */
export const ErrorBody = v.object({
  error: v.object({ code: v.string(), message: v.string(), problem: v.optional(Problem) }),
});
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'upgrade_required'
  | 'too_large'
  | 'unavailable'
  | 'not_found'
  | 'rate_limited'
  /** The step cannot be taken on the thing as it now stands (a payroll month already locked). */
  | 'conflict';
