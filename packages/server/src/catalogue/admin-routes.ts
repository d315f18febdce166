import {
  adminProcedureDetailSchema,
  adminProcedureListSchema,
  CATALOGUE_EDITORS,
  importResultSchema,
  localiseIssues,
  notReceivableReason,
  PROCEDURE_STATUSES,
  problemIssues,
  procedureContentSchema,
  procedureValidationSchema,
  publishProblems,
} from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, requireRole } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { readUpload } from '../files/read-upload.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { agenciesAmong, agencyIdByCode } from '../org/units.ts';
import { type ImportRow, importCatalogue } from './import.ts';
import {
  abolishProcedure,
  createProcedure,
  PublishBlocked,
  procedureAgencyId,
  procedureDetail,
  publishDraft,
  resolveReferences,
  saveDraft,
} from './procedures.ts';
import { pagingQuery } from './public-routes.ts';
import { searchCatalogue } from './search.ts';
import {
  readCatalogueJson,
  readCatalogueWorkbook,
  writeCatalogueJson,
  writeCatalogueWorkbook,
} from './workbook.ts';

const idParams = z.object({ id: z.uuid() });
const contentBody = z.object({ content: procedureContentSchema }).strict();

export function adminCatalogueRoutes(ctx: AppContext) {
  /** Agencies whose catalogue the user may edit: those at or below the units of their editor roles. */
  const editorScope = async (request: FastifyRequest) => {
    const session = requireRole(request, CATALOGUE_EDITORS);
    const units = await descendantIds(ctx.db, grantedUnits(session, CATALOGUE_EDITORS));
    return { session, agencyIds: new Set(await agenciesAmong(ctx.db, [...units])) };
  };

  const withMessages = (request: FastifyRequest, detail: Awaited<ReturnType<typeof procedureDetail>>) => {
    const locale = requestLocale(request);
    if (!detail.draft) return { ...detail, draft: null };
    const messages = localiseIssues(problemIssues(detail.draft.problems), locale);
    return {
      ...detail,
      draft: {
        ...detail.draft,
        problems: detail.draft.problems.map((p, i) => ({ ...p, message: messages[i]?.message ?? p.code })),
      },
    };
  };

  const assertEditable = async (request: FastifyRequest, procedureId: string) => {
    const scope = await editorScope(request);
    const agencyId = await procedureAgencyId(ctx.db, procedureId);
    if (!agencyId || !scope.agencyIds.has(agencyId)) throw new Problem(404, 'procedure_not_found');
    return scope;
  };

  const assertAgencyInScope = async (agencyCode: string, agencyIds: Set<string>) => {
    const agency = await agencyIdByCode(ctx.db, agencyCode);
    if (agency && !agencyIds.has(agency)) throw new Problem(403, 'unit_outside_scope');
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/procedures',
      {
        schema: {
          tags: ['admin'],
          summary: 'All procedures the editor manages, drafts included',
          querystring: z.object({
            q: z.string().trim().max(200).optional(),
            status: z.enum(PROCEDURE_STATUSES).optional(),
            field: z.string().trim().max(100).optional(),
            ...pagingQuery,
          }),
          response: answers({ 200: adminProcedureListSchema }),
        },
      },
      async (request) => {
        const { agencyIds } = await editorScope(request);
        const q = request.query;
        const { rows, total } = await searchCatalogue(ctx.db, {
          q: q.q,
          field: q.field,
          statuses: q.status ? [q.status] : PROCEDURE_STATUSES,
          agencyIds: [...agencyIds],
          page: q.page,
          pageSize: q.pageSize,
        });
        return {
          items: rows.map((row) => ({
            id: row.id,
            code: row.code,
            name: row.name,
            status: row.status,
            fieldCode: row.field_code,
            version: row.version,
            hasDraft: row.draft_content !== null,
            needsReview: (row.draft_content ?? row.content)?.needsReview ?? [],
            // Of the version in force: what the counter can receive today.
            notReceivableReason: row.content ? notReceivableReason(row.content) : null,
          })),
          total,
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    r.post(
      '/procedures/validate',
      {
        schema: {
          tags: ['admin'],
          summary: 'Check a procedure without saving it',
          body: z.object({ content: z.unknown() }),
          response: answers({ 200: procedureValidationSchema }),
        },
      },
      async (request) => {
        await editorScope(request);
        const locale = requestLocale(request);
        const parsed = procedureContentSchema.safeParse(request.body.content);
        if (!parsed.success) return { errors: localiseIssues(parsed.error.issues, locale), problems: [] };
        const { issues } = await resolveReferences(ctx.db, parsed.data);
        const problems = publishProblems(parsed.data);
        const messages = localiseIssues(problemIssues(problems), locale);
        return {
          errors: localiseIssues(issues, locale),
          problems: problems.map((p, i) => ({ ...p, message: messages[i]?.message ?? p.code })),
        };
      },
    );

    r.post(
      '/procedures',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a procedure as a draft',
          body: contentBody,
          response: answers({ 201: adminProcedureDetailSchema }),
        },
      },
      async (request, reply) => {
        const { session, agencyIds } = await editorScope(request);
        await assertAgencyInScope(request.body.content.agencyCode, agencyIds);
        const id = await ctx.db.transaction((tx) =>
          createProcedure(tx, request.body.content, { userId: session.user.id }, ctx.now()),
        );
        return reply.status(201).send(withMessages(request, await procedureDetail(ctx.db, id)));
      },
    );

    r.get(
      '/procedures/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'A procedure with its draft, published version and history',
          params: idParams,
          response: answers({ 200: adminProcedureDetailSchema }),
        },
      },
      async (request) => {
        await assertEditable(request, request.params.id);
        return withMessages(request, await procedureDetail(ctx.db, request.params.id));
      },
    );

    r.put(
      '/procedures/:id/draft',
      {
        schema: {
          tags: ['admin'],
          summary: 'Save the draft of a procedure',
          params: idParams,
          body: contentBody,
          response: answers({ 200: adminProcedureDetailSchema }),
        },
      },
      async (request) => {
        const { session, agencyIds } = await assertEditable(request, request.params.id);
        await assertAgencyInScope(request.body.content.agencyCode, agencyIds);
        await ctx.db.transaction((tx) =>
          saveDraft(tx, request.params.id, request.body.content, { userId: session.user.id }, ctx.now()),
        );
        return withMessages(request, await procedureDetail(ctx.db, request.params.id));
      },
    );

    r.post(
      '/procedures/:id/publish',
      {
        schema: {
          tags: ['admin'],
          summary: 'Publish the draft; it supersedes the version in force',
          params: idParams,
          body: z.object({ effectiveFrom: z.iso.date().optional() }).strict().optional(),
          response: answers({ 200: adminProcedureDetailSchema }),
        },
      },
      async (request) => {
        const { session } = await assertEditable(request, request.params.id);
        try {
          await ctx.db.transaction((tx) =>
            publishDraft(
              tx,
              request.params.id,
              { effectiveFrom: request.body?.effectiveFrom },
              { userId: session.user.id },
              ctx.now(),
            ),
          );
        } catch (err) {
          if (!(err instanceof PublishBlocked)) throw err;
          const errors = localiseIssues(problemIssues(err.problems), requestLocale(request));
          throw new Problem(422, 'publish_blocked', { count: errors.length }, errors);
        }
        return withMessages(request, await procedureDetail(ctx.db, request.params.id));
      },
    );

    r.post(
      '/procedures/:id/abolish',
      {
        schema: {
          tags: ['admin'],
          summary: 'Abolish (bãi bỏ) a procedure; its history is kept',
          params: idParams,
          body: z.object({ effectiveTo: z.iso.date().optional() }).strict().optional(),
          response: answers({ 200: adminProcedureDetailSchema }),
        },
      },
      async (request) => {
        const { session } = await assertEditable(request, request.params.id);
        await ctx.db.transaction((tx) =>
          abolishProcedure(
            tx,
            request.params.id,
            { effectiveTo: request.body?.effectiveTo },
            { userId: session.user.id },
            ctx.now(),
          ),
        );
        return withMessages(request, await procedureDetail(ctx.db, request.params.id));
      },
    );

    r.post(
      '/catalogue/import',
      {
        schema: {
          tags: ['admin'],
          summary: 'Import procedures from an XLSX or JSON file (multipart field "file"); all or nothing',
          querystring: z.object({
            dryRun: z.enum(['true', 'false']).default('false'),
            publish: z.enum(['true', 'false']).default('false'),
          }),
          response: answers({ 200: importResultSchema }),
        },
      },
      async (request) => {
        const { session, agencyIds } = await editorScope(request);
        const locale = requestLocale(request);
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file();
        if (!file) throw new Problem(400, 'import_file_missing');
        const data = await readUpload(file, ctx.config.uploadMaxBytes);
        const isJson = /\.json$/i.test(file.filename) || file.mimetype === 'application/json';
        const isXlsx = /\.xlsx$/i.test(file.filename) || file.mimetype.includes('spreadsheetml');
        if (!isJson && !isXlsx) throw new Problem(415, 'import_file_type');
        const read = isJson
          ? await readCatalogueJson(data, locale)
          : await readCatalogueWorkbook(data, locale);
        if (read.errors.length > 0)
          throw new Problem(422, 'import_invalid', { count: read.errors.length }, read.errors);
        const rows: ImportRow[] = read.procedures.map((content, i) => ({
          content,
          sheet: isJson ? 'json' : 'Thủ tục',
          row: read.rows?.[i] ?? i + 2,
        }));
        return importCatalogue(ctx.db, rows, {
          publish: request.query.publish === 'true',
          dryRun: request.query.dryRun === 'true',
          actorId: session.user.id,
          now: ctx.now(),
          locale,
          allowedAgencyIds: agencyIds,
        });
      },
    );

    r.get(
      '/catalogue/export',
      {
        schema: {
          tags: ['admin'],
          summary: 'Export the procedures in force (and drafts with drafts=true) as XLSX or JSON',
          querystring: z.object({
            format: z.enum(['xlsx', 'json']).default('xlsx'),
            drafts: z.enum(['true', 'false']).default('false'),
          }),
          response: answers({
            200: fileAnswer('The catalogue as an XLSX workbook or a JSON document', [
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'application/json',
            ]),
          }),
        },
      },
      async (request, reply) => {
        const { agencyIds } = await editorScope(request);
        const { rows } = await searchCatalogue(ctx.db, {
          statuses: ['in_force', 'amended', 'draft'],
          agencyIds: [...agencyIds],
          page: 1,
          pageSize: 100_000,
        });
        const useDrafts = request.query.drafts === 'true';
        const contents = rows
          .map((row) => (useDrafts ? (row.draft_content ?? row.content) : row.content))
          .filter((c): c is NonNullable<typeof c> => c !== null);
        const stamp = new Date(ctx.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        if (request.query.format === 'json') {
          return reply
            .header('Content-Disposition', `attachment; filename="danh-muc-tthc-${stamp}.json"`)
            .type('application/json; charset=utf-8')
            .send(writeCatalogueJson(contents));
        }
        return reply
          .header('Content-Disposition', `attachment; filename="danh-muc-tthc-${stamp}.xlsx"`)
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await writeCatalogueWorkbook(contents));
      },
    );
  };
}
