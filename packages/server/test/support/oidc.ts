import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { expect } from 'vitest';

/** Motcua's origin as the test browser sees it (requests to it go to `app.inject`). */
export const MOTCUA = 'http://motcua.test';
export const CALLBACK = `${MOTCUA}/api/v1/citizen/auth/oidc/callback`;

export type Person = Record<string, unknown> & { name: string };

/** A real OpenID provider on loopback, with Motcua registered as a confidential client. */
export async function startProvider(
  people: Record<string, Person>,
  profileClaims: string[] = ['name', 'identity_number'],
): Promise<{ issuer: string; server: Server }> {
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
    claims: { openid: ['sub'], profile: profileClaims },
    findAccount: async (_ctx, sub) =>
      people[sub] ? { accountId: sub, claims: async () => ({ sub, ...people[sub] }) } : undefined,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return { issuer, server };
}

/** A browser: one cookie jar per site, follows redirects, posts the provider's forms. */
export class Browser {
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
export async function signInThroughProvider(browser: Browser, subject: string) {
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
