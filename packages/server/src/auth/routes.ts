import { noContentSchema, sessionSchema } from '@motcua/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import {
  clearFailedSignIns,
  credentialsOf,
  passwordHashOf,
  sessionUserOf,
  setFailedSignIns,
  setOwnPassword,
} from './accounts.ts';
import { requireSession } from './guard.ts';
import { dummyPasswordHash, hashPassword, passwordIsAcceptable, verifyPassword } from './passwords.ts';
import { clearSessionCookie, setSessionCookie } from './plugin.ts';
import { createSession, deleteOtherSessions, deleteSession, loadRoles, type Session } from './sessions.ts';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

const passwordBody = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().min(1).max(1000),
  })
  .strict();

const sessionResponse = (s: Pick<Session, 'user' | 'roles' | 'csrfToken'>) => ({
  user: s.user,
  roles: s.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitName })),
  csrfToken: s.csrfToken,
});

export function authRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Staff sign-in with username and password',
          body: loginBody,
          response: answers({ 200: sessionSchema }),
        },
        config: {
          rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: 60_000 },
        },
      },
      async (request, reply) => {
        // Signing in again in this browser ends the session it had, whoever it belonged to.
        if (request.session) await deleteSession(ctx, request.session.tokenHash);
        return login(ctx, request.body, request.ip, request.headers['user-agent'], reply);
      },
    );

    r.post(
      '/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: answers({ 204: noContentSchema }) } },
      async (request, reply) => {
        if (request.session) await deleteSession(ctx, request.session.tokenHash);
        clearSessionCookie(ctx, reply);
        return reply.status(204).send();
      },
    );

    r.get(
      '/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, roles and CSRF token',
          response: answers({ 200: sessionSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request, { allowPasswordChange: true });
        return sessionResponse(session);
      },
    );

    r.post(
      '/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change one’s own password',
          body: passwordBody,
          response: answers({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request, { allowPasswordChange: true });
        const stored = await passwordHashOf(ctx.db, session.user.id);
        if (!stored || !(await verifyPassword(stored, request.body.currentPassword))) {
          throw fieldProblem(fieldIssue('currentPassword', 'wrong_current_password'));
        }
        if (request.body.newPassword === request.body.currentPassword) {
          throw fieldProblem(fieldIssue('newPassword', 'password_unchanged'));
        }
        if (!passwordIsAcceptable(request.body.newPassword, session.user.username)) {
          throw fieldProblem(fieldIssue('newPassword', 'password_too_weak'));
        }
        const hash = await hashPassword(request.body.newPassword);
        await ctx.db.transaction(async (tx) => {
          await setOwnPassword(tx, session.user.id, hash, ctx.now());
          await deleteOtherSessions(tx, session.user.id, session.tokenHash);
          await recordAudit(tx, {
            actorId: session.user.id,
            action: 'password.change',
            subjectType: 'user',
            subjectId: session.user.id,
          });
        });
        return reply.status(204).send();
      },
    );
  };
}

async function login(
  ctx: AppContext,
  body: z.infer<typeof loginBody>,
  ip: string,
  userAgent: string | undefined,
  reply: FastifyReply,
) {
  const user = await credentialsOf(ctx.db, body.username);
  const now = ctx.now();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), body.password);
    throw new Problem(401, 'invalid_credentials');
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
    throw new Problem(423, 'account_locked', { minutes });
  }
  const ok = await verifyPassword(user.password_hash, body.password);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= ctx.config.loginMaxFailures;
    await setFailedSignIns(
      ctx.db,
      user.id,
      lock ? 0 : failures,
      lock ? new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000) : null,
    );
    if (lock) {
      await recordAudit(ctx.db, {
        actorId: null,
        action: 'user.locked',
        subjectType: 'user',
        subjectId: user.id,
      });
      throw new Problem(423, 'account_locked', { minutes: ctx.config.loginLockMinutes });
    }
    throw new Problem(401, 'invalid_credentials');
  }
  if (!user.active) throw new Problem(403, 'account_disabled');
  await clearFailedSignIns(ctx.db, user.id);
  const { token, csrfToken } = await createSession(ctx, user.id, { ip, userAgent });
  setSessionCookie(ctx, reply, token);
  return sessionResponse({
    user: (await sessionUserOf(ctx.db, user.id))!,
    roles: await loadRoles(ctx.db, user.id),
    csrfToken,
  });
}
