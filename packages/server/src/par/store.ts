import type { ParCriterion, ParStatus } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the PAR Index (migration 0017). */

export interface FrameworkRecord {
  id: string;
  provinceId: string;
  year: number;
  title: string;
  note: string;
  criteria: ParCriterion[];
  importedAt: Date;
}

const FRAMEWORK_COLUMNS = `id, province_id AS "provinceId", year, title, note, criteria, imported_at AS "importedAt"`;

export async function loadFramework(db: Queryable, id: string): Promise<FrameworkRecord | null> {
  const [row] = await db.query<FrameworkRecord>(
    `SELECT ${FRAMEWORK_COLUMNS} FROM par_framework WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

export async function frameworkOf(db: Queryable, provinceId: string, year: number) {
  const [row] = await db.query<FrameworkRecord>(
    `SELECT ${FRAMEWORK_COLUMNS} FROM par_framework WHERE province_id = $1 AND year = $2 FOR UPDATE`,
    [provinceId, year],
  );
  return row ?? null;
}

export async function listFrameworks(db: Queryable, provinceIds: readonly string[]) {
  return db.query<FrameworkRecord>(
    `SELECT ${FRAMEWORK_COLUMNS} FROM par_framework WHERE province_id = ANY($1::uuid[]) ORDER BY year DESC`,
    [provinceIds],
  );
}

export async function saveFramework(
  db: Queryable,
  f: {
    id: string;
    provinceId: string;
    year: number;
    title: string;
    note: string;
    criteria: ParCriterion[];
    max: number;
    by: string | null;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO par_framework (id, province_id, year, title, note, criteria, max_points, imported_by, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (province_id, year) DO UPDATE SET title = $4, note = $5, criteria = $6, max_points = $7,
       imported_by = $8, imported_at = $9`,
    [f.id, f.provinceId, f.year, f.title, f.note, JSON.stringify(f.criteria), f.max, f.by, f.now],
  );
}

export async function frameworkInUse(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.query('SELECT 1 FROM par_assessment WHERE framework_id = $1 LIMIT 1', [id]);
  return Boolean(row);
}

export interface AssessmentRecord {
  id: string;
  frameworkId: string;
  agencyId: string;
  unitId: string | null;
  name: string;
  status: ParStatus;
  systemValues: Record<string, number | null> | null;
  finalTotal: number | null;
  remediationPlanId: string | null;
  version: number;
}

const ASSESSMENT_COLUMNS = `a.id, a.framework_id AS "frameworkId", a.agency_id AS "agencyId", a.unit_id AS "unitId",
  u.name, a.status, a.system_values AS "systemValues", a.final_total::float8 AS "finalTotal",
  a.remediation_plan_id AS "remediationPlanId", a.version`;

export async function loadAssessment(db: Queryable, id: string, lock = false) {
  const [row] = await db.query<AssessmentRecord>(
    `SELECT ${ASSESSMENT_COLUMNS} FROM par_assessment a JOIN org_unit u ON u.id = COALESCE(a.unit_id, a.agency_id)
      WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function listAssessments(
  db: Queryable,
  frameworkId: string,
  agencyIds: readonly string[] | null,
) {
  return db.query<AssessmentRecord>(
    `SELECT ${ASSESSMENT_COLUMNS} FROM par_assessment a JOIN org_unit u ON u.id = COALESCE(a.unit_id, a.agency_id)
      WHERE a.framework_id = $1 AND ($2::uuid[] IS NULL OR a.agency_id = ANY($2::uuid[]))
      ORDER BY a.unit_id IS NOT NULL, u.name`,
    [frameworkId, agencyIds],
  );
}

export async function insertAssessment(
  db: Queryable,
  a: { id: string; frameworkId: string; agencyId: string; unitId: string | null; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO par_assessment (id, framework_id, agency_id, unit_id, status, created_at)
     VALUES ($1, $2, $3, $4, 'draft', $5) ON CONFLICT DO NOTHING RETURNING id`,
    [a.id, a.frameworkId, a.agencyId, a.unitId, a.now],
  );
  return rows.length === 1;
}

export async function setAssessmentState(
  db: Queryable,
  id: string,
  s: {
    status?: ParStatus;
    systemValues?: Record<string, number | null>;
    selfTotal?: number;
    finalTotal?: number;
    remediationPlanId?: string;
    by: string;
    now: Date;
  },
) {
  await db.query(
    `UPDATE par_assessment SET version = version + 1,
       status = COALESCE($2, status),
       system_values = COALESCE($3::jsonb, system_values),
       self_total = COALESCE($4, self_total),
       final_total = COALESCE($5, final_total),
       remediation_plan_id = COALESCE($6, remediation_plan_id),
       submitted_at = CASE WHEN $2 = 'submitted' THEN $8 ELSE submitted_at END,
       submitted_by = CASE WHEN $2 = 'submitted' THEN $7 ELSE submitted_by END,
       appraised_at = CASE WHEN $2 = 'appraised' THEN $8 ELSE appraised_at END,
       appraised_by = CASE WHEN $2 = 'appraised' THEN $7 ELSE appraised_by END
     WHERE id = $1`,
    [
      id,
      s.status ?? null,
      s.systemValues ? JSON.stringify(s.systemValues) : null,
      s.selfTotal ?? null,
      s.finalTotal ?? null,
      s.remediationPlanId ?? null,
      s.by,
      s.now,
    ],
  );
}

export interface ScoreRecord {
  code: string;
  selfPoints: number | null;
  selfNote: string;
  appraisedPoints: number | null;
  appraisalComment: string;
  surveySource: string;
}

export async function listScores(db: Queryable, assessmentId: string) {
  return db.query<ScoreRecord>(
    `SELECT code, self_points::float8 AS "selfPoints", self_note AS "selfNote",
            appraised_points::float8 AS "appraisedPoints", appraisal_comment AS "appraisalComment",
            survey_source AS "surveySource"
       FROM par_score WHERE assessment_id = $1`,
    [assessmentId],
  );
}

export async function saveSelfScore(
  db: Queryable,
  s: { assessmentId: string; agencyId: string; code: string; points: number; note: string; now: Date },
) {
  await db.query(
    `INSERT INTO par_score (assessment_id, agency_id, code, self_points, self_note, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (assessment_id, code) DO UPDATE SET self_points = $4, self_note = $5, updated_at = $6`,
    [s.assessmentId, s.agencyId, s.code, s.points, s.note, s.now],
  );
}

export async function saveAppraisal(
  db: Queryable,
  s: {
    assessmentId: string;
    agencyId: string;
    code: string;
    points: number | null;
    comment: string;
    source: string;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO par_score (assessment_id, agency_id, code, appraised_points, appraisal_comment, survey_source, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (assessment_id, code) DO UPDATE SET appraised_points = $4, appraisal_comment = $5,
       survey_source = $6, updated_at = $7`,
    [s.assessmentId, s.agencyId, s.code, s.points, s.comment, s.source, s.now],
  );
}

export interface EvidenceRecord {
  id: string;
  code: string;
  filename: string;
  sha256: string;
  addedAt: Date;
}

export async function listEvidence(db: Queryable, assessmentId: string) {
  return db.query<EvidenceRecord>(
    `SELECT id, code, filename, sha256, added_at AS "addedAt" FROM par_evidence
      WHERE assessment_id = $1 ORDER BY added_at, id`,
    [assessmentId],
  );
}

export async function insertEvidence(
  db: Queryable,
  e: {
    id: string;
    agencyId: string;
    assessmentId: string;
    code: string;
    sha256: string;
    filename: string;
    by: string;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO par_evidence (id, agency_id, assessment_id, code, sha256, filename, added_by, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.id, e.agencyId, e.assessmentId, e.code, e.sha256, e.filename, e.by, e.now],
  );
}

export async function listRemediation(db: Queryable, assessmentId: string) {
  return db.query<{ code: string; taskId: string }>(
    'SELECT code, task_id AS "taskId" FROM par_remediation WHERE assessment_id = $1',
    [assessmentId],
  );
}

export async function insertRemediation(
  db: Queryable,
  r: { assessmentId: string; agencyId: string; code: string; taskId: string },
) {
  await db.query(
    'INSERT INTO par_remediation (assessment_id, agency_id, code, task_id) VALUES ($1, $2, $3, $4)',
    [r.assessmentId, r.agencyId, r.code, r.taskId],
  );
}

/** The province an agency belongs to (its nearest ancestor of kind province). */
export async function provinceOf(db: Queryable, unitId: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, kind, 0 AS depth FROM org_unit WHERE id = $1
       UNION ALL SELECT o.id, o.parent_id, o.kind, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id)
     SELECT id FROM up WHERE kind = 'province' ORDER BY depth LIMIT 1`,
    [unitId],
  );
  return row?.id ?? null;
}

/** The media type the file store recorded for an evidence file at upload. */
export async function evidenceMediaType(db: Queryable, sha256: string): Promise<string | null> {
  const [file] = await db.query<{ media_type: string }>(
    'SELECT media_type FROM stored_file WHERE sha256 = $1',
    [sha256],
  );
  return file?.media_type ?? null;
}
