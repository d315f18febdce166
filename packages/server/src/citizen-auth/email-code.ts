import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { CITIZEN_CODE_MAX_ATTEMPTS, CITIZEN_CODE_MINUTES } from '@motcua/core';
import type { AppContext } from '../context.ts';
import { fieldIssue, fieldProblem, Problem } from '../http/problem.ts';
import { enqueue } from '../jobs/outbox.ts';
import type { CitizenRow } from './store.ts';
import {
  countCodeAttempt,
  deleteSignInCode,
  saveSignInCode,
  setCitizenEmail,
  upsertEmailCitizen,
} from './store.ts';

/**
 * Sign-in by a one-time code sent to an email address, for those without VNeID. The code is 6
 * digits, stored only hashed, valid 10 minutes and for 5 tries; a new one is sent at most once a minute.
 */
const RESEND_SECONDS = 60;

const hashCode = (email: string, code: string) =>
  createHash('sha256').update(`${email}\n${code}`).digest('base64url');

export async function sendSignInCode(
  ctx: AppContext,
  email: string,
  locale: 'vi' | 'en',
): Promise<{ expiresInMinutes: number }> {
  const now = ctx.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.transaction(async (tx) => {
    const last = await tx.query<{ created_at: Date }>(
      'SELECT created_at FROM citizen_signin_code WHERE email = $1 FOR UPDATE',
      [email],
    );
    const since = last[0] ? (now.getTime() - new Date(last[0].created_at).getTime()) / 1000 : Infinity;
    if (since < RESEND_SECONDS)
      throw new Problem(429, 'signin_code_recently_sent', { seconds: Math.ceil(RESEND_SECONDS - since) });
    await saveSignInCode(
      tx,
      {
        email,
        codeHash: hashCode(email, code),
        expiresAt: new Date(now.getTime() + CITIZEN_CODE_MINUTES * 60_000),
      },
      now,
    );
    // The email channel sends it; the code travels only in the outbox row, never in a log line.
    await enqueue(
      tx,
      {
        agencyId: null,
        kind: 'citizen.signin_code',
        recipientId: null,
        dossierId: null,
        payload: { email, code, expiresInMinutes: CITIZEN_CODE_MINUTES, locale },
      },
      now,
    );
  });
  return { expiresInMinutes: CITIZEN_CODE_MINUTES };
}

/**
 * The citizen the code signs in, or a 422 naming the code field. Each try is counted in its own
 * statement first, so a wrong try stays counted although the answer is an error.
 */
export async function verifySignInCode(ctx: AppContext, email: string, code: string): Promise<CitizenRow> {
  const now = ctx.now();
  await checkCode(ctx, email, code, now);
  return ctx.db.transaction(async (tx) => {
    await deleteSignInCode(tx, email);
    return upsertEmailCitizen(tx, email, now);
  });
}

/**
 * A signed-in citizen without an email (VNeID often gives none) adds one, proved by the code sent
 * to it with sendSignInCode: from then on their dossier and feedback emails go to it. An address
 * another account already has (one signed in by code) is refused, naming the field.
 */
export async function addVerifiedEmail(
  ctx: AppContext,
  citizenId: string,
  email: string,
  code: string,
): Promise<CitizenRow> {
  const now = ctx.now();
  await checkCode(ctx, email, code, now);
  return ctx.db.transaction(async (tx) => {
    const row = await setCitizenEmail(tx, citizenId, email);
    if (!row) throw fieldProblem(fieldIssue('email', 'citizen_email_taken'));
    await deleteSignInCode(tx, email);
    return row;
  });
}

/** The code sent to `email` is the one given, else a 422 naming the code field. */
async function checkCode(ctx: AppContext, email: string, code: string, now: Date): Promise<void> {
  const stored = await countCodeAttempt(ctx.db, email);
  if (!stored || stored.expiresAt.getTime() <= now.getTime()) {
    if (stored) await deleteSignInCode(ctx.db, email);
    throw fieldProblem(fieldIssue('code', 'signin_code_expired'));
  }
  if (stored.attempts > CITIZEN_CODE_MAX_ATTEMPTS)
    throw fieldProblem(fieldIssue('code', 'signin_code_exhausted'));
  const given = Buffer.from(hashCode(email, code));
  const expected = Buffer.from(stored.codeHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    const last = stored.attempts >= CITIZEN_CODE_MAX_ATTEMPTS;
    throw fieldProblem(fieldIssue('code', last ? 'signin_code_exhausted' : 'signin_code_wrong'));
  }
}
