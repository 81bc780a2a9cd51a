// A provincial pack layered on the national one (Decree 20/2021 Art. 4(3)): local M, top-ups, area list, deciders.
import { describe, expect, it } from 'vitest';
import { answerAllowance } from '../allowance/answer';
import { answerEmergency } from '../emergency/answer';
import type { ProvincialPack } from './pack';
import { PROVINCIAL_PACKS } from './provinces';
import type { PackRegistry } from './resolve';

const TEST_PROVINCE: ProvincialPack = {
  id: 'test-province',
  name: { vi: 'Tỉnh thử nghiệm', en: 'Test province' },
  standardLevels: [
    {
      id: 'TP-M-LOW',
      amount: 400_000,
      effectiveFrom: '2025-01-01',
      legalBasis: { document: 'NQ HĐND thử', article: '1' },
      status: 'verified',
      title: { vi: 'Mức chuẩn thấp hơn', en: 'Lower local level' },
    },
  ],
  topUps: [
    {
      id: 'TP-TOPUP-TCXH',
      target: { kind: 'monthly-allowance' },
      amount: 100_000,
      effectiveFrom: '2026-01-01',
      legalBasis: { document: 'NQ HĐND thử', article: '2' },
      status: 'verified',
      title: { vi: 'Hỗ trợ thêm hằng tháng', en: 'Monthly top-up' },
    },
    {
      id: 'TP-TOPUP-NHA',
      target: { kind: 'emergency', code: 'house-lost' },
      amount: 10_000_000,
      effectiveFrom: '2025-01-01',
      legalBasis: { document: 'NQ HĐND thử', article: '3' },
      status: 'verified',
      title: { vi: 'Hỗ trợ thêm làm nhà', en: 'House top-up' },
    },
  ],
  specialDifficultyAreas: [
    {
      id: 'TP-DTTS',
      communeCodes: ['X-001'],
      villages: ['X-002/Làng Mới'],
      effectiveFrom: '2025-07-01',
      legalBasis: { document: 'QĐ thử', article: 'phụ lục' },
      status: 'provisional',
      title: { vi: 'Danh sách vùng DTTS & MN ĐBKK', en: 'DTTS & MN ĐBKK list' },
    },
  ],
  deciders: [],
};

const registry: PackRegistry = { provinces: { ...PROVINCIAL_PACKS, [TEST_PROVINCE.id]: TEST_PROVINCE } };
const esdAdult = {
  dateOfBirth: '1990-01-01',
  householdPoverty: 'none',
  disability: { level: 'especially-severe' },
} as const;

describe('provincial pack layered on the national pack', () => {
  it('Art. 4(3) NĐ 20/2021: a local level below the national M is not used (the province may only raise it)', () => {
    const a = answerAllowance(
      { question: 'allowance', benefitMonth: '2025-03', province: 'test-province', person: esdAdult },
      registry,
    );
    expect(a.standardLevel).toEqual({ ruleId: 'M-2024', amount: 500_000 });
  });

  it('Art. 4(3) NĐ 20/2021: a provincial top-up from 1/1/2026 is added to the allowance, not to M × coefficient', () => {
    const before = answerAllowance(
      { question: 'allowance', benefitMonth: '2025-12', province: 'test-province', person: esdAdult },
      registry,
    );
    const after = answerAllowance(
      { question: 'allowance', benefitMonth: '2026-01', province: 'test-province', person: esdAdult },
      registry,
    );
    expect(before.totalMonthly).toBe(1_000_000);
    expect(after.paid.amount).toBe(1_000_000);
    expect(after.provincialTopUps).toEqual([{ ruleId: 'TP-TOPUP-TCXH', amount: 100_000 }]);
    expect(after.totalMonthly).toBe(1_100_000);
    expect(after.explanation.rules.find((r) => r.id === 'TP-TOPUP-TCXH')?.pack).toBe('test-province');
  });

  it('Art. 15(1) NĐ 20/2021 (minimum) + provincial top-up: house support 40,000,000 + 10,000,000', () => {
    const a = answerEmergency(
      {
        question: 'emergency',
        province: 'test-province',
        event: { type: 'fire', date: '2025-05-01' },
        household: { members: 3, status: 'poor', house: { collapsedSweptAwayOrBurnt: true } },
      },
      registry,
    );
    const house = a.entitlements.find((e) => e.code === 'house-lost');
    expect(house).toMatchObject({ quantity: 40_000_000, provincialTopUp: 10_000_000 });
    expect(a.totals.vnd).toBe(50_000_000);
  });

  it.each([
    ['X-001', undefined, 1.5],
    ['X-002', 'Làng Mới', 1.5],
    ['X-002', 'Làng Cũ', 0],
  ])(
    'Art. 5(7) NĐ 20/2021: commune %s village %s on the provincial DTTS list → coefficient %d, flagged provisional',
    (communeCode, village, coefficient) => {
      const a = answerAllowance(
        {
          question: 'allowance',
          benefitMonth: '2026-04',
          province: 'test-province',
          person: {
            dateOfBirth: '2025-01-01',
            householdPoverty: 'near-poor',
            communeCode,
            ...(village ? { village } : {}),
          },
        },
        registry,
      );
      expect(a.paid.totalCoefficient).toBe(coefficient);
      expect(a.provisional).toBe(true);
      expect(a.explanation.rules.some((r) => r.id === 'TP-DTTS')).toBe(true);
    },
  );
});
