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

/** The queue's order, over the columns its branches select (`m.` the matches, `p.` the page). */
const ORDER: Record<DossierListQuery['sort'], (t: string) => string> = {
  due: (t) => `${t}.due_at ASC NULLS LAST, ${t}.created_at, ${t}.id`,
  '-due': (t) => `${t}.due_at DESC NULLS LAST, ${t}.created_at, ${t}.id`,
  received: (t) => `${t}.received_at ASC NULLS LAST, ${t}.created_at, ${t}.id`,
  '-received': (t) => `${t}.received_at DESC NULLS LAST, ${t}.created_at DESC, ${t}.id`,
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

/**
 * A queue of dossiers within the user's units, most urgent first by default.
 *
 * A unit's dossiers are those of its agency (when the unit is the agency), those it received and
 * those it holds. An OR over the three columns would read every row of the state from the table;
 * instead each is a disjoint branch served by its own covering index (migration 0037), in the
 * queue's order, so the total and the page come from the indexes and only the page's rows are read.
 */
export async function listDossiers(db: Queryable, q: DossierListQuery) {
  const agencies = await queueAgencies(db, q.scope);
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Numbered when first used: a parameter PostgreSQL is given but never reads has no type.
  let scopeNumber: string | undefined;
  const scopeParam = () => {
    scopeNumber ??= param(q.scope);
    return scopeNumber;
  };
  const agenciesParam = param(agencies);
  const filters: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => filters.push(sql(param(value)));
  // Narrowed to one unit, the branches split on it; the scope is then implied, unless the unit is outside it.
  const units = q.unit ? [q.unit] : q.scope;
  if (q.unit && !q.scope.includes(q.unit))
    filters.push(
      `(d.agency_id = ANY(${scopeParam()}::uuid[]) OR d.receiving_unit_id = ANY(${scopeParam()}::uuid[])
        OR d.current_unit_id = ANY(${scopeParam()}::uuid[]))`,
    );
  if (q.state) add((n) => `d.state = ${n}`, q.state);
  if (q.nationalStatus) add((n) => `d.national_status = ${n}`, q.nationalStatus);
  if (q.assignee) add((n) => `d.assignee_id = ${n}`, q.assignee);
  if (q.dueBefore) add((n) => `d.due_at < ${n}`, q.dueBefore);
  // overdue_from and at_risk_from are core's facts, written with every change (time-facts.ts).
  if (q.overdue) add((n) => `d.overdue_from <= ${n}`, q.now);
  if (q.atRisk)
    add((n) => `d.at_risk_from <= ${n} AND (d.overdue_from IS NULL OR d.overdue_from > ${n})`, q.now);
  if (q.dueToday) {
    const day = vietnamDayBounds(q.now);
    filters.push(dueTodaySql(param(day.start), param(day.end)));
  }
  if (q.open === true)
    filters.push("d.ended_at IS NULL AND d.state NOT IN ('refused', 'stopped', 'returned')");
  if (q.open === false)
    filters.push("(d.ended_at IS NOT NULL OR d.state IN ('refused', 'stopped', 'returned'))");
  for (const term of q.q ? searchTerms(q.q) : [])
    add((n) => `d.search_text LIKE ${n}`, `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

  // Three disjoint branches, so their counts add up and each is read in its index's order: received
  // by the units; held but not received by them; of an agency among them, neither received nor held.
  const u = q.unit ? param(units) : scopeParam();
  const agencyUnits = units.filter((unit) => agencies.includes(unit));
  const branches = [
    `d.agency_id = ANY(${agenciesParam}::uuid[]) AND d.receiving_unit_id = ANY(${u}::uuid[])`,
    `d.agency_id = ANY(${agenciesParam}::uuid[]) AND d.current_unit_id = ANY(${u}::uuid[]) AND NOT d.receiving_unit_id = ANY(${u}::uuid[])`,
    agencyUnits.length > 0
      ? `d.agency_id = ANY(${param(agencyUnits)}::uuid[]) AND NOT d.receiving_unit_id = ANY(${u}::uuid[])
         AND (d.current_unit_id IS NULL OR NOT d.current_unit_id = ANY(${u}::uuid[]))`
      : null,
  ]
    .filter((b): b is string => b !== null)
    .map((b) => [b, ...filters].join(' AND '));
  const totalSql = branches.map((b) => `(SELECT count(*) FROM dossier d WHERE ${b})`).join(' + ');
  const countParams = [...params];
  // A page is cut from the first (offset + size) of each branch: no row before it is in none of them.
  const reach = param(q.page * q.pageSize);
  const pageSize = param(q.pageSize);
  const offset = param((q.page - 1) * q.pageSize);
  const matches = branches
    .map(
      (b) => `(SELECT d.agency_id, d.id, d.due_at, d.created_at, d.received_at FROM dossier d
                WHERE ${b} ORDER BY ${ORDER[q.sort]('d')} LIMIT ${reach})`,
    )
    .join(' UNION ALL ');
  const rows = await db.query<
    DossierRow & {
      procedure_name: string;
      unit_name: string | null;
      assignee_name: string | null;
      total: number;
    }
  >(
    `WITH p AS (SELECT * FROM (${matches}) m ORDER BY ${ORDER[q.sort]('m')} LIMIT ${pageSize} OFFSET ${offset})
     SELECT d.*, v.content->>'name' AS procedure_name, u.name AS unit_name, a.full_name AS assignee_name,
            (${totalSql})::int AS total
       FROM p
       JOIN dossier d ON d.agency_id = p.agency_id AND d.id = p.id
       JOIN procedure_version v ON v.id = d.procedure_version_id
       LEFT JOIN org_unit u ON u.id = d.current_unit_id
       LEFT JOIN app_user a ON a.id = d.assignee_id
      ORDER BY ${ORDER[q.sort]('p')}`,
    params,
  );
  // A page past the end has no row to carry the total: count on its own.
  const total =
    rows[0]?.total ??
    (await db.query<{ total: number }>(`SELECT (${totalSql})::int AS total`, countParams))[0]?.total ??
    0;
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
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Due today: the appointment in force falls on today's Vietnam date and the clock counts towards
 * it. `at_risk_from` is core's fact (dossierTimeFacts) that is set exactly then: received, not
 * ended, not waiting for the applicant (a supplement, a payment), so a paused dossier is not due
 * today, as dossierTime says (its clock is stopped). `start` and `end` are the placeholders of the day's bounds.
 */
export const dueTodaySql = (start: string, end: string) =>
  `(d.at_risk_from IS NOT NULL AND d.due_at >= ${start} AND d.due_at < ${end})`;

/** The current day in Vietnam (UTC+7, no daylight saving) as the instants it starts and ends. */
export function vietnamDayBounds(now: Date): { start: string; end: string } {
  const offset = 7 * 3_600_000;
  const local = new Date(now.getTime() + offset);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString() };
}
