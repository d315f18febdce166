import type { QuestionnaireContent, SurveyChannel, SurveyElement } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the satisfaction surveys (migration 0018). */

export interface QuestionnaireRecord {
  id: string;
  agencyId: string;
  version: number;
  status: 'draft' | 'published';
  content: QuestionnaireContent;
  createdAt: string;
  publishedAt: string | null;
  responses: number;
}

interface QuestionnaireRow {
  id: string;
  agency_id: string;
  version: number;
  status: 'draft' | 'published';
  content: QuestionnaireContent;
  created_at: Date;
  published_at: Date | null;
  responses: number;
}

const toQuestionnaire = (r: QuestionnaireRow): QuestionnaireRecord => ({
  id: r.id,
  agencyId: r.agency_id,
  version: r.version,
  status: r.status,
  content: r.content,
  createdAt: new Date(r.created_at).toISOString(),
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
  responses: Number(r.responses),
});

const QUESTIONNAIRE_COLUMNS = `q.id, q.agency_id, q.version, q.status, q.content, q.created_at, q.published_at,
  (SELECT count(*)::int FROM survey_response r WHERE r.agency_id = q.agency_id AND r.questionnaire_id = q.id) AS responses`;

export async function listQuestionnaires(db: Queryable, agencyId: string): Promise<QuestionnaireRecord[]> {
  const rows = await db.query<QuestionnaireRow>(
    `SELECT ${QUESTIONNAIRE_COLUMNS} FROM survey_questionnaire q WHERE q.agency_id = $1 ORDER BY q.version DESC`,
    [agencyId],
  );
  return rows.map(toQuestionnaire);
}

export async function loadQuestionnaire(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<QuestionnaireRecord | null> {
  const [row] = await db.query<QuestionnaireRow>(
    `SELECT ${QUESTIONNAIRE_COLUMNS} FROM survey_questionnaire q WHERE q.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? toQuestionnaire(row) : null;
}

/** The version answered now: the agency's latest published one. */
export async function currentQuestionnaire(
  db: Queryable,
  agencyId: string,
): Promise<QuestionnaireRecord | null> {
  const [row] = await db.query<QuestionnaireRow>(
    `SELECT ${QUESTIONNAIRE_COLUMNS} FROM survey_questionnaire q
      WHERE q.agency_id = $1 AND q.status = 'published' ORDER BY q.version DESC LIMIT 1`,
    [agencyId],
  );
  return row ? toQuestionnaire(row) : null;
}

export async function insertDraft(
  db: Queryable,
  d: { id: string; agencyId: string; content: QuestionnaireContent; userId: string | null; now: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO survey_questionnaire (id, agency_id, version, status, content, created_by, created_at, updated_at)
     VALUES ($1, $2, (SELECT COALESCE(max(version), 0) + 1 FROM survey_questionnaire WHERE agency_id = $2), 'draft', $3, $4, $5, $5)`,
    [d.id, d.agencyId, JSON.stringify(d.content), d.userId, d.now],
  );
}

export async function updateDraft(db: Queryable, id: string, content: QuestionnaireContent, now: Date) {
  await db.query(
    `UPDATE survey_questionnaire SET content = $2, updated_at = $3 WHERE id = $1 AND status = 'draft'`,
    [id, JSON.stringify(content), now],
  );
}

export async function markPublished(db: Queryable, id: string, now: Date) {
  await db.query(
    `UPDATE survey_questionnaire SET status = 'published', published_at = $2, updated_at = $2 WHERE id = $1`,
    [id, now],
  );
}

// ---- Kiosks and links ----

export async function insertKiosk(
  db: Queryable,
  k: {
    id: string;
    agencyId: string;
    unitId: string;
    tokenSha256: string;
    userId: string;
    now: Date;
    expiresAt: Date;
  },
) {
  await db.query(
    `INSERT INTO survey_kiosk (id, agency_id, unit_id, token_sha256, opened_by, opened_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [k.id, k.agencyId, k.unitId, k.tokenSha256, k.userId, k.now, k.expiresAt],
  );
}

export interface KioskRecord {
  id: string;
  agencyId: string;
  unitId: string;
  expiresAt: Date;
}

export async function findKiosk(db: Queryable, tokenSha256: string): Promise<KioskRecord | null> {
  const [row] = await db.query<{ id: string; agency_id: string; unit_id: string; expires_at: Date }>(
    'SELECT id, agency_id, unit_id, expires_at FROM survey_kiosk WHERE token_sha256 = $1',
    [tokenSha256],
  );
  return row
    ? { id: row.id, agencyId: row.agency_id, unitId: row.unit_id, expiresAt: new Date(row.expires_at) }
    : null;
}

export async function insertLink(
  db: Queryable,
  l: { dossierId: string; agencyId: string; unitId: string; token: string; now: Date },
): Promise<void> {
  const made = await db.query(
    `INSERT INTO survey_link (dossier_id, agency_id, unit_id, token, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id, dossier_id) DO NOTHING RETURNING token`,
    [l.dossierId, l.agencyId, l.unitId, l.token, l.now],
  );
  // The public page has only the token: the directory finds the dossier and its agency from it.
  if (made.length > 0)
    await db.query('UPDATE dossier_directory SET survey_token = $2 WHERE id = $1', [l.dossierId, l.token]);
}

export interface LinkRecord {
  dossierId: string;
  dossierCode: string | null;
  agencyId: string;
  unitId: string;
  token: string;
  responseId: string | null;
  answeredAt: string | null;
}

export async function findLink(
  db: Queryable,
  by: { token: string } | { agencyId: string; dossierId: string },
  forUpdate = false,
): Promise<LinkRecord | null> {
  let key = by;
  if ('token' in by) {
    const [entry] = await db.query<{ agency_id: string; id: string }>(
      'SELECT agency_id, id FROM dossier_directory WHERE survey_token = $1',
      [by.token],
    );
    if (!entry) return null;
    key = { agencyId: entry.agency_id, dossierId: entry.id };
  }
  const { agencyId, dossierId } = key as { agencyId: string; dossierId: string };
  const [row] = await db.query<{
    dossier_id: string;
    code: string | null;
    agency_id: string;
    unit_id: string;
    token: string;
    response_id: string | null;
    answered_at: Date | null;
  }>(
    `SELECT l.dossier_id, d.code, l.agency_id, l.unit_id, l.token, l.response_id, r.created_at AS answered_at
       FROM survey_link l JOIN dossier d ON d.agency_id = l.agency_id AND d.id = l.dossier_id
       LEFT JOIN survey_response r ON r.agency_id = l.agency_id AND r.id = l.response_id
      WHERE l.agency_id = $1 AND l.dossier_id = $2${forUpdate ? ' FOR UPDATE OF l' : ''}`,
    [agencyId, dossierId],
  );
  return row
    ? {
        dossierId: row.dossier_id,
        dossierCode: row.code,
        agencyId: row.agency_id,
        unitId: row.unit_id,
        token: row.token,
        responseId: row.response_id,
        answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
      }
    : null;
}

export async function markLinkAnswered(
  db: Queryable,
  agencyId: string,
  dossierId: string,
  responseId: string,
) {
  await db.query('UPDATE survey_link SET response_id = $3 WHERE agency_id = $1 AND dossier_id = $2', [
    agencyId,
    dossierId,
    responseId,
  ]);
}

// ---- Responses ----

export interface NewResponse {
  id: string;
  agencyId: string;
  unitId: string;
  questionnaireId: string;
  channel: SurveyChannel;
  dossierId: string | null;
  kioskId: string | null;
  paperSerial: string | null;
  answeredOn: string;
  answers: Record<string, number>;
  enteredBy: string | null;
  scores: { questionId: string; element: SurveyElement; score: number }[];
  now: Date;
}

export async function insertResponse(db: Queryable, r: NewResponse): Promise<void> {
  await db.query(
    `INSERT INTO survey_response (id, agency_id, unit_id, questionnaire_id, channel, dossier_id, kiosk_id,
       paper_serial, answered_on, answers, entered_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      r.id,
      r.agencyId,
      r.unitId,
      r.questionnaireId,
      r.channel,
      r.dossierId,
      r.kioskId,
      r.paperSerial,
      r.answeredOn,
      JSON.stringify(r.answers),
      r.enteredBy,
      r.now,
    ],
  );
  for (const s of r.scores)
    await db.query(
      `INSERT INTO survey_score (response_id, question_id, agency_id, unit_id, answered_on, element, score)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, s.questionId, r.agencyId, r.unitId, r.answeredOn, s.element, s.score],
    );
}

export async function paperSerialTaken(db: Queryable, agencyId: string, serial: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM survey_response WHERE agency_id = $1 AND paper_serial = $2', [
    agencyId,
    serial,
  ]);
  return rows.length > 0;
}

// ---- Results ----

export interface Period {
  agencyId: string;
  unitId: string | null;
  from: string;
  to: string;
}

const unitFilter = (p: Period, column: string, index: number) =>
  p.unitId ? ` AND ${column} = $${index}` : '';
const periodParams = (p: Period) =>
  p.unitId ? [p.agencyId, p.from, p.to, p.unitId] : [p.agencyId, p.from, p.to];

/** Scored answers of the period by element (and month, for the targets' trend). */
export async function scoreTallies(db: Queryable, p: Period) {
  const rows = await db.query<{
    month: number;
    element: SurveyElement;
    answers: number;
    satisfied: number;
    sum: number;
  }>(
    `SELECT extract(month FROM answered_on)::int AS month, element, count(*)::int AS answers,
            count(*) FILTER (WHERE score >= 4)::int AS satisfied, sum(score)::int AS sum
       FROM survey_score WHERE agency_id = $1 AND answered_on BETWEEN $2 AND $3${unitFilter(p, 'unit_id', 4)}
      GROUP BY 1, 2`,
    periodParams(p),
  );
  return rows.map((r) => ({
    month: r.month,
    element: r.element,
    answers: Number(r.answers),
    satisfied: Number(r.satisfied),
    scoreSum: Number(r.sum),
  }));
}

/** Responses of the period by channel and month. */
export async function responseCounts(db: Queryable, p: Period) {
  const rows = await db.query<{ month: number; channel: SurveyChannel; n: number }>(
    `SELECT extract(month FROM answered_on)::int AS month, channel, count(*)::int AS n
       FROM survey_response WHERE agency_id = $1 AND answered_on BETWEEN $2 AND $3${unitFilter(p, 'unit_id', 4)}
      GROUP BY 1, 2`,
    periodParams(p),
  );
  return rows.map((r) => ({ month: r.month, channel: r.channel, n: Number(r.n) }));
}

/** Dossiers returned in the period (the statistics counters' `returned` metric): the N of the sample. */
export async function returnedCount(db: Queryable, p: Period): Promise<number> {
  const [row] = await db.query<{ n: number | null }>(
    `SELECT sum(n)::int AS n FROM dossier_counter
      WHERE agency_id = $1 AND metric = 'returned' AND day BETWEEN $2 AND $3${unitFilter(p, 'unit_id', 4)}`,
    periodParams(p),
  );
  return Number(row?.n ?? 0);
}

/** The units of the agency that may collect answers (for the results filter and the forms). */
export async function unitsOf(db: Queryable, agencyId: string) {
  return db.query<{ id: string; name: string }>(
    `SELECT id, name FROM org_unit WHERE agency_id = $1 AND effective_to IS NULL ORDER BY kind = 'agency' DESC, name`,
    [agencyId],
  );
}

export async function unitNames(db: Queryable, unitId: string) {
  const [row] = await db.query<{ unit: string; agency: string; agency_id: string | null }>(
    `SELECT u.name AS unit, a.name AS agency, u.agency_id FROM org_unit u LEFT JOIN org_unit a ON a.id = u.agency_id WHERE u.id = $1`,
    [unitId],
  );
  return row ? { unitName: row.unit, agencyName: row.agency, agencyId: row.agency_id } : null;
}
