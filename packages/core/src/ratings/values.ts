import type { Role } from '../org/roles.ts';

/**
 * The citizen's rating of a returned dossier's handling (đánh giá mức độ hài lòng), and of a
 * feedback case's answer: three values, a reason from a list when not satisfied, and a comment.
 * A dossier is rated once; a feedback answer is rated once. "Not satisfied" is the negative rating
 * Decision 766's indicator 5.4 subtracts, and opens a follow-up for the receiving unit's head.
 */
export const RATING_VALUES = ['satisfied', 'acceptable', 'not_satisfied'] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

export const RATING_VALUE_LABELS: Record<RatingValue, { vi: string; en: string }> = {
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  acceptable: { vi: 'Chấp nhận được', en: 'Acceptable' },
  not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

/** A rating counted against the agency (5.3, 5.4) and that opens a follow-up. */
export const isNegativeRating = (v: RatingValue): boolean => v === 'not_satisfied';

/** Why a citizen is not satisfied: data, so an agency can read them in the statistics. */
export const RATING_REASONS = [
  { code: 'late', vi: 'Trả kết quả trễ hẹn', en: 'The result came late' },
  { code: 'attitude', vi: 'Thái độ của công chức chưa tốt', en: "The officer's manner was poor" },
  {
    code: 'extra_documents',
    vi: 'Bị yêu cầu bổ sung giấy tờ ngoài quy định',
    en: 'Documents beyond the rules were asked for',
  },
  {
    code: 'repeated_supplement',
    vi: 'Phải bổ sung hồ sơ nhiều lần',
    en: 'Supplements were asked for more than once',
  },
  { code: 'unclear_guidance', vi: 'Hướng dẫn không rõ ràng', en: 'The guidance was unclear' },
  { code: 'result_wrong', vi: 'Kết quả có sai sót', en: 'The result had mistakes' },
  { code: 'unofficial_fee', vi: 'Bị đòi chi phí ngoài quy định', en: 'Fees beyond the rules were asked for' },
  { code: 'other', vi: 'Lý do khác', en: 'Another reason' },
] as const;
export type RatingReason = (typeof RATING_REASONS)[number]['code'];
export const RATING_REASON_CODES = RATING_REASONS.map((r) => r.code) as [RatingReason, ...RatingReason[]];

/** Where a rating came from. */
export const RATING_CHANNELS = ['link', 'kiosk', 'account'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export const RATING_COMMENT_MAX = 1000;

/** Problems with a rating's reasons: a negative rating needs one, the others take none. */
export function ratingIssues(r: {
  value: RatingValue;
  reasons: readonly RatingReason[];
  comment: string | null;
}): { path: string; code: string }[] {
  const issues: { path: string; code: string }[] = [];
  if (isNegativeRating(r.value) && r.reasons.length === 0)
    issues.push({ path: 'reasons', code: 'rating_reason_required' });
  if (!isNegativeRating(r.value) && r.reasons.length > 0)
    issues.push({ path: 'reasons', code: 'rating_reason_unexpected' });
  if (r.reasons.includes('other') && !r.comment?.trim())
    issues.push({ path: 'comment', code: 'rating_comment_required' });
  return issues;
}

/** Who sees and closes the follow-ups of not-satisfied ratings: the receiving unit's head, on that unit or above. */
export const RATING_FOLLOW_UP_ROLES: readonly Role[] = ['head_of_unit'];
/** Who reads the rating statistics of an agency. */
export const RATING_STATISTICS_ROLES: readonly Role[] = ['leader', 'reform_officer', 'head_of_unit'];
