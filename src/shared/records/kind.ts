/**
 * @module What a record kind declares, once, for the app and the server (docs/architecture.md, "How a record
 * kind is declared"): its schema, how it syncs, where it belongs, how the device stores it and what it is called.
 * The kinds themselves are listed in kinds.ts; everything else (the sync registry, the device tables and their
 * indexes, typed reads and saves in src/db) is built from these declarations.
 */
import type * as v from 'valibot';
import type { FieldLabel, MessageCode } from '../messages';

/**
 * How a kind's records change:
 *  - editable: patched field by field by devices, merged with base versions (household, member, case, emergency…);
 *  - event: append-only, stored once per id, never edited (a handout, its void);
 *  - server: written only by the server, pulled by devices (a conflict, a cluster of possible duplicates).
 */
export type SyncBehaviour = 'editable' | 'event' | 'server';

export type ObjectFields = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

/** A schema whose output is an object: the fields, or a stricter whole-record schema built on them. */
export type RecordSchema = v.GenericSchema<unknown, Record<string, unknown>>;

/** Where a record states when something happened, and what the user calls that date. */
export interface DatedField {
  /** Field of the record (or of the handout event), then the path inside its value. */
  path: readonly string[];
  label: FieldLabel;
  /** `ms`: epoch milliseconds; `day`: YYYY-MM-DD in Vietnam's time (UTC+7), or `YYYY` (its 1 January). */
  form: 'ms' | 'day';
  /**
   * Typed by hand rather than taken from the clock (a date of birth): one in the future is a typing slip, and the
   * message says to check the year instead of the tablet's clock.
   */
  typed?: true;
}

/**
 * A rule for what a user types that is stricter than what a stored record may hold (a birth year from 1900): checked
 * on the device and the server on a value a save changes, never on one it leaves as stored — a record synced
 * before the rule stays readable and editable, and the screen asks for it to be corrected (src/shared/entry-rules.ts).
 */
export interface EntryRule {
  /** Field of the record, then the path inside its value. */
  path: readonly string[];
  label: FieldLabel;
  /** What the value must pass when typed; its messages are message codes, like the kind's schema's. */
  schema: v.GenericSchema;
}

export interface RecordKind<Fields extends ObjectFields = ObjectFields> {
  sync: SyncBehaviour;
  /** The fields a device writes (for an editable kind, the ones it may patch). */
  fields: Fields;
  /**
   * The record whole, when it is stricter than its fields one by one (a case's `data` depends on its `kind`).
   * Checked on the device before a save and on the server after each merge. Absent: `fields`.
   */
  whole?: RecordSchema;
  /** Fields only the server writes (a case's status, a handout's reviewer), absent on a copy not yet synced. */
  serverFields?: v.ObjectEntries;
  /** Values of server fields set when an editable record is created (a case starts as a draft). */
  serverDefaults?: Record<string, unknown>;
  /**
   * A record that belongs to another (a member to its household, a case to the household or person it is about)
   * lives in that record's commune and moves with it (docs/sync.md, "What moves with a household").
   */
  parent?: { key: string; type: (fields: Record<string, unknown>) => 'household' | 'member' };
  /**
   * Fields naming another record that this one does not belong to (a damage entry's registered household): the
   * record named must be there, of that kind, not deleted and in this record's commune, or the server refuses the
   * write with `missing`. Checked when the field (or the commune) is written; nothing moves with it.
   */
  refers?: readonly { key: string; type: 'household'; missing: MessageCode }[];
  /**
   * On the device: its IndexedDB table and the fields indexed besides the id (Dexie syntax: `[a+b]` compound,
   * `*a` multi-entry). Changing them needs a new device schema version (src/db/database.ts says how).
   */
  device: { table: string; indexes: readonly string[] };
  /**
   * Its dates that say something already happened: one more than an hour ahead of the server's clock is refused,
   * on the device and on the server (src/shared/clock-bounds.ts).
   */
  dated?: readonly DatedField[];
  /** Its rules for what is typed, stricter than what is stored (EntryRule). */
  entry?: readonly EntryRule[];
}

/** Keeps a declaration's literal types (its table name, its schema) for the typed reads built from it. */
export function defineKind<const Fields extends ObjectFields, const Kind extends RecordKind<Fields>>(
  kind: Kind & { fields: Fields },
): Kind {
  return kind;
}
