import type { ReformArea, ReportContent, ReportPeriod, TaskSource } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of the periodic reform reports: reports, their versions, and the facts a draft reads. */

export interface ReportRecord {
  id: string;
  agencyId: string;
  year: number;
  period: ReportPeriod;
  version: number;
}

export interface VersionRecord {
  version: number;
  kind: 'drafted' | 'edited' | 'refreshed' | 'restored';
  restoredFrom: number | null;
  author: string | null;
  at: string;
  content: ReportContent;
}

const toReport = (r: Record<string, unknown>): ReportRecord => ({
  id: r.id as string,
  agencyId: r.agency_id as string,
  year: r.year as number,
  period: r.period as ReportPeriod,
  version: r.version as number,
});

export async function loadReport(db: Queryable, id: string, lock = false): Promise<ReportRecord | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT id, agency_id, year, period, version FROM reform_report WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? toReport(row) : null;
}

export async function reportOf(db: Queryable, agencyId: string, year: number, period: ReportPeriod) {
  const [row] = await db.query<{ id: string }>(
    'SELECT id FROM reform_report WHERE agency_id = $1 AND year = $2 AND period = $3',
    [agencyId, year, period],
  );
  return row?.id ?? null;
}

/** The reports of the agencies, the latest period first (the year's report before its quarters), with the latest version's title, time and author. */
export async function listReports(db: Queryable, agencyIds: readonly string[]) {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT r.id, r.agency_id, r.year, r.period, r.version, v.content->>'title' AS title, v.created_at,
            u.full_name
       FROM reform_report r
       JOIN reform_report_version v ON v.report_id = r.id AND v.version = r.version
       LEFT JOIN app_user u ON u.id = v.author_id
      WHERE r.agency_id = ANY($1::uuid[])
      ORDER BY r.year DESC, array_position(ARRAY['year', 'q4', 'q3', 'h1', 'q2', 'q1'], r.period)`,
    [agencyIds],
  );
  return rows.map((r) => ({
    ...toReport(r),
    title: r.title as string,
    updatedAt: new Date(r.created_at as string).toISOString(),
    updatedBy: (r.full_name as string | null) ?? null,
  }));
}

export async function insertReport(
  db: Queryable,
  r: { id: string; agencyId: string; year: number; period: ReportPeriod; by: string; now: Date },
) {
  await db.query(
    `INSERT INTO reform_report (id, agency_id, year, period, version, created_by, created_at)
     VALUES ($1, $2, $3, $4, 1, $5, $6)`,
    [r.id, r.agencyId, r.year, r.period, r.by, r.now],
  );
}

/** Appends version `version` and makes it the report's latest. */
export async function appendVersion(
  db: Queryable,
  report: ReportRecord,
  v: {
    version: number;
    kind: VersionRecord['kind'];
    restoredFrom: number | null;
    content: ReportContent;
    by: string;
    now: Date;
  },
) {
  await db.query(
    `INSERT INTO reform_report_version (report_id, agency_id, version, kind, restored_from, content, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [report.id, report.agencyId, v.version, v.kind, v.restoredFrom, JSON.stringify(v.content), v.by, v.now],
  );
  await db.query('UPDATE reform_report SET version = $2 WHERE id = $1', [report.id, v.version]);
}

const VERSION_SELECT = `SELECT v.version, v.kind, v.restored_from, v.content, v.created_at, u.full_name
  FROM reform_report_version v LEFT JOIN app_user u ON u.id = v.author_id`;

const toVersion = (r: Record<string, unknown>): VersionRecord => ({
  version: r.version as number,
  kind: r.kind as VersionRecord['kind'],
  restoredFrom: (r.restored_from as number | null) ?? null,
  author: (r.full_name as string | null) ?? null,
  at: new Date(r.created_at as string).toISOString(),
  content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as ReportContent,
});

export async function loadVersion(db: Queryable, reportId: string, version: number) {
  const [row] = await db.query<Record<string, unknown>>(
    `${VERSION_SELECT} WHERE v.report_id = $1 AND v.version = $2`,
    [reportId, version],
  );
  return row ? toVersion(row) : null;
}

/** Every version, newest first, without their content. */
export async function listVersions(db: Queryable, reportId: string) {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT v.version, v.kind, v.restored_from, v.created_at, u.full_name, 'null'::jsonb AS content
       FROM reform_report_version v LEFT JOIN app_user u ON u.id = v.author_id
      WHERE v.report_id = $1 ORDER BY v.version DESC`,
    [reportId],
  );
  return rows.map((r) => {
    const { content: _c, ...meta } = toVersion(r);
    return meta;
  });
}

/** The agency's name, its parent's (the line above it in the header) and the province's. */
export async function agencyHeader(db: Queryable, agencyId: string) {
  const [row] = await db.query<{
    name: string;
    kind: string;
    parent_name: string | null;
    province: string | null;
  }>(
    `SELECT u.name, u.kind, p.name AS parent_name,
            (SELECT a.name FROM org_unit a WHERE a.kind = 'province' AND a.id IN (u.parent_id, p.parent_id) LIMIT 1) AS province
       FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.id = $1`,
    [agencyId],
  );
  return row ? { name: row.name, kind: row.kind, parentName: row.parent_name, province: row.province } : null;
}

export interface TaskFacts {
  area: ReformArea;
  title: string;
  unitName: string;
  source: TaskSource;
  sourceNumber: string | null;
  sourceDate: string | null;
  deadline: string;
  state: string;
  doneAt: Date | null;
  doneOnTime: boolean | null;
  reports: { at: string; progress: number; note: string }[];
}

/** The plan's tasks (cancelled ones left out) with their progress reports up to the end of `until` (Vietnam day). */
export async function tasksWithReports(db: Queryable, planId: string, until: string): Promise<TaskFacts[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT t.area, t.title, o.name AS unit_name, t.source, t.source_number, t.source_date::text AS source_date,
            t.deadline::text AS deadline, t.state, t.done_at, t.done_on_time,
            COALESCE((SELECT json_agg(json_build_object('at', r.at, 'progress', r.progress, 'note', r.note) ORDER BY r.at)
                        FROM reform_task_report r
                       WHERE r.task_id = t.id AND (r.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2::date), '[]'::json) AS reports
       FROM reform_task t JOIN org_unit o ON o.id = t.unit_id
      WHERE t.plan_id = $1 AND t.state <> 'cancelled'
        AND (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2::date
      ORDER BY t.area, t.due_on, t.title`,
    [planId, until],
  );
  return rows.map((r) => ({
    area: r.area as ReformArea,
    title: r.title as string,
    unitName: r.unit_name as string,
    source: r.source as TaskSource,
    sourceNumber: (r.source_number as string | null) ?? null,
    sourceDate: (r.source_date as string | null) ?? null,
    deadline: String(r.deadline).slice(0, 10),
    state: r.state as string,
    doneAt: r.done_at ? new Date(r.done_at as string) : null,
    doneOnTime: (r.done_on_time as boolean | null) ?? null,
    reports:
      ((typeof r.reports === 'string' ? JSON.parse(r.reports) : r.reports) as TaskFacts['reports']) ?? [],
  }));
}

/** The units that received the agency's dossiers up to `until` (nơi tiếp nhận), by name. */
export async function receivingUnits(db: Queryable, agencyId: string, until: string) {
  return db.query<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM org_unit u
      WHERE u.id IN (SELECT DISTINCT unit_id FROM dossier_counter WHERE agency_id = $1 AND day <= $2::date)
      ORDER BY u.name`,
    [agencyId, until],
  );
}

/**
 * The agency's procedures in force on `on` by online level (toàn trình / một phần / không): each
 * procedure counted once, by its latest version published and in effect that day.
 */
export async function onlineLevels(db: Queryable, agencyId: string, on: string) {
  const rows = await db.query<{ level: string | null; n: number }>(
    `SELECT level, count(*)::int AS n FROM (
       SELECT DISTINCT ON (v.procedure_id) v.procedure_id, v.state, v.content->>'onlineLevel' AS level
         FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
        WHERE p.agency_id = $1 AND v.published_at IS NOT NULL
          AND COALESCE(v.effective_from, (v.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) <= $2::date
        ORDER BY v.procedure_id, COALESCE(v.effective_from, (v.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) DESC, v.published_at DESC
     ) latest WHERE state <> 'abolished' GROUP BY level`,
    [agencyId, on],
  );
  const of = (level: string) => rows.find((r) => r.level === level)?.n ?? 0;
  return { full: of('full'), partial: of('partial'), none: of('none') };
}
