// The legal texts the packs cite, named once so that a citation cannot be misspelt in one rule and not another.

export const DOC = {
  ND20_2021: 'Nghị định 20/2021/NĐ-CP (15/3/2021)',
  ND76_2024: 'Nghị định 76/2024/NĐ-CP (sửa đổi Nghị định 20/2021/NĐ-CP)',
  ND335_2026: 'Nghị định 335/2026/NĐ-CP (chưa xác nhận)',
  TT02_2021: 'Thông tư 02/2021/TT-BLĐTBXH',
  ND176_2025: 'Nghị định 176/2025/NĐ-CP (30/6/2025)',
  ND147_2025: 'Nghị định 147/2025/NĐ-CP (12/6/2025)',
  ND07_2021: 'Nghị định 07/2021/NĐ-CP (27/1/2021)',
  ND30_2025: 'Nghị định 30/2025/NĐ-CP (24/2/2025)',
  ND351_2025: 'Nghị định 351/2025/NĐ-CP (30/12/2025)',
  LAW_PWD: 'Luật Người khuyết tật 2010',
  BLLD_2019: 'Bộ luật Lao động 2019 (Luật số 45/2019/QH14)',
  BLDS_2015: 'Bộ luật Dân sự 2015 (Luật số 91/2015/QH13)',
  HOLIDAYS_2025: 'Thông báo lịch nghỉ Tết, nghỉ lễ năm 2025 của cán bộ, công chức, viên chức',
  HOLIDAYS_2026: 'Phương án nghỉ Tết Âm lịch Bính Ngọ 2026 của cán bộ, công chức, viên chức',
  HN_RESOLUTION: 'Nghị quyết HĐND thành phố Hà Nội (mức chuẩn 650.000 đồng từ 1/1/2026)',
} as const;
