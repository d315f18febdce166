import type { Queryable } from '../db/database.ts';
import type { RegisterRow } from '../documents/model.ts';
import type { Applicant } from './applicant.ts';
import { queueAgencies } from './list.ts';

/** The register's rows (form 07): dossiers received in a period at the units in scope, in order of receipt. */
export async function registerEntries(
  db: Queryable,
  q: { from: string; to: string; scope: string[]; unit: string | null; limit: number },
) {
  return db.query<{
    agency_id: string;
    code: string;
    number: number;
    applicant: Applicant;
    procedure_name: string;
    lead_unit: string;
    received_at: Date;
    due_at: Date;
    snapshot: { returnedAt: string | null; returnChannel: RegisterRow['returnMethod'] | null };
  }>(
    // The number is the entry's in its unit's book for the year, as printed on the receipt (form 01).
    `SELECT d.agency_id, d.code, d.applicant,
            (SELECT count(*)::int FROM dossier o
              WHERE o.agency_id IN (SELECT agency_id FROM dossier_directory WHERE receiving_unit_id = d.receiving_unit_id)
                AND o.receiving_unit_id = d.receiving_unit_id AND o.code IS NOT NULL AND o.received_at IS NOT NULL
                AND date_trunc('year', o.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                  = date_trunc('year', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                AND (o.received_at, o.code) <= (d.received_at, d.code)) AS number, v.content->>'name' AS procedure_name, a.name AS lead_unit, d.received_at, d.due_at, d.snapshot
       FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id JOIN org_unit a ON a.id = d.agency_id
      WHERE d.agency_id = ANY($6::uuid[]) AND d.code IS NOT NULL AND d.received_at IS NOT NULL
        AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1::date AND $2::date
        AND d.receiving_unit_id = ANY($3::uuid[]) AND ($4::uuid IS NULL OR d.receiving_unit_id = $4)
      ORDER BY d.received_at LIMIT $5`,
    [q.from, q.to, q.scope, q.unit, q.limit, await queueAgencies(db, q.scope)],
  );
}

/** A unit's name and the name of the unit above it (the heading of a form). */
export async function unitAndParentNames(
  db: Queryable,
  unitId: string | null,
): Promise<{ name: string; parent: string | null } | null> {
  if (!unitId) return null;
  const [row] = await db.query<{ name: string; parent: string | null }>(
    `SELECT u.name, p.name AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.id = $1`,
    [unitId],
  );
  return row ?? null;
}
