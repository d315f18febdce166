import { randomUUID } from 'node:crypto';
import {
  foldVietnamese,
  type ProcedureContent,
  type ProcedureStatus,
  type PublishProblem,
  procedureContentSchema,
  publishProblems,
} from '@motcua/core';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { Queryable } from '../db/database.ts';
import { fieldIssue, Problem } from '../http/problem.ts';
import { vietnamDate } from '../time.ts';

/**
 * The procedure catalogue's use cases. A procedure is an identity (agency + code) with versions:
 * at most one draft being edited, one published version in force, and the superseded history.
 * Publishing a draft supersedes the previous version on the day the new one takes effect.
 */

export type VersionState = 'draft' | 'published' | 'superseded' | 'abolished';

export interface VersionSummary {
  version: number;
  state: VersionState;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedAt: string | null;
}

interface VersionRow {
  id: string;
  version: number;
  state: VersionState;
  content: ProcedureContent;
  effective_from: string | null;
  effective_to: string | null;
  published_at: Date | null;
}

interface ProcedureRow {
  id: string;
  agency_id: string;
  code: string;
  status: ProcedureStatus;
  current_version_id: string | null;
}

export interface Actor {
  userId: string | null;
}

/** Referential checks the schema cannot make: the agency and the field must exist. */
export async function resolveReferences(
  db: Queryable,
  content: ProcedureContent,
): Promise<{ agencyId: string | null; issues: z.core.$ZodIssue[] }> {
  const issues: z.core.$ZodIssue[] = [];
  const [agency] = await db.query<{ id: string }>(
    "SELECT id FROM org_unit WHERE code = $1 AND kind = 'agency'",
    [content.agencyCode],
  );
  if (!agency) issues.push(fieldIssue('agencyCode', 'agency_not_found'));
  const [field] = await db.query('SELECT 1 FROM field WHERE code = $1', [content.fieldCode]);
  if (!field) issues.push(fieldIssue('fieldCode', 'field_not_found'));
  return { agencyId: agency?.id ?? null, issues };
}

async function loadProcedure(db: Queryable, id: string, lock = false): Promise<ProcedureRow> {
  const [row] = await db.query<ProcedureRow>(
    `SELECT id, agency_id, code, status, current_version_id FROM procedure WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw new Problem(404, 'procedure_not_found');
  return row;
}

async function versions(db: Queryable, procedureId: string): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `SELECT id, version, state, content, effective_from, effective_to, published_at
       FROM procedure_version WHERE procedure_id = $1 ORDER BY version DESC`,
    [procedureId],
  );
}

/** Copies the identity and searchable columns of `content` onto the procedure row. */
async function syncProcedureRow(
  db: Queryable,
  id: string,
  agencyId: string,
  content: ProcedureContent,
  now: Date,
  extra: { status?: ProcedureStatus; currentVersionId?: string } = {},
): Promise<void> {
  const [taken] = await db.query('SELECT 1 FROM procedure WHERE agency_id = $1 AND code = $2 AND id <> $3', [
    agencyId,
    content.code,
    id,
  ]);
  if (taken) throw new Problem(422, 'validation_failed', {}, undefined, [fieldIssue('code', 'code_taken')]);
  await db.query(
    `UPDATE procedure SET agency_id = $2, code = $3, name = $4, field_code = $5, online_level = $6, search_text = $7,
            status = COALESCE($8, status), current_version_id = COALESCE($9, current_version_id), updated_at = $10
      WHERE id = $1`,
    [
      id,
      agencyId,
      content.code,
      content.name,
      content.fieldCode,
      content.onlineLevel,
      foldVietnamese(`${content.code} ${content.name}`),
      extra.status ?? null,
      extra.currentVersionId ?? null,
      now,
    ],
  );
}

/** Creates a new procedure whose first version is a draft. */
export async function createProcedure(
  db: Queryable,
  content: ProcedureContent,
  actor: Actor,
  now: Date,
): Promise<string> {
  const { agencyId, issues } = await resolveReferences(db, content);
  if (issues.length > 0 || !agencyId) throw new Problem(422, 'validation_failed', {}, undefined, issues);
  const [taken] = await db.query('SELECT 1 FROM procedure WHERE agency_id = $1 AND code = $2', [
    agencyId,
    content.code,
  ]);
  if (taken) throw new Problem(422, 'validation_failed', {}, undefined, [fieldIssue('code', 'code_taken')]);
  const id = randomUUID();
  await db.query(
    `INSERT INTO procedure (id, agency_id, code, status, name, field_code, online_level, search_text, created_at, updated_at)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $8)`,
    [
      id,
      agencyId,
      content.code,
      content.name,
      content.fieldCode,
      content.onlineLevel,
      foldVietnamese(`${content.code} ${content.name}`),
      now,
    ],
  );
  await db.query(
    `INSERT INTO procedure_version (id, procedure_id, agency_id, version, state, content, created_by, created_at)
     VALUES ($1, $2, $3, 1, 'draft', $4, $5, $6)`,
    [randomUUID(), id, agencyId, JSON.stringify(content), actor.userId, now],
  );
  await recordAudit(db, {
    actorId: actor.userId,
    agencyId,
    action: 'procedure.create',
    subjectType: 'procedure',
    subjectId: id,
  });
  return id;
}

/** Replaces the draft's content, opening a new draft version when there is none. */
export async function saveDraft(
  db: Queryable,
  id: string,
  content: ProcedureContent,
  actor: Actor,
  now: Date,
): Promise<void> {
  const procedure = await loadProcedure(db, id, true);
  if (procedure.status === 'abolished') throw new Problem(409, 'already_abolished');
  const { agencyId, issues } = await resolveReferences(db, content);
  if (issues.length > 0 || !agencyId) throw new Problem(422, 'validation_failed', {}, undefined, issues);
  const all = await versions(db, id);
  const draft = all.find((v) => v.state === 'draft');
  if (draft) {
    await db.query(
      'UPDATE procedure_version SET content = $2, agency_id = $3, created_by = $4, created_at = $5 WHERE id = $1',
      [draft.id, JSON.stringify(content), agencyId, actor.userId, now],
    );
  } else {
    const next = (all[0]?.version ?? 0) + 1;
    await db.query(
      `INSERT INTO procedure_version (id, procedure_id, agency_id, version, state, content, created_by, created_at)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7)`,
      [randomUUID(), id, agencyId, next, JSON.stringify(content), actor.userId, now],
    );
  }
  // A procedure never published shows its draft's name in the admin list.
  if (procedure.status === 'draft') await syncProcedureRow(db, id, agencyId, content, now);
  await recordAudit(db, {
    actorId: actor.userId,
    agencyId,
    action: 'procedure.save_draft',
    subjectType: 'procedure',
    subjectId: id,
  });
}

export class PublishBlocked extends Error {
  constructor(readonly problems: PublishProblem[]) {
    super('publish blocked');
  }
}

/** Publishes the draft: it takes effect on `effectiveFrom` and supersedes the version before it. */
export async function publishDraft(
  db: Queryable,
  id: string,
  options: { effectiveFrom?: string | undefined },
  actor: Actor,
  now: Date,
): Promise<void> {
  const procedure = await loadProcedure(db, id, true);
  if (procedure.status === 'abolished') throw new Problem(409, 'already_abolished');
  const all = await versions(db, id);
  const draft = all.find((v) => v.state === 'draft');
  if (!draft) throw new Problem(409, 'no_draft');
  const content = procedureContentSchema.parse(draft.content);
  const blocking = publishProblems(content).filter((p) => p.severity === 'error');
  if (blocking.length > 0) throw new PublishBlocked(blocking);
  const { agencyId, issues } = await resolveReferences(db, content);
  if (issues.length > 0 || !agencyId) throw new Problem(422, 'validation_failed', {}, undefined, issues);
  const effectiveFrom = options.effectiveFrom ?? vietnamDate(now);
  const previous = all.find((v) => v.state === 'published');
  if (previous) {
    const dayBefore = new Date(`${effectiveFrom}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await db.query("UPDATE procedure_version SET state = 'superseded', effective_to = $2 WHERE id = $1", [
      previous.id,
      dayBefore.toISOString().slice(0, 10),
    ]);
  }
  await db.query(
    `UPDATE procedure_version SET state = 'published', effective_from = $2, published_at = $3, published_by = $4 WHERE id = $1`,
    [draft.id, effectiveFrom, now, actor.userId],
  );
  await syncProcedureRow(db, id, agencyId, content, now, {
    status: previous || procedure.status === 'amended' ? 'amended' : 'in_force',
    currentVersionId: draft.id,
  });
  await recordAudit(db, {
    actorId: actor.userId,
    agencyId,
    action: 'procedure.publish',
    subjectType: 'procedure',
    subjectId: id,
    detail: { version: draft.version, effectiveFrom },
  });
}

/** Abolishes (bãi bỏ) a procedure: it leaves the public catalogue but keeps its history. */
export async function abolishProcedure(
  db: Queryable,
  id: string,
  options: { effectiveTo?: string | undefined },
  actor: Actor,
  now: Date,
): Promise<void> {
  const procedure = await loadProcedure(db, id, true);
  if (procedure.status === 'abolished') throw new Problem(409, 'already_abolished');
  const effectiveTo = options.effectiveTo ?? vietnamDate(now);
  await db.query(
    "UPDATE procedure_version SET state = 'abolished', effective_to = $2 WHERE procedure_id = $1 AND state = 'published'",
    [id, effectiveTo],
  );
  await db.query("DELETE FROM procedure_version WHERE procedure_id = $1 AND state = 'draft'", [id]);
  await db.query("UPDATE procedure SET status = 'abolished', updated_at = $2 WHERE id = $1", [id, now]);
  await recordAudit(db, {
    actorId: actor.userId,
    agencyId: procedure.agency_id,
    action: 'procedure.abolish',
    subjectType: 'procedure',
    subjectId: id,
    detail: { effectiveTo },
  });
}

export interface ProcedureDetail {
  id: string;
  status: ProcedureStatus;
  agency: { id: string; code: string; name: string };
  published: {
    version: number;
    content: ProcedureContent;
    publishedAt: string | null;
    effectiveFrom: string | null;
  } | null;
  draft: { version: number; content: ProcedureContent; problems: PublishProblem[] } | null;
  versions: VersionSummary[];
}

export async function procedureDetail(db: Queryable, id: string): Promise<ProcedureDetail> {
  const procedure = await loadProcedure(db, id);
  const [agency] = await db.query<{ id: string; code: string; name: string }>(
    'SELECT id, code, name FROM org_unit WHERE id = $1',
    [procedure.agency_id],
  );
  const all = await versions(db, id);
  const published = all.find((v) => v.id === procedure.current_version_id);
  const draft = all.find((v) => v.state === 'draft');
  return {
    id,
    status: procedure.status,
    agency: agency!,
    published: published
      ? {
          version: published.version,
          content: published.content,
          publishedAt: published.published_at ? new Date(published.published_at).toISOString() : null,
          effectiveFrom: published.effective_from,
        }
      : null,
    draft: draft
      ? { version: draft.version, content: draft.content, problems: publishProblems(draft.content) }
      : null,
    versions: all.map((v) => ({
      version: v.version,
      state: v.state,
      effectiveFrom: v.effective_from,
      effectiveTo: v.effective_to,
      publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
    })),
  };
}

/** Finds a procedure of an agency by its code (for imports, which match on code). */
export async function findByCode(db: Queryable, agencyId: string, code: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    'SELECT id FROM procedure WHERE agency_id = $1 AND code = $2',
    [agencyId, code],
  );
  return row?.id ?? null;
}

/** The agency a procedure belongs to, or null when there is no such procedure. */
export async function procedureAgencyId(db: Queryable, procedureId: string): Promise<string | null> {
  const [row] = await db.query<{ agency_id: string }>('SELECT agency_id FROM procedure WHERE id = $1', [
    procedureId,
  ]);
  return row?.agency_id ?? null;
}
