/**
 * @module The sync view of the record kinds declared in kinds.ts: which kinds exist, which are editable (merged
 * field by field with base versions), and the schema a record of each is checked against.
 */
import * as v from 'valibot';
import {
  RECORD_KINDS,
  type EditableTypeName as EditableName,
  type RecordKinds,
  type RecordTypeName as TypeName,
} from './kinds';
import type { RecordKind, RecordSchema } from './kind';

export type RecordTypeName = TypeName;
export type EditableTypeName = EditableName;

export const RECORD_TYPE_NAMES = Object.keys(RECORD_KINDS) as [RecordTypeName, ...RecordTypeName[]];
export const RecordTypeName = v.picklist(RECORD_TYPE_NAMES);

/** The editable kinds' declarations, by name. */
export const EDITABLE_TYPES = Object.fromEntries(
  Object.entries(RECORD_KINDS).filter(([, kind]) => kind.sync === 'editable'),
) as { [K in EditableTypeName]: RecordKinds[K] };

const EDITABLE_NAMES = Object.keys(EDITABLE_TYPES) as [EditableTypeName, ...EditableTypeName[]];
export const EditableTypeName = v.picklist(EDITABLE_NAMES);

export function isEditableType(type: unknown): type is EditableTypeName {
  return typeof type === 'string' && Object.hasOwn(EDITABLE_TYPES, type);
}

export function editableFieldNames(type: EditableTypeName): string[] {
  return Object.keys(EDITABLE_TYPES[type].fields.entries);
}

/** What a record of this kind is checked against whole: its stricter schema, or its fields. */
export function recordSchema(type: RecordTypeName): RecordSchema {
  const kind: RecordKind = RECORD_KINDS[type];
  return kind.whole ?? (kind.fields as unknown as RecordSchema);
}
