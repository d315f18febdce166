import { adminUserListSchema, adminUserSchema, ROLES } from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { grantedUnits, requireRole } from '../auth/guard.ts';
import { hashPassword, passwordIsAcceptable } from '../auth/passwords.ts';
import { deleteOtherSessions } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { topLevelUnits } from '../org/units.ts';
import {
  createUser,
  getUser,
  listUsers,
  type RoleAssignment,
  setRoles,
  type UserView,
  updateAccount,
} from './users.ts';

const ADMIN = ['administrator'] as const;
const roleList = z.array(z.object({ role: z.enum(ROLES), unitId: z.uuid() }).strict()).max(50);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,15}$/, 'phone');
const idParams = z.object({ id: z.uuid() });

const createBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(50)
      .regex(/^[a-z0-9._-]+$/i),
    fullName: z.string().trim().min(2).max(200),
    email: z.email().max(200).optional(),
    phone: phone.optional(),
    password: z.string().min(1).max(128),
    roles: roleList,
  })
  .strict();

const patchBody = z
  .object({
    fullName: z.string().trim().min(2).max(200).optional(),
    email: z.email().max(200).nullable().optional(),
    phone: phone.nullable().optional(),
    active: z.boolean().optional(),
    roles: roleList.optional(),
    password: z.string().min(1).max(128).optional(),
    unlock: z.literal(true).optional(),
  })
  .strict();

export function userRoutes(ctx: AppContext) {
  /**
   * The units an administrator manages; an admin acts only on users and roles inside them.
   * `wholeTree`: the scope covers every top unit, so accounts of no unit (created by the system)
   * are theirs too.
   */
  const scopeOf = async (request: FastifyRequest) => {
    const session = requireRole(request, ADMIN);
    const scope = await descendantIds(ctx.db, grantedUnits(session, ADMIN));
    const roots = await topLevelUnits(ctx.db);
    return { session, scope, wholeTree: roots.every((r) => scope.has(r)) };
  };
  const assertRolesInScope = (roles: readonly RoleAssignment[], scope: Set<string>) => {
    if (roles.some((r) => !scope.has(r.unitId))) throw new Problem(403, 'unit_outside_scope');
  };
  /** An account is managed by the admins of all its roles' units; a role-less one by those of the unit that created it. */
  const manageable = (user: UserView, scope: Set<string>, wholeTree: boolean) =>
    user.roles.length > 0
      ? user.roles.every((r) => scope.has(r.unitId))
      : user.createdByUnitId
        ? scope.has(user.createdByUnitId)
        : wholeTree;
  /** The creating administrator's unit recorded on a new account: the admin grant covering its roles. */
  const creatingUnit = async (grants: readonly string[], roles: readonly RoleAssignment[]) => {
    for (const unit of grants) {
      const below = await descendantIds(ctx.db, [unit]);
      if (roles.every((r) => below.has(r.unitId))) return unit;
    }
    return grants[0] ?? null;
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/',
      {
        schema: {
          tags: ['admin'],
          summary: 'Users the administrator manages',
          querystring: z.object({ q: z.string().max(100).optional() }),
          response: answers({ 200: adminUserListSchema }),
        },
      },
      async (request) => {
        const { scope, wholeTree } = await scopeOf(request);
        const users = await listUsers(ctx.db, { q: request.query.q });
        return { items: users.filter((u) => manageable(u, scope, wholeTree)) };
      },
    );

    r.post(
      '/',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a staff account',
          body: createBody,
          response: answers({ 201: adminUserSchema }),
        },
      },
      async (request, reply) => {
        const { session, scope } = await scopeOf(request);
        const body = request.body;
        assertRolesInScope(body.roles, scope);
        if (!passwordIsAcceptable(body.password, body.username))
          throw fieldProblem(fieldIssue('password', 'password_too_weak'));
        const createdByUnitId = await creatingUnit(grantedUnits(session, ADMIN), body.roles);
        const id = await ctx.db.transaction(async (tx) => {
          const userId = await createUser(tx, { ...body, mustChangePassword: true, createdByUnitId });
          await recordAudit(tx, {
            actorId: session.user.id,
            action: 'user.create',
            subjectType: 'user',
            subjectId: userId,
            detail: { username: body.username, roles: body.roles },
          });
          return userId;
        });
        return reply.status(201).send((await getUser(ctx.db, id))!);
      },
    );

    r.patch(
      '/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Edit, (de)activate, unlock or reset a staff account',
          params: idParams,
          body: patchBody,
          response: answers({ 200: adminUserSchema }),
        },
      },
      async (request) => {
        const { session, scope, wholeTree } = await scopeOf(request);
        const user = await getUser(ctx.db, request.params.id);
        if (!user) throw new Problem(404, 'not_found');
        if (!manageable(user, scope, wholeTree)) throw new Problem(403, 'user_outside_scope');
        const body = request.body;
        if (body.roles) assertRolesInScope(body.roles, scope);
        if (body.password !== undefined && !passwordIsAcceptable(body.password, user.username)) {
          throw fieldProblem(fieldIssue('password', 'password_too_weak'));
        }
        const passwordHash = body.password !== undefined ? await hashPassword(body.password) : null;
        await ctx.db.transaction(async (tx) => {
          const now = ctx.now();
          await updateAccount(
            tx,
            user.id,
            {
              fullName: body.fullName,
              email: body.email,
              phone: body.phone,
              active: body.active,
              unlock: body.unlock,
              passwordHash,
            },
            now,
          );
          // Sessions end with a deactivation, and with a password only the administrator and the owner know.
          if (body.active === false || passwordHash) await deleteOtherSessions(tx, user.id, null);
          if (body.roles) await setRoles(tx, user.id, body.roles);
          const { password: _hidden, ...detail } = body;
          await recordAudit(tx, {
            actorId: session.user.id,
            action: 'user.update',
            subjectType: 'user',
            subjectId: user.id,
            detail: { ...detail, passwordReset: body.password !== undefined },
          });
        });
        return (await getUser(ctx.db, user.id))!;
      },
    );
  };
}
