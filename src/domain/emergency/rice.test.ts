import { describe, expect, it } from 'vitest';
import { answerEmergency } from './answer';
import { riceKgPerPersonMonth, roundRiceOfDamage } from './rice';

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

describe("a round's rice for a damaged household (issue 11)", () => {
  it('comes from the damage record: 5 hungry people × 15 kg a month, of 225 kg for 3 months — not the 7 registered', () => {
    const answer = answerEmergency({
      question: 'emergency',
      event: { type: 'natural-disaster', date: '2026-10-20' },
      household: { members: 7, status: 'poor', hungryMembers: 5 },
    });
    expect(roundRiceOfDamage(answer)).toEqual({ kgThisRound: 75, totalKg: 225, months: 3 });
  });

  it('no hungry member: no rice to pre-fill', () => {
    const answer = answerEmergency({
      question: 'emergency',
      event: { type: 'natural-disaster', date: '2026-10-20' },
      household: { members: 4, status: 'poor', hungryMembers: 0 },
    });
    expect(roundRiceOfDamage(answer)).toBeUndefined();
  });
});
