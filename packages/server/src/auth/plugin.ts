import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { findSession } from './sessions.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(ctx: AppContext): string {
  // The __Host- prefix pins the cookie to this host and path, but browsers accept it only over TLS.
  return ctx.config.cookieSecure ? '__Host-motcua_session' : 'motcua_session';
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(ctx), token, {
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
    path: '/',
    maxAge: ctx.config.sessionAbsoluteMinutes * 60,
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(ctx), {
    path: '/',
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
  });
}

/**
 * Loads the session from its cookie on every API request, and protects state-changing requests
 * against cross-site forgery: a signed-in request must echo the session's CSRF token in
 * X-CSRF-Token, and any unsafe request carrying an Origin header must come from this host.
 */
export function installSessions(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName(ctx)];
    request.session = token ? await findSession(ctx, token) : null;
    if (!UNSAFE.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      const host = request.headers['x-forwarded-host'] ?? request.headers.host;
      if (originHost !== host) throw new Problem(403, 'csrf_failed');
    }
    if (request.session && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new Problem(403, 'csrf_failed');
    }
  });
}
