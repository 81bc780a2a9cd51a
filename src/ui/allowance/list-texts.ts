/**
 * @module Texts of a person's allowance applications on the member page (issue 12), loaded with that list, not
 * with the first screen (src/ui/i18n/feature-texts.ts).
 */
import { featureTexts, useFeatureTexts } from '../i18n/feature-texts';

export const allowanceListTexts = featureTexts({
  vi: {
    applyAllowance: 'Đề nghị trợ cấp',
    allowanceCasesTitle: 'Hồ sơ trợ cấp xã hội',
    noAllowanceCases: 'Chưa có hồ sơ trợ cấp nào.',
    allowanceDraftOpen: 'Đang soạn hồ sơ trợ cấp (chưa gửi)',
    continueDraft: 'Nhập tiếp',
    reopenAllowance: 'Sửa và gửi lại',
    /** Form 1b says HIV status: a list shows this instead. */
    allowanceFormPrivate: 'Hồ sơ trợ cấp xã hội hằng tháng',
  },
  en: {
    applyAllowance: 'Apply for an allowance',
    allowanceCasesTitle: 'Social allowance applications',
    noAllowanceCases: 'No allowance applications yet.',
    allowanceDraftOpen: 'Allowance application being written (not sent)',
    continueDraft: 'Continue',
    reopenAllowance: 'Correct and send again',
    /** Form 1b says HIV status: a list shows this instead. */
    allowanceFormPrivate: 'Monthly social allowance application',
  },
});

export const useAllowanceListTexts = () => useFeatureTexts(allowanceListTexts);
