/**
 * @module The sync wire protocol, defined once for the app and the server so they cannot disagree.
 * One request per sync: the device pushes its outbox (ordered by seq) and pulls the communes in its scope, each
 * from its own cursor. See docs/sync.md.
 */
import * as v from 'valibot';
import { CommuneCode, HouseholdPatch, Household } from './household';

/** Bumped when the shape of requests or answers changes. The server accepts this one and the previous one. */
export const PROTOCOL_VERSION = 1;
/** Bumped when a record's fields change. Queued mutations carry the schema they were written under. */
export const SCHEMA_VERSION = 1;

/** Bounds that keep one request small enough for a few minutes of 2G. */
export const MAX_MUTATIONS_PER_PUSH = 200;
export const MAX_CHANGES_PER_PULL = 500;

export const HouseholdPut = v.object({
  kind: v.literal('household.put'),
  recordId: v.pipe(v.string(), v.uuid()),
  patch: HouseholdPatch,
});

/** A mutation as queued on a device. `seq` is the device's own order; `id` identifies it for audit. */
export const Mutation = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: v.pipe(v.string(), v.uuid()),
  schema: v.pipe(v.number(), v.integer()),
  at: v.pipe(v.number(), v.integer()),
  op: v.variant('kind', [HouseholdPut]),
});
export type Mutation = v.InferOutput<typeof Mutation>;
export type MutationOp = Mutation['op'];

export const SyncRequest = v.object({
  protocol: v.pipe(v.number(), v.integer()),
  clientId: v.pipe(v.string(), v.uuid()),
  mutations: v.pipe(v.array(v.unknown()), v.maxLength(MAX_MUTATIONS_PER_PUSH)),
  pull: v.array(v.object({ commune: CommuneCode, cursor: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
});
export type SyncRequest = v.InferOutput<typeof SyncRequest>;

export const MutationResult = v.variant('status', [
  v.object({ seq: v.number(), status: v.literal('applied') }),
  v.object({ seq: v.number(), status: v.literal('rejected'), reason: v.string() }),
]);
export type MutationResult = v.InferOutput<typeof MutationResult>;

export const Change = v.object({
  commune: CommuneCode,
  version: v.number(),
  kind: v.literal('household'),
  record: Household,
});
export type Change = v.InferOutput<typeof Change>;

export const SyncResponse = v.object({
  protocol: v.number(),
  /** The highest seq of this client the server has answered (applied or rejected). */
  lastSeq: v.number(),
  results: v.array(MutationResult),
  /** Set when the batch started beyond lastSeq + 1: nothing was applied. */
  gap: v.optional(v.object({ expected: v.number() })),
  changes: v.array(Change),
  cursors: v.record(v.string(), v.number()),
  hasMore: v.boolean(),
});
export type SyncResponse = v.InferOutput<typeof SyncResponse>;

export const Role = v.picklist(['collaborator', 'village_head', 'commune_officer', 'province_staff', 'admin']);
export type Role = v.InferOutput<typeof Role>;

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

export const LoginRequest = v.object({
  username: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập tên đăng nhập'), v.maxLength(64)),
  password: v.pipe(v.string(), v.minLength(1, 'Nhập mật khẩu'), v.maxLength(200)),
});
export const LoginResponse = v.object({
  token: v.string(),
  expiresAt: v.number(),
  user: SessionUser,
});
export type LoginResponse = v.InferOutput<typeof LoginResponse>;

/** Error bodies: `code` is for programs, `message` is Vietnamese for people. */
export const ErrorBody = v.object({ error: v.object({ code: v.string(), message: v.string() }) });
export type ErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'upgrade_required' | 'too_large' | 'unavailable' | 'not_found';
