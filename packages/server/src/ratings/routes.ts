import { createHash } from 'node:crypto';
import {
  ratingBody,
  ratingFollowUpsResponse,
  ratingFollowUpView,
  ratingFormResponse,
  ratingGivenResponse,
  ratingStatisticsResponse,
  vietnamDateOf,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { answerOnce } from '../http/idempotency.ts';
import { fieldIssue, fieldProblem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { agencyOf } from '../surveys/service.ts';
import {
  closeFollowUp,
  followUps,
  linkRatingForm,
  rateAsApplicant,
  rateAtKiosk,
  rateByLink,
  ratingStatistics,
} from './service.ts';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
const idParams = z.object({ id: z.uuid() });
const kioskBody = ratingBody.extend({
  dossierCode: z.string().trim().min(1, { message: 'feedback_dossier_required' }).max(60),
});
const closeBody = z.strictObject({
  note: z.string().trim().min(5, { message: 'feedback_note_required' }).max(2000),
});
export const periodQuery = z.object({
  agencyId: z.uuid().optional(),
  from: z.iso.date({ message: 'date_format' }).optional(),
  to: z.iso.date({ message: 'date_format' }).optional(),
});

const scopeOf = (kind: string, token: string) =>
  `rating-${kind}:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;

/** The period a statistics request names, this year to today by default. */
export function periodOf(q: z.infer<typeof periodQuery>, now: Date) {
  const today = vietnamDateOf(now);
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (from > to) throw fieldProblem(fieldIssue('to', 'survey_period_reversed'));
  return { from, to };
}

/**
 * /api/v1/public/ratings: the citizen rates a returned dossier by its result's one-time link (the
 * SIPAS link's token) or at the counter tablet, with no account; a double submit counts once.
 */
export function publicRatingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['ratings'];

    r.get(
      '/links/:token',
      {
        schema: {
          tags,
          summary: 'The returned dossier a result link rates, and whether it is rated already',
          params: tokenParams,
          response: answers({ 200: ratingFormResponse }),
        },
      },
      async (request) => linkRatingForm(ctx.db, request.params.token),
    );

    r.post(
      '/links/:token',
      {
        schema: {
          tags,
          summary: 'Rate a returned dossier by its result link, once; Idempotency-Key supported',
          params: tokenParams,
          body: ratingBody,
          response: answers({ 201: ratingGivenResponse }),
        },
      },
      async (request, reply) =>
        answerOnce(ctx, request, reply, scopeOf('link', request.params.token), request.body, async (tx) => ({
          status: 201,
          body: await rateByLink(tx, request.params.token, request.body, ctx.now()),
        })),
    );

    r.post(
      '/kiosks/:token',
      {
        schema: {
          tags,
          summary: "Rate a dossier returned at this counter, on the counter tablet, by the dossier's code",
          params: tokenParams,
          body: kioskBody,
          response: answers({ 201: ratingGivenResponse }),
        },
      },
      async (request, reply) =>
        answerOnce(ctx, request, reply, scopeOf('kiosk', request.params.token), request.body, async (tx) => ({
          status: 201,
          body: await rateAtKiosk(tx, request.params.token, request.body, ctx.now()),
        })),
    );
  };
}

/** /api/v1/ratings: the applicant's own rating, the heads' follow-ups, the statistics. */
export function ratingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['ratings'];

    r.post(
      '/dossiers/:id',
      {
        schema: {
          tags,
          summary:
            'The signed-in applicant (portal citizen or citizen account) rates their returned dossier, once',
          params: idParams,
          body: ratingBody,
          response: answers({ 201: ratingGivenResponse }),
        },
      },
      async (request, reply) => {
        // A portal citizen's session comes first; otherwise a staff-session account with the citizen role.
        const citizen = request.citizenSession;
        const who = citizen ? { citizen, ctx } : { session: requireSession(request) };
        const scope = citizen ? `citizen:${citizen.citizen.id}` : `user:${requireSession(request).user.id}`;
        return answerOnce(ctx, request, reply, `rating-account:${scope}`, request.body, async (tx) => ({
          status: 201,
          body: await rateAsApplicant(tx, who, request.params.id, request.body, ctx.now()),
        }));
      },
    );

    r.get(
      '/follow-ups',
      {
        schema: {
          tags,
          summary: "The not-satisfied ratings of the head of unit's units, open ones first",
          response: answers({ 200: ratingFollowUpsResponse }),
        },
      },
      async (request) => followUps(ctx.db, requireSession(request)),
    );

    r.post(
      '/follow-ups/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a follow-up with a note of what was done',
          params: idParams,
          body: closeBody,
          response: answers({ 200: ratingFollowUpView }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) =>
          closeFollowUp(tx, session, request.params.id, request.body.note, ctx.now()),
        );
      },
    );

    r.get(
      '/statistics',
      {
        schema: {
          tags,
          summary: 'Ratings by value and reason for an agency and period, and the open follow-ups',
          querystring: periodQuery,
          response: answers({ 200: ratingStatisticsResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencyId = agencyOf(session, request.query.agencyId);
        return ratingStatistics(ctx.db, session, { agencyId, ...periodOf(request.query, ctx.now()) });
      },
    );
  };
}
