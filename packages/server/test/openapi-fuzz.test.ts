import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { brokenValue, type JsonSchema, toJson, validValue } from './support/schema-arbitrary.ts';
import { signIn } from './support/staff.ts';

/**
 * Every operation of the OpenAPI document, called with values generated from its own schemas, some
 * valid and some broken (NUL characters, deep nesting, wrong types, out-of-range values), by an
 * anonymous visitor and by a signed-in administrator (with the CSRF token): no answer is ever a 5xx. The seed is
 * fixed so a failure replays the same way; the run count keeps the file well under a minute.
 */
const SEED = 20_260_413;
const RUNS_PER_OPERATION = 16;

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

type Call = {
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Idempotency-Key, so replay hashing sees the body too. */
  key: string | undefined;
  /** JSON text of the body, if the method has one. */
  body: string | undefined;
};

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** One call: every part valid, or exactly one part (a parameter or the body) broken. */
function callArbitrary(op: Operation, knownIds: string[]): fc.Arbitrary<Call> {
  const params = op.parameters.filter((p) => p.in === 'path' || p.in === 'query');
  const hasBody = op.method !== 'GET';
  const parts = params.length + (hasBody ? 1 : 0);
  const param = (p: Parameter, bad: boolean): fc.Arbitrary<string | string[] | undefined> => {
    let value: fc.Arbitrary<unknown> = bad ? brokenValue(p.schema) : validValue(p.schema);
    if (!bad && p.schema?.format === 'uuid' && knownIds.length > 0)
      value = fc.oneof(
        { weight: 1, arbitrary: value },
        { weight: 3, arbitrary: fc.constantFrom(...knownIds) },
      );
    const text = value.map((v) => (Array.isArray(v) ? v.map(asText) : asText(v)));
    return bad || p.required || p.in === 'path' ? text : fc.option(text, { nil: undefined });
  };
  const key = hasBody ? fc.option(fc.uuid(), { nil: undefined }) : fc.constant(undefined);
  return fc.integer({ min: -1, max: parts - 1 }).chain((broken) => {
    const body: fc.Arbitrary<string | undefined> = hasBody
      ? (broken === params.length ? brokenValue(op.body) : validValue(op.body)).map(toJson)
      : fc.constant(undefined);
    return fc
      .tuple(fc.tuple(...params.map((p, i) => param(p, i === broken))), body, key)
      .map(([vals, b, k]) => {
        const call: Call = { pathParams: {}, query: {}, body: b, key: k };
        params.forEach((p, i) => {
          const v = vals[i];
          if (v === undefined) return;
          if (p.in === 'path') call.pathParams[p.name] = Array.isArray(v) ? v.join(',') : v;
          else call.query[p.name] = v;
        });
        return call;
      });
  });
}

function urlOf(op: Operation, call: Call): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    encodeURIComponent(call.pathParams[name] ?? 'x'),
  );
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(call.query)) for (const one of [v].flat()) search.append(k, one);
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  let knownIds: string[];
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    t = await startTestApp('pglite');
    clients.anonymous = t.client();
    await signIn(t, ['admin'], clients);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
        >
      >;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, spec]) => ({
        method: method.toUpperCase(),
        path,
        parameters: spec.parameters ?? [],
        body: spec.requestBody?.content?.['application/json']?.schema,
      })),
    );
    const ids = await t.db.query<{ id: string }>(
      `(SELECT id::text FROM procedure LIMIT 3) UNION ALL (SELECT id::text FROM org_unit LIMIT 3)
       UNION ALL (SELECT id::text FROM dossier LIMIT 3) UNION ALL (SELECT id::text FROM app_user LIMIT 2)`,
    );
    knownIds = ids.map((r) => r.id);
  });
  afterAll(() => t.close());

  it('reads the whole API from the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(operations.some((o) => o.body)).toBe(true);
  });

  it('never answers 5xx, whoever calls and whatever they send', async () => {
    const failures: string[] = [];
    for (const [index, op] of operations.entries()) {
      for (const [who, client] of Object.entries(clients)) {
        // Signing out or changing the password would end the session the rest of the run needs.
        if (who !== 'anonymous' && /\/auth\/(logout|password)$/.test(op.path)) continue;
        await fc.assert(
          fc.asyncProperty(callArbitrary(op, knownIds), async (call) => {
            const url = urlOf(op, call);
            const headers: Record<string, string> = call.key ? { 'idempotency-key': call.key } : {};
            if (call.body !== undefined) headers['content-type'] = 'application/json';
            const res = await client.request({
              method: op.method as 'GET',
              url,
              headers,
              ...(call.body === undefined ? {} : { payload: call.body }),
            });
            if (res.statusCode >= 500) {
              const sent = call.body?.slice(0, 200) ?? '';
              failures.push(`${who} ${op.method} ${url.slice(0, 200)} ${sent} -> ${res.statusCode}`);
            }
          }),
          { seed: SEED + index, numRuns: RUNS_PER_OPERATION },
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
