import { randomUUID } from 'node:crypto';
import { isActiveOn, mayContain, type UnitKind } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { vietnamDate } from '../time.ts';

export interface Unit {
  id: string;
  parentId: string | null;
  agencyId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  shortName: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  successorId: string | null;
}

interface UnitRow {
  id: string;
  parent_id: string | null;
  agency_id: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  short_name: string | null;
  effective_from: string;
  effective_to: string | null;
  successor_id: string | null;
}

const COLUMNS =
  'id, parent_id, agency_id, kind, code, name, short_name, effective_from, effective_to, successor_id';

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  parentId: r.parent_id,
  agencyId: r.agency_id,
  kind: r.kind,
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  successorId: r.successor_id,
});

export async function listUnits(db: Queryable, ids?: ReadonlySet<string>): Promise<Unit[]> {
  const rows = await db.query<UnitRow>(
    `SELECT ${COLUMNS} FROM org_unit ORDER BY effective_to NULLS FIRST, name`,
  );
  return rows.map(toUnit).filter((u) => !ids || ids.has(u.id));
}

export async function getUnit(db: Queryable, id: string): Promise<Unit | null> {
  const [row] = await db.query<UnitRow>(`SELECT ${COLUMNS} FROM org_unit WHERE id = $1`, [id]);
  return row ? toUnit(row) : null;
}

export async function getUnitByCode(db: Queryable, code: string): Promise<Unit | null> {
  const [row] = await db.query<UnitRow>(`SELECT ${COLUMNS} FROM org_unit WHERE code = $1`, [code]);
  return row ? toUnit(row) : null;
}

export interface NewUnit {
  parentId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  shortName?: string | undefined;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
  successorId?: string | null | undefined;
}

export async function createUnit(db: Queryable, input: NewUnit): Promise<Unit> {
  const parent = input.parentId ? await getUnit(db, input.parentId) : null;
  if (input.parentId && !parent) throw fieldProblem(fieldIssue('parentId', 'unit_parent_missing'));
  if (!mayContain(parent?.kind ?? null, input.kind)) throw new Problem(422, 'unit_kind_invalid');
  if (await getUnitByCode(db, input.code)) throw new Problem(409, 'duplicate_code', { code: input.code });
  const id = randomUUID();
  // An agency is its own agency; any other unit belongs to its parent's agency.
  const agencyId = input.kind === 'agency' ? id : (parent?.agencyId ?? null);
  await db.query(
    `INSERT INTO org_unit (id, parent_id, agency_id, kind, code, name, short_name, effective_from, effective_to, successor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      input.parentId,
      agencyId,
      input.kind,
      input.code,
      input.name,
      input.shortName ?? null,
      input.effectiveFrom,
      input.effectiveTo ?? null,
      input.successorId ?? null,
    ],
  );
  return (await getUnit(db, id))!;
}

export interface UnitChanges {
  name?: string | undefined;
  shortName?: string | null | undefined;
  code?: string | undefined;
  effectiveTo?: string | null | undefined;
  successorId?: string | null | undefined;
}

/**
 * Renames, recodes or closes a unit. Closing (effectiveTo) with a successor records the
 * reorganisation; dossiers and history keep pointing at the old unit and its old name.
 */
export async function updateUnit(db: Queryable, id: string, changes: UnitChanges, now: Date): Promise<Unit> {
  const unit = await getUnit(db, id);
  if (!unit) throw new Problem(404, 'unit_not_found');
  const next = { ...unit };
  if (changes.name !== undefined) next.name = changes.name;
  if (changes.shortName !== undefined) next.shortName = changes.shortName;
  if (changes.code !== undefined && changes.code !== unit.code) {
    if (await getUnitByCode(db, changes.code))
      throw new Problem(409, 'duplicate_code', { code: changes.code });
    next.code = changes.code;
  }
  if (changes.effectiveTo !== undefined) next.effectiveTo = changes.effectiveTo;
  if (next.effectiveTo !== null && next.effectiveTo < next.effectiveFrom) {
    throw fieldProblem(fieldIssue('effectiveTo', 'effective_range'));
  }
  if (changes.successorId !== undefined) {
    if (changes.successorId !== null) {
      const successor = await getUnit(db, changes.successorId);
      const from = next.effectiveTo ?? vietnamDate(now);
      if (
        !successor ||
        successor.id === id ||
        (successor.effectiveTo !== null && successor.effectiveTo < from)
      ) {
        throw new Problem(422, 'successor_invalid');
      }
    }
    next.successorId = changes.successorId;
  }
  await db.query(
    `UPDATE org_unit SET name = $2, short_name = $3, code = $4, effective_to = $5, successor_id = $6, updated_at = $7
      WHERE id = $1`,
    [id, next.name, next.shortName, next.code, next.effectiveTo, next.successorId, now],
  );
  return next;
}

export function unitIsActive(unit: Unit, now: Date): boolean {
  return isActiveOn(unit, vietnamDate(now));
}

/** Whether the unit exists and is an agency (cơ quan). */
export async function isAgency(db: Queryable, unitId: string): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM org_unit WHERE id = $1 AND kind = 'agency'", [unitId]);
  return rows.length > 0;
}

/** The agencies among the given units. */
export async function agenciesAmong(db: Queryable, unitIds: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM org_unit WHERE kind = 'agency' AND id = ANY($1::uuid[])",
    [unitIds],
  );
  return rows.map((r) => r.id);
}

/** The agency with this code, if there is one. */
export async function agencyIdByCode(db: Queryable, code: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    "SELECT id FROM org_unit WHERE code = $1 AND kind = 'agency'",
    [code],
  );
  return row?.id ?? null;
}

/** The top-level units (no parent): all of them, or those among the given units. */
export async function topLevelUnits(db: Queryable, among?: readonly string[]): Promise<string[]> {
  const rows = among
    ? await db.query<{ id: string }>(
        'SELECT id FROM org_unit WHERE parent_id IS NULL AND id = ANY($1::uuid[])',
        [among],
      )
    : await db.query<{ id: string }>('SELECT id FROM org_unit WHERE parent_id IS NULL');
  return rows.map((r) => r.id);
}
