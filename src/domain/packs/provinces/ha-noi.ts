// Hà Nội: an example of a provincial standard level above the national one (650,000 from 1/1/2026, HN650).
// It is here to show and test the layering; the app is for Quảng Ngãi.
import { DOC } from '../legal-documents';
import type { ProvincialPack } from '../pack';

export const HA_NOI_PACK: ProvincialPack = {
  id: 'ha-noi',
  name: { vi: 'Thành phố Hà Nội', en: 'Hà Nội city' },
  standardLevels: [
    {
      id: 'HN-M-2026',
      amount: 650_000,
      effectiveFrom: '2026-01-01',
      legalBasis: {
        document: DOC.HN_RESOLUTION,
        article: 'mức chuẩn trợ giúp xã hội của thành phố',
        sources: ['HN650'],
      },
      status: 'secondary',
      title: {
        vi: 'Mức chuẩn trợ giúp xã hội của Hà Nội 650.000 đồng/tháng',
        en: 'Hà Nội standard level 650,000 VND/month',
      },
    },
  ],
  topUps: [],
  specialDifficultyAreas: [],
  deciders: [],
};
