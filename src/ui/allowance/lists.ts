/**
 * @module The commune's allowance lists as pure functions of its cases: the dossiers on the desk, the public
 * posting list (danh sách niêm yết, Decree 20/2021 Art. 8(1)(c)); the beneficiary register is register.ts. No row of any list
 * tells HIV status: a form 1b dossier or an HIV category is named with the neutral wording the screen passes in,
 * and no row holds the category's code (the codes of those categories say "hiv").
 */
import { ALLOWANCE_CATEGORIES } from '../../domain/packs/national/allowance-categories';
import { CARE_ALLOWANCES } from '../../domain/packs/national/care-allowances';
import { isHivCategory, proposeAllowance } from '../../shared/allowance-proposal';
import type { AllowanceForm } from '../../shared/records/allowance';
import type { CaseStatus } from '../../shared/workflow';
import type { AllowanceCase } from '../../db/cases';
import { answerDeadline } from '../../domain/packs/national/deadlines';
import { NoRuleInForceError } from '../../domain/common/answer';
import { CalendarNotCoveredError } from '../../domain/calendar';

export type Lang = 'vi' | 'en';

export interface ListWords {
  lang: Lang;
  /** A category said without what it is about (the posting list, the register). */
  neutralCategory: string;
  /** A form said without what it is about (the desk's list). */
  neutralForm: string;
}

/** Forms whose very title tells HIV status. */
const SENSITIVE_FORMS: ReadonlySet<AllowanceForm> = new Set(['1b']);

/** What a list may call a category: its title from the rule pack, or the neutral wording. */
export function publicCategory(code: string | null | undefined, form: AllowanceForm, words: ListWords): string {
  if (!code || SENSITIVE_FORMS.has(form) || isHivCategory(code)) return words.neutralCategory;
  // A category of Art. 5, or the support of Art. 20 a care form grants.
  const title = [...ALLOWANCE_CATEGORIES, ...CARE_ALLOWANCES].find((c) => c.code === code)?.title[words.lang];
  // A title the pack does not have, or one that names the illness, is never printed.
  return title && !/hiv|aids/i.test(title) ? title : words.neutralCategory;
}

/**
 * What a list may call a form: never its number. Were only 1b said neutrally, the one row without a number would
 * tell HIV status by elimination; the form is on the dossier page, for the officer.
 */
export function publicForm(_form: AllowanceForm, words: ListWords): string {
  return words.neutralForm;
}

export interface Deadline {
  /** The last day the chairman may decide on (the end of that day). */
  due: string;
  /** Working days from today to `due`: 0 on the day, negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  /** The rule or a holiday on the way is not confirmed. */
  provisional: boolean;
}

const OPEN: ReadonlySet<CaseStatus> = new Set(['submitted', 'verified', 'posted']);

/**
 * When the chairman's decision on an open dossier is due: 10 working days after it was filed (Decree 147/2025,
 * from 1/7/2025; src/domain/packs/national/deadlines.ts). None for a decided dossier, nor where no rule or
 * holiday calendar covers the day filed.
 */
export function decisionDeadline(dossier: AllowanceCase, today: string): Deadline | undefined {
  if (!OPEN.has(dossier.status)) return undefined;
  try {
    const answer = answerDeadline({ step: 'chairman-decision', from: dossier.application.filedOn, asOf: today });
    return {
      due: answer.due,
      daysLeft: answer.daysLeft ?? 0,
      overdue: answer.overdue ?? false,
      provisional: answer.provisional,
    };
  } catch (error) {
    if (error instanceof NoRuleInForceError || error instanceof CalendarNotCoveredError) return undefined;
    throw error;
  }
}

export interface DossierRow {
  id: string;
  fullName: string;
  form: string;
  status: CaseStatus;
  filedOn: string;
  deadline: Deadline | undefined;
}

/** The desk's list: open dossiers first (oldest filed first), then those decided; `today` for the deadlines. */
export function dossierRows(cases: readonly AllowanceCase[], words: ListWords, today: string): DossierRow[] {
  const open = (s: CaseStatus) => OPEN.has(s);
  return [...cases]
    .filter((c) => c.status !== 'draft')
    .sort(
      (a, b) =>
        Number(open(b.status)) - Number(open(a.status)) || a.application.filedOn.localeCompare(b.application.filedOn),
    )
    .map((c) => ({
      id: c.id,
      fullName: c.application.applicant.fullName,
      form: publicForm(c.application.form, words),
      status: c.status,
      filedOn: c.application.filedOn,
      deadline: decisionDeadline(c, today),
    }));
}

export interface PostingRow {
  id: string;
  fullName: string;
  birthYear: string;
  residence: string;
  category: string;
  /** The engine's monthly amount for the month given, 0 when it cannot tell yet. */
  proposedAmount: number;
  from: string | undefined;
  until: string | undefined;
  complaintsUntil: string | undefined;
}

/** The posting list of a commune: the dossiers in status "posted", by name, the amount proposed for `month`. */
export function postingList(cases: readonly AllowanceCase[], month: string, words: ListWords): PostingRow[] {
  return cases
    .filter((c) => c.status === 'posted')
    .map((c) => {
      const proposal = proposeAllowance(c.application, c.sensitive, c.communeCode, month);
      return {
        id: c.id,
        fullName: c.application.applicant.fullName,
        birthYear: c.application.applicant.birthDate.slice(0, 4),
        residence: c.application.applicant.residence,
        category: publicCategory(proposal.categoryCode, c.application.form, words),
        proposedAmount: proposal.amount,
        from: c.posting?.from,
        until: c.posting?.until,
        complaintsUntil: c.posting?.complaintsUntil,
      };
    })
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}
