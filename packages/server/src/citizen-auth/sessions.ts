import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../dossiers/service.ts';
import { Problem } from '../http/problem.ts';
import {
  type CitizenRow,
  citizenSessionOf,
  deleteCitizenSession,
  insertCitizenSession,
  touchCitizenSession,
} from './store.ts';

/**
 * Citizen sessions follow the staff session rules (random token in an HttpOnly, SameSite=Lax cookie,
 * __Host- and Secure over TLS, idle and absolute expiry, CSRF token on unsafe requests) but live in
 * their own table and cookie: a citizen is never a staff member, and the staff guard never sees one.
 */
export interface CitizenSession {
  tokenHash: string;
  csrfToken: string;
  method: 'oidc' | 'email';
  /** The business the session acts for (its tax code), null acting as the person (citizen-business). */
  actingTaxCode: string | null;
  citizen: CitizenRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    citizenSession: CitizenSession | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function citizenCookieName(ctx: AppContext): string {
  return ctx.config.cookieSecure ? '__Host-motcua_citizen' : 'motcua_citizen';
}

export async function startCitizenSession(
  ctx: AppContext,
  reply: FastifyReply,
  request: FastifyRequest,
  citizenId: string,
  method: 'oidc' | 'email',
): Promise<{ csrfToken: string }> {
  // A sign-in ends the session this browser had, so a shared computer never mixes two people.
  if (request.citizenSession) await deleteCitizenSession(ctx.db, request.citizenSession.tokenHash);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await insertCitizenSession(
    ctx.db,
    {
      tokenHash: hashToken(token),
      citizenId,
      csrfToken,
      method,
      expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteMinutes * 60_000),
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    },
    now,
  );
  reply.setCookie(citizenCookieName(ctx), token, {
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
    path: '/',
    maxAge: ctx.config.sessionAbsoluteMinutes * 60,
  });
  return { csrfToken };
}

export async function endCitizenSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  if (request.citizenSession) await deleteCitizenSession(ctx.db, request.citizenSession.tokenHash);
  reply.clearCookie(citizenCookieName(ctx), {
    path: '/',
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
  });
}

async function findCitizenSession(ctx: AppContext, token: string): Promise<CitizenSession | null> {
  const tokenHash = hashToken(token);
  const row = await citizenSessionOf(ctx.db, tokenHash);
  if (!row) return null;
  const now = ctx.now().getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now >= new Date(row.expires_at).getTime() || now >= lastSeen + ctx.config.sessionIdleMinutes * 60_000) {
    await deleteCitizenSession(ctx.db, tokenHash);
    return null;
  }
  if (now - lastSeen > 60_000) await touchCitizenSession(ctx.db, tokenHash, ctx.now());
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    method: row.sign_in_method,
    actingTaxCode: row.acting_tax_code,
    citizen: {
      id: row.id,
      full_name: row.full_name,
      email: row.email,
      identity_number_masked: row.identity_number_masked,
      identity_number_encrypted: row.identity_number_encrypted,
    },
  };
}

/**
 * Loads the citizen session on API requests; a signed-in citizen's unsafe request must echo the
 * session's CSRF token (the Origin check of the staff sessions applies to every request already).
 */
export function installCitizenSessions(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('citizenSession', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[citizenCookieName(ctx)];
    request.citizenSession = token ? await findCitizenSession(ctx, token) : null;
    if (
      request.citizenSession &&
      UNSAFE.has(request.method) &&
      request.headers['x-csrf-token'] !== request.citizenSession.csrfToken &&
      // Signing in again needs no token: the old session ends anyway.
      !request.url.startsWith('/api/v1/citizen/auth/')
    ) {
      throw new Problem(403, 'csrf_failed');
    }
  });
}

/** The signed-in citizen, or 401. */
export function requireCitizen(request: FastifyRequest): CitizenSession {
  if (!request.citizenSession) throw new Problem(401, 'unauthenticated');
  return request.citizenSession;
}

/**
 * The signed-in citizen as the dossier engine's actor: the applicant of their own dossiers and of
 * nothing else (`citizenDossierAccess`). Their events name them; they are not a staff user.
 */
export function citizenActor(session: CitizenSession): Actor {
  const c = session.citizen;
  return { userId: null, citizenId: c.id, name: c.full_name ?? 'Công dân', grants: [] };
}
