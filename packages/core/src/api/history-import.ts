import { z } from 'zod';
import { DOSSIER_STATES } from '../dossier/states.ts';
import { TIMELINESS } from './dossiers.ts';

/**
 * Answers of the history import (chuyển đổi dữ liệu hồ sơ, POST /api/v1/import/dossiers): what was
 * imported, skipped and refused, each pointing at the dossier (and event) of the file.
 */

const localised = z.strictObject({ vi: z.string(), en: z.string() });

/** One thing the import refuses, pointing at the dossier (and event) of the file at fault. */
export const historyImportProblemSchema = z.strictObject({
  /** Position in `dossiers`, from 0. */
  dossierIndex: z.number().int().min(0),
  /** Position in the dossier's `events`, from 0; null for the dossier itself or its receipt. */
  eventIndex: z.number().int().min(0).nullable(),
  previousCode: z.string().nullable(),
  /** The engine's refusal code (e.g. extension_too_late), or the import's own. */
  code: z.string(),
  message: localised,
  /** The field at fault, for a file that does not follow the format. */
  path: z.string().optional(),
});

export const importedDossierSchema = z.strictObject({
  dossierIndex: z.number().int().min(0),
  previousCode: z.string().nullable(),
  id: z.uuid(),
  code: z.string().nullable(),
  state: z.enum(DOSSIER_STATES),
  /** Early / on time / late once ended; in time / overdue at the import's instant while open. */
  timeliness: z.enum(TIMELINESS).nullable(),
});

export const skippedDossierSchema = z.strictObject({
  dossierIndex: z.number().int().min(0),
  previousCode: z.string().nullable(),
  /** The dossier an earlier import made of it. */
  code: z.string().nullable(),
});

/** The import's result (also the last line of the NDJSON stream, with `event: "result"`). */
export const historyImportResponse = z.strictObject({
  dryRun: z.boolean(),
  agencyCode: z.string(),
  total: z.number().int().min(0),
  imported: z.number().int().min(0),
  dossiers: z.array(importedDossierSchema),
  skipped: z.array(skippedDossierSchema),
  problems: z.array(historyImportProblemSchema),
});

/** A JSON Schema document (draft 2020-12), such as the import file's format. */
export const jsonSchemaDocumentResponse = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A JSON Schema document (draft 2020-12)' });

export type HistoryImportProblem = z.infer<typeof historyImportProblemSchema>;
export type ImportedDossier = z.infer<typeof importedDossierSchema>;
export type SkippedDossier = z.infer<typeof skippedDossierSchema>;
export type HistoryImportResult = z.infer<typeof historyImportResponse>;
