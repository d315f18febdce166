import { mkdtemp, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { decryptIdentityNumber } from '../src/citizen-auth/identity-number.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import type { Database } from '../src/db/database.ts';
import { FileStore } from '../src/files/store.ts';
import { engines, openTestDatabase } from './support/databases.ts';
import { Browser, CALLBACK, MOTCUA, signInThroughProvider, startProvider } from './support/oidc.ts';

const IDENTITY_NUMBER = '079200001234';
const PEOPLE: Record<string, { name: string; identity_number: string; email?: string }> = {
  'vneid-sub-an': { name: 'Nguyễn Văn An', identity_number: IDENTITY_NUMBER },
  'vneid-sub-binh': { name: 'Trần Thị Bình', identity_number: '001199005678', email: 'Binh.Tran@Example.vn' },
  // Gives the address an account signed in by emailed code already has.
  'vneid-sub-chi': { name: 'Phạm Thị Chi', identity_number: '079300004321', email: 'chi@example.vn' },
};

describe.each(engines)('citizen sign-in with VNeID (OpenID Connect) on %s', (engine) => {
  let provider: { issuer: string; server: Server };
  let db: Database;
  let ctx: AppContext;
  let app: FastifyInstance;
  const logs: string[] = [];

  beforeAll(async () => {
    provider = await startProvider(PEOPLE, ['name', 'identity_number', 'email']);
    db = await openTestDatabase(engine);
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-citizen-'));
    const config = loadConfig({
      LOG_LEVEL: 'trace',
      DATA_DIR: dataDir,
      LOGIN_RATE_PER_MINUTE: '1000',
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: 'motcua',
      OIDC_CLIENT_SECRET: 'motcua-test-secret',
      OIDC_REDIRECT_URL: CALLBACK,
    });
    ctx = { db, config, now: () => new Date(), files: new FileStore(join(dataDir, 'files')) };
    app = await buildApp(ctx, { logStream: { write: (line) => void logs.push(line) } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await new Promise((done) => provider?.server.close(done));
  });

  it('signs a citizen in through the provider and shows the identity number masked', async () => {
    const browser = new Browser(app);
    const landed = await signInThroughProvider(browser, 'vneid-sub-an');
    expect(landed.location?.pathname).toBe('/cong-dan');
    const cookie = browser.jars.get(MOTCUA)!.get('motcua_citizen');
    expect(cookie).toBeTruthy();

    const me = await app.inject({
      url: '/api/v1/citizen/me',
      headers: { cookie: `motcua_citizen=${cookie}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      fullName: 'Nguyễn Văn An',
      identityNumberMasked: '0792******34',
      signInMethod: 'oidc',
    });
    expect(me.body).not.toContain(IDENTITY_NUMBER);

    // Stored once, encrypted: the database holds no plain number, the key opens it.
    const rows = await db.query<{ identity_number_encrypted: string }>(
      'SELECT identity_number_encrypted FROM citizen_account',
    );
    expect(JSON.stringify(rows)).not.toContain(IDENTITY_NUMBER);
    expect(await decryptIdentityNumber(ctx.config.citizenIdKeyFile, rows[0]!.identity_number_encrypted)).toBe(
      IDENTITY_NUMBER,
    );
    expect(await readFile(ctx.config.citizenIdKeyFile, 'utf8')).not.toBe('');
  });

  it('finds the same account again by the provider subject, and another person gets their own', async () => {
    const again = new Browser(app);
    await signInThroughProvider(again, 'vneid-sub-an');
    const other = new Browser(app);
    await signInThroughProvider(other, 'vneid-sub-binh');
    const meOf = async (b: Browser) =>
      (
        await app.inject({
          url: '/api/v1/citizen/me',
          headers: { cookie: `motcua_citizen=${b.jars.get(MOTCUA)!.get('motcua_citizen')}` },
        })
      ).json();
    const [an, binh] = [await meOf(again), await meOf(other)];
    expect(binh).toMatchObject({ fullName: 'Trần Thị Bình', identityNumberMasked: '0011******78' });
    expect(an.id).not.toBe(binh.id);
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_account');
    expect(count[0]!.n).toBe(2);
  });

  it('keeps the email the provider gives, where notifications go, unless another account has it', async () => {
    const meOf = async (b: Browser) =>
      (
        await app.inject({
          url: '/api/v1/citizen/me',
          headers: { cookie: `motcua_citizen=${b.jars.get(MOTCUA)!.get('motcua_citizen')}` },
        })
      ).json();
    const binh = new Browser(app);
    await signInThroughProvider(binh, 'vneid-sub-binh');
    expect((await meOf(binh)).email).toBe('binh.tran@example.vn');
    // Someone signed in by emailed code holds chi@example.vn: the VNeID account signs in without it.
    await db.query(
      `INSERT INTO citizen_account (id, email, created_at, last_sign_in_at) VALUES (gen_random_uuid(), 'chi@example.vn', now(), now())`,
    );
    const chi = new Browser(app);
    const landed = await signInThroughProvider(chi, 'vneid-sub-chi');
    expect(landed.location?.pathname).toBe('/cong-dan');
    expect((await meOf(chi)).email).toBeNull();
    await db.query(`DELETE FROM citizen_account WHERE oidc_subject IS NULL AND email = 'chi@example.vn'`);
  });

  it('refuses a callback whose state this browser did not start, and a state used twice', async () => {
    const browser = new Browser(app);
    const start = await browser.send(new URL('/api/v1/citizen/auth/oidc/start', MOTCUA));
    expect(start.status).toBe(302);
    const authorise = start.location!;
    expect(authorise.origin).toBe(provider.issuer);
    expect(authorise.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorise.searchParams.get('nonce')).toBeTruthy();

    // Another browser (no state cookie) brings this state back: refused.
    const stranger = new Browser(app);
    const forged = await stranger.send(
      new URL(`${CALLBACK}?code=x&state=${authorise.searchParams.get('state')}`),
    );
    expect(forged.location?.pathname + (forged.location?.search ?? '')).toBe('/dang-nhap-cong-dan?loi=vneid');
    expect(stranger.jars.get(MOTCUA)?.get('motcua_citizen')).toBeUndefined();

    const me = await app.inject({ url: '/api/v1/citizen/me' });
    expect(me.statusCode).toBe(401);
  });

  it('never writes the identity number to the server log', () => {
    const all = logs.join('\n');
    expect(all).toContain('/api/v1/citizen/auth/oidc/callback');
    expect(all).not.toContain(IDENTITY_NUMBER);
    expect(all).not.toContain('001199005678');
  });
});

describe('citizen sign-in without OpenID Connect configured', () => {
  it('offers only the email code and answers 404 for the VNeID start', async () => {
    const db = await openTestDatabase('pglite');
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-motcua-test' });
    const app = await buildApp(
      { db, config, now: () => new Date(), files: new FileStore(tmpdir()) },
      { logger: false },
    );
    try {
      expect((await app.inject({ url: '/api/v1/citizen/auth/methods' })).json()).toEqual({
        oidc: false,
        email: true,
      });
      const start = await app.inject({ url: '/api/v1/citizen/auth/oidc/start' });
      expect(start.statusCode).toBe(404);
      expect(start.json().code).toBe('citizen_oidc_unavailable');
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('stops at start when only some of the OIDC settings are given', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://vneid.example' })).toThrow(/OIDC_CLIENT_ID/);
  });
});
