// The rules CLI end to end: a good file prints answers as JSON; a bad one names the field and exits with code 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(input: unknown) {
  const file = join(dir, `q-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  return spawnSync('npx', ['tsx', 'sync-server/src/rules-cli.ts', file], { cwd: root, encoding: 'utf8' });
}

describe('rules CLI (npm run rules -- <input.json>)', () => {
  it('Art. 5(6) + 6(1) NĐ 20/2021 and Art. 14 (Ch. III): answers an array of questions as JSON, exit 0', () => {
    const r = run([
      {
        question: 'allowance',
        benefitMonth: '2025-03',
        person: { dateOfBirth: '2015-01-01', householdPoverty: 'none', disability: { level: 'especially-severe' } },
      },
      {
        question: 'emergency',
        event: { type: 'natural-disaster', date: '2025-10-28' },
        household: { members: 3, status: 'poor', deaths: [{}] },
      },
      {
        question: 'poverty',
        reviewDate: '2026-10-01',
        area: 'rural',
        income: { perCapitaMonthly: 1_500_000 },
        indicators: { employment: true, water: true, telecom: true },
      },
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as [
      { paid: { amount: number } },
      { totals: { vnd: number } },
      { classification: string },
    ];
    expect(out[0].paid.amount).toBe(1_250_000);
    expect(out[1].totals.vnd).toBe(25_000_000);
    expect(out[2].classification).toBe('poor');
  });

  it('Art. 5 NĐ 20/2021: a bad field is named on stderr with exit code 2', () => {
    const r = run({
      question: 'allowance',
      benefitMonth: '2025-03',
      person: { dateOfBirth: '2015-01-01', householdPoverty: 'rich' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('person.householdPoverty');
    expect(r.stdout).toBe('');
  });

  it('Art. 4 NĐ 20/2021: invalid JSON and an unknown province both exit with code 2', () => {
    expect(run('{ not json').status).toBe(2);
    const r = run({
      question: 'emergency',
      province: 'atlantis',
      event: { type: 'fire', date: '2025-01-01' },
      household: { members: 1, status: 'poor' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('province');
  });

  it('Art. 4(2) NĐ 20/2021 and Art. 3 NĐ 07/2021: a date no rule covers names its field, exit 2', () => {
    const r = run([
      { question: 'poverty', reviewDate: '2025-01-01', area: 'rural', income: { perCapitaMonthly: 1 } },
      { question: 'poverty', reviewDate: '2021-12-31', area: 'rural', income: { perCapitaMonthly: 1 } },
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^\[1\]\.reviewDate: /);
    expect(
      run({
        question: 'allowance',
        benefitMonth: '2021-06',
        person: { dateOfBirth: '1950-01-01', householdPoverty: 'poor' },
      }).stderr,
    ).toMatch(/^benefitMonth: /);
    expect(
      run({
        question: 'emergency',
        event: { type: 'fire', date: '2021-06-30' },
        household: { members: 1, status: 'poor' },
      }).stderr,
    ).toMatch(/^event\.date: /);
  });

  it('"question": "timeline" (NĐ 20/2021 Art. 8(2) + 11): months, burial one-off; a range that ends first names "to"', () => {
    const r = run({
      question: 'timeline',
      decisions: [
        {
          id: 'QD1',
          kind: 'grant',
          signedOn: '2025-07-31',
          effectiveMonth: '2025-07',
          categoryCode: 'disability-severe',
        },
      ],
      events: [{ kind: 'death', on: '2025-09-10' }],
      from: '2025-07',
      to: '2025-10',
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      months: { month: string; status: string; amount: number }[];
      oneOffs: { kind: string; amount: number }[];
    };
    expect(out.months.map((m) => [m.status, m.amount])).toEqual([
      ['due', 750_000],
      ['due', 750_000],
      ['due', 750_000],
      ['stopped', 0],
    ]);
    expect(out.oneOffs).toEqual([expect.objectContaining({ kind: 'burial', amount: 10_000_000 })]);
    const bad = run({ question: 'timeline', decisions: [], from: '2025-07', to: '2025-01' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^to: /);
  });
  it('"question": "deadline" (NĐ 147/2025, BLDS 2015 Art. 147(3)): 10 wd from Thu 12/2/2026 across Tết → due 5/3/2026; a year with no holiday data names its field', () => {
    const r = run({ question: 'deadline', step: 'chairman-decision', from: '2026-02-12', asOf: '2026-03-09' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { due: string; daysLeft: number; overdue: boolean; rule: { id: string } };
    expect([out.due, out.daysLeft, out.overdue, out.rule.id]).toEqual(['2026-03-05', -2, true, 'DL-DECISION-2025']);
    const uncovered = run({ question: 'deadline', step: 'chairman-decision', from: '2025-07-01', asOf: '2030-01-02' });
    expect(uncovered.status).toBe(2);
    expect(uncovered.stderr).toMatch(/^asOf: /);
    const bad = run({ question: 'deadline', step: 'lunch', from: '2026-02-12' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^step: /);
  });
  it('"question": "payroll" (NĐ 20/2021 Art. 34): a decision signed after the April list — May and April arrears, 2.000.000 đ; a bad commune names its field', () => {
    const r = run(JSON.parse(readFileSync(join(root, 'docs/examples/payroll.json'), 'utf8')));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totals).toEqual({
      lines: 1,
      people: 1,
      thisMonth: 1_000_000,
      arrears: 1_000_000,
      carried: 0,
      oneOffs: 0,
      amount: 2_000_000,
    });
    expect(out.changes.map((c: { group: string; reason: string }) => `${c.group}:${c.reason}`)).toEqual([
      'A:new',
      'D:arrears',
    ]);
    const bad = run({ question: 'payroll', commune: 'Lý Sơn', month: '2026-05', beneficiaries: [] });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^commune: /);
  });
});
