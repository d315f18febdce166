import { UNIT_KINDS, unitListSchema, unitSchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { grantedUnits, requireRole, requireRoleOn } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from './tree.ts';
import { createUnit, getUnit, listUnits, type Unit, unitIsActive, updateUnit } from './units.ts';

const ADMIN = ['administrator'] as const;
const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9.\-_]+$/, 'letters, digits, dot, dash');
const date = z.iso.date();
const idParams = z.object({ id: z.uuid() });

const createBody = z
  .object({
    parentId: z.uuid(),
    kind: z.enum(UNIT_KINDS),
    code,
    name: z.string().trim().min(2).max(300),
    shortName: z.string().trim().max(50).optional(),
    effectiveFrom: date,
  })
  .strict();

const patchBody = z
  .object({
    name: z.string().trim().min(2).max(300).optional(),
    shortName: z.string().trim().max(50).nullable().optional(),
    code: code.optional(),
    effectiveTo: date.nullable().optional(),
    successorId: z.uuid().nullable().optional(),
  })
  .strict();

export function unitRoutes(ctx: AppContext) {
  const present = (u: Unit) => ({ ...u, active: unitIsActive(u, ctx.now()) });
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/',
      {
        schema: {
          tags: ['admin'],
          summary: 'Units the administrator manages (a tree by parentId)',
          response: answers({ 200: unitListSchema }),
        },
      },
      async (request) => {
        const session = requireRole(request, ADMIN);
        const scope = await descendantIds(ctx.db, grantedUnits(session, ADMIN));
        return { items: (await listUnits(ctx.db, scope)).map(present) };
      },
    );

    r.post(
      '/',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a unit',
          body: createBody,
          response: answers({ 201: unitSchema }),
        },
      },
      async (request, reply) => {
        const session = await requireRoleOn(ctx.db, request, ADMIN, request.body.parentId);
        const unit = await ctx.db.transaction(async (tx) => {
          const created = await createUnit(tx, request.body);
          await recordAudit(tx, {
            actorId: session.user.id,
            agencyId: created.agencyId,
            action: 'unit.create',
            subjectType: 'unit',
            subjectId: created.id,
            detail: { code: created.code, name: created.name },
          });
          return created;
        });
        return reply.status(201).send(present(unit));
      },
    );

    r.get(
      '/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'One unit',
          params: idParams,
          response: answers({ 200: unitSchema }),
        },
      },
      async (request) => {
        await requireRoleOn(ctx.db, request, ADMIN, request.params.id).catch(async (e) => {
          if (!(await getUnit(ctx.db, request.params.id))) throw new Problem(404, 'unit_not_found');
          throw e;
        });
        const unit = await getUnit(ctx.db, request.params.id);
        if (!unit) throw new Problem(404, 'unit_not_found');
        return present(unit);
      },
    );

    r.patch(
      '/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Rename, recode or close a unit (with its successor)',
          params: idParams,
          body: patchBody,
          response: answers({ 200: unitSchema }),
        },
      },
      async (request) => {
        if (!(await getUnit(ctx.db, request.params.id))) {
          requireRole(request, ADMIN);
          throw new Problem(404, 'unit_not_found');
        }
        const session = await requireRoleOn(ctx.db, request, ADMIN, request.params.id);
        if (request.body.successorId) await requireRoleOn(ctx.db, request, ADMIN, request.body.successorId);
        const unit = await ctx.db.transaction(async (tx) => {
          const updated = await updateUnit(tx, request.params.id, request.body, ctx.now());
          await recordAudit(tx, {
            actorId: session.user.id,
            agencyId: updated.agencyId,
            action: 'unit.update',
            subjectType: 'unit',
            subjectId: updated.id,
            detail: request.body,
          });
          return updated;
        });
        return present(unit);
      },
    );
  };
}
