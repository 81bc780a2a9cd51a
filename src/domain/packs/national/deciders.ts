// Who decides each support, by date. Since 1/7/2025 there are no districts (province → commune): Decree 147/2025
// gave the monthly allowance to the commune chairman (until the end of 1/3/2027). Where the sources say nothing
// (emergency burial, out-of-residence injury, and everything after 1/3/2027) the commune chairman is provisional.
import type { Bilingual } from '../../common/rule';
import { DOC } from '../legal-documents';
import type { DecisionAction, DeciderRule, DeciderRole } from '../types';

const WHO: Record<DeciderRole, Bilingual> = {
  'commune-chairman': { vi: 'Chủ tịch Ủy ban nhân dân cấp xã', en: 'Chairman of the commune People’s Committee' },
  'district-chairman': { vi: 'Chủ tịch Ủy ban nhân dân cấp huyện', en: 'Chairman of the district People’s Committee' },
  'chairman-where-treated': {
    vi: 'Chủ tịch UBND cấp huyện nơi người bị thương được điều trị',
    en: 'Chairman of the district People’s Committee where the person is treated',
  },
  'commune-chairman-where-treated': {
    vi: 'Chủ tịch UBND cấp xã nơi người bị thương được điều trị',
    en: 'Chairman of the commune People’s Committee where the person is treated',
  },
};

const UNCERTAIN_AFTER_REFORM: Bilingual = {
  vi: 'Sau khi bỏ cấp huyện (1/7/2025) chưa tìm thấy văn bản giao thẩm quyền này; tạm giao Chủ tịch UBND cấp xã.',
  en: 'No text found assigning this power after districts were abolished (1/7/2025); assumed commune chairman.',
};

const AFTER_147: Bilingual = {
  vi: 'Nghị định 147/2025 hết hiệu lực sau ngày 1/3/2027; văn bản thay thế chưa rõ.',
  en: 'Decree 147/2025 lapses after 1/3/2027; its successor is unknown.',
};

interface Row {
  action: DecisionAction;
  role: DeciderRole;
  from: string;
  to?: string;
  document: string;
  article: string;
  sources: readonly string[];
  status: DeciderRule['status'];
  deadline?: Bilingual;
  note?: Bilingual;
}

const decider = (r: Row): DeciderRule => ({
  id: `QD-${r.action}-${r.from}`,
  action: r.action,
  role: r.role,
  who: WHO[r.role],
  effectiveFrom: r.from,
  ...(r.to !== undefined ? { effectiveTo: r.to } : {}),
  legalBasis: { document: r.document, article: r.article, sources: r.sources },
  status: r.status,
  title: { vi: `Thẩm quyền quyết định: ${WHO[r.role].vi}`, en: `Decided by: ${WHO[r.role].en}` },
  ...(r.deadline !== undefined ? { deadline: r.deadline } : {}),
  ...(r.note !== undefined ? { note: r.note } : {}),
});

const days = (n: number, working: boolean): Bilingual => ({
  vi: `trong ${n} ngày${working ? ' làm việc' : ''}`,
  en: `within ${n} ${working ? 'working ' : ''}days`,
});

const ND20 = DOC.ND20_2021;
const ND147 = DOC.ND147_2025;

export const DECIDERS: readonly DeciderRule[] = [
  // Monthly allowance and care support: district chairman, then the commune chairman under Decree 147/2025.
  ...(['monthly-allowance', 'care-allowance'] as const).flatMap((action) => [
    decider({
      action,
      role: 'district-chairman',
      from: '2021-07-01',
      to: '2025-06-30',
      document: ND20,
      article: 'Điều 8 khoản 1 / Art. 8(1)',
      sources: ['PD20'],
      status: 'verified',
      deadline: days(3, true),
    }),
    decider({
      action,
      role: 'commune-chairman',
      from: '2025-07-01',
      to: '2027-03-01',
      document: ND147,
      article: 'phân định thẩm quyền lĩnh vực bảo trợ xã hội',
      sources: ['D147a', 'D147b', 'BYT3676'],
      status: 'secondary',
      deadline: days(10, true),
    }),
    decider({
      action,
      role: 'commune-chairman',
      from: '2027-03-02',
      document: ND147,
      article: 'hết hiệu lực / lapsed',
      sources: ['D147b'],
      status: 'provisional',
      note: AFTER_147,
    }),
  ]),
  decider({
    action: 'social-pension',
    role: 'commune-chairman',
    from: '2025-07-01',
    document: DOC.ND176_2025,
    article: 'thủ tục hưởng trợ cấp hưu trí xã hội',
    sources: ['SP176a', 'SP176c'],
    status: 'secondary',
    deadline: days(10, true),
  }),
  // Art. 12(3): food, injury at the place of residence and house support are decided by the commune chairman.
  ...(['emergency-food', 'emergency-injury', 'emergency-house', 'temporary-care'] as const).map((action) =>
    decider({
      action,
      role: 'commune-chairman',
      from: '2021-07-01',
      document: ND20,
      article: 'Điều 12 khoản 3 / Art. 12(3)',
      sources: ['PD20'],
      status: 'verified',
      deadline: days(2, false),
    }),
  ),
  decider({
    action: 'emergency-injury-outside-residence',
    role: 'chairman-where-treated',
    from: '2021-07-01',
    to: '2025-06-30',
    document: ND20,
    article: 'Điều 13 khoản 2 / Art. 13(2)',
    sources: ['PD20'],
    status: 'verified',
    deadline: days(2, false),
  }),
  decider({
    action: 'emergency-injury-outside-residence',
    role: 'commune-chairman-where-treated',
    from: '2025-07-01',
    document: ND20,
    article: 'Điều 13 khoản 2 (cấp huyện đã bỏ)',
    sources: [],
    status: 'provisional',
    deadline: days(2, false),
    note: UNCERTAIN_AFTER_REFORM,
  }),
  decider({
    action: 'emergency-burial',
    role: 'district-chairman',
    from: '2021-07-01',
    to: '2025-06-30',
    document: ND20,
    article: 'Điều 14 khoản 3 / Art. 14(3)',
    sources: ['PD20', 'EMbur'],
    status: 'verified',
    deadline: days(3, true),
  }),
  decider({
    action: 'emergency-burial',
    role: 'commune-chairman',
    from: '2025-07-01',
    document: ND20,
    article: 'Điều 14 khoản 3 (cấp huyện đã bỏ)',
    sources: [],
    status: 'provisional',
    deadline: days(3, true),
    note: UNCERTAIN_AFTER_REFORM,
  }),
  // Art. 11 burial of a monthly beneficiary: the sources (docs/sources.md) do not say who decides; district, then
  // commune (both [U]).
  decider({
    action: 'beneficiary-burial',
    role: 'district-chairman',
    from: '2021-07-01',
    to: '2025-06-30',
    document: ND20,
    article: 'Điều 11 / Art. 11',
    sources: [],
    status: 'provisional',
    note: {
      vi: 'Chưa tìm được văn bản nói rõ ai quyết định; hãy kiểm tra trước khi dùng.',
      en: 'No legal text was found that says who decides; check before relying on it.',
    },
  }),
  decider({
    action: 'beneficiary-burial',
    role: 'commune-chairman',
    from: '2025-07-01',
    document: ND147,
    article: 'phân định thẩm quyền (suy luận)',
    sources: ['D147b'],
    status: 'provisional',
    note: UNCERTAIN_AFTER_REFORM,
  }),
];
