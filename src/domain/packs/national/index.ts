// The national pack: every rule that applies in the whole country, assembled from its families.
import { DOC } from '../legal-documents';
import type { NationalPack } from '../pack';
import { ALLOWANCE_CATEGORIES } from './allowance-categories';
import { CARE_ALLOWANCES } from './care-allowances';
import { DECIDERS } from './deciders';
import { EMERGENCY_RULES } from './emergency';
import { POVERTY_STANDARDS } from './poverty-standards';
import { SOCIAL_PENSIONS, STANDARD_LEVELS } from './standard-level';

export const NATIONAL_PACK: NationalPack = {
  id: 'vn',
  name: { vi: 'Quy định toàn quốc', en: 'National rules' },
  ageDefinitions: [
    {
      id: 'AGE-DEF',
      childBelow: 16,
      elderlyFrom: 60,
      effectiveFrom: '2021-07-01',
      legalBasis: {
        document: `${DOC.ND20_2021}; Luật Trẻ em 2016; Luật Người cao tuổi 2009`,
        article: 'Điều 5 khoản 6 / Art. 5(6)',
        sources: ['PD20', 'VNeld'],
      },
      status: 'verified',
      title: {
        vi: 'Trẻ em là người dưới 16 tuổi; người cao tuổi từ đủ 60 tuổi',
        en: 'Children are under 16; the elderly are 60 or over',
      },
    },
  ],
  standardLevels: STANDARD_LEVELS,
  socialPensions: SOCIAL_PENSIONS,
  allowanceCategories: ALLOWANCE_CATEGORIES,
  careAllowances: CARE_ALLOWANCES,
  povertyStandards: POVERTY_STANDARDS,
  emergency: EMERGENCY_RULES,
  deciders: DECIDERS,
  helpInTime: [
    {
      id: 'KC-12.3-DEADLINE',
      days: 2,
      effectiveFrom: '2021-07-01',
      legalBasis: { document: DOC.ND20_2021, article: 'Điều 12 khoản 3 / Art. 12(3)', sources: ['PD20'] },
      status: 'verified',
      title: {
        vi: 'Chủ tịch UBND xã quyết định hỗ trợ lương thực trong 2 ngày',
        en: 'The commune chairman decides food support within 2 days',
      },
    },
  ],
};
