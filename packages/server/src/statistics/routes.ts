import {
  type Form06Report,
  form06Problems,
  form06Report,
  isIsoDate,
  type Report06,
  type Role,
  report06Response,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, holdsRoleOn, requireRole } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers, jsonOrFileAnswer } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { type Form06Document, numbersInOrder } from './layout.ts';
import { form06Pdf, PDF_MIME } from './pdf.ts';
import { agencyOfUnit, counterSums, fieldNames, reportUnit } from './store.ts';
import { form06Xlsx, XLSX_MIME } from './xlsx.ts';

/** Staff who may read an agency's statistics: every working role on it (not citizens). */
export const REPORT_READERS: readonly Role[] = [
  'counter_officer',
  'specialist',
  'head_of_unit',
  'leader',
  'reform_officer',
  'appraiser',
  'administrator',
  'inspector',
];

/** The longest period a report covers: two years and a day (a leap year included). */
export const MAX_REPORT_DAYS = 732;

const date = z.string().refine(isIsoDate, { message: 'invalid_date' });

export const report06QuerySchema = z.object({
  from: date,
  to: date,
  agency: z.uuid().optional(),
  unit: z.uuid().optional(),
  field: z.string().trim().min(1).max(100).optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
  lang: z.enum(['vi', 'en']).optional(),
});
export type Report06Query = z.infer<typeof report06QuerySchema>;

const DAY_MS = 86_400_000;

function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1)
    throw new Problem(400, 'report_period_reversed', {}, [
      {
        path: 'to',
        message: { vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu', en: 'Must be on or after the start' },
      },
    ]);
  if (days > MAX_REPORT_DAYS)
    throw new Problem(400, 'report_period_too_long', { max: MAX_REPORT_DAYS }, [
      {
        path: 'to',
        message: {
          vi: `Kỳ báo cáo dài tối đa ${MAX_REPORT_DAYS} ngày`,
          en: `A report period is at most ${MAX_REPORT_DAYS} days long`,
        },
      },
    ]);
}

/**
 * Biểu số 06 for a period, agency, and optionally a receiving unit (with the units below it) and a
 * field. Who may read it: staff whose role covers the agency; staff of one unit inside it, for
 * that unit only.
 */
export async function report06(
  db: Queryable,
  session: Session,
  q: Report06Query,
  locale: 'vi' | 'en',
): Promise<Report06> {
  checkPeriod(q.from, q.to);
  const granted = grantedUnits(session, REPORT_READERS);
  let agencyId = q.agency ?? null;
  if (!agencyId) {
    for (const unit of [q.unit, ...granted]) if (unit && !agencyId) agencyId = await agencyOfUnit(db, unit);
  }
  const agency = agencyId ? await reportUnit(db, agencyId) : null;
  if (agency?.kind !== 'agency') throw new Problem(404, 'report_agency_not_found');
  const unit = q.unit ? await reportUnit(db, q.unit) : null;
  if (q.unit && (!unit || unit.agencyId !== agency.id)) throw new Problem(404, 'unit_not_found');
  const coversAgency = await holdsRoleOn(db, session, REPORT_READERS, agency.id);
  if (!coversAgency && !(unit && (await holdsRoleOn(db, session, REPORT_READERS, unit.id))))
    throw new Problem(403, 'forbidden');
  const unitIds = unit ? [...(await descendantIds(db, [unit.id]))] : null;
  const sums = await counterSums(db, {
    agencyId: agency.id,
    unitIds,
    fieldCode: q.field ?? null,
    from: q.from,
    to: q.to,
  });
  const report: Form06Report = form06Report(sums, await fieldNames(db, locale));
  return {
    agency: { id: agency.id, name: agency.name },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    field: q.field ?? null,
    from: q.from,
    to: q.to,
    rows: report.rows,
    totals: report.totals,
    problems: [
      ...report.rows.flatMap((r) => form06Problems(r).map((rule) => ({ field: r.field, rule }))),
      ...form06Problems(report.totals).map((rule) => ({ field: '', rule })),
    ],
  };
}

export function statisticsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/reports/06',
      {
        schema: {
          tags: ['statistics'],
          summary:
            'Biểu số 06/VPCP/KSTT for a period (Vietnam dates, both included), an agency and optionally a receiving unit and a field; `format=xlsx` or `pdf` for the official layout',
          querystring: report06QuerySchema,
          response: answers({
            200: jsonOrFileAnswer(
              'Biểu số 06 as JSON, or in the official layout as XLSX or PDF',
              report06Response,
              [XLSX_MIME, PDF_MIME],
            ),
          }),
        },
      },
      async (request, reply) => {
        const session = requireRole(request, REPORT_READERS);
        const q = request.query;
        const report = await report06(ctx.db, session, q, requestLocale(request));
        if (q.format === 'json') return report;
        const agency = await reportUnit(ctx.db, report.agency.id);
        const doc: Form06Document = {
          agencyName: report.agency.name,
          parentName: agency?.parentName ?? null,
          unitName: report.unit?.name ?? null,
          from: report.from,
          to: report.to,
          rows: report.rows.map((row) => ({ fieldName: row.fieldName, numbers: numbersInOrder(row) })),
          totals: numbersInOrder(report.totals),
        };
        const name = `bieu-06-${report.from}-${report.to}.${q.format}`;
        const data = q.format === 'xlsx' ? await form06Xlsx(doc) : await form06Pdf(doc);
        return (
          reply
            .type(q.format === 'xlsx' ? XLSX_MIME : PDF_MIME)
            .header(
              'Content-Disposition',
              `${q.format === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`,
            )
            // A file, not the JSON the schema describes: Fastify sends a Buffer as it is.
            .send(data as unknown as Report06)
        );
      },
    );
  };
}
