import { z } from 'zod';
import type { Localised } from '../i18n/locale.ts';

/** The eight areas of an annual reform plan (DOMAIN.md §8), in the order plans list them. */
export const REFORM_AREAS = [
  'direction', // Công tác chỉ đạo, điều hành
  'institutions', // Cải cách thể chế
  'procedures', // Cải cách thủ tục hành chính
  'organisation', // Cải cách tổ chức bộ máy
  'civil_service', // Xây dựng đội ngũ cán bộ, công chức, viên chức (công vụ)
  'public_finance', // Cải cách tài chính công
  'digital_government', // Xây dựng chính quyền điện tử, chính quyền số
  'communication', // Công tác thông tin, tuyên truyền
] as const;
export type ReformArea = (typeof REFORM_AREAS)[number];

export const REFORM_AREA_LABELS: Record<ReformArea, Localised> = {
  direction: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction' },
  institutions: { vi: 'Cải cách thể chế', en: 'Institutions' },
  procedures: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedures' },
  organisation: { vi: 'Cải cách tổ chức bộ máy', en: 'Organisation' },
  civil_service: { vi: 'Cải cách chế độ công vụ', en: 'Civil service' },
  public_finance: { vi: 'Cải cách tài chính công', en: 'Public finance' },
  digital_government: { vi: 'Xây dựng chính quyền điện tử, chính quyền số', en: 'Digital government' },
  communication: { vi: 'Công tác thông tin, tuyên truyền', en: 'Communication' },
};

/** A plan is drafted, then issued (ban hành); only an issued plan is shown beyond the reform office. */
export const PLAN_STATUSES = ['draft', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const line = z.string().trim().min(1).max(2000);

/** What the reform officer writes in a plan; its targets and tasks are edited on their own. */
export const planContentSchema = z.strictObject({
  title: z.string().trim().min(3).max(300),
  /** Mục đích */
  purposes: z.array(line).max(30),
  /** Yêu cầu */
  requirements: z.array(line).max(30),
  /** The provincial plan this one follows (căn cứ), e.g. "Kế hoạch số 6793/KH-UBND ngày 30/12/2019". */
  basis: z.string().trim().max(1000).default(''),
});
export type PlanContent = z.infer<typeof planContentSchema>;

/** The first and last years a plan may be for: the working calendar's range is wider. */
export const PLAN_FIRST_YEAR = 2000;
export const PLAN_LAST_YEAR = 2100;

/**
 * The title of next year's plan made from last year's: the year in it moves on, so "Kế hoạch CCHC năm
 * 2025" becomes "Kế hoạch CCHC năm 2026"; a title without the year gets it appended.
 */
export function titleForYear(title: string, fromYear: number, toYear: number): string {
  const re = new RegExp(`\\b${fromYear}\\b`, 'g');
  return re.test(title) ? title.replace(re, String(toYear)) : `${title} ${toYear}`;
}
