import { describe, expect, it } from 'vitest';
import type { MemberFields } from '../../shared/records/member';
import { encodeMessage } from '../../shared/messages';
import type { SurveyResult } from '../../shared/records/survey';
import {
  buildApplication,
  childCandidates,
  checkApplication,
  draftFromApplication,
  factValue,
  isAsked,
  liveProposal,
  papersOffered,
  prefillDraft,
  setFact,
  suggestForm,
  withChildren,
  type AllowanceDraft,
} from './application-form';

const HOUSEHOLD_ID = '0190c0de-0000-7000-8000-000000000001';
const CASE_ID = '0190c0de-0000-7000-8000-0000000000aa';

function member(overrides: Partial<MemberFields> = {}): MemberFields {
  return {
    householdId: HOUSEHOLD_ID,
    communeCode: '21548',
    fullName: 'Nguyễn Thị Hoa',
    sex: 'female',
    birthDate: '1944-05-10',
    relation: 'chủ hộ',
    citizenId: '051144000123',
    ethnicity: '01',
    disability: 'none',
    hasHealthInsurance: true,
    schooling: 'none',
    studying: false,
    occupation: 'not-in-labour-force',
    hasPension: false,
    status: 'present',
    ...overrides,
  };
}
const survey = (classification: SurveyResult['classification']): SurveyResult => ({
  classification,
  deprivationCount: 3,
  perCapitaIncome: 1_000_000,
  standard: 'x',
  rulePack: 'y',
  provisional: false,
});
const household = { address: 'Số 12', village: 'Thôn Đông An Vĩnh' };

function draftOf(m: MemberFields, approved: SurveyResult | null = survey('poor')): AllowanceDraft {
  return prefillDraft({
    caseId: CASE_ID,
    member: m,
    household,
    communeName: 'Xã Lý Sơn',
    approvedSurvey: approved ?? undefined,
    today: '2026-03-02',
  });
}

describe('prefill: the registry fills the application where it knows', () => {
  it('copies the person, the address and the household’s approved classification, and asks nothing it knows', () => {
    const draft = draftOf(member({ disability: 'severe', disabilityCertifiedOn: '2020-02-01', hasPension: true }));
    expect(draft).toMatchObject({
      caseId: CASE_ID,
      form: '1đ',
      filedOn: '02/03/2026',
      fullName: 'Nguyễn Thị Hoa',
      birthDate: '10/05/1944',
      sex: 'female',
      ethnicity: '01',
      citizenId: '051144000123',
      residence: 'Số 12, Thôn Đông An Vĩnh, Xã Lý Sơn',
      hasHealthInsurance: true,
      householdPoverty: 'poor',
      disabilityLevel: 'severe',
      disabilityCertifiedOn: '01/02/2020',
      facts: { income: { pension: true } },
      papers: [],
      photos: [],
    });
    for (const key of ['fullName', 'birthDate', 'citizenId', 'householdPoverty', 'disabilityLevel'] as const)
      expect(isAsked(draft, key)).toBe(false);
    // What the registry does not hold is asked.
    for (const key of ['citizenIdIssuedOn', 'citizenIdIssuedBy', 'livesWith', 'disabilityCertificateNo'] as const)
      expect(isAsked(draft, key)).toBe(true);
    // The papers say otherwise: everything is asked.
    expect(isAsked({ ...draft, correcting: true }, 'fullName')).toBe(true);
  });

  it('asks a full date of birth when the registry has a year, the poverty when no survey is approved, the CCCD when none', () => {
    const draft = draftOf(member({ birthDate: '1944', citizenId: undefined }), null);
    expect(draft.birthDate).toBe('1944');
    expect(draft.householdPoverty).toBe('');
    expect(isAsked(draft, 'birthDate')).toBe(true);
    expect(isAsked(draft, 'householdPoverty')).toBe(true);
    expect(isAsked(draft, 'citizenId')).toBe(true);
    expect(draftOf(member(), survey('average-living-standard')).householdPoverty).toBe('none');
    expect(draftOf(member(), survey('undetermined')).householdPoverty).toBe('');
  });

  it('suggests the form from age and disability', () => {
    expect(suggestForm({ birthDate: '2015', disability: 'none' }, '2026-03-02')).toBe('1a');
    expect(suggestForm({ birthDate: '1944-05-10', disability: 'none' }, '2026-03-02')).toBe('1d');
    expect(suggestForm({ birthDate: '1990', disability: 'especially-severe' }, '2026-03-02')).toBe('1đ');
  });
});

describe('the form: the application the server checks, and the proposal as it is filled', () => {
  const elderly = (): AllowanceDraft => {
    let draft = { ...draftOf(member()), form: '1d' as const };
    draft = { ...draft, facts: setFact(setFact(draft.facts, 'maritalStatus', 'widowed'), 'supporter', 'none') };
    return draft;
  };

  it('makes a valid application of a filled 1d, with the facts in the engine’s words', () => {
    const checked = checkApplication({ ...elderly(), papers: ['citizen-id', 'residence'] });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.application).toMatchObject({
      form: '1d',
      filedOn: '2026-03-02',
      applicant: { fullName: 'Nguyễn Thị Hoa', birthDate: '1944-05-10', citizenId: '051144000123' },
      householdPoverty: 'poor',
      papers: ['residence', 'citizen-id'],
      facts: { maritalStatus: 'widowed', supporter: 'none' },
    });
    expect(checked.sensitive).toBeUndefined();
  });

  it('proposes the category, coefficient and amount, and says the papers still missing until they are ticked', () => {
    const draft = elderly();
    const before = liveProposal(draft, '21548', '2026-03')!;
    expect(before.categoryCode).toBe('elderly-poor-no-supporter-80-plus');
    expect(before.coefficient).toBe(2);
    expect(before.amount).toBe(1_000_000);
    expect(before.missing).toEqual([
      { what: 'paper', paper: 'residence' },
      { what: 'paper', paper: 'citizen-id' },
    ]);
    const after = liveProposal({ ...draft, papers: ['residence', 'citizen-id'] }, '21548', '2026-03')!;
    expect(after.missing).toEqual([]);
    // A supporter who can support her: the 80+ category without a pension instead, at a lower coefficient.
    const supported = { ...draft, facts: setFact(draft.facts, 'supporter', 'available') };
    const changed = liveProposal(supported, '21548', '2026-03')!;
    expect(changed.categoryCode).not.toBe('elderly-poor-no-supporter-80-plus');
    expect(changed.amount).toBeLessThan(1_000_000);
  });

  it('needs a full date of birth to propose anything', () => {
    const proposal = liveProposal({ ...elderly(), birthDate: '1944' }, '21548', '2026-03')!;
    expect(proposal.categoryCode).toBeNull();
    expect(proposal.missing[0]).toEqual({ what: 'fullBirthDate' });
  });

  it('keeps HIV status only in `sensitive`, only on form 1b', () => {
    const hiv = { ...draftOf(member({ birthDate: '1980-01-01' })), hiv: true, hivDetectedOn: '01/06/2019' };
    const on1b = buildApplication({ ...hiv, form: '1b' });
    expect(on1b.sensitive).toEqual({ hiv: true, hivDetectedOn: '2019-06-01' });
    expect(JSON.stringify(on1b.application)).not.toMatch(/hiv/i);
    expect(buildApplication({ ...hiv, form: '1d' }).sensitive).toBeUndefined();
    // Nor does another form's list of papers say it.
    const papers = { ...hiv, papers: ['hiv-certificate', 'residence'] as AllowanceDraft['papers'] };
    expect(buildApplication({ ...papers, form: '1d' }).application.papers).toEqual(['residence']);
    expect(buildApplication({ ...papers, form: '1b' }).application.papers).toEqual(['residence', 'hiv-certificate']);
    const missing = liveProposal({ ...hiv, form: '1b', hiv: false }, '21548', '2026-03')!.missing;
    expect(missing).toContainEqual({ what: 'hivStatus' });
  });

  it('offers the HIV certificate among the papers on form 1b only', () => {
    expect(papersOffered('1b')).toContain('hiv-certificate');
    for (const form of ['1a', '1c', '1d', '1đ', '2a', '2b', '03'] as const)
      expect(papersOffered(form)).not.toContain('hiv-certificate');
  });

  it('keeps only the facts of the chosen form', () => {
    const draft = elderly();
    const withOrphan = { ...draft, facts: setFact(draft.facts, 'father', 'dead') };
    expect(factValue(withOrphan.facts, 'father')).toBe('dead');
    expect(buildApplication(withOrphan).application.facts).toEqual({ maritalStatus: 'widowed', supporter: 'none' });
    expect(buildApplication({ ...withOrphan, form: '1a' }).application.facts).toEqual({ orphan: { father: 'dead' } });
    // Unanswered again: the key is gone, not undefined (the engine's schema has no undefined values).
    expect(setFact(withOrphan.facts, 'father', undefined)).toEqual({ maritalStatus: 'widowed', supporter: 'none' });
  });

  it('reads a pension amount typed in đồng, and refuses one it cannot read at its field', () => {
    const draft = { ...elderly(), facts: setFact(elderly().facts, 'pension', true), pensionAmount: '1.500.000' };
    expect(buildApplication(draft).application.facts.income).toEqual({ pension: true, pensionAmount: 1_500_000 });
    const refused = checkApplication({ ...draft, pensionAmount: '1,5' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.pensionAmount).toBeDefined();
  });

  it('names a proxy when one files for the person, and the carer on the care forms only', () => {
    const draft = {
      ...elderly(),
      proxyName: 'Nguyễn Văn Nam',
      proxyRelation: 'con',
      proxyCitizenId: '051180000456',
      carerName: 'Trần Thị Lan',
      carerRelation: 'hàng xóm',
      carerIncome: '3.000.000',
    };
    const on1d = buildApplication(draft).application;
    expect(on1d.proxy).toEqual({ fullName: 'Nguyễn Văn Nam', relation: 'con', citizenId: '051180000456' });
    expect(on1d.carer).toBeUndefined();
    const on2b = buildApplication({ ...draft, form: '2b' }).application;
    expect(on2b.carer).toEqual({ fullName: 'Trần Thị Lan', relation: 'hàng xóm', householdIncome: 3_000_000 });
    expect(buildApplication({ ...draft, proxyName: ' ' }).application.proxy).toBeUndefined();
    const refused = checkApplication({ ...draft, form: '2b', carerIncome: '3,5', proxyCitizenId: '123' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.issues).sort()).toEqual(['carerIncome', 'proxyCitizenId']);
  });

  it('#12 CASES.md §1.1: each form’s own questions and the benefits received reach the application, another form’s do not', () => {
    const typed = {
      working: 'no',
      ableToWork: 'partly',
      selfCare: 'unable',
      currentCarer: 'Mẹ ruột, Phạm Thị Mai',
      supporter: 'Không có',
      benefitMerit: '1.200.000',
      benefitOther: '',
    };
    const on1d = buildApplication({ ...elderly(), form: '1đ', details: typed }).application;
    expect(on1d.details).toEqual({
      working: 'no',
      ableToWork: 'partly',
      selfCare: 'unable',
      currentCarer: 'Mẹ ruột, Phạm Thị Mai',
    });
    expect(on1d.currentBenefits).toEqual([{ kind: 'merit', amount: 1_200_000 }]);
    // Form 1d asks for the supporter, not the ability to care for oneself.
    expect(buildApplication({ ...elderly(), details: typed }).application.details).toEqual({ supporter: 'Không có' });
    // A care form lists no benefits of the person's own; 2a counts the disabled members.
    const on2a = buildApplication({ ...elderly(), form: '2a', details: { ...typed, disabledMembers: '2' } });
    expect(on2a.application.currentBenefits).toEqual([]);
    expect(on2a.application.details).toEqual({ disabledMembers: 2 });
    const refused = checkApplication({
      ...elderly(),
      form: '2a',
      details: { disabledMembers: 'hai', houseType: 'makeshift' },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues).toEqual({ disabledMembers: encodeMessage('field.integer') });
    const badAmount = checkApplication({ ...elderly(), details: { benefitMerit: '1,2' } });
    expect(badAmount.ok).toBe(false);
    if (!badAmount.ok) expect(Object.keys(badAmount.issues)).toEqual(['benefitMerit']);
  });

  it('#12 a returned application reopens as the draft it was: sent again, it reads the same', () => {
    const kids = [
      { ...member({ birthDate: '2015-06-01', relation: 'con' }), id: 'a' },
      { ...member({ birthDate: '2018-02-03', relation: 'con' }), id: 'b' },
    ];
    const drafts: AllowanceDraft[] = [
      {
        ...elderly(),
        facts: { ...elderly().facts, maritalStatus: 'widowed', income: { pension: true } },
        pensionAmount: '1.500.000',
        citizenIdIssuedOn: '02/01/2021',
        citizenIdIssuedBy: 'Cục Cảnh sát QLHC về TTXH',
        details: { supporter: 'Không có', benefitMerit: '1.200.000' },
        proxyName: 'Nguyễn Văn Nam',
        proxyRelation: 'con',
        papers: ['residence', 'citizen-id'],
        photos: ['a'.repeat(64)],
      },
      withChildren({ ...elderly(), form: '1c', facts: { maritalStatus: 'widowed' } }, kids, ['a', 'b']),
      { ...elderly(), form: '1b', hiv: true, hivDetectedOn: '2019', facts: { income: { stableMonthlyIncome: false } } },
      {
        ...elderly(),
        form: '2b',
        facts: { takenInByHousehold: true },
        carerName: 'Trần Thị Lan',
        carerRelation: 'hàng xóm',
        carerIncome: '3.000.000',
        details: { houseType: 'semi-solid' },
      },
    ];
    for (const draft of drafts) {
      const sent = buildApplication(draft);
      const reopened = draftFromApplication({
        caseId: draft.caseId,
        application: sent.application,
        sensitive: sent.sensitive,
        members: kids,
      });
      expect(reopened.correcting, draft.form).toBe(true);
      expect(buildApplication(reopened), draft.form).toEqual(sent);
    }
  });

  it('form 1c: the children are the household’s, as registered, with a full date of birth', () => {
    const mother = { ...member({ birthDate: '1990-01-01', relation: 'chủ hộ' }), id: 'm' };
    const kids = [
      { ...member({ birthDate: '2015-06-01', relation: 'con', studying: true }), id: 'a' },
      { ...member({ birthDate: '2019', relation: 'con' }), id: 'b' },
      { ...member({ birthDate: '1960', relation: 'mẹ' }), id: 'c' },
      { ...member({ birthDate: '2012-01-01', relation: 'con', status: 'moved_away' }), id: 'd' },
    ];
    expect(childCandidates(mother, [mother, ...kids]).map((m) => m.id)).toEqual(['a', 'b']);
    expect(childCandidates({ ...mother, relation: 'cháu' }, kids)).toEqual([]);
    const draft = withChildren({ ...draftOf(mother), form: '1c' }, kids, ['a', 'b']);
    expect(draft.childIds).toEqual(['a', 'b']);
    // The one with a year alone is not counted: the engine needs an age in months.
    expect(buildApplication(draft).application.facts.children).toEqual([{ dateOfBirth: '2015-06-01', studying: true }]);
    expect(buildApplication({ ...draft, form: '1d' }).application.facts.children).toBeUndefined();
    expect(withChildren(draft, kids, []).facts.children).toBeUndefined();
  });

  it('says at the field a date that does not exist, a name too short', () => {
    const checked = checkApplication({ ...elderly(), birthDate: '31/02/1944', fullName: 'H' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.issues).sort()).toEqual(['birthDate', 'fullName']);
  });
});
