import { actingAsBody, citizenBusinessesResponse, declareBusinessBody } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireCitizen } from '../citizen-auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { answers } from '../http/responses.ts';
import { businessesView, chooseActingAs, declareOwnBusiness } from './service.ts';

/** The businesses a signed-in person represents, and whom their session acts as. */
export function citizenBusinessRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/businesses',
      {
        schema: {
          tags: ['citizen'],
          summary: 'The businesses the signed-in person represents, and whom the session acts as',
          response: answers({ 200: citizenBusinessesResponse }),
        },
      },
      async (request) => businessesView(ctx, requireCitizen(request)),
    );

    r.post(
      '/businesses',
      {
        schema: {
          tags: ['citizen'],
          summary:
            'Declare a business one represents (not verified: acts for it only on what one submits for it)',
          body: declareBusinessBody,
          response: answers({ 200: citizenBusinessesResponse }),
        },
      },
      async (request) => declareOwnBusiness(ctx, requireCitizen(request), request.body),
    );

    r.put(
      '/acting-as',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Act as oneself or for one of one’s businesses, for the rest of the session',
          body: actingAsBody,
          response: answers({ 200: citizenBusinessesResponse }),
        },
      },
      async (request) => chooseActingAs(ctx, requireCitizen(request), request.body),
    );
  };
}
