/**
 * The procedure catalogue as files: an Excel workbook that reform officers fill in by hand, and a
 * JSON document for exchange between systems. Both read into validated `ProcedureContent` values
 * with errors a person can act on, and write back what they read.
 */
export type { CatalogueReadResult, ImportError } from './catalogue-import.ts';
export { MAX_REPORTED_ERRORS } from './catalogue-import.ts';
export {
  CATALOGUE_JSON_FORMAT,
  CATALOGUE_JSON_VERSION,
  type CatalogueJson,
  readCatalogueJson,
  writeCatalogueJson,
} from './catalogue-json.ts';
export {
  CATALOGUE_SHEETS,
  DOCUMENT_SHEET,
  FEE_SHEET,
  MAX_IMPORT_PROCEDURES,
  PROCEDURE_SHEET,
  STEP_SHEET,
} from './workbook-layout.ts';
export { readCatalogueWorkbook } from './workbook-read.ts';
export { writeCatalogueWorkbook } from './workbook-write.ts';
