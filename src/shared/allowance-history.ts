/**
 * @module Where a person's allowance stands, read the same way on the tablet (the register) and on the server (the
 * checks on a change or a second decision): their decided applications and decided changes made into the rules
 * engine's dated decisions and events, and the benefit timeline over them (src/domain/allowance/benefit-timeline.ts).
 *
 * Each decision's id in the timeline is its number, so the timeline's explanations name the paper.
 */
import { addMonths, maxOf, monthOf, type IsoMonth } from '../domain/common/dates';
import { benefitTimeline, type OneOff, type TimelineMonth } from '../domain/allowance/benefit-timeline';
import type { BenefitCode, BenefitDecision, BenefitEvent } from '../domain/allowance/benefit-timeline-schema';
import { ALLOWANCE_CATEGORY_CODES, CARE_ALLOWANCE_CODES, type CareAllowanceCode } from '../domain/packs/types';
import type { AllowanceApplication, AllowanceDecision } from './records/allowance';
import type { AllowanceChange, ChangeDecision } from './records/allowance-change';
import { proposeAllowance, type DecisionCheck } from './allowance-proposal';

/** An approved application: its case and the chairman's decision. */
export interface DecidedGrant {
  readonly caseId: string;
  readonly decision: AllowanceDecision;
}

/** An approved change: its case, what it changes and the decision on it. */
export interface DecidedChange {
  readonly caseId: string;
  readonly change: AllowanceChange;
  readonly decision: ChangeDecision;
}

const CODES: ReadonlySet<string> = new Set([...ALLOWANCE_CATEGORY_CODES, 'social-pension']);
const CARE: ReadonlySet<string> = new Set(CARE_ALLOWANCE_CODES);
const isCare = (code: string | undefined): code is CareAllowanceCode => code !== undefined && CARE.has(code);
/** A category of Art. 5 is the person's own line; a support of Art. 20 (a care form) a line of its own. */
const benefitCode = (code: string | undefined): { categoryCode?: BenefitCode; careCode?: CareAllowanceCode } =>
  isCare(code)
    ? { careCode: code }
    : code !== undefined && CODES.has(code)
      ? { categoryCode: code as BenefitCode }
      : {};

/**
 * The timeline's decisions and events. An amount is passed only when the decision fixed it with a reason (a
 * provincial top-up): otherwise the payment follows M × coefficient as M changes, without a new decision.
 */
export function timelineInput(
  grants: readonly DecidedGrant[],
  changes: readonly DecidedChange[],
): { decisions: BenefitDecision[]; events: BenefitEvent[] } {
  const numberOf = new Map(grants.map((g) => [g.caseId, g.decision.number]));
  const decisions: BenefitDecision[] = grants.map(({ decision: d }) => ({
    id: d.number,
    kind: 'grant',
    signedOn: d.signedOn,
    effectiveMonth: d.startMonth,
    ...benefitCode(d.categoryCode),
    coefficient: d.coefficient,
    ...(d.overrideReason ? { amount: d.amount, reason: d.overrideReason } : {}),
    ...(d.clause ? { clause: d.clause } : {}),
  }));
  const events: BenefitEvent[] = [];
  for (const { change: c, decision: d } of changes) {
    const of = numberOf.get(c.grantCaseId);
    if (of === undefined) continue;
    const base = { id: d.number, signedOn: d.signedOn, effectiveMonth: d.effectiveMonth, of };
    if (c.change === 'adjust')
      decisions.push({
        ...base,
        kind: 'adjust',
        ...benefitCode(d.categoryCode),
        ...(d.coefficient !== undefined ? { coefficient: d.coefficient } : {}),
        ...(d.overrideReason && d.amount !== undefined ? { amount: d.amount } : {}),
        ...(d.clause ? { clause: d.clause } : {}),
      });
    else if (c.change === 'resume') decisions.push({ ...base, kind: 'resume', withArrears: c.withArrears === true });
    else if (c.change === 'move-out')
      decisions.push({ ...base, kind: 'move-out', ...(c.toCommune ? { commune: c.toCommune } : {}) });
    else decisions.push({ ...base, kind: c.change });
    if (c.reason === 'death' && c.eventOn) events.push({ kind: 'death', on: c.eventOn });
  }
  return { decisions, events };
}

export type GrantState = 'not-yet' | 'active' | 'suspended' | 'stopped' | 'moved-out';

export interface GrantStanding {
  readonly state: GrantState;
  /** The line of the month asked (its amount, coefficient, the rule and decisions behind it). */
  readonly line: TimelineMonth | undefined;
  /** The burial support when the person died a beneficiary (Art. 11). */
  readonly burial: OneOff | undefined;
}

/** Where one grant stands in `month`, after the changes decided on it (changes of other grants are ignored). */
export function grantStanding(
  grant: DecidedGrant,
  changes: readonly DecidedChange[],
  month: IsoMonth,
  province?: string,
): GrantStanding {
  const own = changes.filter((c) => c.change.grantCaseId === grant.caseId);
  const start = grant.decision.startMonth;
  if (month < start) return { state: 'not-yet', line: undefined, burial: undefined };
  const input = timelineInput([grant], own);
  // Run on to the last change, so a month suspended and later resumed with arrears carries its amount.
  const to = own.reduce((m, c) => maxOf(m, c.decision.effectiveMonth), month);
  const timeline = benefitTimeline({ ...input, from: start, to, ...(province ? { province } : {}) });
  const care = isCare(grant.decision.categoryCode) ? grant.decision.categoryCode : undefined;
  const line = timeline.months.find(
    (l) => l.month === month && (care ? l.line === 'care' && l.careCode === care : l.line === 'allowance'),
  );
  const burial = timeline.oneOffs.find((o) => o.kind === 'burial');
  const lastApplied = own
    .filter((c) => c.decision.effectiveMonth <= month)
    .sort((a, b) => a.decision.effectiveMonth.localeCompare(b.decision.effectiveMonth))
    .at(-1);
  const state: GrantState =
    line?.status === 'due'
      ? 'active'
      : line?.status === 'suspended'
        ? 'suspended'
        : line?.status === 'stopped'
          ? lastApplied?.change.change === 'move-out'
            ? 'moved-out'
            : 'stopped'
          : 'not-yet';
  return { state, line, burial };
}

/** A grant still pays (or is only suspended) in `month`, or begins later: a second grant then overlaps it. */
export function inForce(grant: DecidedGrant, changes: readonly DecidedChange[], month: IsoMonth): boolean {
  const at = maxOf(month, grant.decision.startMonth);
  const state = grantStanding(grant, changes, at).state;
  return state === 'active' || state === 'suspended';
}

/** Which standing each kind of change applies to (TT 02/2021 Art. 2). */
const APPLIES_TO: Readonly<Record<AllowanceChange['change'], readonly GrantState[]>> = {
  adjust: ['active'],
  stop: ['active', 'suspended'],
  suspend: ['active'],
  resume: ['suspended'],
  'move-out': ['active', 'suspended'],
};

export const changeApplies = (change: AllowanceChange['change'], state: GrantState): boolean =>
  APPLIES_TO[change].includes(state);

/** A stop on death runs from the month after the death (Art. 8(2) NĐ 20/2021; TT 02/2021 Art. 2(1)). */
export const deathStopMonth = (change: AllowanceChange): IsoMonth | undefined =>
  change.reason === 'death' && change.eventOn ? addMonths(monthOf(change.eventOn), 1) : undefined;

/** The application as it reads after an adjustment (a new disability level certified). */
export function adjustedApplication(application: AllowanceApplication, change: AllowanceChange): AllowanceApplication {
  if (!change.disabilityLevel) return application;
  return { ...application, disability: { ...application.disability, level: change.disabilityLevel } };
}

/**
 * The application as it reads after the adjustments decided on this grant (a new disability level), oldest first:
 * what the next change is checked against, on the tablet and the server alike.
 */
export function applicationAfter(
  application: AllowanceApplication,
  grantCaseId: string,
  changes: readonly DecidedChange[],
): AllowanceApplication {
  return changes
    .filter((c) => c.change.grantCaseId === grantCaseId && c.change.change === 'adjust')
    .sort((a, b) => a.decision.effectiveMonth.localeCompare(b.decision.effectiveMonth))
    .reduce((read, c) => adjustedApplication(read, c.change), application);
}

/**
 * An adjustment agrees with the engine when it names the category, coefficient and amount the engine gives for its
 * effective month on the application as it now reads; one that differs stands only with the officer's reason.
 */
export function checkAdjustment(
  application: AllowanceApplication,
  sensitive: { hiv: boolean } | undefined,
  communeCode: string,
  change: AllowanceChange,
  decision: ChangeDecision,
): DecisionCheck {
  const proposal = proposeAllowance(
    adjustedApplication(application, change),
    sensitive,
    communeCode,
    decision.effectiveMonth,
    decision.signedOn.slice(0, 7),
  );
  const agrees =
    proposal.categoryCode === decision.categoryCode &&
    Math.abs(proposal.coefficient - (decision.coefficient ?? -1)) < 1e-9 &&
    proposal.amount === decision.amount;
  if (agrees || decision.overrideReason?.trim()) return { ok: true };
  return {
    ok: false,
    expected: { categoryCode: proposal.categoryCode, coefficient: proposal.coefficient, amount: proposal.amount },
  };
}
