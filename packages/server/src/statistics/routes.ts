import {
  type Form06Report,
  form06Problems,
  form06Report,
  isIsoDate,
  type Report06,
  report06DossiersResponse,
  report06Response,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import { type AppContext, readDatabase } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { requestLocale } from '../http/locale.ts';
import { answers, jsonOrFileAnswer } from '../http/responses.ts';
import { report06Dossiers, report06DossiersQuerySchema } from './drilldown.ts';
import { type Form06Document, numbersInOrder } from './layout.ts';
import { form06Pdf, PDF_MIME } from './pdf.ts';
import { REPORT_READERS, readableScope } from './scope.ts';
import { counterSums, fieldNames, reportUnit } from './store.ts';
import { form06Xlsx, XLSX_MIME } from './xlsx.ts';

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

/** Biểu số 06 for a period, agency, and optionally a receiving unit (with the units below it) and a field. */
export async function report06(
  db: Queryable,
  session: Session,
  q: Report06Query,
  locale: 'vi' | 'en',
): Promise<Report06> {
  const { agency, unit, unitIds } = await readableScope(db, session, q);
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

export { MAX_REPORT_DAYS, REPORT_READERS } from './scope.ts';

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
        // Reports read from the replica when there is one (DATABASE_READ_URL).
        const db = readDatabase(ctx);
        const report = await report06(db, session, q, requestLocale(request));
        if (q.format === 'json') return report;
        const agency = await reportUnit(db, report.agency.id);
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
    r.get(
      '/reports/06/dossiers',
      {
        schema: {
          tags: ['statistics'],
          summary:
            'The dossiers behind one cell of Biểu số 06 (a column of the report, of a field and a channel when given), paginated, with how many in all; the same readers as the report',
          querystring: report06DossiersQuerySchema,
          response: answers({ 200: report06DossiersResponse }),
        },
      },
      async (request) => {
        const session = requireRole(request, REPORT_READERS);
        return report06Dossiers(readDatabase(ctx), session, request.query, requestLocale(request), ctx.now());
      },
    );
  };
}
