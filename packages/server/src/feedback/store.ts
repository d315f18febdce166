import type { FeedbackState, FeedbackTopic, RatingValue } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the feedback cases (phản ánh, kiến nghị; migration 0030). Every query names its agency. */

/** The agency's next case number of the day; the row lock keeps two receipts from taking one. */
export async function nextSequence(db: Queryable, agencyId: string, day: string): Promise<number> {
  const [row] = await db.query<{ last: number }>(
    `INSERT INTO feedback_sequence (agency_id, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, day) DO UPDATE SET last = feedback_sequence.last + 1 RETURNING last`,
    [agencyId, day],
  );
  return row!.last;
}

export interface NewCase {
  agencyId: string;
  id: string;
  reference: string;
  topic: FeedbackTopic;
  procedureId: string | null;
  dossierId: string | null;
  message: string;
  citizenId: string;
  contactName: string | null;
  contactEmail: string | null;
  receivedAt: Date;
  receivedOn: string;
  dueAt: Date;
}

export async function insertCase(db: Queryable, c: NewCase): Promise<void> {
  await db.query(
    `INSERT INTO feedback_case (agency_id, id, reference, topic, procedure_id, dossier_id, message, citizen_id,
        contact_name, contact_email, state, received_at, received_on, due_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'received', $11, $12, $13, 1)`,
    [
      c.agencyId,
      c.id,
      c.reference,
      c.topic,
      c.procedureId,
      c.dossierId,
      c.message,
      c.citizenId,
      c.contactName,
      c.contactEmail,
      c.receivedAt,
      c.receivedOn,
      c.dueAt,
    ],
  );
}

export interface CaseRecord {
  agencyId: string;
  id: string;
  reference: string;
  topic: FeedbackTopic;
  procedureName: string | null;
  dossierCode: string | null;
  message: string;
  contactName: string | null;
  contactEmail: string | null;
  /** The sender's portal account (cases are sent signed in). */
  citizenId: string | null;
  citizenName: string | null;
  state: FeedbackState;
  receivedAt: Date;
  dueAt: Date;
  unit: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  answer: string | null;
  answeredAt: Date | null;
  answeredOnTime: boolean | null;
  rejectReason: string | null;
  closedAt: Date | null;
  ratingToken: string | null;
  rating: RatingValue | null;
  ratedAt: Date | null;
  publishedAt: Date | null;
  version: number;
}

interface CaseRow {
  agency_id: string;
  id: string;
  reference: string;
  topic: FeedbackTopic;
  procedure_name: string | null;
  dossier_code: string | null;
  message: string;
  contact_name: string | null;
  contact_email: string | null;
  citizen_id: string | null;
  citizen_name: string | null;
  state: FeedbackState;
  received_at: Date;
  due_at: Date;
  unit_id: string | null;
  unit_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  answer: string | null;
  answered_at: Date | null;
  answered_on_time: boolean | null;
  reject_reason: string | null;
  closed_at: Date | null;
  rating_token: string | null;
  rating: RatingValue | null;
  rated_at: Date | null;
  published_at: Date | null;
  version: number;
}

const date = (d: Date | null) => (d ? new Date(d) : null);

const toCase = (r: CaseRow): CaseRecord => ({
  agencyId: r.agency_id,
  id: r.id,
  reference: r.reference,
  topic: r.topic,
  procedureName: r.procedure_name,
  dossierCode: r.dossier_code,
  message: r.message,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  citizenId: r.citizen_id,
  citizenName: r.citizen_name,
  state: r.state,
  receivedAt: new Date(r.received_at),
  dueAt: new Date(r.due_at),
  unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
  answer: r.answer,
  answeredAt: date(r.answered_at),
  answeredOnTime: r.answered_on_time,
  rejectReason: r.reject_reason,
  closedAt: date(r.closed_at),
  ratingToken: r.rating_token,
  rating: r.rating,
  ratedAt: date(r.rated_at),
  publishedAt: date(r.published_at),
  version: r.version,
});

const SELECT = `SELECT f.agency_id, f.id, f.reference, f.topic, p.name AS procedure_name, d.code AS dossier_code, f.message,
    f.contact_name, f.contact_email, f.citizen_id, c.full_name AS citizen_name, f.state, f.received_at, f.due_at,
    f.unit_id, u.name AS unit_name, f.assignee_id, a.full_name AS assignee_name, f.answer, f.answered_at,
    f.answered_on_time, f.reject_reason, f.closed_at, f.rating_token, f.rating, f.rated_at, f.published_at, f.version
  FROM feedback_case f
  LEFT JOIN procedure p ON p.id = f.procedure_id
  LEFT JOIN dossier d ON d.agency_id = f.agency_id AND d.id = f.dossier_id
  LEFT JOIN citizen_account c ON c.id = f.citizen_id
  LEFT JOIN org_unit u ON u.id = f.unit_id
  LEFT JOIN app_user a ON a.id = f.assignee_id`;

/**
 * A case by id. To lock it, the agency is found first (a plain read) and the row is then locked by
 * (agency_id, id): a single-shard statement once feedback_case is distributed (docs/distribution.md).
 */
export async function loadCase(db: Queryable, id: string, lock = false): Promise<CaseRecord | null> {
  if (!lock) {
    const [row] = await db.query<CaseRow>(`${SELECT} WHERE f.id = $1`, [id]);
    return row ? toCase(row) : null;
  }
  const [found] = await db.query<{ agency_id: string }>('SELECT agency_id FROM feedback_case WHERE id = $1', [
    id,
  ]);
  if (!found) return null;
  const [row] = await db.query<CaseRow>(`${SELECT} WHERE f.agency_id = $1 AND f.id = $2 FOR UPDATE OF f`, [
    found.agency_id,
    id,
  ]);
  return row ? toCase(row) : null;
}

export async function listCases(
  db: Queryable,
  agencyIds: readonly string[],
  state: FeedbackState | null,
): Promise<CaseRecord[]> {
  const rows = await db.query<CaseRow>(
    `${SELECT} WHERE f.agency_id = ANY($1::uuid[]) AND ($2::text IS NULL OR f.state = $2)
      ORDER BY (f.state IN ('received', 'assigned')) DESC, f.due_at, f.received_at LIMIT 500`,
    [agencyIds, state],
  );
  return rows.map(toCase);
}

/** A case by its answer-rating token; locked by (agency_id, rating_token) once its agency is known. */
export async function caseByRatingToken(db: Queryable, token: string, lock = false) {
  if (!lock) {
    const [row] = await db.query<CaseRow>(`${SELECT} WHERE f.rating_token = $1`, [token]);
    return row ? toCase(row) : null;
  }
  const [found] = await db.query<{ agency_id: string }>(
    'SELECT agency_id FROM feedback_case WHERE rating_token = $1',
    [token],
  );
  if (!found) return null;
  const [row] = await db.query<CaseRow>(
    `${SELECT} WHERE f.agency_id = $1 AND f.rating_token = $2 FOR UPDATE OF f`,
    [found.agency_id, token],
  );
  return row ? toCase(row) : null;
}

export async function updateCase(
  db: Queryable,
  key: { agencyId: string; id: string; version: number },
  set: Record<string, unknown>,
): Promise<boolean> {
  const columns = Object.keys(set);
  const assignments = columns.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const rows = await db.query(
    `UPDATE feedback_case SET ${assignments}, version = version + 1
      WHERE agency_id = $1 AND id = $2 AND version = $3 RETURNING id`,
    [key.agencyId, key.id, key.version, ...columns.map((c) => set[c])],
  );
  return rows.length > 0;
}

export async function publishedPage(
  db: Queryable,
  q: { terms: readonly string[]; limit: number; offset: number },
) {
  const where = `f.published_at IS NOT NULL${q.terms.map((_, i) => ` AND f.published_search LIKE $${i + 3}`).join('')}`;
  const params = [q.limit, q.offset, ...q.terms.map((t) => `%${t.replace(/[\\%_]/g, '\\$&')}%`)];
  const rows = await db.query<{
    reference: string;
    topic: FeedbackTopic;
    agency_name: string;
    procedure_name: string | null;
    published_question: string;
    published_answer: string;
    received_on: string | Date;
    answered_at: Date;
    published_at: Date;
    total: number;
  }>(
    `SELECT f.reference, f.topic, a.name AS agency_name, p.name AS procedure_name, f.published_question,
            f.published_answer, f.received_on::text AS received_on, f.answered_at, f.published_at,
            count(*) OVER ()::int AS total
       FROM feedback_case f JOIN org_unit a ON a.id = f.agency_id LEFT JOIN procedure p ON p.id = f.procedure_id
      WHERE ${where} ORDER BY f.published_at DESC LIMIT $1 OFFSET $2`,
    params,
  );
  return rows;
}

export interface FeedbackPeriod {
  agencyId: string;
  unitIds: readonly string[] | null;
  from: string;
  to: string;
}

/** Counts of the cases received in the period, by state and timeliness, and the answer ratings. */
export async function caseTallies(db: Queryable, p: FeedbackPeriod, endOfPeriod: Date) {
  const [row] = await db.query<Record<string, number>>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE state = 'received')::int AS received,
            count(*) FILTER (WHERE state = 'assigned')::int AS assigned,
            count(*) FILTER (WHERE state = 'answered')::int AS answered,
            count(*) FILTER (WHERE state = 'closed')::int AS closed,
            count(*) FILTER (WHERE state = 'rejected')::int AS rejected,
            count(*) FILTER (WHERE answered_on_time)::int AS on_time,
            count(*) FILTER (WHERE answered_on_time = false)::int AS late,
            count(*) FILTER (WHERE state IN ('received', 'assigned') AND due_at >= $5)::int AS open_in_time
       FROM feedback_case
      WHERE agency_id = $1 AND received_on BETWEEN $2 AND $3 AND ($4::uuid[] IS NULL OR unit_id = ANY($4::uuid[]))`,
    [p.agencyId, p.from, p.to, p.unitIds, endOfPeriod],
  );
  const ratings = await db.query<{ rating: RatingValue; n: number }>(
    `SELECT rating, count(*)::int AS n FROM feedback_case
      WHERE agency_id = $1 AND rating IS NOT NULL AND (rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2 AND $3
        AND ($4::uuid[] IS NULL OR unit_id = ANY($4::uuid[]))
      GROUP BY rating`,
    [p.agencyId, p.from, p.to, p.unitIds],
  );
  return { counts: row!, ratings };
}

/** The active users holding a role on one of the units (for choosing an assignee). */
export async function officerOnUnits(db: Queryable, userId: string, unitIds: readonly string[]) {
  const [row] = await db.query<{ id: string }>(
    `SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id
      WHERE u.id = $1 AND u.active AND r.unit_id = ANY($2::uuid[]) AND r.role <> 'citizen' LIMIT 1`,
    [userId, unitIds],
  );
  return row !== undefined;
}

/** The agency's units and the active officers granted on each, for the assign form. */
export async function assignable(db: Queryable, agencyId: string) {
  const units = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM org_unit
      WHERE agency_id = $1
      ORDER BY (id = $1) DESC, name`,
    [agencyId],
  );
  const officers = await db.query<{ id: string; name: string; unitId: string }>(
    `SELECT DISTINCT u.id, u.full_name AS name, r.unit_id AS "unitId"
       FROM app_user u JOIN user_role r ON r.user_id = u.id
      WHERE r.agency_id = $1 AND u.active AND r.role IN ('specialist', 'head_of_unit')
      ORDER BY name, "unitId"`,
    [agencyId],
  );
  return { units, officers };
}
