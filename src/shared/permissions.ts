/**
 * @module Who may do what to which kind of record — the one role matrix, enforced by the server on every mutation
 * and read by the app to show only what will work. `docs/security.md` prints it as a table; the permissions test
 * pushes every cell on both databases. Reading is a matter of scope (the communes a user is assigned), not of role.
 *
 * Why these cells: collaborators and village heads work in the field (registry, surveys, damage, handing out);
 * only a commune officer decides (approves, voids, settles conflicts and duplicates, deletes); province staff watch
 * every commune but write nothing in one; the admin manages accounts and writes no social-assistance data.
 */
import type { RecordTypeName } from './records/registry';
import type { Action, Role } from './roles';
import { message, type Message } from './messages';

/**
 * - create / edit / delete: an editable record (a patch of a new or an existing one; a soft delete);
 * - create of a `distribution` or `distribution_void`: a handout event, a void of one;
 * - submit / decide: workflow commands on a case (decide = verify, approve, reject, return);
 * - resolve: a commune officer's decision on a conflict or a possible duplicate.
 */
export type { Action } from './roles';

type Matrix = Readonly<Record<Role, Readonly<Partial<Record<RecordTypeName, readonly Action[]>>>>>;

const REGISTRY: readonly Action[] = ['create', 'edit'];
const OFFICE: readonly Action[] = ['create', 'edit', 'delete'];

export const PERMISSIONS: Matrix = {
  collaborator: {
    household: REGISTRY,
    member: REGISTRY,
    case: ['create', 'edit', 'submit'],
    damage: REGISTRY,
    distribution: ['create'],
    village: ['create'],
  },
  village_head: {
    household: REGISTRY,
    member: REGISTRY,
    emergency: REGISTRY,
    damage: REGISTRY,
    relief_round: REGISTRY,
    distribution: ['create'],
    distribution_void: ['create'],
    village: ['create'],
  },
  commune_officer: {
    household: OFFICE,
    member: OFFICE,
    case: ['create', 'edit', 'delete', 'submit', 'decide'],
    emergency: OFFICE,
    damage: OFFICE,
    relief_round: OFFICE,
    distribution: ['create'],
    distribution_void: ['create'],
    conflict: ['resolve'],
    duplicate: ['resolve'],
    village: OFFICE,
  },
  province_staff: {},
  admin: {},
};

export function can(role: Role, kind: RecordTypeName, action: Action): boolean {
  return PERMISSIONS[role][kind]?.includes(action) ?? false;
}

/**
 * Creates a role may make only with a field at one value (issue 11): in the field a collaborator or a village head
 * adds a village the commune's list lacks, but only as `other`, kept for the commune officer to review; only the
 * officer puts a village on the list (`active`) or changes one.
 */
export const CREATE_ONLY_AS: Readonly<
  Partial<Record<Role, Partial<Record<RecordTypeName, { field: string; value: string }>>>>
> = {
  collaborator: { village: { field: 'status', value: 'other' } },
  village_head: { village: { field: 'status', value: 'other' } },
};

/** Why `role` may not create a record of `kind` with these fields though it may create one; undefined when it may. */
export function createRefusal(role: Role, kind: RecordTypeName, fields: Record<string, unknown>): Message | undefined {
  const only = CREATE_ONLY_AS[role]?.[kind];
  if (!only || fields[only.field] === only.value) return undefined;
  return message('reject.createOnlyAs', { role, kind, field: only.field, value: only.value });
}

/** Every role that may do `action` on `kind` (the workflow's transitions are built from it). */
export function rolesThatCan(kind: RecordTypeName, action: Action): Role[] {
  return (Object.keys(PERMISSIONS) as Role[]).filter((role) => can(role, kind, action));
}

/**
 * Who reads a case's `sensitive` field (an allowance applicant's HIV status): "the commune officer and above" —
 * the roles that decide cases, and province staff, who read the communes they oversee. Everyone else's pull leaves
 * it out; a collaborator may write it at filing (form 1b) and never reads it back.
 */
export function readsSensitive(role: Role): boolean {
  return role === 'province_staff' || can(role, 'case', 'decide');
}

/** The answer a device gets (and shows) when its user's role may not do this. */
export function notPermitted(role: Role, kind: RecordTypeName, action: Action): Message {
  return message('reject.notPermitted', { role, action, kind });
}

/**
 * What a role may read beyond the records of its communes (those are a matter of scope): reports of the server's
 * read side — counts per commune and the last sync of each device, never a person's data — for those who oversee
 * a commune or the province, and the admin who looks after the devices. Field roles work from their records.
 * Scope still applies: a report covers only the communes the user is assigned.
 */
export type Capability = 'read_reports';

export const CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  collaborator: [],
  village_head: [],
  commune_officer: ['read_reports'],
  province_staff: ['read_reports'],
  admin: ['read_reports'],
};

export function hasCapability(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}
