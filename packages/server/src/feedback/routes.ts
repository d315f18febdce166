import { createHash } from 'node:crypto';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_STATES,
  feedbackActionBody,
  feedbackCaseView,
  feedbackListResponse,
  feedbackPublicationDraft,
  feedbackPublishBody,
  feedbackRatingFormResponse,
  feedbackReceivedResponse,
  feedbackStatisticsResponse,
  feedbackSubmitBody,
  publishedFeedbackResponse,
  ratingBody,
  ratingGivenResponse,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import { requireCitizen } from '../citizen-auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { answerOnce } from '../http/idempotency.ts';
import { answers } from '../http/responses.ts';
import { periodOf, periodQuery } from '../ratings/routes.ts';
import { agencyOf } from '../surveys/service.ts';
import {
  actOnFeedback,
  answerRatingForm,
  feedbackCase,
  feedbackStatistics,
  listFeedback,
  publicationDraft,
  publishedFeedback,
  publishFeedback,
  rateAnswer,
  submitFeedback,
} from './service.ts';

const idParams = z.object({ id: z.uuid() });
const actionParams = z.object({ id: z.uuid(), action: z.enum(FEEDBACK_ACTIONS) });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
const listQuery = z.object({ state: z.enum(FEEDBACK_STATES).optional() });
const publishedQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

/**
 * /api/v1/public/feedback: a signed-in citizen (VNeID, or the one-time code emailed to the
 * contact address) sends feedback; anyone reads the published, redacted answers; the citizen
 * rates an answer by the link sent with it.
 */
export function publicFeedbackRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['feedback'];

    r.post(
      '/',
      {
        schema: {
          tags,
          summary:
            'Send feedback (phản ánh, kiến nghị) as a signed-in citizen; answers the reference and deadline',
          body: feedbackSubmitBody,
          response: answers({ 201: feedbackReceivedResponse }),
        },
        config: { rateLimit: { max: ctx.config.citizenCodeRatePerMinute, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const citizen = requireCitizen(request);
        return answerOnce(
          ctx,
          request,
          reply,
          `feedback:${citizen.citizen.id}`,
          request.body,
          async (tx) => ({
            status: 201,
            body: await submitFeedback(tx, citizen, request.body, ctx.now()),
          }),
        );
      },
    );

    r.get(
      '/published',
      {
        schema: {
          tags,
          summary: 'Published answers, personal data removed; q searches without accents',
          querystring: publishedQuery,
          response: answers({ 200: publishedFeedbackResponse }),
        },
      },
      async (request) => publishedFeedback(ctx.db, request.query),
    );

    r.get(
      '/ratings/:token',
      {
        schema: {
          tags,
          summary: 'The answer a rating link rates, and whether it is rated already',
          params: tokenParams,
          response: answers({ 200: feedbackRatingFormResponse }),
        },
      },
      async (request) => answerRatingForm(ctx.db, request.params.token),
    );

    r.post(
      '/ratings/:token',
      {
        schema: {
          tags,
          summary: 'Rate the answer to a feedback case, once',
          params: tokenParams,
          body: ratingBody,
          response: answers({ 201: ratingGivenResponse }),
        },
      },
      async (request, reply) =>
        answerOnce(
          ctx,
          request,
          reply,
          `feedback-rating:${createHash('sha256').update(request.params.token).digest('hex').slice(0, 32)}`,
          request.body,
          async (tx) => ({
            status: 201,
            body: await rateAnswer(tx, request.params.token, request.body, ctx.now()),
          }),
        ),
    );
  };
}

/** /api/v1/feedback: the staff's cases: list, assign, answer, close, reject, publish; the statistics. */
export function feedbackRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['feedback'];

    r.get(
      '/',
      {
        schema: {
          tags,
          summary: 'The cases the user may read, open ones first by deadline, with working days left',
          querystring: listQuery,
          response: answers({ 200: feedbackListResponse }),
        },
      },
      async (request) =>
        listFeedback(ctx.db, requireSession(request), request.query.state ?? null, ctx.now()),
    );

    r.get(
      '/statistics',
      {
        schema: {
          tags,
          summary:
            'Feedback received in a period by state, answered on time and late, and the answer ratings',
          querystring: periodQuery,
          response: answers({ 200: feedbackStatisticsResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencyId = agencyOf(session, request.query.agencyId);
        return feedbackStatistics(
          ctx.db,
          session,
          { agencyId, ...periodOf(request.query, ctx.now()) },
          ctx.now(),
        );
      },
    );

    r.get(
      '/:id',
      {
        schema: { tags, summary: 'One case', params: idParams, response: answers({ 200: feedbackCaseView }) },
      },
      async (request) => feedbackCase(ctx.db, requireSession(request), request.params.id, ctx.now()),
    );

    r.post(
      '/:id/actions/:action',
      {
        schema: {
          tags,
          summary: 'Assign (unitId, assigneeId), answer (answer), close (note) or reject (reason) a case',
          params: actionParams,
          body: feedbackActionBody,
          response: answers({ 200: feedbackCaseView }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) =>
          actOnFeedback(tx, session, request.params.id, request.params.action, request.body, ctx.now()),
        );
      },
    );

    r.get(
      '/:id/publication',
      {
        schema: {
          tags,
          summary: 'The question and answer with personal data removed, for the officer to confirm',
          params: idParams,
          response: answers({ 200: feedbackPublicationDraft }),
        },
      },
      async (request) => publicationDraft(ctx.db, requireSession(request), request.params.id),
    );

    r.post(
      '/:id/publication',
      {
        schema: {
          tags,
          summary: 'Publish the confirmed text (redacted again) on the public page',
          params: idParams,
          body: feedbackPublishBody,
          response: answers({ 200: feedbackCaseView }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) =>
          publishFeedback(tx, session, request.params.id, request.body, ctx.now()),
        );
      },
    );
  };
}
