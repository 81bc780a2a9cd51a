/** @module The texts of each form's own questions (form-details.ts), Vietnamese first. */
import { featureTexts, useFeatureTexts } from '../i18n/feature-texts';

export const formDetailsTexts = featureTexts({
  vi: {
    detailsSection: 'Thông tin khác trong tờ khai',
    benefitsSection: 'Chế độ đang hưởng hằng tháng (ngoài lương hưu)',
    labels: {
      schooling: 'Tình trạng đi học (đang học lớp/trường nào, hoặc lý do không đi học)',
      parents: 'Cha, mẹ và chế độ họ đang hưởng',
      ableToWork: 'Khả năng lao động',
      working: 'Có đang làm việc không',
      selfCare: 'Khả năng tự phục vụ',
      currentCarer: 'Người đang trực tiếp chăm sóc',
      supporter: 'Thông tin người phụng dưỡng (họ tên, tuổi, nghề nghiệp, nơi ở, thu nhập)',
      disabledMembers: 'Số người khuyết tật trong hộ',
      houseType: 'Loại nhà ở',
      carerBackground:
        'Người nhận chăm sóc và vợ/chồng: kinh nghiệm chăm sóc, khuyết tật, bệnh mãn tính, tiền án tiền sự',
      benefitSocialProtection: 'Trợ cấp bảo trợ xã hội (đồng/tháng)',
      benefitMerit: 'Trợ cấp ưu đãi người có công (đồng/tháng)',
      benefitOther: 'Trợ cấp, phụ cấp khác (đồng/tháng)',
    },
    choices: {
      yes: 'Có',
      partly: 'Một phần',
      no: 'Không',
      self: 'Tự phục vụ được',
      unable: 'Không tự phục vụ được',
      solid: 'Nhà kiên cố',
      'semi-solid': 'Nhà bán kiên cố',
      makeshift: 'Nhà tạm, dột nát',
    },
    choose: 'Chọn',
  },
  en: {
    detailsSection: 'Other questions of the form',
    benefitsSection: 'Monthly benefits already received (besides a pension)',
    labels: {
      schooling: 'Schooling (class and school, or why not at school)',
      parents: 'Father, mother and the benefits they receive',
      ableToWork: 'Able to work',
      working: 'Working now',
      selfCare: 'Able to look after themselves',
      currentCarer: 'Who cares for them now',
      supporter: 'About the supporter (name, age, job, residence, income)',
      disabledMembers: 'People with a disability in the household',
      houseType: 'House type',
      carerBackground: 'The carer and spouse: caring experience, disability, chronic illness, convictions',
      benefitSocialProtection: 'Social-protection allowance (đồng/month)',
      benefitMerit: 'Merit allowance (đồng/month)',
      benefitOther: 'Other allowance (đồng/month)',
    },
    choices: {
      yes: 'Yes',
      partly: 'Partly',
      no: 'No',
      self: 'Yes, on their own',
      unable: 'No',
      solid: 'Solid house',
      'semi-solid': 'Semi-solid house',
      makeshift: 'Makeshift or dilapidated',
    },
    choose: 'Choose',
  },
});

export const useFormDetailsT = () => useFeatureTexts(formDetailsTexts);
