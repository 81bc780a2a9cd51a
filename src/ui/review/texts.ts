/**
 * @module The officer's review desk texts (cases, conflicts, possible duplicates), Vietnamese first, loaded with those screens (src/ui/i18n/feature-texts.ts).
 */
import { featureTexts, useFeatureTexts } from '../i18n/feature-texts';

export const reviewTexts = featureTexts({
  vi: {
    deviceClaimed: (claimed: string) =>
      `Máy tính bảng đã gửi kết quả khác: ${claimed} — máy chủ đã tính lại theo quy định`,
    toReview: 'Phiếu rà soát chờ duyệt',
    nothingToReview: 'Không có phiếu nào chờ duyệt.',
    returnCase: 'Trả lại',
    comment: 'Ý kiến (bắt buộc khi trả lại)',
    noConflicts: 'Không có xung đột.',
    chooseValue: 'Chọn giá trị này',
    typeValue: 'Hoặc nhập giá trị đúng',
    byWhom: (who: string, when: string) => `${who} · ${when}`,
    noDuplicates: 'Không có trường hợp nghi trùng.',
    confirmDuplicate: 'Đúng là trùng',
    dismissDuplicate: 'Không trùng',
    duplicatePeople: (n: number) => `${n} hồ sơ có thể là cùng một người`,
    duplicateHouseholds: (n: number) => `${n} hồ sơ có thể là cùng một hộ`,
    andMore: (n: number) => `… và ${n} hồ sơ khác`,
    // Issue 11, the officer's desk (conflicts, duplicates, surveys before approval, the collaborator's lost values).
    conflictAbout: (field: string, whose: string) => `${field} của ${whose}`,
    currentValue: 'Giá trị đang dùng',
    enteredBy: (who: string, role: string) => (role ? `${who} (${role})` : who),
    deviceShort: (id: string) => `máy ${id}`,
    showAnswers: 'Xem câu trả lời và kết quả',
    hideAnswers: 'Ẩn câu trả lời',
    serverResult: 'Kết quả máy chủ tính',
    answersTitle: 'Câu trả lời của phiếu rà soát',
    householdNotOnDevice: 'Hộ này chưa có trên máy: không tính lại được các chỉ số.',
    unknownPerson: 'Người chưa có trên máy',
    keepThis: 'Giữ hồ sơ này',
    sameInAll: 'giống nhau',
    mergeHint: 'Đúng là trùng: hồ sơ được chọn giữ lại, các hồ sơ kia gộp vào (hồ sơ, lịch sử được giữ).',

    // Issue 11: search and lists, status and messages, province staff and layout.
  },
  en: {
    deviceClaimed: (claimed: string) =>
      `The tablet sent another result: ${claimed} — the server recomputed it by the rules`,
    toReview: 'Reviews awaiting approval',
    nothingToReview: 'Nothing awaiting approval.',
    returnCase: 'Return',
    comment: 'Comment (required to return)',
    noConflicts: 'No conflicts.',
    chooseValue: 'Use this value',
    typeValue: 'Or type the right value',
    byWhom: (who: string, when: string) => `${who} · ${when}`,
    noDuplicates: 'No possible duplicates.',
    confirmDuplicate: 'It is a duplicate',
    dismissDuplicate: 'Not a duplicate',
    duplicatePeople: (n: number) => `${n} records that may be one person`,
    duplicateHouseholds: (n: number) => `${n} records that may be one household`,
    andMore: (n: number) => `… and ${n} more`,
    // Issue 11, the officer's desk (conflicts, duplicates, surveys before approval, the collaborator's lost values).
    conflictAbout: (field: string, whose: string) => `${field} of ${whose}`,
    currentValue: 'Value in use',
    enteredBy: (who: string, role: string) => (role ? `${who} (${role})` : who),
    deviceShort: (id: string) => `device ${id}`,
    showAnswers: 'Show the answers and the result',
    hideAnswers: 'Hide the answers',
    serverResult: "The server's result",
    answersTitle: 'Answers of the survey',
    householdNotOnDevice: 'This household is not on this device: the indicators cannot be worked out.',
    unknownPerson: 'Person not on this device',
    keepThis: 'Keep this record',
    sameInAll: 'same',
    mergeHint:
      'It is a duplicate: the record chosen stays, the others are merged into it (their cases and history kept).',

    // Issue 11: search and lists, status and messages, province staff and layout.
  },
});

export const useReviewTexts = () => useFeatureTexts(reviewTexts);
