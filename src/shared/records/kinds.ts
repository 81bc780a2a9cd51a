/**
 * @module Every kind of record that syncs, each declared once (kind.ts says what a declaration holds). A new kind
 * is one entry here with its schema in its own file, its row in permissions.ts, its screens and its translations
 * (the i18n files name every kind; the type checker asks for the new one).
 */
import { CaseFields, CaseRecord, CaseReview } from './case';
import { ConflictData } from './conflict';
import { DistributionFields, DistributionReview, VoidData } from './distribution';
import { DuplicateData } from './duplicate';
import { DamageFields, EmergencyFields, ReliefRoundFields } from './emergency';
import { HouseholdFields } from './household';
import { defineKind } from './kind';
import { EnteredIsoDay, EnteredPartialDate } from '../fields';
import type { KindName } from '../messages';
import { MemberFields } from './member';
import { VillageFields, VillageHistory } from './village';

export const RECORD_KINDS = {
  household: defineKind({
    sync: 'editable',
    fields: HouseholdFields,
    // Searched in memory (a multi-entry index would be rewritten on every save); sorted by folded name.
    device: { table: 'households', indexes: ['communeCode', '[communeCode+village]', '[communeCode+sortName]'] },
  }),
  member: defineKind({
    sync: 'editable',
    fields: MemberFields,
    parent: { key: 'householdId', type: () => 'household' },
    device: { table: 'members', indexes: ['householdId', 'communeCode', '*terms'] },
    dated: [
      { path: ['birthDate'], label: 'birthDate', form: 'day', typed: true },
      { path: ['disabilityCertifiedOn'], label: 'disabilityCertifiedOn', form: 'day', typed: true },
    ],
    // Issue 11: a birth before 1900 is a typing slip; one already stored (synced before the rule) is kept.
    entry: [
      { path: ['birthDate'], label: 'birthDate', schema: EnteredPartialDate },
      { path: ['disabilityCertifiedOn'], label: 'disabilityCertifiedOn', schema: EnteredPartialDate },
    ],
  }),
  case: defineKind({
    sync: 'editable',
    fields: CaseFields,
    whole: CaseRecord,
    serverFields: CaseReview.entries,
    serverDefaults: { status: 'draft', history: [] },
    parent: { key: 'subjectId', type: (fields) => (fields.kind === 'survey' ? 'household' : 'member') },
    device: { table: 'cases', indexes: ['subjectId', 'communeCode'] },
    // An application filed, a change proposed or what happened (a death) tomorrow is a typing slip (issue 12).
    dated: [
      { path: ['data', 'answers', 'reviewDate'], label: 'reviewDate', form: 'day' },
      { path: ['data', 'filedOn'], label: 'filedOn', form: 'day', typed: true },
      { path: ['data', 'proposedOn'], label: 'proposedOn', form: 'day', typed: true },
      { path: ['data', 'eventOn'], label: 'eventOn', form: 'day', typed: true },
      { path: ['data', 'disability', 'certifiedOn'], label: 'disabilityCertifiedOn', form: 'day', typed: true },
    ],
    entry: [{ path: ['data', 'answers', 'reviewDate'], label: 'reviewDate', schema: EnteredIsoDay }],
  }),
  emergency: defineKind({
    sync: 'editable',
    fields: EmergencyFields,
    device: { table: 'emergencies', indexes: ['communeCode'] },
    dated: [{ path: ['date'], label: 'emergencyDate', form: 'day' }],
  }),
  damage: defineKind({
    sync: 'editable',
    fields: DamageFields,
    // Not its parent: the entry is the commune's account of the emergency and stays when the household moves.
    refers: [{ key: 'householdId', type: 'household', missing: 'reject.damageHouseholdMissing' }],
    device: { table: 'damages', indexes: ['emergencyId', 'householdId', 'communeCode'] },
    dated: [{ path: ['assessedOn'], label: 'assessedOn', form: 'day' }],
  }),
  relief_round: defineKind({
    sync: 'editable',
    fields: ReliefRoundFields,
    device: { table: 'reliefRounds', indexes: ['emergencyId', 'communeCode'] },
    dated: [{ path: ['date'], label: 'roundDate', form: 'day' }],
  }),
  distribution: defineKind({
    sync: 'event',
    fields: DistributionFields,
    serverFields: DistributionReview.entries,
    device: { table: 'distributions', indexes: ['householdId', 'roundId', 'communeCode'] },
    dated: [{ path: ['handedOutAt'], label: 'handedOutAt', form: 'ms' }],
  }),
  distribution_void: defineKind({
    sync: 'event',
    fields: VoidData,
    device: { table: 'distributionVoids', indexes: ['target', 'communeCode'] },
  }),
  conflict: defineKind({
    sync: 'server',
    fields: ConflictData,
    device: { table: 'conflicts', indexes: ['recordId', 'communeCode'] },
  }),
  duplicate: defineKind({
    sync: 'server',
    fields: DuplicateData,
    device: { table: 'duplicates', indexes: ['communeCode'] },
  }),
  // Issue 11, data entry: the villages of a commune, reference data the household form picks from.
  village: defineKind({
    sync: 'editable',
    fields: VillageFields,
    serverFields: VillageHistory.entries,
    device: { table: 'villages', indexes: ['communeCode'] },
  }),
} as const;

export type RecordKinds = typeof RECORD_KINDS;
export type RecordTypeName = keyof RecordKinds;
export type EditableTypeName = {
  [K in RecordTypeName]: RecordKinds[K]['sync'] extends 'editable' ? K : never;
}[RecordTypeName];

/**
 * A kind's label is its name's entry in the message catalogue's `kinds` (src/shared/messages.ts, read by the
 * i18n files): a kind declared here without one, or a label left for a kind removed, fails to type-check.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_KIND_HAS_A_LABEL: Same<RecordTypeName, KindName> = true;
