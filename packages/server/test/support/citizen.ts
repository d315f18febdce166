import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/** A portal citizen's session in a test: its account, and the headers a browser tab would send. */
export interface CitizenSession {
  /** citizen_account.id */
  id: string;
  /** `motcua_citizen=…` */
  cookie: string;
  csrfToken: string;
  /** The cookie and the CSRF token, as the portal's pages send them on every change. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/**
 * A citizen signed in by the one-time code emailed to `email` (read from the outbox row the
 * sign-in wrote, as the SMTP worker would send it); a step that fails stops the test there.
 */
export async function citizenByEmail(t: TestApp, email: string): Promise<CitizenSession> {
  const start = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/auth/email/start',
    payload: { email },
  });
  expect(start.statusCode, start.body).toBe(200);
  const [sent] = await t.db.query<{ payload: { code: string } }>(
    `SELECT payload FROM outbox WHERE kind = 'citizen.signin_code' AND payload->>'email' = $1
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email],
  );
  expect(sent, `no sign-in code was queued for ${email}`).toBeDefined();
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/auth/email/verify',
    payload: { email, code: sent!.payload.code },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  const cookie = `motcua_citizen=${ok.cookies.find((c) => c.name === 'motcua_citizen')!.value}`;
  const csrfToken = ok.json().csrfToken as string;
  const [row] = await t.db.query<{ id: string }>('SELECT id FROM citizen_account WHERE email = $1', [
    email.trim().toLowerCase(),
  ]);
  return { id: row!.id, cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
