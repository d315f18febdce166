import {
  checkCriteriaTree,
  foldVietnamese,
  type Localised,
  localiseIssues,
  type ParCriterion,
  parCriterionInput,
  parFrameworkFile,
  sortCriteria,
} from '@motcua/core';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { checkZip, ZipError } from '../files/zip.ts';

/**
 * Reads a PAR Index criteria tree from a workbook or a JSON file, all or nothing: every problem is
 * reported with its sheet (or "criteria" for JSON), row and column, and nothing is kept unless the
 * whole tree is sound.
 */

export interface ImportIssue {
  sheet: string;
  row: number;
  column?: string;
  message: Localised;
}

export type CriteriaRead =
  | { ok: true; title: string | null; note: string; criteria: ParCriterion[] }
  | { ok: false; errors: ImportIssue[] };

/** The workbook's columns: header (folded for matching) → field. */
export const PAR_COLUMNS = [
  { key: 'code', header: 'Mã' },
  { key: 'name', header: 'Tên tiêu chí' },
  { key: 'maxPoints', header: 'Điểm tối đa' },
  { key: 'guidance', header: 'Hướng dẫn chấm điểm' },
  { key: 'evidence', header: 'Tài liệu kiểm chứng' },
  { key: 'systemMeasure', header: 'Số liệu hệ thống' },
  { key: 'survey', header: 'Điều tra xã hội học' },
  { key: 'owner', header: 'Đơn vị khắc phục' },
] as const;
type ColumnKey = (typeof PAR_COLUMNS)[number]['key'];

const LIMITS = { maxUnpackedBytes: 20 * 1024 * 1024, maxEntries: 200, maxRatio: 200 };

const fileIssue = (message: Localised): CriteriaRead => ({
  ok: false,
  errors: [{ sheet: '', row: 0, message }],
});
const NOT_READABLE = {
  vi: 'Tệp không phải bảng tính Excel (.xlsx) hay tệp JSON bộ tiêu chí (motcua.par-criteria)',
  en: 'The file is neither an Excel workbook (.xlsx) nor a criteria JSON file (motcua.par-criteria)',
};

const issueMessage = (issue: z.core.$ZodIssue): Localised => ({
  vi: localiseIssues([issue], 'vi')[0]!.message,
  en: localiseIssues([issue], 'en')[0]!.message,
});

/** Parses each row, then checks the tree as a whole; `where` names a row's place in the file. */
function finish(
  rows: { draft: unknown; where: { sheet: string; row: number } }[],
  title: string | null,
  note: string,
  columnOf: (field: string) => string | undefined,
): CriteriaRead {
  const errors: ImportIssue[] = [];
  const parsed: { criterion: ParCriterion; where: { sheet: string; row: number } }[] = [];
  for (const { draft, where } of rows) {
    const result = parCriterionInput.safeParse(draft);
    if (result.success) parsed.push({ criterion: result.data, where });
    else
      for (const issue of result.error.issues) {
        const column = columnOf(String(issue.path[0] ?? ''));
        errors.push({ ...where, ...(column ? { column } : {}), message: issueMessage(issue) });
      }
  }
  if (rows.length === 0)
    errors.push({
      sheet: '',
      row: 0,
      message: { vi: 'Tệp không có tiêu chí nào', en: 'The file lists no criteria' },
    });
  if (errors.length === 0)
    for (const issue of checkCriteriaTree(parsed.map((p) => p.criterion))) {
      const column = columnOf(issue.field);
      errors.push({ ...parsed[issue.index]!.where, ...(column ? { column } : {}), message: issue.message });
    }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, title, note, criteria: sortCriteria(parsed.map((p) => p.criterion)) };
}

export function readCriteriaJson(bytes: Buffer): CriteriaRead {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return fileIssue(NOT_READABLE);
  }
  const file = parFrameworkFile.safeParse(data);
  if (!file.success)
    return {
      ok: false,
      errors: file.error.issues.map((issue) => ({ sheet: '', row: 0, message: issueMessage(issue) })),
    };
  const rows = file.data.criteria.map((draft, i) => ({ draft, where: { sheet: 'criteria', row: i + 1 } }));
  return finish(rows, file.data.title, file.data.note, (field) => field || undefined);
}

const YES = new Set(['x', 'co', 'yes', 'true', '1', 'dtxhh']);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString();
  }
  return String(value);
}

export async function readCriteriaWorkbook(bytes: Buffer): Promise<CriteriaRead> {
  try {
    await checkZip(bytes, LIMITS);
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    return fileIssue(NOT_READABLE);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fileIssue(NOT_READABLE);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileIssue(NOT_READABLE);
  // The header row is the first of the first ten that has the "Mã" column.
  let headerRow = 0;
  const columns = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(10, sheet.rowCount) && headerRow === 0; r++) {
    const row = sheet.getRow(r);
    row.eachCell((cell, col) => {
      const text = foldVietnamese(cellText(cell.value));
      const def = PAR_COLUMNS.find((c) => foldVietnamese(c.header) === text);
      if (def) columns.set(def.key, col);
    });
    if (columns.has('code')) headerRow = r;
    else columns.clear();
  }
  const missing = PAR_COLUMNS.slice(0, 3).filter((c) => !columns.has(c.key));
  if (headerRow === 0 || missing.length > 0)
    return {
      ok: false,
      errors: [
        {
          sheet: sheet.name,
          row: headerRow || 1,
          message: {
            vi: `Thiếu cột: ${missing.map((c) => c.header).join(', ')}`,
            en: `Missing columns: ${missing.map((c) => c.header).join(', ')}`,
          },
        },
      ],
    };
  const title = headerRow > 1 ? cellText(sheet.getRow(1).getCell(1).value).trim() || null : null;
  const rows: { draft: unknown; where: { sheet: string; row: number } }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: ColumnKey) => {
      const col = columns.get(key);
      return col ? cellText(row.getCell(col).value).trim() : '';
    };
    if (PAR_COLUMNS.every((c) => get(c.key) === '')) continue;
    const points = get('maxPoints').replace(',', '.');
    rows.push({
      draft: {
        code: get('code'),
        name: get('name'),
        maxPoints: points === '' || Number.isNaN(Number(points)) ? points : Number(points),
        guidance: get('guidance'),
        evidence: get('evidence'),
        systemMeasure: get('systemMeasure') || null,
        survey: YES.has(foldVietnamese(get('survey'))),
        owner: get('owner') || null,
      },
      where: { sheet: sheet.name, row: r },
    });
  }
  const header = (field: string) => PAR_COLUMNS.find((c) => c.key === field)?.header;
  return finish(rows, title, '', header);
}

/** A workbook by its zip signature, otherwise JSON. */
export async function readCriteriaFile(bytes: Buffer): Promise<CriteriaRead> {
  if (bytes.length === 0) return fileIssue({ vi: 'Tệp rỗng', en: 'The file is empty' });
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return readCriteriaWorkbook(bytes);
  return readCriteriaJson(bytes);
}
