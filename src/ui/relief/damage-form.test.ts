import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../shared/messages';
import { formatVi } from '../../shared/messages-vi';
import { readBack, readCounts, type TypedCounts } from './damage-form';

const typed = (overrides: Partial<TypedCounts> = {}): TypedCounts => ({
  members: '4',
  hungryMembers: '0',
  deaths: '0',
  missing: '0',
  children: '0',
  injured: '',
  ...overrides,
});
const issues = (overrides: Partial<TypedCounts>) => {
  const check = readCounts(typed(overrides));
  return check.ok
    ? check.counts
    : Object.fromEntries(Object.entries(check.issues).map(([k, m]) => [k, formatVi(decodeMessage(m ?? ''))]));
};

describe('#11 a damage entry reads its counts through the one parser: nothing typed is read as 0 or guessed', () => {
  it('reads whole counts and the days of each injured person', () => {
    expect(issues({ members: '5', hungryMembers: '3', injured: '3, 14' })).toEqual({
      members: 5,
      hungryMembers: 3,
      deaths: 0,
      missing: 0,
      childrenWithoutParents: 0,
      injuredDays: [3, 14],
    });
  });

  it('refuses an emptied field instead of reading it as 0, and "1,5", "1.5" or "0x3" instead of NaN, 1.5 or 3', () => {
    expect(issues({ deaths: '' })).toEqual({ deaths: 'Nhập một số (0 nếu không có)' });
    expect(issues({ missing: '1,5' })).toEqual({ missing: expect.stringMatching(/số nguyên/) });
    expect(issues({ hungryMembers: '1.5' })).toEqual({ hungryMembers: expect.stringMatching(/số nguyên/) });
    expect(issues({ children: '0x3' })).toEqual({ children: expect.stringMatching(/Không đọc được/) });
    expect(issues({ members: '-2' })).toEqual({ members: 'Không được âm' });
  });

  it('refuses a day of treatment that is not a whole number, naming the field', () => {
    expect(issues({ injured: '3, 1.5' })).toEqual({ injured: expect.stringMatching(/số nguyên/) });
    expect(issues({ injured: '3, ba' })).toEqual({ injured: expect.stringMatching(/Không đọc được/) });
  });

  it('shows what a count was read as only when that is not plainly what was typed', () => {
    expect(readBack('4')).toBeUndefined();
    expect(readBack(' 4 ')).toBeUndefined();
    expect(readBack('04')).toBe('4');
    expect(readBack('1200')).toBe('1.200');
    expect(readBack('1,5')).toBeUndefined();
  });
});
