import { POSTAL_DIRECTIONS, postalShipmentInput, postalShipmentsSchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { answers } from '../http/responses.ts';
import { readPostalShipments, recordPostalShipment } from './service.ts';

/** The postal channel: the carrier and tracking number of a dossier received, or a result sent, by post. */
export function postalRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossiers/:id/postal',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'The postal shipments of a dossier (receipt by post, result sent by post)',
          params: z.object({ id: z.uuid() }),
          response: answers({ 200: postalShipmentsSchema }),
        },
      },
      async (request) =>
        readPostalShipments(ctx, requireSession(request), request.params.id, requestLocale(request)),
    );
    r.put(
      '/dossiers/:id/postal/:direction',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Record the carrier and tracking number of a dossier received by post (receipt) or of its result sent by post (return); counter officers of the dossier',
          params: z.object({ id: z.uuid(), direction: z.enum(POSTAL_DIRECTIONS) }),
          body: postalShipmentInput,
          response: answers({ 200: postalShipmentsSchema }),
        },
      },
      async (request) =>
        recordPostalShipment(
          ctx,
          requireSession(request),
          request.params.id,
          request.params.direction,
          request.body,
          requestLocale(request),
        ),
    );
  };
}
