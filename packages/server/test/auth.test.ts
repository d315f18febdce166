import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';

describe.each(engines)('staff sign-in on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.close());

  it('signs in with a session cookie that is HttpOnly and SameSite, and returns roles and a CSRF token', async () => {
    const c = t.client();
    const res = await c.login('admin');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'motcua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'administrator' })]),
    );
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
    const session = await c.request({ url: '/api/v1/auth/session' });
    expect(session.json().user.username).toBe('admin');
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await t.client().login('chuyenvien', 'not the password at all');
    const unknown = await t.client().login('nobody-here', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks an account after repeated failures, and the right password does not get through while locked', async () => {
    const c = t.client();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.login('thamdinh', `wrong-${i}-password`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await c.login('thamdinh');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().detail).toMatch(/khóa/);
    t.advance(16 * 60_000);
    expect((await c.login('thamdinh')).statusCode).toBe(200);
  });

  it('requires the CSRF token on state-changing requests of a signed-in user', async () => {
    const c = t.client();
    await c.login('admin');
    const res = await c.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const crossSite = await c.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('ends the session on sign-out and after the idle timeout', async () => {
    const c = t.client();
    await c.login('lanhdao');
    expect((await c.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await c.request({ url: '/api/v1/auth/session' })).statusCode).toBe(401);

    const d = t.client();
    await d.login('lanhdao');
    t.advance(31 * 60_000);
    const expired = await d.request({ url: '/api/v1/auth/session' });
    expect(expired.statusCode).toBe(401);
  });

  it('changes a password only with the current one and a long enough new one, and ends other sessions', async () => {
    const a = t.client();
    const b = t.client();
    await a.login('truongphong');
    await b.login('truongphong');
    const short = await a.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'Motcua@2025!demo', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].path).toBe('newPassword');
    const wrongCurrent = await a.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'một mật khẩu dài và mới' },
    });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().errors[0].path).toBe('currentPassword');
    const ok = await a.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'Motcua@2025!demo', newPassword: 'một mật khẩu dài và mới' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.request({ url: '/api/v1/auth/session' })).statusCode).toBe(200);
    expect((await b.request({ url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await t.client().login('truongphong', 'một mật khẩu dài và mới')).statusCode).toBe(200);
  });

  it('stores only argon2id hashes and hashed session tokens', async () => {
    const [user] = await t.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM app_user WHERE username = 'admin'",
    );
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    const c = t.client();
    const res = await c.login('admin');
    const token = res.cookies.find((k) => k.name === 'motcua_session')!.value;
    const found = await t.db.query('SELECT 1 FROM user_session WHERE token_hash = $1', [token]);
    expect(found).toHaveLength(0);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { seed: true, env: { LOGIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('slows down a client that keeps trying, with a message saying when to retry', async () => {
    const c = t.client();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await c.login(`user${i}`, 'guess-guess-guess')).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    const res = await c.login('admin');
    expect(res.json().code).toBe('rate_limited');
    expect(res.json().detail).toMatch(/giây/);
  });
});
