import { describe, expect, it } from 'vitest';
import { capitalisedName, lacksDiacritics } from './names';

describe('#11 help with names as typed', () => {
  it('offers each word with a capital first letter', () => {
    expect(capitalisedName('huynh thi lien')).toBe('Huynh Thi Lien');
    expect(capitalisedName('  HUỲNH   thị liên ')).toBe('Huỳnh Thị Liên');
    expect(capitalisedName('đặng văn ánh')).toBe('Đặng Văn Ánh');
    expect(capitalisedName('')).toBe('');
  });

  it('warns on a name with no diacritics at all, not on one with some', () => {
    expect(lacksDiacritics('huynh thi lien')).toBe(true);
    expect(lacksDiacritics('Huynh Thi Lien')).toBe(true);
    expect(lacksDiacritics('Huỳnh Thi Lien')).toBe(false);
    expect(lacksDiacritics('Đinh Van A')).toBe(false);
    expect(lacksDiacritics('')).toBe(false);
  });
});
