/**
 * @module A record's field as a person reads it, for conflicts on the officer's desk and on the collaborator's
 * screens: its label as the household and member forms name it, and a value in words (Nam/Nữ, Có/Không, a date as
 * dd/mm/yyyy, an ethnic group by name) instead of the stored code. A field the forms do not show keeps its name.
 */
import { ethnicGroupName } from '../../shared/reference/ethnic-groups';
import { formatVnDate } from '../dates';
import type { Messages } from '../i18n';

type LabelKey =
  | 'headName'
  | 'village'
  | 'address'
  | 'phone'
  | 'headCitizenId'
  | 'area'
  | 'notes'
  | 'fullName'
  | 'sex'
  | 'born'
  | 'relation'
  | 'citizenId'
  | 'ethnicity'
  | 'disability'
  | 'disabilityCertifiedOn'
  | 'hasHealthInsurance'
  | 'schooling'
  | 'studying'
  | 'occupation'
  | 'hasPension'
  | 'memberStatus';

const LABELS: Record<string, LabelKey> = {
  headName: 'headName',
  village: 'village',
  address: 'address',
  phone: 'phone',
  headCitizenId: 'headCitizenId',
  area: 'area',
  notes: 'notes',
  fullName: 'fullName',
  sex: 'sex',
  birthDate: 'born',
  relation: 'relation',
  citizenId: 'citizenId',
  ethnicity: 'ethnicity',
  disability: 'disability',
  disabilityCertifiedOn: 'disabilityCertifiedOn',
  hasHealthInsurance: 'hasHealthInsurance',
  schooling: 'schooling',
  studying: 'studying',
  occupation: 'occupation',
  hasPension: 'hasPension',
  status: 'memberStatus',
};

export function fieldLabel(t: Messages, field: string): string {
  const key = LABELS[field];
  return key ? t[key] : field;
}

const pick = (table: Record<string, string>, value: string) => table[value] ?? value;

export function fieldValue(t: Messages, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t.emptyValue;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : JSON.stringify(value);
  switch (field) {
    case 'sex':
      return value === 'male' ? t.male : value === 'female' ? t.female : value;
    case 'area':
      return value === 'rural' ? t.rural : value === 'urban' ? t.urban : value;
    case 'birthDate':
    case 'disabilityCertifiedOn':
      return formatVnDate(value);
    case 'ethnicity':
      return ethnicGroupName(value);
    case 'relation':
      return pick(t.relations, value);
    case 'disability':
      return pick(t.disabilityLevels, value);
    case 'schooling':
      return pick(t.schoolingLevels, value);
    case 'occupation':
      return pick(t.occupations, value);
    case 'status':
      return pick(t.memberStatuses, value);
    default:
      return value;
  }
}
