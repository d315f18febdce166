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
 * X-CSRF-Token, and any unsafe request carrying an Origin header must come from this site.
 */
export function installSessions(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName(ctx)];
    request.session = token ? await findSession(ctx, token) : null;
    if (!UNSAFE.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !sameSite(origin, request.headers.host, ctx.config.publicUrl)) {
      throw new Problem(403, 'csrf_failed');
    }
    if (request.session && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new Problem(403, 'csrf_failed');
    }
  });
}

/**
 * True when a request's Origin is this site: the public address (PUBLIC_URL), or the host the
 * request was sent to. `null` (sandboxed frames, some redirects) is no site; X-Forwarded-Host is
 * not consulted, since a client can send it.
 */
export function sameSite(origin: string, host: string | undefined, publicUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === 'null') return false;
  if (parsed.origin === new URL(publicUrl).origin) return true;
  if (host === undefined) return false;
  try {
    // The same default-port normalisation on both sides: Host "site:80" is Origin "http://site".
    return parsed.host === new URL(`${parsed.protocol}//${host}`).host;
  } catch {
    return false;
  }
}
