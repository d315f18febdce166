import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';

/**
 * Every endpoint in the OpenAPI document, hit with malformed ids, wrong types, junk bodies and
 * oversized values, anonymous and as an administrator: the answer is always a 4xx problem (or a
 * success), never a 5xx.
 */
const JUNK_BODIES: unknown[] = [
  undefined,
  null,
  'text',
  42,
  [],
  {},
  { content: {} },
  { content: { code: 1, name: null } },
  { username: 'a'.repeat(10_000), password: ['x'] },
  { parentId: 'x', kind: 'moon', code: '../../etc', name: '', effectiveFrom: '2025-02-30' },
  { roles: [{ role: 'emperor', unitId: 'nope' }] },
  { effectiveFrom: 'yesterday' },
  { __proto__: { admin: true } },
];
const RAW_BODIES = ['{"unterminated": ', '\u0000\u0001', '<xml/>'];
const IDS = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' OR '1'='1", '%00'];
const QUERIES = [
  '?page=-1',
  '?pageSize=abc',
  `?q=${'ả'.repeat(500)}`,
  '?onlineLevel[]=x',
  '?agency=zz',
  '?format=pdf',
];

describe('bad input to every endpoint', () => {
  let t: TestApp;
  let admin: TestClient;
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    t = await startTestApp('pglite');
    admin = t.client();
    await admin.login('admin');
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(() => t.close());

  it('covers the API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    // Sign-out is left for last so the admin session survives the run.
    const ordered = [...routes].sort(
      (a, b) => Number(a.path.endsWith('logout')) - Number(b.path.endsWith('logout')),
    );
    for (const route of ordered) {
      const urls = IDS.map((id) => route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id)));
      const targets = route.path.includes('{') ? urls : [route.path, ...QUERIES.map((q) => route.path + q)];
      for (const url of targets) {
        for (const client of [admin, t.client()]) {
          const bodies = route.method === 'GET' ? [undefined] : [...JUNK_BODIES, ...RAW_BODIES];
          for (const body of bodies) {
            const raw = typeof body === 'string' && RAW_BODIES.includes(body);
            const res = await client.request({
              method: route.method as 'GET',
              url,
              ...(body === undefined
                ? {}
                : raw
                  ? { payload: body, headers: { 'content-type': 'application/json' } }
                  : { payload: body as object }),
            });
            if (res.statusCode >= 500)
              failures.push(
                `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 60)} -> ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
            else if (res.statusCode >= 400)
              expect(res.headers['content-type']).toContain('application/problem+json');
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
