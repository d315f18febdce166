import {
  foldVietnamese,
  type Locale,
  localiseIssues,
  NATIONAL_CODE_PATTERN,
  type ProcedureContent,
  procedureContentSchema,
} from '@motcua/core';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { checkZip, ZipError, type ZipLimits } from '../files/zip.ts';
import {
  type CatalogueReadResult,
  duplicateGroups,
  finishErrors,
  type ImportError,
  importMessages,
} from './catalogue-import.ts';
import {
  CATALOGUE_SHEETS,
  type ColumnDef,
  headerKey,
  MAX_IMPORT_PROCEDURES,
  type SheetDef,
  type Vocabulary,
} from './workbook-layout.ts';

/** A cell's value once formulas, rich text and hyperlinks are looked through. */
type Scalar = string | number | boolean | Date | null | { error: string };

interface LocatedColumn {
  def: ColumnDef;
  /** 1-based column number in the sheet. */
  index: number;
  /** The header as written in the file. */
  header: string;
}

interface SheetRow {
  row: number;
  cells: Map<string, Scalar>;
}

interface ReadSheet {
  def: SheetDef;
  /** The sheet's name as written in the file. */
  name: string;
  columns: Map<string, LocatedColumn>;
  rows: SheetRow[];
}

/** Where one procedure's parts came from, to send schema errors back to their cells. */
interface ProcedureEntry {
  row: SheetRow;
  draft: Record<string, unknown>;
  documents: ChildItem[];
  fees: ChildItem[];
  steps: ChildItem[];
  hasErrors: boolean;
}

interface ChildItem {
  row: number;
  order: number | undefined;
  value: Record<string, unknown>;
}

type ChildKey = 'documents' | 'fees' | 'steps';

/** Schema field → column key, for the fields whose names differ. */
const CHILD_FIELD_COLUMNS: Record<ChildKey, Record<string, string>> = {
  documents: { name: 'name', copies: 'copies', form: 'form', required: 'required', template: 'template' },
  fees: { name: 'name', amountVnd: 'amount', note: 'note' },
  steps: { name: 'name', role: 'role', unitCode: 'unitCode', hours: 'hours' },
};

const NESTED_FIELD_COLUMNS: Record<string, { fields: Record<string, string>; fallback: string }> = {
  processingTime: {
    fields: { value: 'timeValue', unit: 'timeUnit', note: 'timeNote' },
    fallback: 'timeValue',
  },
  publication: {
    fields: { decisionNumber: 'decisionNumber', date: 'publicationDate' },
    fallback: 'decisionNumber',
  },
};

/** What a catalogue workbook may unpack to; 5000 procedures take well under half of it. */
export const WORKBOOK_LIMITS: ZipLimits = {
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxEntries: 1000,
  maxRatio: 100,
};

/** Nodes exceljs need not parse: whole-column validations and formats can expand to a million cells. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];

/**
 * Reads a catalogue workbook (the layout in workbook-layout.ts). Never throws on bad input: every
 * problem comes back as an error naming the sheet, row and column, in the user's language.
 */
export async function readCatalogueWorkbook(
  data: Buffer | Uint8Array,
  locale: Locale,
): Promise<CatalogueReadResult> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const fileError = (message: string): CatalogueReadResult => ({
    procedures: [],
    rows: [],
    errors: [{ sheet: '', row: 0, message }],
  });
  if (bytes.length === 0) return fileError(importMessages.emptyFile(locale));
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0)
    return fileError(importMessages.legacyExcel(locale));
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304)
    return fileError(importMessages.notXlsx(locale));

  // exceljs unpacks every part into memory: check the archive within a cap first.
  try {
    await checkZip(bytes, WORKBOOK_LIMITS);
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    return fileError(
      err.fault === 'too_large'
        ? importMessages.unpacksTooLarge(locale, WORKBOOK_LIMITS.maxUnpackedBytes / 1024 / 1024)
        : importMessages.notXlsx(locale),
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0], {
      ignoreNodes: IGNORED_NODES,
    });
  } catch {
    return fileError(importMessages.notXlsx(locale));
  }
  if (workbook.worksheets.length === 0) return fileError(importMessages.notXlsx(locale));
  return new WorkbookReader(locale).read(workbook);
}

class WorkbookReader {
  private readonly errors: ImportError[] = [];
  /** Cells already reported, so that the schema does not report the same cell twice. */
  private readonly reported = new Set<string>();

  constructor(private readonly locale: Locale) {}

  read(workbook: ExcelJS.Workbook): CatalogueReadResult {
    const sheets = new Map<SheetDef['key'], ReadSheet>();
    for (const def of CATALOGUE_SHEETS) {
      const sheet = this.openSheet(workbook, def);
      if (sheet) sheets.set(def.key, sheet);
    }
    const procedureSheet = sheets.get('procedures');
    if (this.errors.length > 0 || !procedureSheet) return this.result([], sheets);

    if (procedureSheet.rows.length > MAX_IMPORT_PROCEDURES) {
      const first = procedureSheet.rows[MAX_IMPORT_PROCEDURES]!;
      this.errors.push({
        sheet: procedureSheet.name,
        row: first.row,
        message: importMessages.tooManyProcedures(
          this.locale,
          procedureSheet.rows.length,
          MAX_IMPORT_PROCEDURES,
        ),
      });
      return this.result([], sheets);
    }

    const entries = procedureSheet.rows.map((row) => this.procedureEntry(procedureSheet, row));
    const byCode = new Map<string, ProcedureEntry>();
    for (const entry of entries) {
      const key = codeKey(entry.draft.code);
      if (key !== null && !byCode.has(key)) byCode.set(key, entry);
    }
    for (const group of duplicateGroups(entries, (e) => codeKey(e.draft.code))) {
      for (const entry of group) {
        const others = group.filter((e) => e !== entry).map((e) => e.row.row);
        this.report(
          procedureSheet,
          entry.row.row,
          'code',
          importMessages.duplicateCode(
            this.locale,
            String(entry.draft.code),
            importMessages.otherRows(this.locale, others),
          ),
          entry,
        );
      }
    }

    for (const childKey of ['documents', 'fees', 'steps'] as const) {
      const sheet = sheets.get(childKey)!;
      for (const row of sheet.rows) this.childRow(childKey, sheet, row, procedureSheet, byCode);
    }

    const procedures: ProcedureContent[] = [];
    const rows: number[] = [];
    for (const entry of entries) {
      for (const childKey of ['documents', 'fees', 'steps'] as const) {
        entry[childKey].sort(
          (a, b) => (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY),
        );
        entry.draft[childKey] = entry[childKey].map((item) => item.value);
      }
      const parsed = procedureContentSchema.safeParse(entry.draft);
      if (parsed.success) {
        if (!entry.hasErrors) {
          procedures.push(parsed.data);
          rows.push(entry.row.row);
        }
        continue;
      }
      for (const issue of parsed.error.issues) this.reportIssue(issue, entry, sheets);
    }
    return this.result(procedures, sheets, rows);
  }

  private result(
    procedures: ProcedureContent[],
    sheets: Map<SheetDef['key'], ReadSheet>,
    rows: number[] = [],
  ): CatalogueReadResult {
    const order = CATALOGUE_SHEETS.map((def) => sheets.get(def.key)?.name ?? def.name);
    const columnIndex = new Map<string, number>();
    for (const sheet of sheets.values()) {
      for (const column of sheet.columns.values())
        columnIndex.set(`${sheet.name}\u0000${column.header}`, column.index);
    }
    const columnOrder = (sheet: string, column: string | undefined) =>
      column === undefined ? 0 : (columnIndex.get(`${sheet}\u0000${column}`) ?? 0);
    return { procedures, rows, errors: finishErrors(this.errors, this.locale, order, columnOrder) };
  }

  // ---------------------------------------------------------------------------------------------
  // Sheets and headers

  private openSheet(workbook: ExcelJS.Workbook, def: SheetDef): ReadSheet | null {
    const worksheet = workbook.worksheets.find((ws) => headerKey(ws.name) === headerKey(def.name));
    if (!worksheet) {
      this.errors.push({
        sheet: def.name,
        row: 0,
        message: importMessages.missingSheet(
          this.locale,
          def.name,
          CATALOGUE_SHEETS.map((s) => `"${s.name}"`).join(', '),
        ),
      });
      return null;
    }
    const sheet: ReadSheet = { def, name: worksheet.name, columns: new Map(), rows: [] };
    const byHeader = new Map(def.columns.map((c) => [headerKey(c.header), c]));
    let structural = false;
    worksheet.getRow(1).eachCell((cell, index) => {
      const header = scalarText(scalarOf(cell.value));
      const columnDef = header ? byHeader.get(headerKey(header)) : undefined;
      if (!header || !columnDef) return;
      if (sheet.columns.has(columnDef.key)) {
        structural = true;
        this.errors.push({
          sheet: sheet.name,
          row: 1,
          column: header,
          message: importMessages.duplicateHeader(this.locale, header),
        });
        return;
      }
      sheet.columns.set(columnDef.key, { def: columnDef, index, header });
    });
    for (const column of def.columns) {
      if (sheet.columns.has(column.key)) continue;
      structural = true;
      this.errors.push({
        sheet: sheet.name,
        row: 1,
        column: column.header,
        message: importMessages.missingHeader(this.locale, sheet.name, column.header),
      });
    }
    if (structural) return sheet;

    worksheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells = new Map<string, Scalar>();
      let empty = true;
      for (const [key, column] of sheet.columns) {
        const value = scalarOf(row.findCell(column.index)?.value);
        if (!isBlank(value)) empty = false;
        cells.set(key, value);
      }
      if (!empty) sheet.rows.push({ row: rowNumber, cells });
    });
    return sheet;
  }

  // ---------------------------------------------------------------------------------------------
  // Rows

  private procedureEntry(sheet: ReadSheet, row: SheetRow): ProcedureEntry {
    const entry: ProcedureEntry = { row, draft: {}, documents: [], fees: [], steps: [], hasErrors: false };
    const cell = new CellReader(this, sheet, row, entry);
    const decisionNumber = cell.text('decisionNumber');
    const date = cell.date('publicationDate');
    const unpublished = cell.isBlank('decisionNumber') && cell.isBlank('publicationDate');
    entry.draft = withoutUndefined({
      code: cell.text('code'),
      codeKind: cell.enumValue('codeKind'),
      name: cell.text('name'),
      fieldCode: cell.text('fieldCode'),
      agencyCode: cell.text('agencyCode'),
      level: cell.enumValue('level'),
      legalBasis: cell.lines('legalBasis'),
      processingTime: withoutUndefined({
        value: cell.number('timeValue'),
        unit: cell.enumValue('timeUnit'),
        note: cell.text('timeNote'),
      }),
      resultType: cell.enumValue('resultType'),
      resultName: cell.text('resultName'),
      onlineLevel: cell.enumValue('onlineLevel'),
      postalAllowed: cell.yesNo('postalAllowed'),
      publication: unpublished ? null : withoutUndefined({ decisionNumber, date }),
      applicants: cell.text('applicants'),
      conditions: cell.text('conditions'),
      howToApply: cell.text('howToApply'),
      needsReview: cell.flags('needsReview'),
    });
    return entry;
  }

  private childRow(
    childKey: ChildKey,
    sheet: ReadSheet,
    row: SheetRow,
    procedureSheet: ReadSheet,
    byCode: Map<string, ProcedureEntry>,
  ): void {
    const code = new CellReader(this, sheet, row, undefined).text('code');
    if (code === undefined) {
      if (!this.isReported(sheet, row.row, 'code')) {
        this.report(sheet, row.row, 'code', importMessages.missingProcedureCode(this.locale));
      }
      return;
    }
    const entry = byCode.get(codeKey(code) ?? '');
    if (!entry) {
      this.report(
        sheet,
        row.row,
        'code',
        importMessages.unknownProcedure(this.locale, code, procedureSheet.name),
      );
      return;
    }
    const cell = new CellReader(this, sheet, row, entry);
    let order = cell.number('order');
    if (typeof order === 'number' && order < 1) order = cell.invalid('order');
    let value: Record<string, unknown>;
    switch (childKey) {
      case 'documents':
        value = {
          name: cell.text('name'),
          copies: cell.number('copies') ?? undefined,
          form: cell.enumValue('form'),
          required: cell.yesNo('required'),
          template: cell.text('template'),
        };
        break;
      case 'fees':
        value = { name: cell.text('name'), amountVnd: cell.number('amount'), note: cell.text('note') };
        break;
      case 'steps':
        value = {
          name: cell.text('name'),
          role: cell.enumValue('role'),
          unitCode: cell.text('unitCode'),
          hours: cell.number('hours') ?? undefined,
        };
        break;
    }
    entry[childKey].push({ row: row.row, order: order ?? undefined, value: withoutUndefined(value) });
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  private cellKey(sheet: ReadSheet, row: number, columnKey: string | undefined): string {
    return `${sheet.def.key}\u0000${row}\u0000${columnKey ?? ''}`;
  }

  isReported(sheet: ReadSheet, row: number, columnKey: string | undefined): boolean {
    return this.reported.has(this.cellKey(sheet, row, columnKey));
  }

  report(
    sheet: ReadSheet,
    row: number,
    columnKey: string | undefined,
    message: string,
    entry?: ProcedureEntry,
  ): void {
    if (entry) entry.hasErrors = true;
    this.reported.add(this.cellKey(sheet, row, columnKey));
    const column = columnKey === undefined ? undefined : sheet.columns.get(columnKey)?.header;
    this.errors.push(
      column === undefined
        ? { sheet: sheet.name, row, message }
        : { sheet: sheet.name, row, column, message },
    );
  }

  get messageLocale(): Locale {
    return this.locale;
  }

  /** Sends a schema issue back to the cell its value came from. */
  private reportIssue(
    issue: z.core.$ZodIssue,
    entry: ProcedureEntry,
    sheets: Map<SheetDef['key'], ReadSheet>,
  ): void {
    const procedureSheet = sheets.get('procedures')!;
    const [head, second, third] = issue.path;
    let sheet = procedureSheet;
    let row = entry.row.row;
    let columnKey: string | undefined;

    if (head === 'documents' || head === 'fees' || head === 'steps') {
      const items = entry[head];
      if (typeof second === 'number' && items[second]) {
        sheet = sheets.get(head)!;
        row = items[second].row;
        columnKey = typeof third === 'string' ? CHILD_FIELD_COLUMNS[head][third] : undefined;
      } else if (issue.code === 'too_big' && typeof issue.maximum === 'number' && items[issue.maximum]) {
        sheet = sheets.get(head)!;
        row = items[issue.maximum]!.row;
      }
    } else if (typeof head === 'string' && NESTED_FIELD_COLUMNS[head]) {
      const nested = NESTED_FIELD_COLUMNS[head];
      columnKey = (typeof second === 'string' && nested.fields[second]) || nested.fallback;
    } else if (typeof head === 'string' && procedureSheet.columns.has(head)) {
      columnKey = head;
    }

    if (this.isReported(sheet, row, columnKey)) return;
    const column = columnKey === undefined ? undefined : sheet.columns.get(columnKey);
    const subject = column ? (this.locale === 'vi' ? column.def.header : column.def.en) : undefined;
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const what =
      column?.def.expect && issue.code !== 'too_big' && !missing
        ? column.def.expect[this.locale]
        : localiseIssues([{ ...issue, path: [] }], this.locale)[0]!.message;
    const childSubject =
      sheet === procedureSheet ? undefined : this.locale === 'vi' ? sheet.def.name : sheet.def.en;
    const message = joinSubject(subject ?? childSubject, what, issue.code === 'custom', this.locale);
    this.report(sheet, row, columnKey, message, entry);
  }
}

function joinSubject(subject: string | undefined, what: string, custom: boolean, locale: Locale): string {
  if (!subject) return what.charAt(0).toUpperCase() + what.slice(1);
  if (custom) return `${subject}: ${what}`;
  if (locale === 'en' && !/^(is|must|needs|has) /.test(what)) return `${subject}: ${what}`;
  return `${subject} ${what}`;
}

/** Reads the cells of one row, reporting what cannot be read; an unreadable cell yields undefined. */
class CellReader {
  constructor(
    private readonly reader: WorkbookReader,
    private readonly sheet: ReadSheet,
    private readonly row: SheetRow,
    private readonly entry: ProcedureEntry | undefined,
  ) {}

  private get locale(): Locale {
    return this.reader.messageLocale;
  }

  private column(key: string): LocatedColumn {
    return this.sheet.columns.get(key)!;
  }

  private value(key: string): Scalar {
    return this.row.cells.get(key) ?? null;
  }

  private fail(key: string, message: string): undefined {
    this.reader.report(this.sheet, this.row.row, key, message, this.entry);
    return undefined;
  }

  private subject(key: string): string {
    const def = this.column(key).def;
    return this.locale === 'vi' ? def.header : def.en;
  }

  /** Reports a value that was read but is not acceptable, with what the column expects. */
  invalid(key: string): undefined {
    return this.expect(key);
  }

  private expect(key: string): undefined {
    const def = this.column(key).def;
    return this.fail(key, `${this.subject(key)} ${def.expect?.[this.locale] ?? ''}`.trim());
  }

  isBlank(key: string): boolean {
    return isBlank(this.value(key));
  }

  /** Text, or undefined when empty. Numbers typed into code cells are turned back into codes. */
  text(key: string): string | undefined {
    const value = this.value(key);
    if (isCellError(value))
      return this.fail(key, importMessages.cellError(this.locale, this.subject(key), value.error));
    if (typeof value === 'number' && key === 'code') return procedureCodeFromNumber(value);
    const text = scalarText(value);
    if (text === undefined) return undefined;
    const kind = this.column(key).def.kind;
    return kind === 'multiline' || kind === 'lines' ? text : text.replace(/\s*\n\s*/g, ' ');
  }

  lines(key: string): string[] | undefined {
    const text = this.text(key);
    if (text === undefined) return this.isBlank(key) ? [] : undefined;
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }

  /** A number, null when the cell is empty, undefined when it cannot be read (and reported). */
  number(key: string): number | null | undefined {
    const value = this.value(key);
    if (isBlank(value)) return null;
    if (isCellError(value))
      return this.fail(key, importMessages.cellError(this.locale, this.subject(key), value.error));
    const integer = this.column(key).def.kind === 'integer';
    let n: number | undefined;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string') n = parseNumberText(value, integer);
    if (n === undefined || !Number.isFinite(n) || (integer && !Number.isInteger(n))) return this.expect(key);
    return n;
  }

  /** An ISO date (YYYY-MM-DD), undefined when empty or unreadable. */
  date(key: string): string | undefined {
    const value = this.value(key);
    if (isBlank(value)) return undefined;
    if (isCellError(value))
      return this.fail(key, importMessages.cellError(this.locale, this.subject(key), value.error));
    let iso: string | undefined;
    if (value instanceof Date) iso = Number.isNaN(value.getTime()) ? undefined : isoOfUtc(value);
    else if (typeof value === 'number') iso = excelSerialToIso(value);
    else if (typeof value === 'string') iso = parseDateText(value);
    return iso ?? this.expect(key);
  }

  enumValue(key: string): string | undefined {
    const vocabulary = this.column(key).def.vocabulary!;
    const text = this.text(key);
    if (text === undefined) return undefined;
    return vocabulary.lookup(text) ?? this.fail(key, this.badValue(key, vocabulary, text, false));
  }

  yesNo(key: string): boolean | undefined {
    const value = this.value(key);
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    const code = this.enumValue(key);
    return code === undefined ? undefined : code === 'true';
  }

  flags(key: string): string[] | undefined {
    const vocabulary = this.column(key).def.vocabulary!;
    const text = this.text(key);
    if (text === undefined) return this.isBlank(key) ? [] : undefined;
    const tokens = text
      .split(/[,;\n]+/)
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
    const codes: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = i + 1 < tokens.length ? vocabulary.lookup(`${tokens[i]} ${tokens[i + 1]}`) : undefined;
      const code = pair ?? vocabulary.lookup(tokens[i]!);
      if (pair) i++;
      if (code === undefined) unknown.push(tokens[i]!);
      else if (!codes.includes(code)) codes.push(code);
    }
    if (unknown.length > 0) return this.fail(key, this.badValue(key, vocabulary, unknown.join(', '), true));
    return codes;
  }

  private badValue(key: string, vocabulary: Vocabulary, text: string, flags: boolean): string {
    const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    const allowed = vocabulary.entries
      .map((e) => (this.locale === 'vi' ? `"${e.vi}"` : `"${e.vi}" (${e.en.toLowerCase()})`))
      .join(', ');
    return (flags ? importMessages.badFlags : importMessages.badEnum)(
      this.locale,
      this.subject(key),
      shown,
      allowed,
    );
  }
}

// -----------------------------------------------------------------------------------------------
// Cell values

function scalarOf(value: ExcelJS.CellValue | undefined): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return scalarOf(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return scalarOf(value.result ?? null);
  return null;
}

function isCellError(value: Scalar): value is { error: string } {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

function isBlank(value: Scalar): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** A cell as trimmed text with Unix line ends, undefined when empty. */
function scalarText(value: Scalar): string | undefined {
  if (value === null || isCellError(value)) return undefined;
  let text: string;
  if (value instanceof Date) text = isoOfUtc(value).split('-').reverse().join('/');
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else text = String(value);
  text = text.replace(/\r\n?/g, '\n').trim();
  return text === '' ? undefined : text;
}

/**
 * A procedure code Excel turned into a number: "1.001650" typed into a General cell becomes 1.00165,
 * and in a Vietnamese-locale Excel, where "." groups thousands, "1.001653" becomes 1001653.
 */
function procedureCodeFromNumber(n: number): string {
  if (n >= 1 && n < 4) {
    const fixed = n.toFixed(6);
    if (Math.abs(Number(fixed) - n) < 1e-9 && NATIONAL_CODE_PATTERN.test(fixed)) return fixed;
  }
  if (Number.isInteger(n) && n >= 1_000_000 && n < 4_000_000) {
    const digits = String(n);
    return `${digits.slice(0, 1)}.${digits.slice(1)}`;
  }
  return String(n);
}

/** Key for matching procedure codes across sheets and finding duplicates: case, accents and spaces do not count. */
function codeKey(code: unknown): string | null {
  return typeof code === 'string' && code.trim() !== '' ? foldVietnamese(code) : null;
}

/** "5", "0,5", "0.5", "600.000", "600 000 đồng" (integers may group thousands with dots, commas or spaces). */
function parseNumberText(raw: string, integer: boolean): number | undefined {
  let t = raw
    .replace(/\s+/g, '')
    .replace(/(vnđ|vnd|đồng|đ)$/iu, '')
    .replace(/^\+/, '');
  if (integer && /^\d{1,3}([.,]\d{3})+$/.test(t)) t = t.replace(/[.,]/g, '');
  else if (/^-?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

function isoOfUtc(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return isoOfUtc(date);
}

/** A date typed as text: DD/MM/YYYY (also with "-" or "."), or YYYY-MM-DD. */
function parseDateText(raw: string): string | undefined {
  const t = raw.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (ymd) return isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return undefined;
}

/** A date left as a number (a date cell without a date format): days since 30 Dec 1899. */
function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
