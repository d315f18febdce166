import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';

describe.each(engines)('citizen sign-in by emailed code on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, {
      seed: false,
      env: { LOGIN_RATE_PER_MINUTE: '1000', CITIZEN_CODE_RATE_PER_MINUTE: '1000' },
    });
  });
  afterAll(() => t.close());

  /** The code the email channel would send: the newest outbox message to the address. */
  async function codeSentTo(email: string): Promise<string> {
    const rows = await t.db.query<{ payload: { email: string; code: string } }>(
      `SELECT payload FROM outbox WHERE kind = 'citizen.signin_code' AND payload->>'email' = $1 ORDER BY id DESC LIMIT 1`,
      [email],
    );
    return rows[0]!.payload.code;
  }
  const start = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/email/start', payload: { email } });
  const verify = (email: string, code: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/email/verify', payload: { email, code } });

  it('sends a 6-digit code to the outbox, stores it hashed, and signs in with it once', async () => {
    const res = await start('  An.Nguyen@Example.VN ');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ expiresInMinutes: 10 });
    const code = await codeSentTo('an.nguyen@example.vn');
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.db.query<{ code_hash: string }>('SELECT code_hash FROM citizen_signin_code');
    expect(JSON.stringify(stored)).not.toContain(code);

    const ok = await verify('an.nguyen@example.vn', code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      email: 'an.nguyen@example.vn',
      signInMethod: 'email',
      identityNumberMasked: null,
    });
    const cookie = ok.cookies.find((c) => c.name === 'motcua_citizen')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({
      url: '/api/v1/citizen/me',
      headers: { cookie: `motcua_citizen=${cookie.value}` },
    });
    expect(me.json().email).toBe('an.nguyen@example.vn');

    // Used once: the same code does not sign in again.
    const again = await verify('an.nguyen@example.vn', code);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ path: 'code' });
  });

  it('refuses a wrong code next to the field, and after 5 wrong tries even the right one', async () => {
    const email = 'binh@example.vn';
    await start(email);
    const code = await codeSentTo(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await verify(email, wrong);
    expect(first.statusCode).toBe(422);
    expect(first.json().errors[0].path).toBe('code');
    expect(first.json().errors[0].message).toContain('không đúng');
    for (let i = 0; i < 4; i++) expect((await verify(email, wrong)).statusCode).toBe(422);
    const right = await verify(email, code);
    expect(right.statusCode).toBe(422);
    expect(right.json().errors[0].message).toContain('sai quá nhiều lần');
    expect(right.cookies.find((c) => c.name === 'motcua_citizen')).toBeUndefined();
  });

  it('lets a code expire after 10 minutes, and sends a new one at most once a minute', async () => {
    const email = 'chi@example.vn';
    await start(email);
    const tooSoon = await start(email);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().code).toBe('signin_code_recently_sent');
    const code = await codeSentTo(email);
    t.advance(10 * 60_000 + 1000);
    const late = await verify(email, code);
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0].message).toContain('hết hạn');
    expect((await start(email)).statusCode).toBe(200);
    expect((await verify(email, await codeSentTo(email))).statusCode).toBe(200);
  });

  it('refuses an address that is not one, and a code that is not 6 digits', async () => {
    const bad = await start('not-an-address');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('email');
    const short = await verify('an.nguyen@example.vn', '12345');
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].path).toBe('code');
  });
});

describe('citizen sign-in code requests are rate limited', () => {
  it('answers 429 past the per-minute limit of an address', async () => {
    const t = await startTestApp('pglite', { seed: false, env: { CITIZEN_CODE_RATE_PER_MINUTE: '2' } });
    try {
      const send = (n: number) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/citizen/auth/email/start',
          payload: { email: `p${n}@example.vn` },
        });
      expect((await send(1)).statusCode).toBe(200);
      expect((await send(2)).statusCode).toBe(200);
      const third = await send(3);
      expect(third.statusCode).toBe(429);
      expect(third.json().code).toBe('rate_limited');
    } finally {
      await t.close();
    }
  });
});
