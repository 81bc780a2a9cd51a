import { describe, expect, it } from 'vitest';
import { riceKgPerPersonMonth } from './rice';

describe('rice per person for a month of food support', () => {
  it('Art. 12(1) NĐ 20/2021: 15 kg, at Tết and after a disaster alike, with its legal basis', () => {
    expect(riceKgPerPersonMonth('2026-02-01', 'tet')).toMatchObject({
      kg: 15,
      legalBasis: { article: expect.stringContaining('Điều 12 khoản 1 điểm a') },
    });
    expect(riceKgPerPersonMonth('2026-10-20', 'hardship')).toMatchObject({
      kg: 15,
      legalBasis: { article: expect.stringContaining('Điều 12 khoản 1 điểm b') },
    });
  });

  it('before the decree took effect there is no rule to pre-fill from', () => {
    expect(riceKgPerPersonMonth('2021-06-30', 'hardship')).toBeUndefined();
  });
});
