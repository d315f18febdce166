import { type DossierState, type Locale, searchTerms } from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';
import { type DossierRow, toRecord } from './store.ts';
import { summary } from './views.ts';

export interface DossierListQuery {
  scope: string[];
  unit?: string | undefined;
  state?: DossierState | undefined;
  nationalStatus?: number | undefined;
  assignee?: string | undefined;
  dueBefore?: string | undefined;
  overdue?: boolean | undefined;
  /** Due within one working day and not yet overdue, as core's atRisk counts it. */
  atRisk?: boolean | undefined;
  /** Open and due on the current day in Vietnam. */
  dueToday?: boolean | undefined;
  open?: boolean | undefined;
  q?: string | undefined;
  sort: 'due' | '-due' | 'received' | '-received';
  page: number;
  pageSize: number;
  now: Date;
  locale: Locale;
}

const ORDER: Record<DossierListQuery['sort'], string> = {
  due: 'd.due_at ASC NULLS LAST, d.created_at',
  '-due': 'd.due_at DESC NULLS LAST, d.created_at',
  received: 'd.received_at ASC NULLS LAST, d.created_at',
  '-received': 'd.received_at DESC NULLS LAST, d.created_at DESC',
};

/**
 * The agencies whose dossiers a queue over these units may hold: the units' own agencies, and the
 * agencies whose dossiers one of them received (a service centre receives for several), from the
 * directory. The dossier table is distributed by agency: the queue asks only their shards.
 */
export async function queueAgencies(db: Queryable, scope: string[]): Promise<string[]> {
  const rows = await db.query<{ agency_id: string }>(
    `SELECT agency_id FROM org_unit WHERE id = ANY($1::uuid[]) AND agency_id IS NOT NULL
      UNION SELECT DISTINCT agency_id FROM dossier_directory WHERE receiving_unit_id = ANY($1::uuid[])`,
    [scope],
  );
  return rows.map((r) => r.agency_id);
}

/** A queue of dossiers within the user's units, most urgent first by default. */
export async function listDossiers(db: Queryable, q: DossierListQuery) {
  const where = [
    'd.agency_id = ANY($2::uuid[])',
    '(d.agency_id = ANY($1::uuid[]) OR d.receiving_unit_id = ANY($1::uuid[]) OR d.current_unit_id = ANY($1::uuid[]))',
  ];
  const params: unknown[] = [q.scope, await queueAgencies(db, q.scope)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (q.unit)
    add((n) => `(d.current_unit_id = $${n} OR d.receiving_unit_id = $${n} OR d.agency_id = $${n})`, q.unit);
  if (q.state) add((n) => `d.state = $${n}`, q.state);
  if (q.nationalStatus) add((n) => `d.national_status = $${n}`, q.nationalStatus);
  if (q.assignee) add((n) => `d.assignee_id = $${n}`, q.assignee);
  if (q.dueBefore) add((n) => `d.due_at < $${n}`, q.dueBefore);
  // overdue_from and at_risk_from are core's facts, written with every change (time-facts.ts).
  if (q.overdue) add((n) => `d.overdue_from <= $${n}`, q.now);
  if (q.atRisk)
    add((n) => `d.at_risk_from <= $${n} AND (d.overdue_from IS NULL OR d.overdue_from > $${n})`, q.now);
  if (q.dueToday) {
    const day = vietnamDayBounds(q.now);
    params.push(day.start, day.end);
    where.push(dueTodaySql(params.length - 1, params.length));
  }
  if (q.open === true) where.push("d.ended_at IS NULL AND d.state NOT IN ('refused', 'stopped', 'returned')");
  if (q.open === false)
    where.push("(d.ended_at IS NOT NULL OR d.state IN ('refused', 'stopped', 'returned'))");
  for (const term of q.q ? searchTerms(q.q) : [])
    add((n) => `d.search_text LIKE $${n}`, `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const whereSql = where.join(' AND ');
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM dossier d WHERE ${whereSql}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<
    DossierRow & { procedure_name: string; unit_name: string | null; assignee_name: string | null }
  >(
    `SELECT d.*, v.content->>'name' AS procedure_name, u.name AS unit_name, a.full_name AS assignee_name
       FROM dossier d
       JOIN procedure_version v ON v.id = d.procedure_version_id
       LEFT JOIN org_unit u ON u.id = d.current_unit_id
       LEFT JOIN app_user a ON a.id = d.assignee_id
      WHERE ${whereSql}
      ORDER BY ${ORDER[q.sort]}
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const calendars = new Map<string, Awaited<ReturnType<typeof loadCalendar>>>();
  for (const agencyId of new Set(rows.map((r) => r.agency_id))) {
    calendars.set(agencyId, await loadCalendar(db, agencyId));
  }
  return {
    items: rows.map((r) => {
      const record = toRecord(r);
      return {
        ...summary(
          record,
          q.locale,
          q.now,
          calendars.get(r.agency_id)!.config,
          calendars.get(r.agency_id)!.policy,
        ),
        procedureName: r.procedure_name,
        applicantName: r.applicant.name,
        currentUnit: r.unit_name,
        assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name } : null,
        stepDueAt: r.snapshot.step?.dueAt ?? null,
      };
    }),
    total: count?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Due today: the appointment in force falls on today's Vietnam date and the clock counts towards
 * it. `at_risk_from` is core's fact (dossierTimeFacts) that is set exactly then: received, not
 * ended, not waiting for the applicant (a supplement, a payment), so a paused dossier is not due
 * today, as dossierTime says (its clock is stopped). $start and $end are the day's bounds.
 */
export const dueTodaySql = (start: number, end: number) =>
  `(d.at_risk_from IS NOT NULL AND d.due_at >= $${start} AND d.due_at < $${end})`;

/** The current day in Vietnam (UTC+7, no daylight saving) as the instants it starts and ends. */
export function vietnamDayBounds(now: Date): { start: string; end: string } {
  const offset = 7 * 3_600_000;
  const local = new Date(now.getTime() + offset);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString() };
}
