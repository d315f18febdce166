import { createHash } from 'node:crypto';
import { surveyAnsweredResponse, surveyFormResponse } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { answerOnce } from '../http/idempotency.ts';
import { answers } from '../http/responses.ts';
import * as s from './schemas.ts';
import { answerAtKiosk, answerByLink, kioskForm, linkForm } from './service.ts';

const scopeOf = (kind: string, token: string) =>
  `survey-${kind}:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;

/**
 * /api/v1/public/surveys: answering with no account, by the counter tablet's token or the
 * returned dossier's one-time link. Each answer form carries an Idempotency-Key, so a double
 * click counts once; a link answered once refuses a second, different submission.
 */
export function publicSurveyRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['surveys'];

    r.get(
      '/kiosks/:token',
      {
        schema: {
          tags,
          summary: "The counter tablet's questionnaire",
          params: s.tokenParams,
          response: answers({ 200: surveyFormResponse }),
        },
      },
      async (request) => kioskForm(ctx.db, request.params.token, ctx.now()),
    );

    r.post(
      '/kiosks/:token/responses',
      {
        schema: {
          tags,
          summary: 'Answer at the counter tablet; Idempotency-Key makes a double submit count once',
          params: s.tokenParams,
          body: s.answerBody,
          response: answers({ 201: surveyAnsweredResponse }),
        },
      },
      async (request, reply) =>
        answerOnce(ctx, request, reply, scopeOf('kiosk', request.params.token), request.body, async (tx) => ({
          status: 201,
          body: await answerAtKiosk(tx, request.params.token, request.body, ctx.now()),
        })),
    );

    r.get(
      '/links/:token',
      {
        schema: {
          tags,
          summary: 'The questionnaire of a returned dossier’s link; 409 once answered',
          params: s.tokenParams,
          response: answers({ 200: surveyFormResponse }),
        },
      },
      async (request) => linkForm(ctx.db, request.params.token),
    );

    r.post(
      '/links/:token/responses',
      {
        schema: {
          tags,
          summary: "Answer by a returned dossier's link, once; Idempotency-Key supported",
          params: s.tokenParams,
          body: s.answerBody,
          response: answers({ 201: surveyAnsweredResponse }),
        },
      },
      async (request, reply) =>
        answerOnce(ctx, request, reply, scopeOf('link', request.params.token), request.body, async (tx) => ({
          status: 201,
          body: await answerByLink(tx, request.params.token, request.body, ctx.now()),
        })),
    );
  };
}
