import { describe, expect, it } from 'vitest';
import { classifyPoverty } from '../../domain';
import { surveyTexts } from './texts';
import { legalBasisLines, legalReference, plainText, provisionalGroups, rulePackOf } from './explanation';

const answer = classifyPoverty({
  question: 'poverty',
  reviewDate: '2026-09-01',
  area: 'rural',
  income: { perCapitaMonthly: 1_000_000 },
  members: [{ dateOfBirth: '1990-01-01', employment: 'stable' }],
  household: { waterSource: 'drilled-well', latrine: 'simple-pit', floorAreaM2: 40, nonDurableStructures: 0 },
});
const labels = new Map<string, string>([
  ...answer.indicators.map((i) => [i.code, i.name.vi] as const),
  ...Object.entries(surveyTexts.vi.waters),
  ...Object.entries(surveyTexts.vi.latrines),
]);
const everything = (texts: string[]) => texts.join('\n');

describe("the survey's explanation as shown", () => {
  it('names water sources, latrines and indicators by their labels, never by the engine codes', () => {
    const shown = everything([
      ...answer.indicators.map((i) => plainText(i.reason.vi, labels)),
      ...answer.explanation.steps.map((s) => plainText(s.vi, labels)),
    ]);
    expect(shown).toContain('Giếng khoan');
    expect(shown).toContain('Hố xí đơn giản');
    expect(shown).toContain('Bảo hiểm y tế');
    expect(shown).not.toMatch(/drilled-well|simple-pit|health-insurance/);
    expect(plainText('(other) and other words', labels)).toBe('(Khác) and other words');
  });

  it('gives legal references in the form of the language: Điều 3 khoản 1 điểm b, Art. 3(1)(b)', () => {
    expect(legalReference('Điều 3 khoản 1 điểm b / Art. 3(1)(b)', 'vi')).toBe('Điều 3 khoản 1 điểm b');
    expect(legalReference('Điều 3 khoản 1 điểm b / Art. 3(1)(b)', 'en')).toBe('Art. 3(1)(b)');
    const lines = everything(legalBasisLines(answer.explanation.rules, 'vi').map((l) => `${l.reference} ${l.titles}`));
    expect(lines).toContain('Điều 3 khoản 1 điểm b');
    expect(lines).not.toMatch(/Art\.|POV22|POV-/);
  });

  it('says each reason a rule is not confirmed once, with the indicators it concerns, without rule ids', () => {
    expect(answer.explanation.provisionalNotes.length).toBeGreaterThan(5);
    const { groups, other } = provisionalGroups(answer, 'vi');
    expect(groups).toHaveLength(1);
    expect(groups[0]?.note).toBe('Ngưỡng thiếu hụt lấy từ tài liệu thứ cấp, chưa đối chiếu văn bản gốc.');
    expect(groups[0]?.titles).toContain('Nguồn nước sinh hoạt');
    expect(other).toEqual([]);
  });

  it('#11 names the rule pack by its packs and the day its rules are in force, never by its id', () => {
    expect(answer.rulePack.snapshot).toBe('vn+quang-ngai@2026-09-01');
    const shown = rulePackOf(answer, 'vi');
    expect(shown).toEqual({ packs: ['Quy định toàn quốc', 'Tỉnh Quảng Ngãi'], asOf: '2026-09-01' });
    expect(surveyTexts.vi.rulesApplied(shown.packs, '01/09/2026')).toBe(
      'Bộ quy định áp dụng: Quy định toàn quốc và Tỉnh Quảng Ngãi — các quy định có hiệu lực ngày 01/09/2026.',
    );
    expect(rulePackOf(answer, 'en').packs).toEqual(['National rules', 'Quảng Ngãi province']);
  });
});
