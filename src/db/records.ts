/**
 * @module Typed reads and saves of every record kind, built from its declaration (src/shared/records/kinds.ts):
 * a screen gets records checked against the kind's schema, typed by it, and a save that checks before it writes.
 * A row that does not pass (written by an older app, or damaged) is never shown as if it were fine: a single
 * read answers undefined, a list leaves it out and counts it, so the screen can say so.
 */
import * as v from 'valibot';
import type { IndexableType } from 'dexie';
import { RECORD_KINDS, type EditableTypeName, type RecordKinds, type RecordTypeName } from '../shared/records/kinds';
import type { RecordKind } from '../shared/records/kind';
import { recordSchema } from '../shared/records/registry';
import { newId } from '../shared/ids';
import { recordTable, type AnSinhDb } from './database';
import { savePatch } from './outbox';
import { rememberRows } from './row-hints';
import { futureDateFieldOnDevice } from './client-id';
import { entryIssue, type EntryIssue } from '../shared/entry-rules';

type Declared<K extends RecordTypeName> = RecordKinds[K];
type Output<S> = S extends v.GenericSchema<unknown, infer O> ? O : never;
/** The record's own fields: its whole schema's output where it has one (a case by its kind), else its fields. */
type Whole<K extends RecordTypeName> =
  Declared<K> extends { whole: infer W } ? Output<W> : Output<Declared<K>['fields']>;
/** What only the server writes, absent until the record has been synced. */
type ServerWritten<K extends RecordTypeName> =
  Declared<K> extends { serverFields: infer E extends v.ObjectEntries }
    ? Partial<v.InferOutput<v.ObjectSchema<E, undefined>>>
    : unknown;

/** A record of kind K as the device holds it. */
export type Local<K extends RecordTypeName> = Whole<K> &
  ServerWritten<K> & { id: string; version: number; deleted?: boolean };

/** The kind's input fields, for a save. */
export type FieldsOf<K extends RecordTypeName> = v.InferInput<Declared<K>['fields']>;

/** What the user must correct, field by field (the first message of each), or one message about the whole. */
export type SaveResult =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; issues: Partial<Record<string, [string, ...string[]]>>; message?: string };

export interface Listed<T> {
  records: T[];
  /** Rows of the kind on the device that do not pass its schema (see the module comment). */
  unreadable: number;
}

const Stored = v.object({ id: v.string(), version: v.number(), deleted: v.optional(v.boolean()) });

function readerOf<K extends RecordTypeName>(type: K): (row: unknown) => Local<K> | undefined {
  const kind: RecordKind = RECORD_KINDS[type];
  const server = kind.serverFields ? v.partial(v.object(kind.serverFields)).entries : {};
  if (!kind.whole) {
    // One pass over one object schema: a search checks every row it shows at each keystroke.
    const schema = v.object({ ...kind.fields.entries, ...server, ...Stored.entries });
    return (row) => {
      const parsed = v.safeParse(schema, row);
      return parsed.success ? (parsed.output as Local<K>) : undefined;
    };
  }
  const whole = kind.whole;
  const meta = v.object({ ...Stored.entries, ...server });
  return (row) => {
    const fields = v.safeParse(whole, row);
    const stored = v.safeParse(meta, row);
    return fields.success && stored.success ? ({ ...fields.output, ...stored.output } as Local<K>) : undefined;
  };
}

export interface RecordsOf<K extends RecordTypeName> {
  /** A row read some other way (a search's rows), checked like the others; undefined when it does not pass. */
  read(row: unknown): Local<K> | undefined;
  /** One record; undefined when it is not on the device, deleted, or unreadable. */
  get(db: AnSinhDb, id: string): Promise<Local<K> | undefined>;
  /** The records (not deleted) whose index `index` equals `value`; `index` is one the kind declares. */
  where(db: AnSinhDb, index: Declared<K>['device']['indexes'][number], value: IndexableType): Promise<Listed<Local<K>>>;
  /** The records of these ids that are on the device (not deleted), in the order given. */
  byIds(db: AnSinhDb, ids: readonly string[]): Promise<Listed<Local<K>>>;
}

export type Checked<K extends EditableTypeName> =
  | { ok: true; fields: Whole<K> }
  | { ok: false; issues: Partial<Record<string, [string, ...string[]]>> };

export interface EditableRecordsOf<K extends EditableTypeName> extends RecordsOf<K> {
  /** The kind's schema check alone, for a form that shows its consequences as the user types. */
  check(input: FieldsOf<K> | Record<string, unknown>): Checked<K>;
  /**
   * Checks the fields against the kind's schema, its entry rules on the values it changes (src/shared/entry-rules.ts)
   * and that no date in them is in the future by the server's clock (the server refuses both too), then saves them
   * with their outbox entry. A new record gets an id made on the device. Nothing is written when a check fails;
   * nothing is queued when nothing changed.
   */
  save(
    db: AnSinhDb,
    input: FieldsOf<K> | Record<string, unknown>,
    options: { id?: string; now: number },
  ): Promise<SaveResult>;
}

export function recordsOf<K extends RecordTypeName>(type: K): RecordsOf<K> {
  const read = readerOf(type);
  const listed = (rows: readonly unknown[]): Listed<Local<K>> => {
    const present = rows.filter(
      (row): row is { deleted?: boolean } => row !== undefined && !(row as { deleted?: boolean }).deleted,
    );
    const records = present.flatMap((row) => {
      const record = read(row);
      return record ? [record] : [];
    });
    return { records, unreadable: present.length - records.length };
  };
  return {
    read,
    // Each row read is kept as this tab's hint of what is stored, for a save of it (row-hints.ts).
    async get(db, id) {
      const table = recordTable(db, type);
      const row = await table.get(id);
      rememberRows(db, table.name, [row]);
      return row && !row.deleted ? read(row) : undefined;
    },
    async where(db, index, value) {
      const table = recordTable(db, type);
      const rows = await table.where(index).equals(value).toArray();
      rememberRows(db, table.name, rows);
      return listed(rows);
    },
    async byIds(db, ids) {
      const table = recordTable(db, type);
      const rows = await table.bulkGet([...ids]);
      rememberRows(db, table.name, rows);
      return listed(rows);
    },
  };
}

/**
 * A value of the save that breaks its kind's entry rules (a birth before 1900), unless the record already holds it
 * (synced before the rule): the stored row is read only when there is such a value, so a save pays nothing else.
 */
async function typedIssue(
  db: AnSinhDb,
  type: EditableTypeName,
  fields: Record<string, unknown>,
  id: string | undefined,
): Promise<EntryIssue | undefined> {
  const issue = entryIssue(type, fields);
  if (!issue || id === undefined) return issue;
  return entryIssue(type, fields, await recordTable(db, type).get(id));
}

export function editableRecordsOf<K extends EditableTypeName>(type: K): EditableRecordsOf<K> {
  const schema = recordSchema(type);
  const check = (input: unknown): Checked<K> => {
    const parsed = v.safeParse(schema, input);
    return parsed.success
      ? { ok: true, fields: parsed.output as Whole<K> }
      : { ok: false, issues: v.flatten(parsed.issues).nested ?? {} };
  };
  return {
    ...recordsOf(type),
    check,
    async save(db, input, options) {
      const checked = check(input);
      if (!checked.ok) return checked;
      const fields = checked.fields as Record<string, unknown>;
      const typed = await typedIssue(db, type, fields, options.id);
      if (typed) return { ok: false, issues: { [typed.path[0]!]: [typed.message] }, message: typed.message };
      const future = await futureDateFieldOnDevice(db, type, fields, options.now);
      if (future) return { ok: false, issues: { [future.field]: [future.message] }, message: future.message };
      const id = options.id ?? newId(options.now);
      return { ok: true, id, changed: await savePatch(db, type, id, fields, options.now) };
    },
  };
}
