import type { Queryable } from '../db/database.ts';

/** SQL of inspections (kiểm tra CCHC) and their findings. */

export interface InspectionRecord {
  id: string;
  agencyId: string;
  planId: string;
  unitId: string;
  unitName: string;
  plannedOn: string;
  doneOn: string | null;
  conclusion: string;
  version: number;
}

export interface FindingRecord {
  id: string;
  inspectionId: string;
  text: string;
  remedyTaskId: string | null;
}

const SELECT = `SELECT i.id, i.agency_id, i.plan_id, i.unit_id, o.name AS unit_name, i.planned_on, i.done_on, i.conclusion, i.version
  FROM reform_inspection i JOIN org_unit o ON o.id = i.unit_id`;

const toInspection = (r: Record<string, unknown>): InspectionRecord => ({
  id: r.id as string,
  agencyId: r.agency_id as string,
  planId: r.plan_id as string,
  unitId: r.unit_id as string,
  unitName: r.unit_name as string,
  plannedOn: r.planned_on as string,
  doneOn: (r.done_on as string | null) ?? null,
  conclusion: r.conclusion as string,
  version: r.version as number,
});

export async function listInspections(db: Queryable, planId: string): Promise<InspectionRecord[]> {
  const rows = await db.query(`${SELECT} WHERE i.plan_id = $1 ORDER BY i.planned_on, o.name`, [planId]);
  return rows.map(toInspection);
}

export async function loadInspection(
  db: Queryable,
  id: string,
  lock = false,
): Promise<InspectionRecord | null> {
  const [row] = await db.query(`${SELECT} WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`, [id]);
  return row ? toInspection(row) : null;
}

export async function insertInspection(
  db: Queryable,
  i: { id: string; agencyId: string; planId: string; unitId: string; plannedOn: string; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO reform_inspection (id, agency_id, plan_id, unit_id, planned_on, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (plan_id, unit_id, planned_on) DO NOTHING RETURNING id`,
    [i.id, i.agencyId, i.planId, i.unitId, i.plannedOn, i.now],
  );
  return rows.length > 0;
}

export async function recordInspection(db: Queryable, id: string, doneOn: string | null, conclusion: string) {
  await db.query(
    'UPDATE reform_inspection SET done_on = $2, conclusion = $3, version = version + 1 WHERE id = $1',
    [id, doneOn, conclusion],
  );
}

export async function listFindings(db: Queryable, planId: string): Promise<FindingRecord[]> {
  const rows = await db.query<{
    id: string;
    inspection_id: string;
    text: string;
    remedy_task_id: string | null;
  }>(
    `SELECT f.id, f.inspection_id, f.text, f.remedy_task_id FROM reform_finding f
       JOIN reform_inspection i ON i.id = f.inspection_id WHERE i.plan_id = $1 ORDER BY f.created_at, f.id`,
    [planId],
  );
  return rows.map((r) => ({
    id: r.id,
    inspectionId: r.inspection_id,
    text: r.text,
    remedyTaskId: r.remedy_task_id,
  }));
}

export async function insertFinding(
  db: Queryable,
  f: { id: string; agencyId: string; inspectionId: string; text: string; remedyTaskId: string; now: Date },
) {
  await db.query(
    `INSERT INTO reform_finding (id, agency_id, inspection_id, text, remedy_task_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [f.id, f.agencyId, f.inspectionId, f.text, f.remedyTaskId, f.now],
  );
}
