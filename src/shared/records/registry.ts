/**
 * @module Every kind of record that syncs, in one place. A new record kind declares its schema here and which of
 * the three sync behaviours it has:
 *  - editable: merged field by field with base versions (household, member, case);
 *  - event: append-only, stored once per id (distribution, distribution_void);
 *  - server-made: written only by the server, pulled by devices (conflict, duplicate).
 */
import * as v from 'valibot';
import { HouseholdFields } from './household';
import { MemberFields } from './member';
import { CaseFields } from './case';
import { DamageFields, EmergencyFields, ReliefRoundFields } from './emergency';

interface EditableType {
  /** The fields a device may patch; the record is validated whole after each merge. */
  fields: v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;
  /**
   * A record that belongs to another (a member to its household, a case to the household or person it is about)
   * lives in that record's commune and moves with it (docs/sync.md, "What moves with a household").
   */
  parent?: { key: string; type: (fields: Record<string, unknown>) => 'household' | 'member' };
  /** Fields only the server writes (a case's status), set when the record is created. */
  serverDefaults?: Record<string, unknown>;
}

export const EDITABLE_TYPES = {
  household: { fields: HouseholdFields },
  member: { fields: MemberFields, parent: { key: 'householdId', type: () => 'household' } },
  case: {
    fields: CaseFields,
    parent: { key: 'subjectId', type: (fields) => (fields.kind === 'survey' ? 'household' : 'member') },
    serverDefaults: { status: 'draft', history: [] },
  },
  emergency: { fields: EmergencyFields },
  damage: { fields: DamageFields },
  relief_round: { fields: ReliefRoundFields },
} as const satisfies Record<string, EditableType>;

export type EditableTypeName = keyof typeof EDITABLE_TYPES;
export const EditableTypeName = v.picklist(Object.keys(EDITABLE_TYPES) as [EditableTypeName, ...EditableTypeName[]]);

export const RECORD_TYPE_NAMES = ['household', 'member', 'case', 'emergency', 'damage', 'relief_round', 'distribution', 'distribution_void', 'conflict', 'duplicate'] as const;
export type RecordTypeName = (typeof RECORD_TYPE_NAMES)[number];
export const RecordTypeName = v.picklist(RECORD_TYPE_NAMES);

export function editableFieldNames(type: EditableTypeName): string[] {
  return Object.keys(EDITABLE_TYPES[type].fields.entries);
}
