import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unitSchema } from '@motcua/core';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { FileStore } from '../src/files/store.ts';
import { installErrorHandling } from '../src/http/errors.ts';
import { answers } from '../src/http/responses.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { openTestDatabase } from './support/databases.ts';

/**
 * Every route declares its answers, and the declaration is enforced: the OpenAPI document gives each
 * operation a success schema and the problem body, and a body its schema does not allow never
 * reaches the client (500, logged), so a handler cannot drift from what the web is typed against.
 * The document and the serializer do not depend on the engine: PGlite only.
 */

interface Response {
  content?: Record<string, { schema?: Record<string, unknown> }>;
}
interface Operation {
  responses: Record<string, Response>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const PROBLEM_JSON = 'application/problem+json';

describe('declared answers', () => {
  let db: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  /** Every route as it was registered, hidden from the document or not. */
  const routes: RouteOptions[] = [];
  let doc: {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };
  /** A schema, or the component a `$ref` names. */
  const resolve = (schema: Record<string, unknown> | undefined) => {
    const ref = schema?.$ref as string | undefined;
    return ref ? doc.components.schemas[ref.replace('#/components/schemas/', '')] : schema;
  };

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((m) => (item[m] ? [{ name: `${m.toUpperCase()} ${path}`, op: item[m]! }] : [])),
    );

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: '/nonexistent-motcua-test' });
    const files = new FileStore(await mkdtemp(join(tmpdir(), 'motcua-files-')));
    const ctx = { db, config, now: () => new Date(), files };
    await seedDemo(db, ctx.now());
    app = await buildApp(ctx, {
      logStream: { write: (line: string) => void lines.push(line) },
      onRoute: (route) => void routes.push(route),
    });
    await app.ready();
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('gives every operation a success answer with its schema, and the problem answer for 4xx and 5xx', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { name, op } of ops) {
      const success = Object.entries(op.responses).filter(([code]) => /^[23]/.test(code));
      if (success.length === 0) missing.push(`${name}: no 2xx answer`);
      for (const [code, response] of success) {
        // 204 has no body; every other success names its media type(s) and a schema for each.
        if (code === '204' || /^3/.test(code)) continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0 || media.some(([, m]) => Object.keys(resolve(m.schema) ?? {}).length === 0))
          missing.push(`${name}: ${code} without a schema`);
      }
      for (const code of ['4XX', '5XX']) {
        const schema = resolve(op.responses[code]?.content?.[PROBLEM_JSON]?.schema);
        if (!schema) missing.push(`${name}: no ${code} ${PROBLEM_JSON}`);
        else if (!(schema.required as string[] | undefined)?.includes('code'))
          missing.push(`${name}: ${code} is not the problem schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds a 2xx answer declared on every registered API route, those left out of the document too', () => {
    const api = routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(60);
    const undeclared = api
      // A redirect (3xx) is the answer of the routes a browser navigates through (sign-in).
      .filter((r) => !Object.keys(r.schema?.response ?? {}).some((code) => /^[23]/.test(code)))
      .map((r) => `${String(r.method)} ${r.url}`);
    expect(undeclared).toEqual([]);
    // The walk sees what the document does not: the document itself is a declared route.
    expect(api.map((r) => r.url)).toContain('/api/openapi.json');
  });

  it('describes JSON answers member by member, and closed: an undeclared member is refused', () => {
    const detail = resolve(
      doc.paths['/api/v1/dossiers/{id}']!.get!.responses['200']!.content!['application/json']!.schema,
    ) as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(detail.properties)).toEqual(
      expect.arrayContaining([
        'state',
        'dueAt',
        'timeliness',
        'time',
        'forms',
        'approval',
        'availableActions',
        'events',
        'documents',
      ]),
    );
    expect(detail.additionalProperties).toBe(false);
    // The time is core's read model, closed too; each history entry's payload is typed by its action.
    const time = detail.properties.time as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(time.properties)).toEqual(
      expect.arrayContaining(['clock', 'remaining', 'atRisk', 'pause', 'overdueFrom', 'atRiskFrom']),
    );
    expect(time.additionalProperties).toBe(false);
    const events = detail.properties.events as { items: { oneOf?: unknown[]; anyOf?: unknown[] } };
    const options = (events.items.oneOf ?? events.items.anyOf ?? []) as {
      properties: { action: { const?: string; enum?: string[] }; payload: { properties: object } };
    }[];
    const byAction = new Map(
      options.map((o) => [o.properties.action.const ?? o.properties.action.enum?.[0], o.properties.payload]),
    );
    expect(byAction.size).toBeGreaterThan(20);
    expect(Object.keys(byAction.get('request_supplement')!.properties)).toEqual(
      expect.arrayContaining(['items', 'requestNumber', 'limitAt']),
    );
    expect(Object.keys(byAction.get('extend')!.properties)).toEqual(
      expect.arrayContaining(['reason', 'newDueAt', 'previousDueAt']),
    );
    const session = doc.paths['/api/v1/auth/session']!.get!.responses['200']!.content!['application/json']!
      .schema as { required: string[] };
    expect(session.required).toEqual(expect.arrayContaining(['user', 'roles', 'csrfToken']));
  });

  it('declares the media types of file downloads', () => {
    const types = (path: string) => Object.keys(doc.paths[path]!.get!.responses['200']!.content ?? {});
    expect(types('/api/v1/dossiers/{id}/forms/{file}')).toEqual(
      expect.arrayContaining([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
    );
    expect(types('/api/v1/dossiers/register/{file}')).toContain('application/pdf');
    expect(types('/api/v1/admin/catalogue/export')).toEqual(
      expect.arrayContaining([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/json',
      ]),
    );
    expect(types('/api/v1/dossiers/{id}/documents/{documentId}')).toEqual(
      expect.arrayContaining(['application/pdf', 'image/png', 'image/jpeg']),
    );
    // Biểu 06 answers JSON, or the official layout as XLSX or PDF, from one status.
    expect(types('/api/v1/reports/06')).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/pdf',
    ]);
    expect(types('/api/v1/admin/import/dossiers/schema.json')).toEqual(['application/schema+json']);
    expect(types('/api/v1/reform/tasks/{id}/reports/{reportId}/file')).toContain('application/pdf');
    const history = doc.paths['/api/v1/admin/import/dossiers']!.post!.responses['200']!.content!;
    expect(Object.keys(history)).toEqual(['application/json', 'application/x-ndjson']);
    expect((resolve(history['application/json']!.schema) as { required: string[] }).required).toEqual(
      expect.arrayContaining(['dryRun', 'imported', 'problems']),
    );
  });

  it('answers 500 with a logged error, not the body, when stored data breaks a route’s schema', async () => {
    const list = (await app.inject({ url: '/api/v1/procedures?pageSize=1' })).json();
    const id = list.items[0].id as string;
    expect((await app.inject({ url: `/api/v1/procedures/${id}` })).statusCode).toBe(200);
    // A member the contract does not know, as an old import or a hand-edited row could leave.
    await db.query(
      `UPDATE procedure_version SET content = content || '{"internalNote":"do not publish"}'::jsonb
        WHERE id = (SELECT current_version_id FROM procedure WHERE id = $1)`,
      [id],
    );
    lines.length = 0;
    const res = await app.inject({ url: `/api/v1/procedures/${id}` });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 500, code: 'internal_error' });
    expect(res.body).not.toContain('do not publish');
    // The log names the route and the member that broke the schema, for whoever fixes it.
    const errors = lines
      .map((l) => JSON.parse(l) as { level: number; err?: { route?: string; issues?: unknown[] } })
      .filter((l) => l.level >= 50);
    expect(errors.map((l) => l.err)).toContainEqual(
      expect.objectContaining({
        route: 'GET /api/v1/procedures/:id',
        issues: [expect.objectContaining({ code: 'unrecognized_keys', keys: ['internalNote'] })],
      }),
    );
  });
});

/** The same serializer and error handling as the app, around one route whose handler drifts. */
describe('a handler that answers what its schema does not allow', () => {
  let app: FastifyInstance;
  const lines: string[] = [];
  const unit = {
    id: '6f1c1f0e-1d2b-4c3a-9e8f-0a1b2c3d4e5f',
    parentId: null,
    agencyId: null,
    kind: 'agency',
    code: 'SO-TEST',
    name: 'Sở Thử nghiệm',
    shortName: null,
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    successorId: null,
    active: true,
  };
  let body: unknown = unit;

  beforeAll(async () => {
    app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } });
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app);
    app
      .withTypeProvider<ZodTypeProvider>()
      .get('/unit', { schema: { response: answers({ 200: unitSchema }) } }, async () => body as never);
    await app.ready();
  });
  afterAll(() => app.close());

  const answer = async (value: unknown) => {
    body = value;
    lines.length = 0;
    return app.inject({ url: '/unit' });
  };

  it('passes a body that matches', async () => {
    const res = await answer(unit);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(unit);
  });

  it.each([
    ['a member the schema does not declare', { ...unit, internal: 'secret' }],
    ['a declared member left out', { ...unit, active: undefined }],
    ['a value of another type', { ...unit, active: 'yes' }],
    ['a value outside its enum', { ...unit, kind: 'ministry-of-magic' }],
    ['a date that is not YYYY-MM-DD', { ...unit, effectiveFrom: '01/07/2025' }],
  ])('fails with 500 and a logged error on %s', async (_case, value) => {
    const res = await answer(value);
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 500, code: 'internal_error' });
    expect(res.body).not.toContain('secret');
    expect(lines.some((l) => (JSON.parse(l) as { level: number }).level >= 50)).toBe(true);
  });
});
