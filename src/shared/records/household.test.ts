import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { describeIssues } from '../fields';
import { HouseholdFields } from './household';

const valid = {
  headName: 'Nguyễn Văn Đức',
  communeCode: '21548',
  village: 'Thôn Đông An Vĩnh',
  address: '',
  area: 'rural',
  notes: '',
};

describe('household schema', () => {
  it('accepts a household with Vietnamese names and trims spaces', () => {
    const result = v.parse(HouseholdFields, {
      ...valid,
      headName: '  Đặng Thị Ánh  ',
      phone: '0912345678',
      headCitizenId: '051080001234',
    });
    expect(result.headName).toBe('Đặng Thị Ánh');
  });

  it.each([
    ['headCitizenId', { headCitizenId: '05108000123' }, 'CCCD'],
    ['headCitizenId', { headCitizenId: '05108000123a' }, 'CCCD'],
    ['phone', { phone: '12345' }, 'điện thoại'],
    ['communeCode', { communeCode: '215' }, 'Mã xã'],
    ['headName', { headName: ' ' }, 'chủ hộ'],
    ['village', { village: '' }, 'thôn'],
    ['area', { area: 'forest' }, 'nông thôn'],
  ])('rejects a bad %s with a Vietnamese message naming it', (field, patch, words) => {
    const result = v.safeParse(HouseholdFields, { ...valid, ...patch });
    expect(result.success).toBe(false);
    if (result.success) return;
    const message = describeIssues(result.issues);
    expect(message).toContain(field);
    expect(message.toLowerCase()).toContain(words.toLowerCase());
  });

  it('accepts +84 phone numbers', () => {
    expect(v.safeParse(HouseholdFields, { ...valid, phone: '+84912345678' }).success).toBe(true);
  });
});
