/**
 * npm run bench:register — issue 12. The beneficiary register's work for a commune of 400 beneficiaries: for each,
 * the benefit timeline from its grant to this month over its decided changes (where it stands) and the engine's
 * changes due in the next 12 months. Timed with the rule packs resolved as the app does (by day, cached) beside the
 * baseline of the same packs resolved afresh for every month (a registry given explicitly is never cached), in the
 * same process; the answers are checked equal.
 */
import { performance } from 'node:perf_hooks';
import { benefitTimeline, proposedChanges } from '../src/domain/allowance/benefit-timeline';
import { NATIONAL_PACK } from '../src/domain/packs/national';
import type { PackRegistry } from '../src/domain/packs/resolve';
import { applicationPerson } from '../src/shared/allowance-proposal';
import { timelineInput, type DecidedChange, type DecidedGrant } from '../src/shared/allowance-history';
import { allowanceApplication } from '../tests/support/fixtures';

const BENEFICIARIES = 400;
const MONTH = '2026-12';
const ROUNDS = 5;

const people = Array.from({ length: BENEFICIARIES }, (_, i) => {
  const year = 1936 + (i % 30);
  const month = String((i % 12) + 1).padStart(2, '0');
  const application = allowanceApplication({
    applicant: { ...allowanceApplication().applicant, birthDate: `${year}-${month}-15` },
  });
  const caseId = `grant-${i}`;
  const grant: DecidedGrant = {
    caseId,
    decision: {
      number: `${i + 1}/QĐ-UBND`,
      signedOn: '2024-03-20',
      signer: 'Chủ tịch',
      categoryCode: 'elderly-poor-no-supporter-80-plus',
      coefficient: 2,
      amount: 720_000,
      startMonth: `${2022 + (i % 4)}-03`,
    },
  };
  // One in four was suspended for a season and resumed with arrears.
  const changes: DecidedChange[] =
    i % 4 === 0
      ? [
          {
            caseId: `s-${i}`,
            change: {
              change: 'suspend',
              grantCaseId: caseId,
              reason: 'not-collected',
              proposedOn: '2026-02-01',
              effectiveMonth: '2026-02',
            },
            decision: { number: `s${i}`, signedOn: '2026-02-02', signer: 'Chủ tịch', effectiveMonth: '2026-02' },
          },
          {
            caseId: `r-${i}`,
            change: {
              change: 'resume',
              grantCaseId: caseId,
              reason: 'collected-again',
              withArrears: true,
              proposedOn: '2026-05-01',
              effectiveMonth: '2026-05',
            },
            decision: { number: `r${i}`, signedOn: '2026-05-02', signer: 'Chủ tịch', effectiveMonth: '2026-05' },
          },
        ]
      : [];
  return { grant, changes, person: applicationPerson(application, undefined, '21548')! };
});

/** The register's work, as one number per beneficiary (this month's amount and the changes due), to compare. */
function register(registry: PackRegistry | undefined): string[] {
  return people.map(({ grant, changes, person }) => {
    const input = { ...timelineInput([grant], changes), from: grant.decision.startMonth, to: MONTH };
    const timeline = registry ? benefitTimeline(input, registry) : benefitTimeline(input);
    const due = proposedChanges(person, MONTH, 12, registry ? { registry } : {});
    return `${timeline.months.at(-1)?.amount}|${due.map((d) => `${d.kind}@${d.effectiveMonth}`).join(',')}`;
  });
}

function time(label: string, run: () => string[]): { ms: number; answer: string[] } {
  let answer: string[] = [];
  const runs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    answer = run();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  const ms = runs[Math.floor(ROUNDS / 2)]!;
  console.log(
    `${label}: median ${ms.toFixed(0)} ms for ${BENEFICIARIES} beneficiaries (${(ms / BENEFICIARIES).toFixed(2)} ms each)`,
  );
  return { ms, answer };
}

console.log(`\n## The beneficiary register, ${BENEFICIARIES} beneficiaries, ${ROUNDS} rounds each`);
const baseline = time('baseline, packs resolved afresh for every month', () => register({ national: NATIONAL_PACK }));
const cached = time('as the app does, packs resolved once per day', () => register(undefined));
if (JSON.stringify(baseline.answer) !== JSON.stringify(cached.answer))
  throw new Error('the two runs answer differently');
console.log(`same answers; ${(baseline.ms / cached.ms).toFixed(1)}× faster`);
