// Quảng Ngãi (merged with Kon Tum from 1/7/2025; 96 commune-level units). The sources found no local standard level or
// top-up for Quảng Ngãi, and the DTTS & MN ĐBKK list has not been mapped to the merged communes: the lists below are
// empty and provisional. An officer fills them here (or the app loads a corrected pack) without a code change.
import type { ProvincialPack } from '../pack';

export const QUANG_NGAI_PACK: ProvincialPack = {
  id: 'quang-ngai',
  name: { vi: 'Tỉnh Quảng Ngãi', en: 'Quảng Ngãi province' },
  standardLevels: [],
  topUps: [],
  specialDifficultyAreas: [
    {
      id: 'QNG-DTTS-MN-DBKK',
      communeCodes: [],
      villages: [],
      effectiveFrom: '2025-07-01',
      legalBasis: {
        document: 'Quyết định 861/QĐ-TTg; Quyết định 612/QĐ-UBDT (chưa xác nhận, chưa ánh xạ sang xã mới)',
        article: 'danh sách xã, thôn / commune and village lists',
        sources: [],
      },
      status: 'provisional',
      title: {
        vi: 'Danh sách xã, thôn vùng DTTS & MN ĐBKK của Quảng Ngãi',
        en: 'Quảng Ngãi DTTS & MN ĐBKK communes and villages',
      },
      note: {
        vi: 'Danh sách chưa được cập nhật theo các xã sau sắp xếp; cần cán bộ xác nhận nơi ở.',
        en: 'The list is not yet mapped to the merged communes; an officer must confirm where the person lives.',
      },
    },
  ],
  deciders: [],
};
