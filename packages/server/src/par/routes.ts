import {
  parAssessmentResponse,
  parAssessmentsResponse,
  parCreatedResponse,
  parFrameworkResponse,
  parFrameworksResponse,
  parImportResponse,
  parRankingResponse,
  parRemediationResponse,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { ACCEPTED_MEDIA_TYPES } from '../files/sniff.ts';
import { answerOnce as once } from '../http/idempotency.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { readForm } from '../reform/http.ts';
import { parseFields } from '../reform/schemas.ts';
import { assessmentDetail, assessmentList, frameworkSummary, planRemediation, ranking } from './results.ts';
import {
  addEvidence,
  appraiseCriterion,
  finishAppraisal,
  importFramework,
  openAssessment,
  scoreCriterion,
  submitAssessment,
  userProvinces,
  visibleAssessment,
  visibleFramework,
} from './service.ts';
import { evidenceMediaType, listEvidence, listFrameworks } from './store.ts';

const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ id: z.uuid(), code: z.string().regex(/^[0-9.]{1,12}$/) });
const points = z.number().min(0).max(100);
const versionBody = z.strictObject({ version: z.number().int().positive() });

/**
 * The PAR Index (Chỉ số CCHC), /api/v1/par: criteria imported per province and year, self-assessment
 * with evidence, appraisal, ranking and the remediation plan. Answers are defined in core par/api.ts.
 */
export function parRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['par'];
    /** A step of an assessment that takes only the version the user saw (optimistic lock); answers its id. */
    const versionStep = (
      path: string,
      summary: string,
      step: (
        ctx: AppContext,
        tx: Queryable,
        session: Session,
        id: string,
        version: number,
      ) => Promise<unknown>,
    ) =>
      r.post(
        path,
        {
          schema: {
            tags,
            summary,
            params: idParams,
            body: versionBody,
            response: answers({ 200: parCreatedResponse }),
          },
        },
        async (request) => {
          const session = requireSession(request);
          await ctx.db.transaction((tx) => step(ctx, tx, session, request.params.id, request.body.version));
          return { id: request.params.id };
        },
      );
    /** What a user puts on one criterion of an assessment (by its code); answers the assessment's id. */
    const criterionStep = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      step: (
        ctx: AppContext,
        tx: Queryable,
        session: Session,
        id: string,
        code: string,
        input: z.output<B>,
      ) => Promise<unknown>,
    ) =>
      r.put(
        path,
        {
          schema: { tags, summary, params: codeParams, body, response: answers({ 200: parCreatedResponse }) },
        },
        async (request) => {
          const session = requireSession(request);
          const { id, code } = request.params;
          // The body has been parsed by `body`; the type provider cannot name that type for a generic schema.
          const input = request.body as z.output<B>;
          await ctx.db.transaction((tx) => step(ctx, tx, session, id, code, input));
          return { id };
        },
      );

    r.get(
      '/frameworks',
      {
        schema: {
          tags,
          summary: 'Criteria trees of the provinces the user works in',
          response: answers({ 200: parFrameworksResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const items = await listFrameworks(ctx.db, await userProvinces(ctx.db, session));
        return {
          items: items.map(frameworkSummary),
          importAgencyId:
            session.roles.find((g) => g.role === 'reform_officer' && g.agencyId)?.agencyId ?? null,
        };
      },
    );

    r.post(
      '/frameworks',
      {
        schema: {
          tags,
          summary:
            'Import the criteria tree of the agency’s province for a year — multipart "agencyId", "year", optional "title", file "file" (XLSX or JSON); all or nothing',
          response: answers({ 201: parImportResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const form = await readForm(ctx, request);
        const f = parseFields(
          z.object({
            agencyId: z.uuid(),
            year: z.coerce.number().int().min(2000).max(2100),
            title: z.string().trim().max(500).default(''),
          }),
          form.fields,
        );
        if (!form.file) throw new Problem(422, 'import_file_missing');
        const file = form.file;
        const result = await ctx.db.transaction((tx) =>
          importFramework(ctx, tx, session, {
            agencyId: f.agencyId,
            year: f.year,
            title: f.title || null,
            bytes: file.data,
            locale: requestLocale(request),
          }),
        );
        return reply.status(201).send(result);
      },
    );

    r.get(
      '/frameworks/:id',
      {
        schema: {
          tags,
          summary: 'A criteria tree',
          params: idParams,
          response: answers({ 200: parFrameworkResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const f = await visibleFramework(ctx.db, session, request.params.id);
        return { ...frameworkSummary(f), criteria: f.criteria };
      },
    );

    r.get(
      '/frameworks/:id/assessments',
      {
        schema: {
          tags,
          summary: 'Self-assessments under a criteria tree that the user may read',
          params: idParams,
          response: answers({ 200: parAssessmentsResponse }),
        },
      },
      async (request) => assessmentList(ctx.db, requireSession(request), request.params.id, ctx.now()),
    );

    r.get(
      '/frameworks/:id/ranking',
      {
        schema: {
          tags,
          summary: 'Ranking by final score: agencies, and units of the user’s agency',
          params: idParams,
          response: answers({ 200: parRankingResponse }),
        },
      },
      async (request) => ranking(ctx.db, requireSession(request), request.params.id),
    );

    r.post(
      '/assessments',
      {
        schema: {
          tags,
          summary: 'Open the agency’s self-assessment, or a unit’s (unitId); Idempotency-Key supported',
          body: z.strictObject({
            frameworkId: z.uuid(),
            agencyId: z.uuid(),
            unitId: z.uuid().nullable().default(null),
          }),
          response: answers({ 201: parCreatedResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(ctx, request, reply, `par-assessment:${session.user.id}`, request.body, async (tx) => ({
          status: 201,
          body: { id: await openAssessment(ctx, tx, session, request.body) },
        }));
      },
    );

    r.get(
      '/assessments/:id',
      {
        schema: {
          tags,
          summary: 'A self-assessment in full: tree, points, evidence, totals',
          params: idParams,
          response: answers({ 200: parAssessmentResponse }),
        },
      },
      async (request) => assessmentDetail(ctx.db, requireSession(request), request.params.id, ctx.now()),
    );

    criterionStep(
      '/assessments/:id/scores/:code',
      'Self-assessed points of a criterion (at most its maximum) and a note; drafts only',
      z.strictObject({ points, note: z.string().trim().max(4000).default('') }),
      scoreCriterion,
    );

    r.post(
      '/assessments/:id/scores/:code/evidence',
      {
        schema: {
          tags,
          summary: 'Attach an evidence file (tài liệu kiểm chứng) to a criterion — multipart file "file"',
          params: codeParams,
          response: answers({ 201: parCreatedResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const form = await readForm(ctx, request);
        const { id, code } = request.params;
        const evidenceId = await ctx.db.transaction((tx) =>
          addEvidence(ctx, tx, session, id, code, form.file),
        );
        return reply.status(201).send({ id: evidenceId });
      },
    );

    r.get(
      '/assessments/:id/evidence/:evidenceId',
      {
        schema: {
          tags,
          summary: 'Download an evidence file',
          params: z.object({ id: z.uuid(), evidenceId: z.uuid() }),
          response: answers({
            200: fileAnswer('The evidence file as it was uploaded', Object.keys(ACCEPTED_MEDIA_TYPES)),
          }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await visibleAssessment(ctx.db, session, request.params.id);
        const found = (await listEvidence(ctx.db, request.params.id)).find(
          (e) => e.id === request.params.evidenceId,
        );
        if (!found) throw new Problem(404, 'not_found');
        return reply
          .type((await evidenceMediaType(ctx.db, found.sha256)) ?? 'application/octet-stream')
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.filename)}`)
          .send(await ctx.files.get(found.sha256));
      },
    );

    versionStep(
      '/assessments/:id/submit',
      'Submit for appraisal; locks the self-assessment',
      submitAssessment,
    );

    criterionStep(
      '/assessments/:id/appraisal/:code',
      'Appraised points and comment of a criterion (null points: the self-assessed stand); survey points with their source',
      z.strictObject({
        points: points.nullable(),
        comment: z.string().trim().max(4000).default(''),
        source: z.string().trim().max(500).default(''),
      }),
      appraiseCriterion,
    );

    versionStep(
      '/assessments/:id/appraisal/finish',
      'Finish the appraisal: the final score is fixed',
      finishAppraisal,
    );

    r.post(
      '/assessments/:id/remediation',
      {
        schema: {
          tags,
          summary:
            '"Lập kế hoạch khắc phục": each criterion that lost points becomes a task of the plan, with an owner and the deadline',
          params: idParams,
          body: z.strictObject({ planId: z.uuid(), deadline: z.iso.date(), unitId: z.uuid() }),
          response: answers({ 201: parRemediationResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const out = await ctx.db.transaction((tx) =>
          planRemediation(ctx, tx, session, request.params.id, request.body),
        );
        return reply.status(201).send(out);
      },
    );
  };
}
