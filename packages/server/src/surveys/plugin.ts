import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { publicSurveyRoutes } from './public-routes.ts';
import { surveyRoutes } from './routes.ts';

/** The satisfaction surveys under /api/v1: /surveys for staff, /public/surveys for answering. */
export function surveyPlugin(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    await app.register(surveyRoutes(ctx), { prefix: '/surveys' });
    await app.register(publicSurveyRoutes(ctx), { prefix: '/public/surveys' });
  };
}
