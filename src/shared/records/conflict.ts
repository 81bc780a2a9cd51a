/**
 * @module A same-field conflict (docs/sync.md, G3), made by the server: the committed value stays in the
 * record as the provisional one, and every candidate is kept here until a commune officer decides.
 */
import * as v from 'valibot';
import { CommuneCode, MAX_DEVICE_NAME } from '../fields';
import { Role } from '../roles';

export const Candidate = v.object({
  value: v.unknown(),
  userId: v.string(),
  clientId: v.string(),
  /** HLC stamp of the change: for the record of who did what when, never to pick a winner. */
  stamp: v.string(),
  /** The value that was committed first and stands provisionally. */
  committed: v.boolean(),
  /**
   * Who wrote it, as the server's users table names them when it made the conflict (the device has no directory
   * of users): for the officer to see who entered each value. Absent on conflicts made before, or for a writer the
   * server does not know (then the device shows the user id).
   */
  userName: v.optional(v.pipe(v.string(), v.maxLength(200))),
  userRole: v.optional(Role),
  /** The name the writer's device had on the server when the conflict was made (issue 11); absent if unnamed. */
  deviceName: v.optional(v.pipe(v.string(), v.maxLength(MAX_DEVICE_NAME))),
});
export type Candidate = v.InferOutput<typeof Candidate>;

export const ConflictData = v.object({
  communeCode: CommuneCode,
  recordType: v.string(),
  recordId: v.string(),
  field: v.string(),
  candidates: v.array(Candidate),
  status: v.picklist(['open', 'resolved']),
  resolution: v.optional(v.object({ value: v.unknown(), by: v.string(), at: v.number() })),
});
export type ConflictData = v.InferOutput<typeof ConflictData>;
