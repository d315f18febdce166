import {
  type CodeKind,
  type DocumentForm,
  foldVietnamese,
  type Localised,
  type OnlineLevel,
  type ProcedureLevel,
  type ResultType,
  type ReviewFlag,
  ROLE_LABELS,
  ROLES,
  type Role,
  type TimeUnit,
} from '@motcua/core';

/**
 * The layout of the catalogue workbook (danh mục thủ tục hành chính), shared by the reader and the
 * writer so that what is written reads back the same. One header row per sheet; the reader finds
 * sheets and columns by name (accent-, case- and punctuation-insensitive), in any order, and ignores
 * extra columns and sheets.
 */

/** A closed list of values: the internal code, the Vietnamese label written in the cell, other accepted spellings. */
export interface VocabularyEntry<C extends string = string> {
  code: C;
  vi: string;
  en: string;
  aliases?: readonly string[];
}

export interface Vocabulary<C extends string = string> {
  entries: readonly VocabularyEntry<C>[];
  /** The code for a cell's text (a label, a code or an alias, in any case, with or without accents). */
  lookup(text: string): C | undefined;
  label(code: C): string;
}

/** Folds text for comparison: no accents, lower case, punctuation and underscores as single spaces. */
export function matchKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function vocabulary<C extends string>(entries: readonly VocabularyEntry<C>[]): Vocabulary<C> {
  const byKey = new Map<string, C>();
  for (const e of entries) {
    for (const spelling of [e.code, e.vi, e.en, ...(e.aliases ?? [])]) byKey.set(matchKey(spelling), e.code);
  }
  const labels = new Map(entries.map((e) => [e.code, e.vi]));
  return {
    entries,
    lookup: (text) => byKey.get(matchKey(text)),
    label: (code) => labels.get(code) ?? code,
  };
}

export const CODE_KIND_VOCABULARY = vocabulary<CodeKind>([
  { code: 'national', vi: 'Quốc gia', en: 'National', aliases: ['Mã quốc gia'] },
  { code: 'local', vi: 'Địa phương', en: 'Local', aliases: ['Mã địa phương'] },
]);

export const LEVEL_VOCABULARY = vocabulary<ProcedureLevel>([
  { code: 'central', vi: 'Trung ương', en: 'Central', aliases: ['Cấp trung ương'] },
  { code: 'province', vi: 'Tỉnh', en: 'Province', aliases: ['Cấp tỉnh'] },
  { code: 'commune', vi: 'Xã', en: 'Commune', aliases: ['Cấp xã'] },
]);

export const TIME_UNIT_VOCABULARY = vocabulary<TimeUnit>([
  { code: 'working_days', vi: 'Ngày làm việc', en: 'Working days' },
  { code: 'calendar_days', vi: 'Ngày', en: 'Calendar days', aliases: ['Ngày lịch', 'Ngày theo lịch'] },
  { code: 'working_hours', vi: 'Giờ làm việc', en: 'Working hours' },
]);

export const RESULT_TYPE_VOCABULARY = vocabulary<ResultType>([
  { code: 'paper', vi: 'Giấy', en: 'Paper', aliases: ['Bản giấy'] },
  { code: 'electronic', vi: 'Điện tử', en: 'Electronic', aliases: ['Bản điện tử'] },
  { code: 'both', vi: 'Giấy và điện tử', en: 'Paper and electronic', aliases: ['Bản giấy và bản điện tử'] },
]);

export const ONLINE_LEVEL_VOCABULARY = vocabulary<OnlineLevel>([
  { code: 'full', vi: 'Toàn trình', en: 'Full' },
  { code: 'partial', vi: 'Một phần', en: 'Partial' },
  { code: 'none', vi: 'Không', en: 'None' },
]);

export const DOCUMENT_FORM_VOCABULARY = vocabulary<DocumentForm>([
  { code: 'original', vi: 'Bản chính', en: 'Original' },
  { code: 'copy', vi: 'Bản sao', en: 'Copy' },
  {
    code: 'certified_copy',
    vi: 'Bản sao chứng thực',
    en: 'Certified copy',
    aliases: ['Bản sao có chứng thực'],
  },
  {
    code: 'original_or_certified_copy',
    vi: 'Bản chính hoặc bản sao chứng thực',
    en: 'Original or certified copy',
    aliases: ['Bản chính hoặc bản sao có chứng thực'],
  },
  { code: 'electronic', vi: 'Bản điện tử', en: 'Electronic' },
]);

export const ROLE_VOCABULARY = vocabulary<Role>(
  ROLES.map((code) => ({ code, vi: ROLE_LABELS[code].vi, en: ROLE_LABELS[code].en })),
);

/** Yes/no cells; the codes are the booleans' names. */
export const YES_NO_VOCABULARY = vocabulary<'true' | 'false'>([
  { code: 'true', vi: 'Có', en: 'Yes' },
  { code: 'false', vi: 'Không', en: 'No' },
]);

export const REVIEW_FLAG_VOCABULARY = vocabulary<ReviewFlag>([
  { code: 'processingTime', vi: 'Thời hạn', en: 'Processing time', aliases: ['Thời hạn giải quyết'] },
  { code: 'fees', vi: 'Phí lệ phí', en: 'Fees', aliases: ['Phí', 'Lệ phí'] },
  { code: 'documents', vi: 'Thành phần hồ sơ', en: 'Documents', aliases: ['Hồ sơ', 'Giấy tờ'] },
  { code: 'legalBasis', vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  { code: 'code', vi: 'Mã thủ tục', en: 'Code', aliases: ['Mã'] },
  { code: 'steps', vi: 'Quy trình nội bộ', en: 'Steps', aliases: ['Quy trình'] },
]);

/**
 * How a cell is read and written.
 * - text: one line of text; code: text that must not turn into a number (numFmt "@");
 * - multiline: free text that may span lines; lines: a list, one item per line;
 * - number / integer: an empty cell is "not known" where the model allows it;
 * - date: a date cell or DD/MM/YYYY text; enum / yesNo: a value from a vocabulary;
 * - flags: several vocabulary values separated by commas.
 */
export type ColumnKind =
  | 'text'
  | 'code'
  | 'multiline'
  | 'lines'
  | 'number'
  | 'integer'
  | 'date'
  | 'enum'
  | 'yesNo'
  | 'flags';

export interface ColumnDef {
  key: string;
  /** The header as written; the reader also accepts it without accents or with a note in brackets. */
  header: string;
  /** The column's name in English messages. */
  en: string;
  kind: ColumnKind;
  width: number;
  vocabulary?: Vocabulary;
  /** What a valid value looks like, used when a cell cannot be read ("phải là số nguyên từ 1 trở lên"). */
  expect?: Localised;
  /** A note on the header cell, for people filling the sheet by hand. */
  note?: string;
  /** Number format for written cells. */
  numFmt?: string;
}

export interface SheetDef {
  key: 'procedures' | 'documents' | 'fees' | 'steps';
  name: string;
  en: string;
  columns: readonly ColumnDef[];
}

const CODE_NOTE = 'Mã thủ tục như trên trang "Thủ tục"; mỗi dòng một mục.';

export const PROCEDURE_SHEET = {
  key: 'procedures',
  name: 'Thủ tục',
  en: 'Procedures',
  columns: [
    {
      key: 'code',
      header: 'Mã thủ tục',
      en: 'Procedure code',
      kind: 'code',
      width: 14,
      note: 'Mã quốc gia dạng 1.001653, hoặc mã địa phương. Mỗi thủ tục một dòng, không trùng mã.',
    },
    {
      key: 'codeKind',
      header: 'Loại mã',
      en: 'Code kind',
      kind: 'enum',
      width: 12,
      vocabulary: CODE_KIND_VOCABULARY,
    },
    { key: 'name', header: 'Tên thủ tục', en: 'Procedure name', kind: 'multiline', width: 50 },
    { key: 'fieldCode', header: 'Mã lĩnh vực', en: 'Field code', kind: 'code', width: 18 },
    {
      key: 'agencyCode',
      header: 'Mã cơ quan thực hiện',
      en: 'Competent agency code',
      kind: 'code',
      width: 18,
    },
    {
      key: 'level',
      header: 'Cấp thực hiện',
      en: 'Level',
      kind: 'enum',
      width: 13,
      vocabulary: LEVEL_VOCABULARY,
    },
    {
      key: 'timeValue',
      header: 'Thời hạn giải quyết',
      en: 'Processing time',
      kind: 'number',
      width: 12,
      expect: {
        vi: 'phải là một số, ví dụ 5 hoặc 0,5 (0 là trong ngày; để trống nếu chưa xác định)',
        en: 'must be a number such as 5 or 0.5 (0 means within the day; leave it empty if not known)',
      },
      note: 'Một số. 0 là giải quyết trong ngày; để trống nếu chưa xác định.',
    },
    {
      key: 'timeUnit',
      header: 'Đơn vị thời hạn',
      en: 'Time unit',
      kind: 'enum',
      width: 16,
      vocabulary: TIME_UNIT_VOCABULARY,
    },
    { key: 'timeNote', header: 'Ghi chú thời hạn', en: 'Processing time note', kind: 'multiline', width: 30 },
    {
      key: 'resultType',
      header: 'Hình thức kết quả',
      en: 'Result type',
      kind: 'enum',
      width: 16,
      vocabulary: RESULT_TYPE_VOCABULARY,
    },
    { key: 'resultName', header: 'Tên kết quả', en: 'Result name', kind: 'multiline', width: 30 },
    {
      key: 'onlineLevel',
      header: 'Mức độ DVCTT',
      en: 'Online service level',
      kind: 'enum',
      width: 14,
      vocabulary: ONLINE_LEVEL_VOCABULARY,
      note: 'Dịch vụ công trực tuyến: Toàn trình, Một phần hoặc Không.',
    },
    {
      key: 'postalAllowed',
      header: 'Bưu chính công ích',
      en: 'Postal service',
      kind: 'yesNo',
      width: 12,
      vocabulary: YES_NO_VOCABULARY,
    },
    {
      key: 'decisionNumber',
      header: 'Số quyết định công bố',
      en: 'Publication decision number',
      kind: 'code',
      width: 20,
    },
    {
      key: 'publicationDate',
      header: 'Ngày công bố',
      en: 'Publication date',
      kind: 'date',
      width: 13,
      numFmt: 'dd/mm/yyyy',
      expect: {
        vi: 'phải là một ngày có thật, dạng DD/MM/YYYY, ví dụ 20/10/2023',
        en: 'must be a real date written DD/MM/YYYY, e.g. 20/10/2023',
      },
      note: 'Ngày dạng DD/MM/YYYY. Để trống cả số và ngày quyết định nếu chưa công bố.',
    },
    { key: 'applicants', header: 'Đối tượng thực hiện', en: 'Applicants', kind: 'multiline', width: 30 },
    { key: 'conditions', header: 'Điều kiện', en: 'Conditions', kind: 'multiline', width: 40 },
    { key: 'howToApply', header: 'Cách thức thực hiện', en: 'How to apply', kind: 'multiline', width: 40 },
    {
      key: 'legalBasis',
      header: 'Căn cứ pháp lý',
      en: 'Legal basis',
      kind: 'lines',
      width: 50,
      note: 'Mỗi văn bản một dòng trong ô (Alt+Enter để xuống dòng).',
    },
    {
      key: 'needsReview',
      header: 'Cần xác nhận',
      en: 'Needs review',
      kind: 'flags',
      width: 24,
      vocabulary: REVIEW_FLAG_VOCABULARY,
      note: 'Các mục còn phải đối chiếu với văn bản công bố, cách nhau bởi dấu phẩy: Thời hạn, Phí lệ phí, Thành phần hồ sơ, Căn cứ pháp lý, Mã thủ tục, Quy trình nội bộ.',
    },
  ],
} as const satisfies SheetDef;

export const DOCUMENT_SHEET = {
  key: 'documents',
  name: 'Thành phần hồ sơ',
  en: 'Required documents',
  columns: [
    { key: 'code', header: 'Mã thủ tục', en: 'Procedure code', kind: 'code', width: 14, note: CODE_NOTE },
    {
      key: 'order',
      header: 'STT',
      en: 'No.',
      kind: 'integer',
      width: 6,
      expect: { vi: 'phải là số nguyên từ 1 trở lên', en: 'must be a whole number from 1' },
      note: 'Thứ tự giấy tờ trong thủ tục.',
    },
    { key: 'name', header: 'Tên giấy tờ', en: 'Document name', kind: 'multiline', width: 60 },
    {
      key: 'copies',
      header: 'Số bản',
      en: 'Copies',
      kind: 'integer',
      width: 8,
      expect: { vi: 'phải là số nguyên từ 1 trở lên', en: 'must be a whole number from 1' },
    },
    {
      key: 'form',
      header: 'Loại bản',
      en: 'Document form',
      kind: 'enum',
      width: 30,
      vocabulary: DOCUMENT_FORM_VOCABULARY,
    },
    {
      key: 'required',
      header: 'Bắt buộc',
      en: 'Required',
      kind: 'yesNo',
      width: 10,
      vocabulary: YES_NO_VOCABULARY,
    },
    { key: 'template', header: 'Mẫu đơn, tờ khai', en: 'Form template', kind: 'multiline', width: 36 },
  ],
} as const satisfies SheetDef;

export const FEE_SHEET = {
  key: 'fees',
  name: 'Phí, lệ phí',
  en: 'Fees',
  columns: [
    { key: 'code', header: 'Mã thủ tục', en: 'Procedure code', kind: 'code', width: 14, note: CODE_NOTE },
    { key: 'name', header: 'Tên phí', en: 'Fee name', kind: 'multiline', width: 40 },
    {
      key: 'amount',
      header: 'Mức thu (đồng)',
      en: 'Amount (VND)',
      kind: 'integer',
      width: 16,
      numFmt: '#,##0',
      expect: {
        vi: 'phải là số tiền bằng đồng, số nguyên không âm, ví dụ 600000 (để trống nếu chưa xác định)',
        en: 'must be a whole, non-negative amount in đồng such as 600000 (leave it empty if not known)',
      },
      note: 'Số tiền bằng đồng. Để trống nếu mức thu do tỉnh quy định hoặc chưa xác định.',
    },
    { key: 'note', header: 'Ghi chú', en: 'Note', kind: 'multiline', width: 40 },
  ],
} as const satisfies SheetDef;

export const STEP_SHEET = {
  key: 'steps',
  name: 'Quy trình nội bộ',
  en: 'Internal process',
  columns: [
    { key: 'code', header: 'Mã thủ tục', en: 'Procedure code', kind: 'code', width: 14, note: CODE_NOTE },
    {
      key: 'order',
      header: 'Bước',
      en: 'Step',
      kind: 'integer',
      width: 7,
      expect: { vi: 'phải là số nguyên từ 1 trở lên', en: 'must be a whole number from 1' },
    },
    { key: 'name', header: 'Tên bước', en: 'Step name', kind: 'multiline', width: 40 },
    { key: 'role', header: 'Vai trò', en: 'Role', kind: 'enum', width: 26, vocabulary: ROLE_VOCABULARY },
    { key: 'unitCode', header: 'Mã đơn vị', en: 'Unit code', kind: 'code', width: 16 },
    {
      key: 'hours',
      header: 'Số giờ',
      en: 'Hours',
      kind: 'number',
      width: 9,
      expect: {
        vi: 'phải là số giờ làm việc lớn hơn 0, ví dụ 8 hoặc 0,5',
        en: 'must be a number of working hours above 0, such as 8 or 0.5',
      },
      note: 'Số giờ làm việc của bước (8 giờ = 1 ngày làm việc).',
    },
  ],
} as const satisfies SheetDef;

export const CATALOGUE_SHEETS: readonly SheetDef[] = [PROCEDURE_SHEET, DOCUMENT_SHEET, FEE_SHEET, STEP_SHEET];

/** The hidden sheet holding the drop-down lists (the reader ignores it). */
export const LISTS_SHEET_NAME = 'Danh mục giá trị';

/** Key for comparing sheet names and headers; a note in brackets or a trailing "*" does not count. */
export function headerKey(text: string): string {
  return matchKey(text.replace(/\([^)]*\)/g, ' ').replace(/\*/g, ' '));
}

/** The number of procedures one import may carry. */
export const MAX_IMPORT_PROCEDURES = 5000;
