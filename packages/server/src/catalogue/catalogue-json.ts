import {
  foldVietnamese,
  type Locale,
  localiseIssues,
  type ProcedureContent,
  procedureContentSchema,
} from '@motcua/core';
import {
  type CatalogueReadResult,
  duplicateGroups,
  finishErrors,
  type ImportError,
  importMessages,
} from './catalogue-import.ts';
import { MAX_IMPORT_PROCEDURES } from './workbook-layout.ts';

/** The JSON exchange format: `{ "format": "motcua-catalogue", "version": 1, "procedures": [...] }`. */
export const CATALOGUE_JSON_FORMAT = 'motcua-catalogue';
export const CATALOGUE_JSON_VERSION = 1;

export interface CatalogueJson {
  format: typeof CATALOGUE_JSON_FORMAT;
  version: typeof CATALOGUE_JSON_VERSION;
  procedures: ProcedureContent[];
}

const SHEET = 'json';

export function writeCatalogueJson(procedures: ProcedureContent[]): string {
  const document: CatalogueJson = {
    format: CATALOGUE_JSON_FORMAT,
    version: CATALOGUE_JSON_VERSION,
    procedures,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Reads a catalogue in the JSON format. Errors use sheet 'json', row = the procedure's position
 * (the first is 1, 0 for the file as a whole) and column = the field's path, e.g. "documents[2].copies".
 */
export function readCatalogueJson(data: Buffer | string, locale: Locale): CatalogueReadResult {
  const fileError = (message: string): CatalogueReadResult => ({
    procedures: [],
    rows: [],
    errors: [{ sheet: SHEET, row: 0, message }],
  });
  const text = (typeof data === 'string' ? data : data.toString('utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') return fileError(importMessages.emptyFile(locale));

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fileError(
      importMessages.invalidJson(locale, error instanceof Error ? error.message : String(error)),
    );
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    !('format' in document) ||
    document.format !== CATALOGUE_JSON_FORMAT ||
    !('procedures' in document) ||
    !Array.isArray(document.procedures)
  ) {
    return fileError(importMessages.notCatalogueJson(locale));
  }
  const version = 'version' in document ? document.version : undefined;
  if (version !== CATALOGUE_JSON_VERSION) {
    return fileError(importMessages.unsupportedVersion(locale, JSON.stringify(version ?? null)));
  }
  const items: unknown[] = document.procedures;
  if (items.length > MAX_IMPORT_PROCEDURES) {
    return {
      procedures: [],
      rows: [],
      errors: [
        {
          sheet: SHEET,
          row: MAX_IMPORT_PROCEDURES + 1,
          message: importMessages.tooManyProcedures(locale, items.length, MAX_IMPORT_PROCEDURES),
        },
      ],
    };
  }

  const errors: ImportError[] = [];
  const parsed = items.map((item, index) => {
    const result = procedureContentSchema.safeParse(item);
    if (result.success) return { index, procedure: result.data as ProcedureContent | null };
    for (const e of localiseIssues(result.error.issues, locale)) {
      errors.push({ sheet: SHEET, row: index + 1, column: e.path, message: e.message });
    }
    return { index, procedure: null };
  });

  const duplicated = new Set<number>();
  const rawCode = (item: unknown) =>
    typeof item === 'object' && item !== null && 'code' in item && typeof item.code === 'string'
      ? item.code
      : null;
  const groups = duplicateGroups(
    items.map((item, index) => ({ index, code: rawCode(item) })),
    (x) => (x.code === null || x.code.trim() === '' ? null : foldVietnamese(x.code)),
  );
  for (const group of groups) {
    for (const x of group) {
      duplicated.add(x.index);
      const others = group.filter((y) => y !== x).map((y) => y.index + 1);
      errors.push({
        sheet: SHEET,
        row: x.index + 1,
        column: 'code',
        message: importMessages.duplicateCode(
          locale,
          x.code ?? '',
          importMessages.otherItems(locale, others),
        ),
      });
    }
  }

  const kept = parsed.filter((p) => p.procedure !== null && !duplicated.has(p.index));
  return {
    procedures: kept.map((p) => p.procedure!),
    rows: kept.map((p) => p.index + 1),
    errors: finishErrors(errors, locale),
  };
}
