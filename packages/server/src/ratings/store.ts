import type { RatingChannel, RatingReason, RatingValue } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the service ratings (migration 0030). Every query names its agency. */

export interface NewRating {
  agencyId: string;
  id: string;
  dossierId: string;
  unitId: string;
  value: RatingValue;
  reasons: readonly RatingReason[];
  comment: string | null;
  channel: RatingChannel;
  ratedAt: Date;
  ratedOn: string;
  followUp: boolean;
}

/** Inserts the dossier's one rating; false when it already has one (a double submit counts once). */
export async function insertRating(db: Queryable, r: NewRating): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO dossier_rating (agency_id, id, dossier_id, unit_id, value, reasons, comment, channel, rated_at, rated_on, follow_up_open)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (agency_id, dossier_id) DO NOTHING RETURNING id`,
    [
      r.agencyId,
      r.id,
      r.dossierId,
      r.unitId,
      r.value,
      r.reasons,
      r.comment,
      r.channel,
      r.ratedAt,
      r.ratedOn,
      r.followUp,
    ],
  );
  return rows.length > 0;
}

export async function ratedAt(db: Queryable, agencyId: string, dossierId: string): Promise<string | null> {
  const [row] = await db.query<{ rated_at: Date }>(
    'SELECT rated_at FROM dossier_rating WHERE agency_id = $1 AND dossier_id = $2',
    [agencyId, dossierId],
  );
  return row ? new Date(row.rated_at).toISOString() : null;
}

/** The dossier's rating, given once from any channel, or null. */
export async function ratingOf(
  db: Queryable,
  agencyId: string,
  dossierId: string,
): Promise<{ value: RatingValue; ratedAt: string } | null> {
  const [row] = await db.query<{ value: RatingValue; rated_at: Date }>(
    'SELECT value, rated_at FROM dossier_rating WHERE agency_id = $1 AND dossier_id = $2',
    [agencyId, dossierId],
  );
  return row ? { value: row.value, ratedAt: new Date(row.rated_at).toISOString() } : null;
}

/** What a rating page shows of a dossier: its code and procedure, the agency and unit by name. */
export async function ratingDossier(db: Queryable, dossierId: string) {
  const [row] = await db.query<{
    id: string;
    agency_id: string;
    code: string | null;
    receiving_unit_id: string;
    procedure_name: string;
    agency_name: string;
    unit_name: string;
    returned_at: string | null;
    applicant_id: string | null;
    applicant_citizen_id: string | null;
  }>(
    `SELECT d.id, d.agency_id, d.code, d.receiving_unit_id, p.name AS procedure_name, a.name AS agency_name,
            u.name AS unit_name, d.snapshot->>'returnedAt' AS returned_at, d.snapshot->>'applicantId' AS applicant_id,
            d.applicant_citizen_id
       FROM dossier d JOIN procedure p ON p.id = d.procedure_id
       JOIN org_unit a ON a.id = d.agency_id JOIN org_unit u ON u.id = d.receiving_unit_id
      WHERE d.id = $1`,
    [dossierId],
  );
  return row
    ? {
        id: row.id,
        agencyId: row.agency_id,
        code: row.code ?? '',
        receivingUnitId: row.receiving_unit_id,
        procedureName: row.procedure_name,
        agencyName: row.agency_name,
        unitName: row.unit_name,
        returned: row.returned_at !== null,
        applicantId: row.applicant_id,
        applicantCitizenId: row.applicant_citizen_id,
      }
    : null;
}

/** The active heads of unit (trưởng phòng) granted on the unit or a unit above it. */
export async function headsOfUnit(db: Queryable, unitChain: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ user_id: string }>(
    `SELECT DISTINCT r.user_id FROM user_role r JOIN app_user u ON u.id = r.user_id
      WHERE r.role = 'head_of_unit' AND r.unit_id = ANY($1::uuid[]) AND u.active ORDER BY r.user_id`,
    [unitChain],
  );
  return rows.map((r) => r.user_id);
}

interface FollowUpRow {
  id: string;
  dossier_id: string;
  code: string | null;
  procedure_name: string;
  unit_name: string;
  value: RatingValue;
  reasons: RatingReason[];
  comment: string | null;
  channel: RatingChannel;
  rated_at: Date;
  follow_up_closed_at: Date | null;
  follow_up_note: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The not-satisfied ratings of the given units (open first, newest first). */
export async function listFollowUps(db: Queryable, agencyIds: readonly string[], unitIds: readonly string[]) {
  const rows = await db.query<FollowUpRow>(
    `SELECT r.id, r.dossier_id, d.code, p.name AS procedure_name, u.name AS unit_name, r.value, r.reasons,
            r.comment, r.channel, r.rated_at, r.follow_up_closed_at, r.follow_up_note
       FROM dossier_rating r JOIN dossier d ON d.agency_id = r.agency_id AND d.id = r.dossier_id
       JOIN procedure p ON p.id = d.procedure_id JOIN org_unit u ON u.id = r.unit_id
      WHERE r.agency_id = ANY($1::uuid[]) AND r.unit_id = ANY($2::uuid[]) AND r.value = 'not_satisfied'
      ORDER BY r.follow_up_open DESC, r.rated_at DESC LIMIT 200`,
    [agencyIds, unitIds],
  );
  return rows.map((r) => ({
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.code ?? '',
    procedureName: r.procedure_name,
    unitName: r.unit_name,
    value: r.value,
    reasons: r.reasons,
    comment: r.comment,
    channel: r.channel,
    ratedAt: new Date(r.rated_at).toISOString(),
    closedAt: iso(r.follow_up_closed_at),
    closeNote: r.follow_up_note,
  }));
}

/** A rating's follow-up; to lock it, the agency is read first and the row locked by (agency_id, id). */
export async function followUpOf(db: Queryable, id: string, lock = false) {
  let agencyId: string | null = null;
  if (lock) {
    const [found] = await db.query<{ agency_id: string }>(
      'SELECT agency_id FROM dossier_rating WHERE id = $1',
      [id],
    );
    if (!found) return null;
    agencyId = found.agency_id;
  }
  const [row] = await db.query<{
    agency_id: string;
    unit_id: string;
    follow_up_open: boolean;
    value: RatingValue;
  }>(
    agencyId
      ? 'SELECT agency_id, unit_id, follow_up_open, value FROM dossier_rating WHERE agency_id = $2 AND id = $1 FOR UPDATE'
      : 'SELECT agency_id, unit_id, follow_up_open, value FROM dossier_rating WHERE id = $1',
    agencyId ? [id, agencyId] : [id],
  );
  return row
    ? { agencyId: row.agency_id, unitId: row.unit_id, open: row.follow_up_open, value: row.value }
    : null;
}

export async function closeFollowUp(
  db: Queryable,
  c: { agencyId: string; id: string; userId: string; note: string; now: Date },
) {
  await db.query(
    `UPDATE dossier_rating SET follow_up_open = false, follow_up_closed_at = $3, follow_up_closed_by = $4, follow_up_note = $5
      WHERE agency_id = $1 AND id = $2`,
    [c.agencyId, c.id, c.now, c.userId, c.note],
  );
}

export interface RatingPeriod {
  agencyId: string;
  unitIds: readonly string[] | null;
  from: string;
  to: string;
}

export async function ratingTallies(db: Queryable, p: RatingPeriod) {
  const rows = await db.query<{ value: RatingValue; n: number }>(
    `SELECT value, count(*)::int AS n FROM dossier_rating
      WHERE agency_id = $1 AND rated_on BETWEEN $2 AND $3 AND ($4::uuid[] IS NULL OR unit_id = ANY($4::uuid[]))
      GROUP BY value`,
    [p.agencyId, p.from, p.to, p.unitIds],
  );
  const reasons = await db.query<{ code: RatingReason; n: number }>(
    `SELECT reason AS code, count(*)::int AS n FROM dossier_rating, unnest(reasons) AS reason
      WHERE agency_id = $1 AND rated_on BETWEEN $2 AND $3 AND ($4::uuid[] IS NULL OR unit_id = ANY($4::uuid[]))
      GROUP BY reason ORDER BY n DESC, reason`,
    [p.agencyId, p.from, p.to, p.unitIds],
  );
  const [open] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM dossier_rating
      WHERE agency_id = $1 AND follow_up_open AND ($2::uuid[] IS NULL OR unit_id = ANY($2::uuid[]))`,
    [p.agencyId, p.unitIds],
  );
  return { byValue: rows, byReason: reasons, openFollowUps: open?.n ?? 0 };
}

/**
 * Dossiers with a complaint or a negative rating in the period (Decision 766, 5.4): rated "not
 * satisfied", or named in a feedback case received then (cases rejected as out of scope left out).
 */
export async function negativeDossierCount(db: Queryable, p: RatingPeriod): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT dossier_id)::int AS n FROM (
       SELECT dossier_id FROM dossier_rating
        WHERE agency_id = $1 AND value = 'not_satisfied' AND rated_on BETWEEN $2 AND $3
          AND ($4::uuid[] IS NULL OR unit_id = ANY($4::uuid[]))
       UNION
       SELECT f.dossier_id FROM feedback_case f JOIN dossier d ON d.agency_id = f.agency_id AND d.id = f.dossier_id
        WHERE f.agency_id = $1 AND f.dossier_id IS NOT NULL AND f.state <> 'rejected' AND f.received_on BETWEEN $2 AND $3
          AND ($4::uuid[] IS NULL OR d.receiving_unit_id = ANY($4::uuid[]))
     ) negative`,
    [p.agencyId, p.from, p.to, p.unitIds],
  );
  return row?.n ?? 0;
}
