import { z } from 'zod';
import { isIsoDate } from '../calendar/civil-date.ts';
import type { Localised } from '../i18n/locale.ts';
import { FORM06_COLUMNS, type Form06Numbers } from '../statistics/form06.ts';
import { REPORT_PERIODS } from './period.ts';

/**
 * What a periodic reform report holds, in the structure of the annual report of seed 002: the
 * header (number, place, date), I. direction work, II. results by area (the dossier figures of
 * Biểu 06 by receiving place and the procedures by online level among them) and the provincial
 * People's Committee's tasks, III. difficulties, IV. next steps, then recipients and signature.
 *
 * Each part the system drafted carries `draftedAt` (when it was drafted from the data) until an
 * officer changes it; the server decides that by comparing with the previous version.
 */

export const REPORT_SECTIONS = [
  'direction', // I. Công tác chỉ đạo, điều hành
  'institutions', // II.1.a Cải cách thể chế
  'procedures', // II.1.b Cải cách thủ tục hành chính (with the dossier figures)
  'organisation', // II.1.c Cải cách tổ chức bộ máy
  'civil_service', // II.1.d Cải cách chế độ công vụ
  'public_finance', // II.1.đ Cải cách tài chính công
  'digital_government', // II.1.e Chính quyền điện tử, chính quyền số (with the online levels)
  'communication', // II.1.g Thông tin, tuyên truyền
  'province_tasks', // II.2 Thực hiện các nhiệm vụ được UBND tỉnh giao
  'difficulties', // III. Những khó khăn, vướng mắc
  'next_steps', // IV. Phương hướng, nhiệm vụ thời gian tới
] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number];

/** The headings the DOCX prints and the page shows; the numbering follows seed 002. */
export const REPORT_SECTION_HEADINGS: Record<ReportSectionKey, Localised> = {
  direction: { vi: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', en: 'I. Direction' },
  institutions: { vi: 'a. Công tác cải cách thể chế', en: 'a. Institutions' },
  procedures: { vi: 'b. Công tác cải cách thủ tục hành chính', en: 'b. Administrative procedures' },
  organisation: {
    vi: 'c. Công tác cải cách tổ chức bộ máy hành chính nhà nước',
    en: 'c. Organisation',
  },
  civil_service: { vi: 'd. Công tác cải cách chế độ công vụ', en: 'd. Civil service' },
  public_finance: { vi: 'đ. Công tác cải cách tài chính công', en: 'đ. Public finance' },
  digital_government: {
    vi: 'e. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    en: 'e. Digital government',
  },
  communication: { vi: 'g. Công tác thông tin, tuyên truyền', en: 'g. Communication' },
  province_tasks: {
    vi: '2. Thực hiện các nhiệm vụ được UBND tỉnh giao',
    en: "2. Tasks of the provincial People's Committee",
  },
  difficulties: { vi: 'III. NHỮNG KHÓ KHĂN, VƯỚNG MẮC', en: 'III. Difficulties' },
  next_steps: { vi: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI', en: 'IV. Next steps' },
};

/** The heading printed before a section when it opens a part (II. and its point 1). */
export const REPORT_PART_BEFORE: Partial<Record<ReportSectionKey, Localised[]>> = {
  institutions: [
    { vi: 'II. KẾT QUẢ CHỦ YẾU ĐẠT ĐƯỢC', en: 'II. Main results' },
    { vi: '1. Kết quả thực hiện nhiệm vụ cải cách hành chính', en: '1. Results by area' },
  ],
};

const count = z.number().int().min(0).max(100_000_000);
const numberShape = Object.fromEntries(FORM06_COLUMNS.map((c) => [c, count])) as Record<
  (typeof FORM06_COLUMNS)[number],
  typeof count
>;
const isoDate = z.string().refine(isIsoDate, { message: 'date_format' });
const drafted = z.string().nullable();

/** One receiving place's Biểu 06 figures (nơi tiếp nhận: the receiving unit). */
export const placeFiguresSchema = z.strictObject({
  place: z.string().trim().min(1).max(300),
  ...numberShape,
});
export type PlaceFigures = z.infer<typeof placeFiguresSchema>;

export const reportSectionSchema = z.strictObject({
  key: z.enum(REPORT_SECTIONS),
  text: z.string().max(50_000),
  draftedAt: drafted,
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportContentSchema = z.strictObject({
  /** The number given when the report is registered (Số: 15/BC-SNV), empty until then. */
  number: z.string().trim().max(20),
  /** The document's symbol after the number, e.g. BC-SNV. */
  symbol: z.string().trim().min(1).max(50),
  place: z.string().trim().min(1).max(100),
  date: isoDate.nullable(),
  title: z.string().trim().min(3).max(300),
  /** The opening: the plan it reports on and the instruction it follows (Căn cứ …, Thực hiện …). */
  intro: z.string().trim().max(5000),
  sections: z
    .array(reportSectionSchema)
    .length(REPORT_SECTIONS.length)
    .refine((list) => list.every((s, n) => s.key === REPORT_SECTIONS[n]), { message: 'section_order' }),
  dossiers: z.strictObject({
    from: isoDate,
    asOf: isoDate,
    rows: z.array(placeFiguresSchema).max(200),
    draftedAt: drafted,
  }),
  online: z.strictObject({ full: count, partial: count, none: count, draftedAt: drafted }),
  recipients: z.array(z.string().trim().min(1).max(300)).max(30),
  signerTitle: z.string().trim().max(200),
  signerName: z.string().trim().max(200),
});
export type ReportContent = z.infer<typeof reportContentSchema>;

/** The totals row of the dossier table (computed, never stored). */
export function figureTotals(rows: readonly PlaceFigures[]): Form06Numbers {
  const totals = Object.fromEntries(FORM06_COLUMNS.map((c) => [c, 0])) as unknown as Form06Numbers;
  for (const row of rows) for (const c of FORM06_COLUMNS) totals[c] += row[c];
  return totals;
}

// Answers of /api/v1/reform/reports (strict: what the web reads).

export const reportSummaryResponse = z.strictObject({
  id: z.uuid(),
  agencyId: z.uuid(),
  year: z.number().int(),
  period: z.enum(REPORT_PERIODS),
  title: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export const reportListResponse = z.strictObject({
  items: z.array(reportSummaryResponse),
  /** Agencies where the user may draft a report. */
  canDraft: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
});

export const reportVersionMetaSchema = z.strictObject({
  version: z.number().int(),
  kind: z.enum(['drafted', 'edited', 'refreshed', 'restored']),
  restoredFrom: z.number().int().nullable(),
  author: z.string().nullable(),
  at: z.string(),
});

export const reportResponse = z.strictObject({
  report: reportSummaryResponse,
  /** The version shown (the latest unless an older one was asked for). */
  shown: reportVersionMetaSchema,
  content: reportContentSchema,
  canEdit: z.boolean(),
  canExport: z.boolean(),
});
export const reportVersionsResponse = z.strictObject({ items: z.array(reportVersionMetaSchema) });

export const figureChangeSchema = z.strictObject({
  part: z.enum(['dossiers', 'online', 'section']),
  /** The receiving place, the online level or the section key. */
  key: z.string(),
  column: z.string().nullable(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});
export type FigureChange = z.infer<typeof figureChangeSchema>;
export const refreshPreviewResponse = z.strictObject({
  asOf: z.string(),
  changes: z.array(figureChangeSchema),
});
export const reportCreatedResponse = z.strictObject({ id: z.uuid(), version: z.number().int() });
