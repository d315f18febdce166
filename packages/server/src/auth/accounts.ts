import type { Queryable } from '../db/database.ts';
import type { SessionUser } from './sessions.ts';

/** The account data sign-in and password changes need (the only SQL of the auth routes). */

export interface Credentials {
  id: string;
  password_hash: string;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
}

/** The account a username signs in to (case-insensitive), with its password hash and lock state. */
export async function credentialsOf(db: Queryable, username: string): Promise<Credentials | null> {
  const [row] = await db.query<Credentials>(
    'SELECT id, password_hash, active, failed_logins, locked_until FROM app_user WHERE lower(username) = lower($1)',
    [username],
  );
  return row ?? null;
}

export async function passwordHashOf(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM app_user WHERE id = $1',
    [userId],
  );
  return row?.password_hash ?? null;
}

/** Records the failed sign-ins in a row, or the lock they led to (the count starts again after it). */
export async function setFailedSignIns(
  db: Queryable,
  userId: string,
  failures: number,
  lockedUntil: Date | null,
): Promise<void> {
  await db.query('UPDATE app_user SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
    userId,
    failures,
    lockedUntil,
  ]);
}

export function clearFailedSignIns(db: Queryable, userId: string): Promise<void> {
  return setFailedSignIns(db, userId, 0, null);
}

export async function sessionUserOf(db: Queryable, userId: string): Promise<SessionUser | null> {
  const [u] = await db.query<{
    id: string;
    username: string;
    full_name: string;
    must_change_password: boolean;
  }>('SELECT id, username, full_name, must_change_password FROM app_user WHERE id = $1', [userId]);
  return u
    ? { id: u.id, username: u.username, fullName: u.full_name, mustChangePassword: u.must_change_password }
    : null;
}

/** The owner's own new password: no change is required of them any more. */
export async function setOwnPassword(tx: Queryable, userId: string, hash: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = $3, updated_at = $3
      WHERE id = $1`,
    [userId, hash, now],
  );
}
