/** Small builders for tests: households, mutations, users. */
import { randomUUID } from 'node:crypto';
import type { HouseholdFields } from '../../src/shared/household';
import { SCHEMA_VERSION } from '../../src/shared/protocol';

export const LY_SON = '21548';
export const BA_TO = '21484';

export function householdFields(overrides: Partial<HouseholdFields> = {}): HouseholdFields {
  return {
    headName: 'Nguyễn Văn Đức',
    communeCode: LY_SON,
    village: 'Thôn Đông An Vĩnh',
    address: 'Tổ 2',
    area: 'rural',
    notes: '',
    ...overrides,
  };
}

export function putMutation(seq: number, recordId: string, patch: Record<string, string | null>, schema = SCHEMA_VERSION) {
  return { seq, id: randomUUID(), schema, at: 1_700_000_000_000 + seq, op: { kind: 'household.put' as const, recordId, patch } };
}

/** A new household as one mutation. */
export function createMutation(seq: number, overrides: Partial<HouseholdFields> = {}, recordId: string = randomUUID()) {
  const patch = Object.fromEntries(Object.entries(householdFields(overrides)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return putMutation(seq, recordId, patch);
}
