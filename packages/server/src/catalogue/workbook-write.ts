import type { ProcedureContent } from '@motcua/core';
import ExcelJS from 'exceljs';
import {
  CATALOGUE_SHEETS,
  CODE_KIND_VOCABULARY,
  type ColumnDef,
  DOCUMENT_FORM_VOCABULARY,
  LEVEL_VOCABULARY,
  LISTS_SHEET_NAME,
  ONLINE_LEVEL_VOCABULARY,
  RESULT_TYPE_VOCABULARY,
  REVIEW_FLAG_VOCABULARY,
  ROLE_VOCABULARY,
  type SheetDef,
  TIME_UNIT_VOCABULARY,
  type Vocabulary,
  YES_NO_VOCABULARY,
} from './workbook-layout.ts';

type RowValues = Record<string, string | number | Date | null>;

/** Rows below the data that still get drop-downs, for people adding procedures by hand. */
const SPARE_ROWS = 1000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/**
 * Writes procedures as a catalogue workbook that people can edit in Excel and import again:
 * Vietnamese labels for coded values, drop-down lists for them, frozen bold headers.
 * Reading the result back with `readCatalogueWorkbook` gives the same content.
 */
export async function writeCatalogueWorkbook(procedures: ProcedureContent[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const rowsBySheet: Record<SheetDef['key'], RowValues[]> = {
    procedures: [],
    documents: [],
    fees: [],
    steps: [],
  };
  for (const p of procedures) {
    rowsBySheet.procedures.push(procedureRow(p));
    p.documents.forEach((d, i) => {
      rowsBySheet.documents.push({
        code: p.code,
        order: i + 1,
        name: d.name,
        copies: d.copies,
        form: DOCUMENT_FORM_VOCABULARY.label(d.form),
        required: yesNo(d.required),
        template: d.template ?? null,
      });
    });
    for (const f of p.fees)
      rowsBySheet.fees.push({ code: p.code, name: f.name, amount: f.amountVnd, note: f.note ?? null });
    p.steps.forEach((s, i) => {
      rowsBySheet.steps.push({
        code: p.code,
        order: i + 1,
        name: s.name,
        role: ROLE_VOCABULARY.label(s.role),
        unitCode: s.unitCode ?? null,
        hours: s.hours,
      });
    });
  }

  const lists = new ListsSheet();
  const sheets = CATALOGUE_SHEETS.map((def) => ({
    def,
    worksheet: addSheet(workbook, def, rowsBySheet[def.key]),
  }));
  const listsWorksheet = lists.write(workbook);
  for (const { def, worksheet } of sheets) {
    addValidations(worksheet, def, lists, Math.max(worksheet.rowCount, 1) + SPARE_ROWS);
  }
  listsWorksheet.state = 'hidden';

  const out = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

function yesNo(value: boolean): string {
  return value ? 'Có' : 'Không';
}

function procedureRow(p: ProcedureContent): RowValues {
  return {
    code: p.code,
    codeKind: CODE_KIND_VOCABULARY.label(p.codeKind),
    name: p.name,
    fieldCode: p.fieldCode,
    agencyCode: p.agencyCode,
    level: LEVEL_VOCABULARY.label(p.level),
    timeValue: p.processingTime.value,
    timeUnit: TIME_UNIT_VOCABULARY.label(p.processingTime.unit),
    timeNote: p.processingTime.note ?? null,
    resultType: RESULT_TYPE_VOCABULARY.label(p.resultType),
    resultName: p.resultName ?? null,
    onlineLevel: ONLINE_LEVEL_VOCABULARY.label(p.onlineLevel),
    postalAllowed: yesNo(p.postalAllowed),
    decisionNumber: p.publication?.decisionNumber ?? null,
    publicationDate: p.publication ? utcDate(p.publication.date) : null,
    applicants: p.applicants ?? null,
    conditions: p.conditions ?? null,
    howToApply: p.howToApply ?? null,
    legalBasis: p.legalBasis.length > 0 ? p.legalBasis.join('\n') : null,
    needsReview:
      p.needsReview.length > 0 ? p.needsReview.map((f) => REVIEW_FLAG_VOCABULARY.label(f)).join(', ') : null,
  };
}

/** Midnight UTC, which exceljs stores as the plain calendar day. */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function columnStyle(column: ColumnDef): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
  // Text format keeps codes such as 1.001650 as typed; long free text stays General, as Excel shows
  // "####" for Text-formatted cells over 255 characters.
  if (column.kind === 'code' || column.kind === 'enum' || column.kind === 'yesNo') style.numFmt = '@';
  if (column.numFmt) style.numFmt = column.numFmt;
  return style;
}

function addSheet(workbook: ExcelJS.Workbook, def: SheetDef, rows: RowValues[]): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(def.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = def.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: columnStyle(c),
  }));
  const header = worksheet.getRow(1);
  header.height = 32;
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
    if (c.note) cell.note = c.note;
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.columns.length } };
  for (const row of rows) worksheet.addRow(row);
  return worksheet;
}

/** The hidden sheet with one column per drop-down list, so that labels may contain commas. */
class ListsSheet {
  private readonly columns: { vocabulary: Vocabulary; title: string }[] = [];

  /** An absolute reference to the list's cells, for a list validation. */
  reference(vocabulary: Vocabulary, title: string): string {
    let index = this.columns.findIndex((c) => c.vocabulary === vocabulary);
    if (index < 0) index = this.columns.push({ vocabulary, title }) - 1;
    const letter = columnLetter(index + 1);
    const last = vocabulary.entries.length + 1;
    return `'${LISTS_SHEET_NAME}'!$${letter}$2:$${letter}$${last}`;
  }

  write(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
    // Register every list now, so that the sheet exists before validations refer to it.
    for (const def of CATALOGUE_SHEETS) {
      for (const c of def.columns) {
        if (!c.vocabulary || c.kind === 'flags') continue;
        this.reference(c.vocabulary, c.vocabulary === YES_NO_VOCABULARY ? 'Có / Không' : c.header);
      }
    }
    const worksheet = workbook.addWorksheet(LISTS_SHEET_NAME);
    worksheet.columns = this.columns.map((c) => ({ header: c.title, width: 34 }));
    worksheet.getRow(1).font = { bold: true };
    this.columns.forEach((c, i) => {
      c.vocabulary.entries.forEach((e, j) => {
        worksheet.getCell(j + 2, i + 1).value = e.vi;
      });
    });
    return worksheet;
  }
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** exceljs keeps sheet-level validations by range but does not declare them in its types. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addValidations(
  worksheet: ExcelJS.Worksheet,
  def: SheetDef,
  lists: ListsSheet,
  lastRow: number,
): void {
  const validations = (worksheet as unknown as RangeValidations).dataValidations;
  def.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${lastRow}`;
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      // A warning, not a stop: the import also accepts codes and unaccented spellings.
      errorStyle: 'warning',
      errorTitle: c.header,
    };
    if (c.vocabulary && (c.kind === 'enum' || c.kind === 'yesNo')) {
      validations.add(range, {
        ...common,
        type: 'list',
        formulae: [lists.reference(c.vocabulary, c.header)],
        error: `Chọn một trong: ${c.vocabulary.entries.map((e) => e.vi).join('; ')}.`,
      });
      return;
    }
    const numeric = NUMBER_VALIDATIONS[`${def.key}.${c.key}`];
    if (numeric) validations.add(range, { ...common, ...numeric });
  });
}

const NUMBER_VALIDATIONS: Record<string, Omit<ExcelJS.DataValidation, 'allowBlank'>> = {
  'procedures.timeValue': {
    type: 'decimal',
    operator: 'between',
    formulae: [0, 3650],
    error: 'Thời hạn là một số từ 0 đến 3650; để trống nếu chưa xác định.',
  },
  'documents.order': {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [1],
    error: 'STT là số nguyên từ 1.',
  },
  'documents.copies': {
    type: 'whole',
    operator: 'between',
    formulae: [1, 100],
    error: 'Số bản là số nguyên từ 1 đến 100.',
  },
  'fees.amount': {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    error: 'Mức thu là số tiền bằng đồng (số nguyên); để trống nếu chưa xác định.',
  },
  'steps.order': {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [1],
    error: 'Bước là số nguyên từ 1.',
  },
  'steps.hours': {
    type: 'decimal',
    operator: 'greaterThan',
    formulae: [0],
    error: 'Số giờ làm việc lớn hơn 0 (8 giờ = 1 ngày làm việc).',
  },
};
