import type { Localised } from '@motcua/core';

/** Problem codes of the PAR Index, spread into PROBLEMS (http/messages.ts). */
export const PAR_PROBLEMS = {
  par_framework_not_found: {
    vi: 'Không tìm thấy bộ tiêu chí Chỉ số CCHC',
    en: 'PAR Index criteria not found',
  },
  par_framework_in_use: {
    vi: 'Bộ tiêu chí năm {year} đã được dùng để tự đánh giá; không thay thế được',
    en: 'The {year} criteria are already used by self-assessments; they cannot be replaced',
  },
  par_no_province: {
    vi: 'Cơ quan không thuộc tỉnh, thành phố nào',
    en: 'The agency belongs to no province',
  },
  par_assessment_not_found: { vi: 'Không tìm thấy bản tự đánh giá', en: 'Self-assessment not found' },
  par_assessment_exists: {
    vi: 'Đã có bản tự đánh giá này cho năm của bộ tiêu chí',
    en: 'This self-assessment already exists for the criteria’s year',
  },
  par_criterion_not_found: {
    vi: 'Không có tiêu chí được chấm điểm mã {code}',
    en: 'There is no scored criterion {code}',
  },
  par_survey_criterion: {
    vi: 'Tiêu chí {code} là điểm điều tra xã hội học, do thẩm định viên nhập khi thẩm định',
    en: 'Criterion {code} is survey points, entered by the appraiser',
  },
  par_locked: {
    vi: 'Bản tự đánh giá đã gửi thẩm định nên không sửa được nữa',
    en: 'The self-assessment was submitted and can no longer be changed',
  },
  par_incomplete: {
    vi: 'Còn {count} tiêu chí chưa chấm điểm; chấm đủ rồi gửi lại',
    en: '{count} criteria have no points yet; score them all and submit again',
  },
  par_not_submitted: {
    vi: 'Bản tự đánh giá chưa gửi thẩm định hoặc đã thẩm định xong',
    en: 'The self-assessment is not awaiting appraisal',
  },
  par_survey_missing: {
    vi: 'Còn {count} tiêu chí điều tra xã hội học chưa có điểm',
    en: '{count} survey criteria have no points yet',
  },
  par_not_appraised: {
    vi: 'Chỉ lập kế hoạch khắc phục sau khi thẩm định xong',
    en: 'The remediation plan is made once the appraisal is finished',
  },
  par_remediation_exists: {
    vi: 'Kế hoạch khắc phục đã được lập cho bản đánh giá này',
    en: 'The remediation plan was already made for this assessment',
  },
  par_plan_other_agency: {
    vi: 'Kế hoạch CCHC được chọn không phải của cơ quan được đánh giá',
    en: 'The chosen reform plan belongs to another agency',
  },
} as const satisfies Record<string, Localised>;
