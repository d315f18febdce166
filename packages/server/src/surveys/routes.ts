import {
  createdResponse,
  kioskResponse,
  questionnaireResponse,
  questionnairesResponse,
  surveyAnsweredResponse,
  surveyFormResponse,
  surveyLinkResponse,
  surveyResultsResponse,
  vietnamDateOf,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSession } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { accessToDossier } from '../dossiers/service.ts';
import { loadDossier } from '../dossiers/store.ts';
import { answerOnce } from '../http/idempotency.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { surveyLinkPath } from './links.ts';
import * as s from './schemas.ts';
import {
  agencyOf,
  agencyOfUnit,
  demandSurvey,
  enterPaper,
  maySurvey,
  openKiosk,
  publishDraft,
  saveDraft,
  startDraft,
  surveyResults,
} from './service.ts';
import * as store from './store.ts';

async function readableQuestionnaire(db: Queryable, session: Session, id: string) {
  const q = await store.loadQuestionnaire(db, id);
  if (!q || !(await maySurvey(db, session, 'results.read', q.agencyId)))
    throw new Problem(404, 'survey_questionnaire_not_found');
  return q;
}

/** /api/v1/surveys: questionnaires, the counter tablet, paper forms, results (staff). */
export function surveyRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['surveys'];

    r.get(
      '/questionnaires',
      {
        schema: {
          tags,
          summary: "The agency's questionnaire versions (reform office, leaders)",
          querystring: s.agencyQuery,
          response: answers({ 200: questionnairesResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencyId = agencyOf(session, request.query.agencyId);
        await demandSurvey(ctx.db, session, 'results.read', agencyId);
        return {
          items: await store.listQuestionnaires(ctx.db, agencyId),
          canManage: await maySurvey(ctx.db, session, 'questionnaire.manage', agencyId),
        };
      },
    );

    r.post(
      '/questionnaires',
      {
        schema: {
          tags,
          summary:
            'Start a draft from the latest version, or from the shipped default; Idempotency-Key supported',
          body: s.draftBody,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const agencyId = agencyOf(session, request.body.agencyId);
        return answerOnce(
          ctx,
          request,
          reply,
          `survey-draft:${session.user.id}`,
          request.body,
          async (tx) => ({
            status: 201,
            body: { id: await startDraft(tx, session, agencyId, ctx.now()) },
          }),
        );
      },
    );

    r.get(
      '/questionnaires/:id',
      {
        schema: {
          tags,
          summary: 'One questionnaire version',
          params: s.idParams,
          response: answers({ 200: questionnaireResponse }),
        },
      },
      async (request) => readableQuestionnaire(ctx.db, requireSession(request), request.params.id),
    );

    r.put(
      '/questionnaires/:id',
      {
        schema: {
          tags,
          summary: 'Change a draft; a published version answers 409',
          params: s.idParams,
          body: s.contentBody,
          response: answers({ 200: questionnaireResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction(async (tx) => {
          await saveDraft(tx, session, request.params.id, request.body.content, ctx.now());
          return readableQuestionnaire(tx, session, request.params.id);
        });
      },
    );

    r.post(
      '/questionnaires/:id/publish',
      {
        schema: {
          tags,
          summary: 'Publish a draft: the kiosks and links ask it from now on; it never changes again',
          params: s.idParams,
          response: answers({ 200: questionnaireResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction(async (tx) => {
          const before = await readableQuestionnaire(tx, session, request.params.id);
          if (before.status === 'published') {
            await demandSurvey(tx, session, 'questionnaire.manage', before.agencyId);
            return before; // a double click on "publish"
          }
          await publishDraft(tx, session, request.params.id, ctx.now());
          return readableQuestionnaire(tx, session, request.params.id);
        });
      },
    );

    r.post(
      '/kiosks',
      {
        schema: {
          tags,
          summary:
            'Open the counter tablet page for a unit: answers a token the page holds (no sign-in there)',
          body: s.kioskBody,
          response: answers({ 201: kioskResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const opened = await ctx.db.transaction((tx) =>
          openKiosk(tx, session, request.body.unitId, ctx.now()),
        );
        return reply.status(201).send(opened);
      },
    );

    r.get(
      '/paper-form',
      {
        schema: {
          tags,
          summary: 'The questionnaire to type a paper form into, for a unit',
          querystring: s.kioskBody,
          response: answers({ 200: surveyFormResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencyId = await agencyOfUnit(ctx.db, request.query.unitId);
        await demandSurvey(ctx.db, session, 'paper.enter', agencyId, request.query.unitId);
        const q = await store.currentQuestionnaire(ctx.db, agencyId);
        if (!q) throw new Problem(404, 'survey_none_published');
        const names = (await store.unitNames(ctx.db, request.query.unitId))!;
        return {
          questionnaireId: q.id,
          version: q.version,
          content: q.content,
          agencyName: names.agencyName,
          unitName: names.unitName,
          dossierCode: null,
        };
      },
    );

    r.post(
      '/paper',
      {
        schema: {
          tags,
          summary: 'Type in a paper form, by its serial number (counted once); Idempotency-Key supported',
          body: s.paperBody,
          response: answers({ 201: surveyAnsweredResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return answerOnce(
          ctx,
          request,
          reply,
          `survey-paper:${session.user.id}`,
          request.body,
          async (tx) => ({
            status: 201,
            body: await enterPaper(tx, session, request.body, ctx.now()),
          }),
        );
      },
    );

    r.get(
      '/results',
      {
        schema: {
          tags,
          summary:
            'The satisfaction index by element for an agency (or one unit) and period, with the sample needed and the answers collected',
          querystring: s.resultsQuery,
          response: answers({ 200: surveyResultsResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencyId = agencyOf(session, request.query.agencyId);
        await demandSurvey(ctx.db, session, 'results.read', agencyId);
        const today = vietnamDateOf(ctx.now());
        const from = request.query.from ?? `${today.slice(0, 4)}-01-01`;
        const to = request.query.to ?? today;
        if (from > to) throw fieldProblem(fieldIssue('to', 'survey_period_reversed'));
        const units = await store.unitsOf(ctx.db, agencyId);
        const unitId = request.query.unitId ?? null;
        if (unitId && !units.some((u) => u.id === unitId))
          throw fieldProblem(fieldIssue('unitId', 'survey_unit_unknown'));
        return { ...(await surveyResults(ctx.db, { agencyId, unitId, from, to })), units };
      },
    );

    r.get(
      '/dossiers/:id/link',
      {
        schema: {
          tags,
          summary: "A returned dossier's one-time survey link (for whoever may read the dossier)",
          params: s.idParams,
          response: answers({ 200: surveyLinkResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const dossier = await loadDossier(ctx.db, request.params.id);
        if (!dossier) throw new Problem(404, 'dossier_not_found');
        const access = await accessToDossier(
          ctx.db,
          {
            userId: session.user.id,
            name: session.user.fullName,
            grants: session.roles.map((g) => ({ role: g.role, unitId: g.unitId })),
          },
          { ...dossier, applicantUserId: dossier.snapshot.applicantId },
        );
        if (!access.read) throw new Problem(404, 'dossier_not_found');
        const link = await store.findLink(ctx.db, { agencyId: dossier.agencyId, dossierId: dossier.id });
        if (!link) throw new Problem(404, 'survey_link_not_found');
        return { token: link.token, path: surveyLinkPath(link.token), answeredAt: link.answeredAt };
      },
    );
  };
}
