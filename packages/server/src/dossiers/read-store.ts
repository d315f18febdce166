import type { ProcedureContent, Role } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/**
 * Reads of the organisation and the catalogue that the dossier use cases and pages need, kept here
 * so that route handlers and use cases hold no SQL.
 */

export async function unitCode(db: Queryable, unitId: string): Promise<string | null> {
  const [row] = await db.query<{ code: string }>('SELECT code FROM org_unit WHERE id = $1', [unitId]);
  return row?.code ?? null;
}

export async function unitIdByCode(db: Queryable, code: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM org_unit WHERE code = $1', [code]);
  return row?.id ?? null;
}

/** Active staff holding one of the roles on one of the units, by name. */
export function staffWithRoles(
  db: Queryable,
  roles: readonly string[],
  unitIds: readonly string[],
): Promise<{ id: string; fullName: string; role: Role }[]> {
  return db.query<{ id: string; fullName: string; role: Role }>(
    `SELECT DISTINCT u.id, u.full_name AS "fullName", r.role FROM app_user u JOIN user_role r ON r.user_id = u.id
      WHERE u.active AND r.role = ANY($1::text[]) AND r.unit_id = ANY($2::uuid[]) ORDER BY u.full_name`,
    [roles, unitIds],
  );
}

/** The version in force of a procedure that takes dossiers, with what the dossier copies of it. */
export async function procedureInForce(
  db: Queryable,
  procedureId: string,
): Promise<{
  id: string;
  versionId: string;
  agencyId: string;
  fieldCode: string;
  content: ProcedureContent;
} | null> {
  const [row] = await db.query<{
    id: string;
    current_version_id: string;
    agency_id: string;
    field_code: string;
    content: ProcedureContent;
  }>(
    `SELECT p.id, p.current_version_id, p.agency_id, p.field_code, v.content
       FROM procedure p JOIN procedure_version v ON v.id = p.current_version_id
      WHERE p.id = $1 AND p.status IN ('in_force', 'amended')`,
    [procedureId],
  );
  if (!row) return null;
  return {
    id: row.id,
    versionId: row.current_version_id,
    agencyId: row.agency_id,
    fieldCode: row.field_code,
    content: row.content,
  };
}
