import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@motcua/core';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
}

export interface RoleGrant {
  role: Role;
  unitId: string;
  unitName: string;
  agencyId: string | null;
}

export interface Session {
  tokenHash: string;
  csrfToken: string;
  user: SessionUser;
  roles: RoleGrant[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(
  ctx: AppContext,
  userId: string,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expires = new Date(now.getTime() + ctx.config.sessionAbsoluteMinutes * 60_000);
  await ctx.db.query(
    `INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [hashToken(token), userId, csrfToken, now, expires, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
  );
  return { token, csrfToken };
}

/**
 * The live session for a cookie token, or null. A session ends at its absolute expiry or after
 * the idle timeout; each use moves the idle clock (at most once a minute, to spare writes).
 */
export async function findSession(ctx: AppContext, token: string): Promise<Session | null> {
  const tokenHash = hashToken(token);
  const rows = await ctx.db.query<{
    csrf_token: string;
    last_seen_at: Date;
    expires_at: Date;
    id: string;
    username: string;
    full_name: string;
    must_change_password: boolean;
    active: boolean;
  }>(
    `SELECT s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.username, u.full_name, u.must_change_password, u.active
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  const now = ctx.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + ctx.config.sessionIdleMinutes * 60_000;
  if (!row.active || now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() >= idleLimit) {
    await ctx.db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await ctx.db.query('UPDATE user_session SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, now]);
  }
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      mustChangePassword: row.must_change_password,
    },
    roles: await loadRoles(ctx.db, row.id),
  };
}

export async function loadRoles(db: Queryable, userId: string): Promise<RoleGrant[]> {
  const rows = await db.query<{ role: Role; unit_id: string; name: string; agency_id: string | null }>(
    `SELECT r.role, r.unit_id, u.name, u.agency_id
       FROM user_role r JOIN org_unit u ON u.id = r.unit_id
      WHERE r.user_id = $1 ORDER BY r.role, u.name`,
    [userId],
  );
  return rows.map((r) => ({ role: r.role, unitId: r.unit_id, unitName: r.name, agencyId: r.agency_id }));
}

export async function deleteSession(ctx: AppContext, tokenHash: string): Promise<void> {
  await ctx.db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

/** After a password change every other session of the user ends (ASVS 3.3.3). */
export async function deleteOtherSessions(
  db: Queryable,
  userId: string,
  keepTokenHash: string | null,
): Promise<void> {
  await db.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [
    userId,
    keepTokenHash,
  ]);
}
