import type { Role } from '@motcua/core';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { ancestorIds } from '../org/tree.ts';
import type { Session } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

/** The signed-in staff member, or 401. A user who must change the password may do only that. */
export function requireSession(
  request: FastifyRequest,
  options: { allowPasswordChange?: boolean } = {},
): Session {
  const session = request.session;
  if (!session) throw new Problem(401, 'unauthenticated');
  if (session.user.mustChangePassword && !options.allowPasswordChange)
    throw new Problem(403, 'password_change_required');
  return session;
}

/** Units on which the session holds one of `roles` (each grant covers the units below it too). */
export function grantedUnits(session: Session, roles: readonly Role[]): string[] {
  return session.roles.filter((g) => roles.includes(g.role)).map((g) => g.unitId);
}

/** 403 unless the user holds one of `roles` somewhere. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Session {
  const session = requireSession(request);
  if (grantedUnits(session, roles).length === 0) throw new Problem(403, 'forbidden');
  return session;
}

/** True when one of `roles` is held on `unitId` or on a unit above it. */
export async function holdsRoleOn(
  db: Queryable,
  session: Session,
  roles: readonly Role[],
  unitId: string,
): Promise<boolean> {
  const granted = new Set(grantedUnits(session, roles));
  if (granted.size === 0) return false;
  const chain = await ancestorIds(db, unitId);
  return chain.some((id) => granted.has(id));
}

export async function requireRoleOn(
  db: Queryable,
  request: FastifyRequest,
  roles: readonly Role[],
  unitId: string,
): Promise<Session> {
  const session = requireRole(request, roles);
  if (!(await holdsRoleOn(db, session, roles, unitId))) throw new Problem(403, 'unit_outside_scope');
  return session;
}
