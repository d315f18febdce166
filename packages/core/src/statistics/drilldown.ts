import { z } from 'zod';
import { classify } from '../dossier/deadlines.ts';
import { type CountingPolicy, DECISION_766_POLICY } from '../dossier/policies.ts';
import { dossierTimeSchema } from '../dossier/read-model.ts';
import type { Channel, DossierSnapshot } from '../dossier/snapshot.ts';
import { DOSSIER_STATES } from '../dossier/states.ts';
import { endMetric } from './counters.ts';
import { FORM06_COLUMNS } from './form06.ts';

/**
 * The dossiers behind a cell of Biểu số 06 (drill-down): which columns of the report one dossier
 * is counted in, for a period. It is the recount the counters must equal: the end's column is
 * `endMetric` (the counters' own rule), the in-progress columns are `classify` at the period's
 * last instant.
 */

export type Form06Column = (typeof FORM06_COLUMNS)[number];
export const form06ColumnSchema = z.enum(FORM06_COLUMNS);

const DAY_MS = 86_400_000;

/** A period of Vietnam dates (both included) as its first and last instants. */
export function periodInstants(from: string, to: string): { start: number; end: number } {
  return {
    start: Date.parse(`${from}T00:00:00+07:00`),
    end: Date.parse(`${to}T00:00:00+07:00`) + DAY_MS - 1,
  };
}

const END_COLUMNS: Record<string, Form06Column> = {
  resolved_early: 'resolvedEarly',
  resolved_on_time: 'resolvedOnTime',
  resolved_late: 'resolvedLate',
  ended_refused: 'refused',
  ended_withdrawn: 'withdrawn',
  ended_stopped: 'stopped',
};

/** The columns of the report for period [from, to] that count this dossier (none if never received). */
export function form06ColumnsOf(
  d: DossierSnapshot,
  channel: Channel,
  from: string,
  to: string,
  policy: CountingPolicy = DECISION_766_POLICY,
): Set<Form06Column> {
  const columns = new Set<Form06Column>();
  if (d.receivedAt === null) return columns;
  const { start, end } = periodInstants(from, to);
  const received = Date.parse(d.receivedAt);
  const ended = d.endedAt === null ? Number.POSITIVE_INFINITY : Date.parse(d.endedAt);
  if (received > end || ended < start) return columns;
  if (received < start) columns.add('carriedOver');
  else columns.add(channel === 'online' ? 'receivedOnline' : 'receivedDirect');
  columns.add('receivedTotal');
  if (ended <= end) {
    const column = END_COLUMNS[endMetric(d, policy) ?? ''];
    if (column) columns.add(column);
    if (column?.startsWith('resolved')) columns.add('resolvedTotal');
  } else {
    columns.add('pendingTotal');
    columns.add(classify(d, new Date(end), policy) === 'overdue' ? 'pendingOverdue' : 'pendingInTime');
  }
  return columns;
}

const instant = z.iso.datetime({ offset: true });

/** One dossier of a drill-down, as the queue lists it (applicant masked). */
export const report06DossierSchema = z.strictObject({
  id: z.uuid(),
  code: z.string().nullable(),
  applicantName: z.string(),
  procedureName: z.string(),
  state: z.enum(DOSSIER_STATES),
  stateLabel: z.string(),
  channel: z.enum(['counter', 'online', 'post']),
  fieldCode: z.string(),
  receivedAt: instant.nullable(),
  endedAt: instant.nullable(),
  dueAt: instant.nullable(),
  time: dossierTimeSchema,
});
export type Report06Dossier = z.infer<typeof report06DossierSchema>;

/** GET /api/v1/reports/06/dossiers: the dossiers of one cell, a page of them, and how many in all. */
export const report06DossiersResponse = z.strictObject({
  agency: z.strictObject({ id: z.uuid(), name: z.string() }),
  unit: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  field: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
  channel: z.enum(['counter', 'online', 'post']).nullable(),
  column: form06ColumnSchema,
  from: z.string(),
  to: z.string(),
  items: z.array(report06DossierSchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type Report06Dossiers = z.infer<typeof report06DossiersResponse>;
