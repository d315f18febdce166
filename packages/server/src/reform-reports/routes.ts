import {
  PLAN_FIRST_YEAR,
  PLAN_LAST_YEAR,
  REPORT_PERIODS,
  refreshPreviewResponse,
  reportContentSchema,
  reportCreatedResponse,
  reportListResponse,
  reportResponse,
  reportVersionsResponse,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { DOCX_MIME } from '../documents/index.ts';
import { answerOnce as once } from '../http/idempotency.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { reformAgencies } from '../reform/access.ts';
import { reportDocx } from './docx.ts';
import * as service from './service.ts';
import * as store from './store.ts';

const idParams = z.object({ id: z.uuid() });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const baseVersion = z.number().int().min(1);

export const reportCreateBody = z.strictObject({
  /** The reform officer's agency when left out. */
  agencyId: z.uuid().optional(),
  year: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR),
  period: z.enum(REPORT_PERIODS),
});
export const reportSaveBody = z.strictObject({ baseVersion, content: reportContentSchema });
export const reportRefreshBody = z.strictObject({ baseVersion });
export const reportRestoreBody = z.strictObject({ baseVersion, version: z.number().int().min(1) });

/**
 * /api/v1/reform/reports: the periodic reform reports (quarterly, six-month, annual). Answers:
 * list → reportListResponse, one → reportResponse, versions → reportVersionsResponse, refresh
 * preview → refreshPreviewResponse, changes → reportCreatedResponse (core/reform-reports/content.ts).
 */
export function reformReportRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reform'];

    r.get(
      '/',
      {
        schema: {
          tags,
          summary: 'Periodic reform reports the user may read',
          response: answers({ 200: reportListResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const readable: string[] = [];
        const canDraft: { id: string; name: string }[] = [];
        for (const a of reformAgencies(session)) {
          if (await service.canDo(ctx.db, session, 'report.read', a)) readable.push(a);
          if (await service.canDo(ctx.db, session, 'report.manage', a)) {
            const h = await store.agencyHeader(ctx.db, a);
            canDraft.push({ id: a, name: h?.name ?? '' });
          }
        }
        return { items: await store.listReports(ctx.db, readable), canDraft };
      },
    );

    r.post(
      '/',
      {
        schema: {
          tags,
          summary: 'Draft a report for a period from the data (reform officer); Idempotency-Key supported',
          body: reportCreateBody,
          response: answers({ 201: reportCreatedResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const agencyId =
          request.body.agencyId ??
          session.roles.find((g) => g.role === 'reform_officer' && g.agencyId)?.agencyId ??
          null;
        if (!agencyId) throw new Problem(403, 'forbidden');
        return once(ctx, request, reply, `reform-report:${session.user.id}`, request.body, async (tx) => ({
          status: 201,
          body: await service.createReport(ctx, tx, session, { ...request.body, agencyId }),
        }));
      },
    );

    r.get(
      '/:id',
      {
        schema: {
          tags,
          summary: 'A report: its latest version, or `version=n`',
          params: idParams,
          querystring: versionQuery,
          response: answers({ 200: reportResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const report = await service.reportFor(ctx.db, session, request.params.id);
        const v = await service.shownVersion(ctx.db, report, request.query.version);
        const [summary] = (await store.listReports(ctx.db, [report.agencyId])).filter(
          (x) => x.id === report.id,
        );
        const { content, ...shown } = v;
        return {
          report: summary!,
          shown,
          content,
          canEdit: await service.canDo(ctx.db, session, 'report.manage', report.agencyId),
          canExport: await service.canDo(ctx.db, session, 'report.export', report.agencyId),
        };
      },
    );

    r.put(
      '/:id',
      {
        schema: {
          tags,
          summary: 'Save an edit as a new version (409 reform_stale_version over an old one)',
          params: idParams,
          body: reportSaveBody,
          response: answers({ 200: reportCreatedResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) =>
          service.saveReport(
            ctx,
            tx,
            session,
            request.params.id,
            request.body.baseVersion,
            request.body.content,
          ),
        );
      },
    );

    r.get(
      '/:id/versions',
      {
        schema: {
          tags,
          summary: 'Every version, newest first, with author and time',
          params: idParams,
          response: answers({ 200: reportVersionsResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const report = await service.reportFor(ctx.db, session, request.params.id);
        return { items: await store.listVersions(ctx.db, report.id) };
      },
    );

    r.get(
      '/:id/refresh',
      {
        schema: {
          tags,
          summary: 'What refreshing the figures would change now',
          params: idParams,
          response: answers({ 200: refreshPreviewResponse }),
        },
      },
      async (request) => service.previewRefresh(ctx, ctx.db, requireSession(request), request.params.id),
    );

    r.post(
      '/:id/refresh',
      {
        schema: {
          tags,
          summary:
            'Redraft the figures (and the sections still as drafted) from the data now, as a new version',
          params: idParams,
          body: reportRefreshBody,
          response: answers({ 200: reportCreatedResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) =>
          service.refreshReport(ctx, tx, session, request.params.id, request.body.baseVersion),
        );
      },
    );

    r.post(
      '/:id/restore',
      {
        schema: {
          tags,
          summary: 'Restore an old version as a new one',
          params: idParams,
          body: reportRestoreBody,
          response: answers({ 200: reportCreatedResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const { baseVersion: base, version } = request.body;
        return ctx.db.transaction((tx) =>
          service.restoreReport(ctx, tx, session, request.params.id, base, version),
        );
      },
    );

    r.get(
      '/:id/docx',
      {
        schema: {
          tags,
          summary: 'The report as DOCX in the Decree 30/2020 layout (leaders and the reform officer)',
          params: idParams,
          querystring: versionQuery,
          response: answers({ 200: fileAnswer('The reform report', [DOCX_MIME]) }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const report = await service.reportFor(ctx.db, session, request.params.id, 'report.export');
        const v = await service.shownVersion(ctx.db, report, request.query.version);
        const agency = (await store.agencyHeader(ctx.db, report.agencyId))!;
        const data = await reportDocx({
          agencyName: agency.name,
          parentName: agency.parentName,
          year: report.year,
          content: v.content,
        });
        return reply
          .type(DOCX_MIME)
          .header(
            'Content-Disposition',
            `attachment; filename="bao-cao-cchc-${report.year}-${report.period}-v${v.version}.docx"`,
          )
          .send(data);
      },
    );
  };
}
