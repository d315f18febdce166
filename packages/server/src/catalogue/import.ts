import { type Locale, localiseIssues, type ProcedureContent, problemIssues } from '@motcua/core';
import type { Database, Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import {
  createProcedure,
  findByCode,
  PublishBlocked,
  publishDraft,
  resolveReferences,
  saveDraft,
} from './procedures.ts';

export interface ImportRow {
  content: ProcedureContent;
  /** Where the procedure came from, so errors point at the row a person can fix. */
  sheet: string;
  row: number;
}

export interface ImportError {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  total: number;
  published: number;
  dryRun: boolean;
}

export interface ImportOptions {
  /** Publish each imported draft as well. */
  publish: boolean;
  /** Do all the work, then roll it back. */
  dryRun: boolean;
  actorId: string | null;
  now: Date;
  locale: Locale;
  /** Agencies the importer may edit; undefined = any. */
  allowedAgencyIds?: ReadonlySet<string> | undefined;
}

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Imports procedures in one transaction: each becomes a new procedure or the new draft of the
 * procedure with the same agency and code; with `publish`, each draft is then published. Any
 * error anywhere and nothing is kept: the answer lists every row at fault. A dry run does all
 * the same work, then rolls it back.
 */
export async function importCatalogue(
  db: Database,
  rows: readonly ImportRow[],
  options: ImportOptions,
): Promise<ImportResult> {
  try {
    return await db.transaction(async (tx) => {
      const result = await importRows(tx, rows, options);
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}

/** The import's work inside the caller's transaction; throws `import_invalid` listing every bad row. */
export async function importRows(
  tx: Queryable,
  rows: readonly ImportRow[],
  options: ImportOptions,
): Promise<ImportResult> {
  const errors: ImportError[] = [];
  let created = 0;
  let updated = 0;
  let published = 0;
  const actor = { userId: options.actorId };
  for (const row of rows) {
    const { agencyId, issues } = await resolveReferences(tx, row.content);
    if (issues.length > 0 || !agencyId) {
      for (const e of localiseIssues(issues, options.locale))
        errors.push({ sheet: row.sheet, row: row.row, message: e.message });
      continue;
    }
    if (options.allowedAgencyIds && !options.allowedAgencyIds.has(agencyId)) {
      errors.push({ sheet: row.sheet, row: row.row, message: outsideScope[options.locale] });
      continue;
    }
    const existing = await findByCode(tx, agencyId, row.content.code);
    let id: string;
    if (existing) {
      await saveDraft(tx, existing, row.content, actor, options.now);
      id = existing;
      updated++;
    } else {
      id = await createProcedure(tx, row.content, actor, options.now);
      created++;
    }
    if (options.publish) {
      try {
        await publishDraft(tx, id, {}, actor, options.now);
        published++;
      } catch (err) {
        if (!(err instanceof PublishBlocked)) throw err;
        for (const e of localiseIssues(problemIssues(err.problems), options.locale)) {
          errors.push({ sheet: row.sheet, row: row.row, message: e.message });
        }
      }
    }
  }
  if (errors.length > 0) throw new Problem(422, 'import_invalid', { count: errors.length }, errors);
  return { created, updated, total: rows.length, published, dryRun: options.dryRun };
}

const outsideScope = {
  vi: 'Thủ tục thuộc cơ quan nằm ngoài phạm vi bạn được quản lý',
  en: 'The procedure belongs to an agency outside the part of the organisation you manage',
} as const;
