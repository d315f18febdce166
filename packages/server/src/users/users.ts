import { randomUUID } from 'node:crypto';
import type { Role } from '@motcua/core';
import { hashPassword } from '../auth/passwords.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  roles: { role: Role; unitId: string }[];
  /** The unit of the administrator who created the account; a role-less account belongs to it. */
  createdByUnitId: string | null;
}

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  locked_until: Date | null;
  must_change_password: boolean;
  created_by_unit_id: string | null;
}

export interface RoleAssignment {
  role: Role;
  unitId: string;
}

export async function listUsers(db: Queryable, filter: { q?: string | undefined }): Promise<UserView[]> {
  const like = filter.q ? `%${filter.q.toLowerCase()}%` : null;
  const rows = await db.query<UserRow>(
    `SELECT id, username, full_name, email, phone, active, locked_until, must_change_password, created_by_unit_id FROM app_user
      WHERE $1::text IS NULL OR lower(username) LIKE $1 OR lower(full_name) LIKE $1
      ORDER BY username LIMIT 1000`,
    [like],
  );
  const roles = await db.query<{ user_id: string; role: Role; unit_id: string }>(
    'SELECT user_id, role, unit_id FROM user_role WHERE user_id = ANY($1::uuid[]) ORDER BY role',
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    active: r.active,
    lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    mustChangePassword: r.must_change_password,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ role: x.role, unitId: x.unit_id })),
    createdByUnitId: r.created_by_unit_id,
  }));
}

export async function getUser(db: Queryable, id: string): Promise<UserView | null> {
  const all = await db.query<{ username: string }>('SELECT username FROM app_user WHERE id = $1', [id]);
  if (!all[0]) return null;
  return (await listUsers(db, {})).find((u) => u.id === id) ?? null;
}

export interface NewUser {
  username: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  /** The creating administrator's unit; null for accounts the system creates (demo seed). */
  createdByUnitId?: string | null | undefined;
}

export async function createUser(db: Queryable, input: NewUser): Promise<string> {
  const exists = await db.query('SELECT 1 FROM app_user WHERE lower(username) = lower($1)', [input.username]);
  if (exists.length > 0) throw new Problem(409, 'duplicate_username', { username: input.username });
  const id = randomUUID();
  await db.query(
    `INSERT INTO app_user (id, username, full_name, email, phone, password_hash, must_change_password, created_by_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      input.username,
      input.fullName,
      input.email ?? null,
      input.phone ?? null,
      await hashPassword(input.password),
      input.mustChangePassword,
      input.createdByUnitId ?? null,
    ],
  );
  await setRoles(db, id, input.roles);
  return id;
}

export async function setRoles(
  db: Queryable,
  userId: string,
  roles: readonly RoleAssignment[],
): Promise<void> {
  await db.query('DELETE FROM user_role WHERE user_id = $1', [userId]);
  const unique = new Map(roles.map((r) => [`${r.role}:${r.unitId}`, r]));
  for (const r of unique.values()) {
    await db.query(
      `INSERT INTO user_role (user_id, role, unit_id, agency_id)
       SELECT $1, $2, id, agency_id FROM org_unit WHERE id = $3`,
      [userId, r.role, r.unitId],
    );
  }
}

/** The changes an administrator makes to an account; absent fields are left as they are. */
export interface AccountChanges {
  fullName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  active?: boolean | undefined;
  /** Clears the failed sign-ins and the lock. */
  unlock?: boolean | undefined;
  /** A password the administrator chose: its owner must replace it at the next sign-in. */
  passwordHash?: string | null | undefined;
}

export async function updateAccount(
  tx: Queryable,
  userId: string,
  c: AccountChanges,
  now: Date,
): Promise<void> {
  if (c.fullName !== undefined)
    await tx.query('UPDATE app_user SET full_name = $2 WHERE id = $1', [userId, c.fullName]);
  if (c.email !== undefined)
    await tx.query('UPDATE app_user SET email = $2 WHERE id = $1', [userId, c.email]);
  if (c.phone !== undefined)
    await tx.query('UPDATE app_user SET phone = $2 WHERE id = $1', [userId, c.phone]);
  if (c.active !== undefined)
    await tx.query('UPDATE app_user SET active = $2 WHERE id = $1', [userId, c.active]);
  if (c.unlock)
    await tx.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  if (c.passwordHash) {
    await tx.query(
      'UPDATE app_user SET password_hash = $2, must_change_password = true, password_changed_at = $3 WHERE id = $1',
      [userId, c.passwordHash, now],
    );
  }
  await tx.query('UPDATE app_user SET updated_at = $2 WHERE id = $1', [userId, now]);
}
