import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';

// The name under Decree 219/2025/NĐ-CP, which replaced Decree 152/2020 ("… cho người lao động …").
const WORK_PERMIT = 'Cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam';

describe.each(engines)('public catalogue on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('answers the health check with the database kind', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: engine });
  });

  it('finds the work permit procedure from a query typed without accents', async () => {
    const res = await get(`/api/v1/procedures?q=${encodeURIComponent('giay phep lao dong')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toContain(WORK_PERMIT);
    for (const item of body.items) {
      expect(item).toHaveProperty('id');
      expect(item).toHaveProperty('code');
      expect(item).toHaveProperty('field.name');
      expect(item).toHaveProperty('processingTime.unit');
      expect(['full', 'partial', 'none']).toContain(item.onlineLevel);
    }
  });

  it('says of each procedure whether the counter can receive it, and why not when it cannot', async () => {
    const all = (await get('/api/v1/procedures?pageSize=100')).json();
    const blocked = all.items.filter((i: { notReceivableReason: string | null }) => i.notReceivableReason);
    expect(blocked.length).toBeGreaterThan(0);
    for (const item of all.items) {
      // Exactly the procedures without a confirmed processing time are the ones the counter cannot receive.
      expect(item.notReceivableReason).toBe(
        item.processingTime.value === null ? 'processing_time_unconfirmed' : null,
      );
    }
    const one = (await get(`/api/v1/procedures/${blocked[0].id}`)).json();
    expect(one.notReceivableReason).toBe('processing_time_unconfirmed');
    const permit = all.items.find((i: { name: string }) => i.name === WORK_PERMIT);
    expect((await get(`/api/v1/procedures/${permit.id}`)).json().notReceivableReason).toBeNull();
  });

  it('matches every word of the query, in any accent form, and ranks the whole phrase first', async () => {
    const accented = (await get(`/api/v1/procedures?q=${encodeURIComponent('Giấy phép lao động')}`)).json();
    const plain = (await get(`/api/v1/procedures?q=${encodeURIComponent('GIAY PHEP lao dong')}`)).json();
    expect(plain.total).toBe(accented.total);
    expect(plain.items[0].name.toLowerCase()).toContain('giấy phép lao động');
  });

  it('lists at least 40 demo procedures in force, paginated', async () => {
    const first = (await get('/api/v1/procedures?pageSize=10&page=1')).json();
    expect(first.total).toBeGreaterThanOrEqual(40);
    expect(first.items).toHaveLength(10);
    const second = (await get('/api/v1/procedures?pageSize=10&page=2')).json();
    const ids = new Set(first.items.map((i: { id: string }) => i.id));
    expect(second.items.some((i: { id: string }) => ids.has(i.id))).toBe(false);
  });

  it('filters by field, agency and online level', async () => {
    const fields = (await get('/api/v1/fields')).json().items as { code: string; count: number }[];
    const field = fields.find((f) => f.count > 0)!;
    const byField = (await get(`/api/v1/procedures?field=${field.code}&pageSize=100`)).json();
    expect(byField.total).toBe(field.count);
    expect(byField.items.every((i: { field: { code: string } }) => i.field.code === field.code)).toBe(true);

    const agencies = (await get('/api/v1/agencies')).json().items as { id: string }[];
    expect(agencies.length).toBeGreaterThan(0);
    const byAgency = (await get(`/api/v1/procedures?agency=${agencies[0]!.id}`)).json();
    expect(byAgency.total).toBeGreaterThan(0);

    const full = (await get('/api/v1/procedures?onlineLevel=full&pageSize=100')).json();
    expect(full.items.every((i: { onlineLevel: string }) => i.onlineLevel === 'full')).toBe(true);
  });

  it('shows a procedure with everything needed to prepare a dossier', async () => {
    const list = (await get(`/api/v1/procedures?q=${encodeURIComponent(WORK_PERMIT)}`)).json();
    const id = list.items.find((i: { name: string }) => i.name === WORK_PERMIT).id;
    const res = await get(`/api/v1/procedures/${id}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.name).toBe(WORK_PERMIT);
    expect(p.documents.length).toBeGreaterThan(0);
    expect(p.processingTime.value).toBeGreaterThan(0);
    expect(p.agency.name).toBeTruthy();
    expect(p.field.name).toBeTruthy();
  });

  it('refuses bad queries with a clear 400 in Vietnamese, or English on request', async () => {
    const vi = await get('/api/v1/procedures?pageSize=1000&onlineLevel=level4');
    expect(vi.statusCode).toBe(400);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    const body = vi.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['onlineLevel', 'pageSize']);
    expect(body.errors[0].message).toMatch(/phải|Số dòng/);
    const en = (await get('/api/v1/procedures?pageSize=0', { 'accept-language': 'en-GB,en;q=0.9' })).json();
    expect(en.errors[0].message).toContain('Page size');
    expect(en.detail).toBe('The request has invalid data');
  });

  it('answers 404 for an unknown procedure and 400 for a malformed id', async () => {
    const missing = await get('/api/v1/procedures/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('procedure_not_found');
    expect((await get('/api/v1/procedures/not-an-id')).statusCode).toBe(400);
    expect((await get('/api/v1/nothing-here')).json().code).toBe('route_not_found');
  });

  it('publishes an OpenAPI document generated from the validating schemas', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const list = doc.paths['/api/v1/procedures'].get;
    const names = list.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['q', 'field', 'agency', 'onlineLevel', 'page', 'pageSize']),
    );
    expect(doc.paths['/api/v1/procedures/{id}']).toBeDefined();
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
  });
});
