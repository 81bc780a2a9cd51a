import { describe, expect, it } from 'vitest';
import { formatVi } from './messages-vi';
import type { Message } from './messages';
const vi = (m: Message | undefined) => m && formatVi(m);
import { clampStamp, futureDateIssue, MAX_AHEAD_MS } from './clock-bounds';

const NOW = Date.parse('2026-12-02T10:00:00+07:00');

describe('how far ahead a device clock is trusted', () => {
  it('#9.13 a stamp within the bound is kept; beyond it the server time replaces it, marked', () => {
    const near = `${NOW + MAX_AHEAD_MS}-0002-ab12cd34`;
    expect(clampStamp(near, NOW)).toEqual({ stamp: near, clamped: false });
    expect(clampStamp(`${NOW + MAX_AHEAD_MS + 1}-0002-ab12cd34`, NOW)).toEqual({
      stamp: `${NOW}-0002-ab12cd34.clamped`,
      clamped: true,
    });
    expect(clampStamp('not-a-stamp', NOW).clamped).toBe(false);
  });

  it('#9.13 a day is in the future when it starts, in Vietnam, more than the bound after now', () => {
    expect(vi(futureDateIssue('emergency', { date: '2026-12-02' }, NOW))).toBeUndefined();
    expect(vi(futureDateIssue('emergency', { date: '2026-12-03' }, NOW))).toBe(
      'Ngày xảy ra ở tương lai: 03/12/2026. Đồng hồ của máy tính bảng có thể đang sai — hãy chỉnh lại ngày giờ của máy rồi nhập lại.',
    );
    // 23:30 in Vietnam: tomorrow starts within the bound.
    expect(
      vi(futureDateIssue('damage', { assessedOn: '2026-12-03' }, Date.parse('2026-12-02T23:30:00+07:00'))),
    ).toBeUndefined();
    expect(vi(futureDateIssue('case', { data: { answers: { reviewDate: '2026-12-09' } } }, NOW))).toMatch(
      /^Ngày rà soát ở tương lai/,
    );
    expect(vi(futureDateIssue('household', { address: '2099-01-01' }, NOW))).toBeUndefined();
  });

  it('#11 a date of birth or of a certificate in the future is refused, a year alone from its 1 January, saying to check the year', () => {
    expect(vi(futureDateIssue('member', { birthDate: '2026' }, NOW))).toBeUndefined();
    expect(vi(futureDateIssue('member', { birthDate: '2026-12-02' }, NOW))).toBeUndefined();
    expect(vi(futureDateIssue('member', { birthDate: '2031' }, NOW))).toBe(
      'Ngày sinh ở tương lai: 2031. Kiểm tra lại năm.',
    );
    expect(vi(futureDateIssue('member', { birthDate: '2027-01-05' }, NOW))).toBe(
      'Ngày sinh ở tương lai: 05/01/2027. Kiểm tra lại năm.',
    );
    expect(vi(futureDateIssue('member', { disabilityCertifiedOn: '2030-03-01' }, NOW))).toMatch(
      /^Ngày xác định mức độ khuyết tật ở tương lai/,
    );
  });
});
