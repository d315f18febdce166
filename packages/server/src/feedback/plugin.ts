import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { publicRatingRoutes, ratingRoutes } from '../ratings/routes.ts';
import { feedbackRoutes, publicFeedbackRoutes } from './routes.ts';

/** Ratings and feedback under /api/v1: /ratings and /feedback for staff, /public/… for citizens. */
export function feedbackPlugin(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    await app.register(ratingRoutes(ctx), { prefix: '/ratings' });
    await app.register(publicRatingRoutes(ctx), { prefix: '/public/ratings' });
    await app.register(feedbackRoutes(ctx), { prefix: '/feedback' });
    await app.register(publicFeedbackRoutes(ctx), { prefix: '/public/feedback' });
  };
}
