import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

export interface CitizenRow {
  id: string;
  full_name: string | null;
  email: string | null;
  identity_number_masked: string | null;
  identity_number_encrypted: string | null;
}

const CITIZEN_COLUMNS = 'id, full_name, email, identity_number_masked, identity_number_encrypted';

/**
 * The citizen the provider names by (issuer, subject), created on first sign-in. The identity
 * number is stored the first time only: a later sign-in does not overwrite it. The email the
 * provider gives is where notifications go: kept once, and only if no other account (one signed in
 * by emailed code) already has that address.
 */
export async function upsertOidcCitizen(
  db: Queryable,
  who: {
    issuer: string;
    subject: string;
    fullName: string | null;
    email: string | null;
    identityNumberEncrypted: string | null;
    identityNumberMasked: string | null;
    /** Keyed HMAC of the verified number (migration 0033), written with it. */
    identityIdHmac?: string | null;
  },
  now: Date,
): Promise<CitizenRow> {
  const rows = await db.query<CitizenRow>(
    `INSERT INTO citizen_account (id, oidc_issuer, oidc_subject, full_name, identity_number_encrypted,
                                  identity_number_masked, created_at, last_sign_in_at, identity_id_hmac, email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8,
             CASE WHEN NOT EXISTS (SELECT 1 FROM citizen_account WHERE email = $9::text) THEN $9::text END)
     ON CONFLICT (oidc_issuer, oidc_subject) DO UPDATE SET
       full_name = COALESCE(EXCLUDED.full_name, citizen_account.full_name),
       email = COALESCE(citizen_account.email, EXCLUDED.email),
       identity_number_encrypted = COALESCE(citizen_account.identity_number_encrypted, EXCLUDED.identity_number_encrypted),
       identity_number_masked = COALESCE(citizen_account.identity_number_masked, EXCLUDED.identity_number_masked),
       identity_id_hmac = CASE WHEN citizen_account.identity_number_encrypted IS NULL
                               THEN EXCLUDED.identity_id_hmac ELSE citizen_account.identity_id_hmac END,
       last_sign_in_at = EXCLUDED.last_sign_in_at
     RETURNING ${CITIZEN_COLUMNS}`,
    [
      randomUUID(),
      who.issuer,
      who.subject,
      who.fullName,
      who.identityNumberEncrypted,
      who.identityNumberMasked,
      now,
      who.identityIdHmac ?? null,
      who.email?.trim().toLowerCase() || null,
    ],
  );
  return rows[0]!;
}

/** The citizen with this email address, created on first sign-in by code. */
export async function upsertEmailCitizen(db: Queryable, email: string, now: Date): Promise<CitizenRow> {
  const rows = await db.query<CitizenRow>(
    `INSERT INTO citizen_account (id, email, created_at, last_sign_in_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (email) DO UPDATE SET last_sign_in_at = EXCLUDED.last_sign_in_at
     RETURNING ${CITIZEN_COLUMNS}`,
    [randomUUID(), email, now],
  );
  return rows[0]!;
}

export async function saveOidcFlow(
  db: Queryable,
  flow: { stateHash: string; codeVerifier: string; nonce: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.query('DELETE FROM citizen_oidc_flow WHERE expires_at <= $1', [now]);
  await db.query(
    'INSERT INTO citizen_oidc_flow (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4)',
    [flow.stateHash, flow.codeVerifier, flow.nonce, flow.expiresAt],
  );
}

/** Takes the flow out (each state is good for one callback), or null when unknown or expired. */
export async function takeOidcFlow(
  db: Queryable,
  stateHash: string,
  now: Date,
): Promise<{ codeVerifier: string; nonce: string } | null> {
  const rows = await db.query<{ code_verifier: string; nonce: string; expires_at: Date }>(
    'DELETE FROM citizen_oidc_flow WHERE state_hash = $1 RETURNING code_verifier, nonce, expires_at',
    [stateHash],
  );
  const row = rows[0];
  if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return null;
  return { codeVerifier: row.code_verifier, nonce: row.nonce };
}

/**
 * Gives the citizen this (verified) email address; null when another account already has it (the
 * address is unique: it signs that account in by code).
 */
export async function setCitizenEmail(db: Queryable, id: string, email: string): Promise<CitizenRow | null> {
  const rows = await db.query<CitizenRow>(
    `UPDATE citizen_account SET email = $2
      WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM citizen_account o WHERE o.email = $2 AND o.id <> $1)
      RETURNING ${CITIZEN_COLUMNS}`,
    [id, email],
  );
  return rows[0] ?? null;
}

/** A new code replaces any earlier one for the address, with fresh attempts. */
export async function saveSignInCode(
  db: Queryable,
  code: { email: string; codeHash: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO citizen_signin_code (email, code_hash, attempts, expires_at, created_at)
     VALUES ($1, $2, 0, $3, $4)
     ON CONFLICT (email) DO UPDATE SET code_hash = EXCLUDED.code_hash, attempts = 0,
       expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at`,
    [code.email, code.codeHash, code.expiresAt, now],
  );
}

/** Counts a try against the address's code and returns the code as it now stands (row locked). */
export async function countCodeAttempt(
  db: Queryable,
  email: string,
): Promise<{ codeHash: string; attempts: number; expiresAt: Date } | null> {
  const rows = await db.query<{ code_hash: string; attempts: number; expires_at: Date }>(
    `UPDATE citizen_signin_code SET attempts = attempts + 1 WHERE email = $1
     RETURNING code_hash, attempts, expires_at`,
    [email],
  );
  const row = rows[0];
  return row
    ? { codeHash: row.code_hash, attempts: row.attempts, expiresAt: new Date(row.expires_at) }
    : null;
}

export async function deleteSignInCode(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM citizen_signin_code WHERE email = $1', [email]);
}

export interface CitizenSessionRow extends CitizenRow {
  csrf_token: string;
  sign_in_method: 'oidc' | 'email';
  acting_tax_code: string | null;
  last_seen_at: Date;
  expires_at: Date;
}

export async function insertCitizenSession(
  db: Queryable,
  s: {
    tokenHash: string;
    citizenId: string;
    csrfToken: string;
    method: 'oidc' | 'email';
    expiresAt: Date;
    ip: string;
    userAgent: string | undefined;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO citizen_session (token_hash, citizen_id, csrf_token, sign_in_method, created_at, last_seen_at,
                                  expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)`,
    [
      s.tokenHash,
      s.citizenId,
      s.csrfToken,
      s.method,
      now,
      s.expiresAt,
      s.ip,
      s.userAgent?.slice(0, 300) ?? null,
    ],
  );
}

export async function citizenSessionOf(db: Queryable, tokenHash: string): Promise<CitizenSessionRow | null> {
  const rows = await db.query<CitizenSessionRow>(
    `SELECT s.csrf_token, s.sign_in_method, s.acting_tax_code, s.last_seen_at, s.expires_at,
            c.id, c.full_name, c.email, c.identity_number_masked, c.identity_number_encrypted
       FROM citizen_session s JOIN citizen_account c ON c.id = s.citizen_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function touchCitizenSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE citizen_session SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, now]);
}

export async function deleteCitizenSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM citizen_session WHERE token_hash = $1', [tokenHash]);
}
