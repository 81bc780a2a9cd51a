import { describe, expect, it } from 'vitest';
import { fold, matchesQuery, searchTerms } from './fold';
import { findDuplicates } from './duplicates';

describe('folding Vietnamese for search', () => {
  it.each([
    ['Nguyễn Văn Được', 'nguyen van duoc'],
    ['ĐẶNG THỊ ÁNH', 'dang thi anh'],
    ['  Lê   Thị\tHồng  ', 'le thi hong'],
    ['Trương Công Đức', 'truong cong duc'],
    ['Hồ Thị Kiều Oanh', 'ho thi kieu oanh'],
    ['Phạm Ngọc Ẩn', 'pham ngoc an'],
    ['Đinh Văn Rông-Ka', 'dinh van rong ka'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('treats decomposed (NFD) and composed (NFC) input the same', () => {
    expect(fold('Nguyễn'.normalize('NFD'))).toBe(fold('Nguyễn'.normalize('NFC')));
    expect(fold('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('"nguyen van" finds "Nguyễn Văn Được"; word prefixes match in any order; digits match as typed', () => {
    const terms = searchTerms('Nguyễn Văn Được', '051080001234', '0912345678');
    expect(matchesQuery(terms, 'nguyen van')).toBe(true);
    expect(matchesQuery(terms, 'NGUYỄN')).toBe(true);
    expect(matchesQuery(terms, 'duoc ng')).toBe(true);
    expect(matchesQuery(terms, 'đuoc')).toBe(true);
    expect(matchesQuery(terms, '0510800')).toBe(true);
    expect(matchesQuery(terms, '09123')).toBe(true);
    expect(matchesQuery(terms, 'nguyen thi')).toBe(false);
    expect(matchesQuery(terms, 'uyen')).toBe(false);
  });
});

describe('duplicate matching', () => {
  const registered = [
    {
      id: 'a',
      fullName: 'Nguyễn Thị Lan',
      birthDate: '1980-03-04',
      citizenId: '051180001111',
      village: 'Thôn Đông An Vĩnh',
    },
    { id: 'b', fullName: 'Đặng Văn Hùng', birthDate: '1975', village: 'Thôn Tây An Hải' },
    { id: 'c', fullName: 'Nguyễn Thị Lan', birthDate: '2001-01-01', village: 'Thôn Đông An Vĩnh' },
  ];

  it('the same CCCD is a duplicate whatever the name', () => {
    expect(findDuplicates({ fullName: 'Lan', citizenId: '051180001111' }, registered)).toEqual([
      { id: 'a', reason: 'citizen-id' },
    ]);
  });

  it('the same name without diacritics, year of birth and village is a duplicate', () => {
    expect(
      findDuplicates({ fullName: 'nguyen thi lan', birthDate: '1980', village: 'thon dong an vinh' }, registered),
    ).toEqual([{ id: 'a', reason: 'name-birth-year-village' }]);
  });

  it('one typo in the name still matches; đ typed as d matches', () => {
    expect(
      findDuplicates({ fullName: 'Dang Van Hung', birthDate: '1975-06-01', village: 'Thôn Tây An Hải' }, registered),
    ).toEqual([{ id: 'b', reason: 'name-birth-year-village' }]);
    expect(findDuplicates({ fullName: 'Đặng Văn Hùnh', birthDate: '1975' }, registered)).toEqual([
      { id: 'b', reason: 'name-birth-year' },
    ]);
  });

  it('same name but another year, another village, or two typos: not a duplicate', () => {
    expect(
      findDuplicates({ fullName: 'Nguyễn Thị Lan', birthDate: '1990', village: 'Thôn Đông An Vĩnh' }, registered),
    ).toEqual([]);
    expect(findDuplicates({ fullName: 'Nguyễn Thị Lan', birthDate: '1980', village: 'Thôn Bắc' }, registered)).toEqual(
      [],
    );
    expect(
      findDuplicates({ fullName: 'Nguyễn Thị Lâm Anh', birthDate: '1980', village: 'Thôn Đông An Vĩnh' }, registered),
    ).toEqual([]);
  });

  it('a record is never its own duplicate', () => {
    expect(
      findDuplicates({ id: 'a', fullName: 'Nguyễn Thị Lan', birthDate: '1980', citizenId: '051180001111' }, registered),
    ).toEqual([]);
  });
});
