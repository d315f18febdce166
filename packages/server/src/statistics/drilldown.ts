import {
  CHANNELS,
  DOSSIER_STATE_INFO,
  dossierTime,
  form06ColumnSchema,
  form06ColumnsOf,
  isIsoDate,
  periodInstants,
  type Report06Dossiers,
} from '@motcua/core';
import { z } from 'zod';
import type { Session } from '../auth/sessions.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';
import { publicName } from '../dossiers/applicant.ts';
import { drilldownCandidates, listedDossiers } from './drilldown-store.ts';
import { readableScope } from './scope.ts';
import { fieldNames } from './store.ts';

/**
 * The drill-down of Biểu số 06: the dossiers behind one cell (a column, for the whole report or a
 * field's row, optionally one channel). SQL narrows the candidates by their dates; core's
 * `form06ColumnsOf` says which are in the cell, so the count is a recount of the dossier table
 * that must equal the counters' number in the report.
 */

const date = z.string().refine(isIsoDate, { message: 'invalid_date' });

export const report06DossiersQuerySchema = z.object({
  from: date,
  to: date,
  agency: z.uuid().optional(),
  unit: z.uuid().optional(),
  field: z.string().trim().min(1).max(100).optional(),
  channel: z.enum(CHANNELS).optional(),
  column: form06ColumnSchema,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.enum(['vi', 'en']).optional(),
});
export type Report06DossiersQuery = z.infer<typeof report06DossiersQuerySchema>;

export async function report06Dossiers(
  db: Queryable,
  session: Session,
  q: Report06DossiersQuery,
  locale: 'vi' | 'en',
  now: Date,
): Promise<Report06Dossiers> {
  const { agency, unit, unitIds } = await readableScope(db, session, q);
  const { start, end } = periodInstants(q.from, q.to);
  const calendar = await loadCalendar(db, agency.id);
  const candidates = await drilldownCandidates(
    db,
    {
      agencyId: agency.id,
      unitIds,
      fieldCode: q.field ?? null,
      channel: q.channel ?? null,
      from: q.from,
      to: q.to,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    },
    q.column,
  );
  const inCell = candidates.filter((c) =>
    form06ColumnsOf(c.snapshot, c.channel, q.from, q.to, calendar.policy).has(q.column),
  );
  const first = (q.page - 1) * q.pageSize;
  const page = await listedDossiers(
    db,
    agency.id,
    inCell.slice(first, first + q.pageSize).map((c) => c.id),
  );
  const names = q.field ? await fieldNames(db, locale) : {};
  return {
    agency: { id: agency.id, name: agency.name },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    field: q.field ? { code: q.field, name: names[q.field] ?? q.field } : null,
    channel: q.channel ?? null,
    column: q.column,
    from: q.from,
    to: q.to,
    items: page.map((r) => ({
      id: r.id,
      code: r.code,
      applicantName: publicName(r.applicant),
      procedureName: r.procedure_name,
      state: r.state,
      stateLabel: DOSSIER_STATE_INFO[r.state].label[locale],
      channel: r.channel,
      fieldCode: r.field_code,
      receivedAt: r.snapshot.receivedAt,
      endedAt: r.snapshot.endedAt,
      dueAt: r.snapshot.dueAt,
      time: dossierTime(r.snapshot, now, calendar.config, calendar.policy),
    })),
    total: inCell.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
