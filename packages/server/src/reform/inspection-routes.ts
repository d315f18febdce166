import { createdResponse, reformFindingCreatedResponse, reformInspectionListSchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { answerOnce as once } from '../http/idempotency.ts';
import { answers } from '../http/responses.ts';
import { addFinding, addInspection, inspectionList, recordInspection } from './inspections.ts';
import * as s from './schemas.ts';

/** Inspections (kiểm tra CCHC): the yearly list, the record of each, findings with remediation tasks. */
export function inspectionRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reform'];

    r.get(
      '/plans/:id/inspections',
      {
        schema: {
          tags,
          summary: "The year's inspections, the share of units listed against the 30% minimum, findings",
          params: s.idParams,
          response: answers({ 200: reformInspectionListSchema }),
        },
      },
      async (request) => inspectionList(ctx.db, requireSession(request), request.params.id, ctx.now()),
    );

    r.post(
      '/plans/:id/inspections',
      {
        schema: {
          tags,
          summary: 'Put a unit on the inspection list for a date; Idempotency-Key supported',
          params: s.idParams,
          body: s.inspectionBody,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(
          ctx,
          request,
          reply,
          `reform-inspection:${session.user.id}`,
          request.body,
          async (tx) => ({
            status: 201,
            body: { id: await addInspection(ctx, tx, session, request.params.id, request.body) },
          }),
        );
      },
    );

    r.put(
      '/inspections/:id',
      {
        schema: {
          tags,
          summary:
            'Record the inspection date and conclusion; 409 when the version sent is not the current one',
          params: s.idParams,
          body: s.inspectionRecordBody,
          response: answers({ 200: createdResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        await ctx.db.transaction((tx) => recordInspection(tx, session, request.params.id, request.body));
        return { id: request.params.id };
      },
    );

    r.post(
      '/inspections/:id/findings',
      {
        schema: {
          tags,
          summary: 'Record a finding and assign its remediation task; Idempotency-Key supported',
          params: s.idParams,
          body: s.findingBody,
          response: answers({ 201: reformFindingCreatedResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(ctx, request, reply, `reform-finding:${session.user.id}`, request.body, async (tx) => ({
          status: 201,
          body: await addFinding(ctx, tx, session, request.params.id, request.body),
        }));
      },
    );
  };
}
