import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { decryptIdentityNumber } from '../src/citizen-auth/identity-number.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import type { Database } from '../src/db/database.ts';
import { FileStore } from '../src/files/store.ts';
import { engines, openTestDatabase } from './support/databases.ts';

const MOTCUA = 'http://motcua.test';
const CALLBACK = `${MOTCUA}/api/v1/citizen/auth/oidc/callback`;
const IDENTITY_NUMBER = '079200001234';
const PEOPLE: Record<string, { name: string; identity_number: string; email?: string }> = {
  'vneid-sub-an': { name: 'Nguyễn Văn An', identity_number: IDENTITY_NUMBER },
  'vneid-sub-binh': { name: 'Trần Thị Bình', identity_number: '001199005678', email: 'Binh.Tran@Example.vn' },
  // Gives the address an account signed in by emailed code already has.
  'vneid-sub-chi': { name: 'Phạm Thị Chi', identity_number: '079300004321', email: 'chi@example.vn' },
};

/** A real OpenID provider on loopback, with Motcua registered as a confidential client. */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'motcua',
        client_secret: 'motcua-test-secret',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'identity_number', 'email'] },
    findAccount: async (_ctx, sub) =>
      PEOPLE[sub] ? { accountId: sub, claims: async () => ({ sub, ...PEOPLE[sub] }) } : undefined,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return { issuer, server };
}

/** A browser: one cookie jar per site, follows redirects, posts the provider's forms. */
class Browser {
  readonly jars = new Map<string, Map<string, string>>();
  constructor(private readonly app: FastifyInstance) {}

  #jar(url: URL) {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    return jar;
  }

  async send(url: URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const jar = this.#jar(url);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}) };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    let status: number;
    let location: string | null;
    let setCookies: string[];
    let text: string;
    if (url.origin === MOTCUA) {
      const res = await this.app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url: url.pathname + url.search,
        headers,
      });
      status = res.statusCode;
      location = (res.headers.location as string | undefined) ?? null;
      const raw = res.headers['set-cookie'];
      setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      text = res.body;
    } else {
      const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
      status = res.status;
      location = res.headers.get('location');
      setCookies = res.headers.getSetCookie();
      text = await res.text();
    }
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const v = value.join('=');
      if (v === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name!.trim());
      else jar.set(name!.trim(), v);
    }
    return { status, location: location ? new URL(location, url) : null, text, url };
  }

  /** Follows redirects until a page (or Motcua's own page) answers. */
  async go(url: URL, init: { method?: string; form?: Record<string, string> } = {}) {
    let res = await this.send(url, init);
    for (let hops = 0; res.location && hops < 10; hops++) {
      if (res.location.origin === MOTCUA && !res.location.pathname.startsWith('/api/')) return res;
      res = await this.send(res.location);
    }
    return res;
  }
}

const formAction = (page: { text: string; url: URL }) => {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
  if (!action) throw new Error(`no form on ${page.url.href}: ${page.text.slice(0, 200)}`);
  return new URL(action.replace(/&amp;/g, '&'), page.url);
};

/** Start at Motcua, sign in at the provider as `subject`, consent, and land back at Motcua. */
async function signInThroughProvider(browser: Browser, subject: string) {
  const login = await browser.go(new URL('/api/v1/citizen/auth/oidc/start', MOTCUA));
  expect(login.text).toContain('name="login"');
  let page = await browser.go(formAction(login), {
    method: 'POST',
    form: { prompt: 'login', login: subject, password: 'any' },
  });
  if (page.text.includes('value="consent"')) {
    page = await browser.go(formAction(page), { method: 'POST', form: { prompt: 'consent' } });
  }
  return page;
}

describe.each(engines)('citizen sign-in with VNeID (OpenID Connect) on %s', (engine) => {
  let provider: { issuer: string; server: Server };
  let db: Database;
  let ctx: AppContext;
  let app: FastifyInstance;
  const logs: string[] = [];

  beforeAll(async () => {
    provider = await startProvider();
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
