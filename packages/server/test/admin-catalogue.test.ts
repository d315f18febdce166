import type { ProcedureContent } from '@motcua/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';

const draft = (overrides: Partial<ProcedureContent> = {}): ProcedureContent => ({
  code: 'SNV-TEST-001',
  codeKind: 'local',
  name: 'Xác nhận thử nghiệm quy trình một cửa',
  fieldCode: 'viec-lam',
  agencyCode: DEMO_AGENCY_CODE,
  level: 'province',
  legalBasis: ['Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ'],
  processingTime: { value: 3, unit: 'working_days' },
  fees: [],
  documents: [{ name: 'Đơn đề nghị', copies: 1, form: 'original', required: true }],
  resultType: 'both',
  resultName: 'Văn bản xác nhận',
  onlineLevel: 'full',
  postalAllowed: true,
  steps: [
    { name: 'Tiếp nhận hồ sơ', role: 'counter_officer', hours: 4 },
    { name: 'Thẩm định hồ sơ', role: 'specialist', unitCode: DEMO_UNIT_CODES.employment, hours: 12 },
    { name: 'Phê duyệt', role: 'leader', hours: 8 },
  ],
  publication: { decisionNumber: '99/QĐ-UBND', date: '2026-01-05' },
  needsReview: [],
  ...overrides,
});

async function multipart(filename: string, data: Buffer, mime: string) {
  const form = new FormData();
  form.append('file', new Blob([data], { type: mime }), filename);
  const req = new Request('http://x/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}

describe.each(engines)('catalogue administration on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  const publicSearch = async (q: string) =>
    (await t.app.inject({ url: `/api/v1/procedures?q=${encodeURIComponent(q)}` })).json() as {
      total: number;
      items: { id: string; name: string }[];
    };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = t.client();
    await admin.login('admin');
  });
  afterAll(() => t.close());

  it('creates a draft that citizens do not see until it is published', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/procedures',
      payload: { content: draft() },
    });
    expect(created.statusCode).toBe(201);
    const detail = created.json();
    expect(detail.status).toBe('draft');
    expect(detail.draft.problems).toEqual([]);
    expect((await publicSearch('xac nhan thu nghiem')).total).toBe(0);

    const published = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/procedures/${detail.id}/publish`,
      payload: {},
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'in_force', draft: null, published: { version: 1 } });
    const found = await publicSearch('xac nhan thu nghiem');
    expect(found.items.map((i) => i.id)).toEqual([detail.id]);
  });

  it('explains invalid content field by field, in Vietnamese and in English', async () => {
    const bad = {
      ...draft({ code: '1.23' }),
      codeKind: 'national',
      processingTime: { value: -1, unit: 'weeks' },
    };
    const vi = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/procedures',
      payload: { content: bad },
    });
    expect(vi.statusCode).toBe(422);
    const paths = vi.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['content.processingTime.value', 'content.processingTime.unit', 'content.code']),
    );
    expect(vi.json().errors.find((e: { path: string }) => e.path === 'content.code').message).toContain(
      '1.001653',
    );
    const en = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/procedures',
      payload: { content: bad },
      headers: { 'accept-language': 'en' },
    });
    expect(
      en.json().errors.find((e: { path: string }) => e.path === 'content.processingTime.unit').message,
    ).toContain('must be one of');
  });

  it('refuses a process step given to a role that does not process dossiers', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/procedures',
      payload: {
        content: draft({
          steps: [
            { name: 'Tiếp nhận hồ sơ', role: 'counter_officer', hours: 4 },
            { name: 'Xem hồ sơ', role: 'inspector' as never, hours: 4 },
          ],
        }),
      },
    });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { path: string; message: string }[];
    const error = errors.find((e) => /steps.*1.*role/.test(e.path));
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error?.message).toContain('head_of_unit');
  });

  it('refuses to publish an incomplete draft and says what is missing', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/procedures',
      payload: {
        content: draft({
          code: 'SNV-TEST-002',
          processingTime: { value: null, unit: 'working_days' },
          documents: [],
        }),
      },
    });
    const id = created.json().id;
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/procedures/${id}/publish`,
      payload: {},
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('publish_blocked');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'processingTime.value',
      'documents',
    ]);
  });

  it('amends a procedure as a new version and keeps the old one in the history; abolishing removes it from the catalogue', async () => {
    const id = (await publicSearch('xac nhan thu nghiem')).items[0]!.id;
    const saved = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/procedures/${id}/draft`,
      payload: { content: draft({ processingTime: { value: 2, unit: 'working_days' }, steps: [] }) },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().draft.version).toBe(2);
    const pub = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/procedures/${id}/publish`,
      payload: { effectiveFrom: '2026-12-01' },
    });
    expect(pub.json().status).toBe('amended');
    expect(pub.json().versions).toEqual([
      expect.objectContaining({ version: 2, state: 'published', effectiveFrom: '2026-12-01' }),
      expect.objectContaining({ version: 1, state: 'superseded', effectiveTo: '2026-11-30' }),
    ]);
    const pubView = (await t.app.inject({ url: `/api/v1/procedures/${id}` })).json();
    expect(pubView.processingTime.value).toBe(2);

    const abolished = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/procedures/${id}/abolish`,
      payload: {},
    });
    expect(abolished.json().status).toBe('abolished');
    expect((await t.app.inject({ url: `/api/v1/procedures/${id}` })).statusCode).toBe(404);
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/procedures/${id}/abolish`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets a reform officer edit the catalogue but not a specialist', async () => {
    const reform = t.client();
    await reform.login('cchc');
    expect((await reform.request({ url: '/api/v1/admin/procedures?status=in_force' })).statusCode).toBe(200);
    const specialist = t.client();
    await specialist.login('chuyenvien');
    expect((await specialist.request({ url: '/api/v1/admin/procedures' })).statusCode).toBe(403);
  });

  it('imports nothing from a workbook with bad rows, and names each bad row', async () => {
    const before = (await t.app.inject({ url: '/api/v1/procedures?pageSize=1' })).json().total;
    const exported = await admin.request({ url: '/api/v1/admin/catalogue/export?format=xlsx' });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    // Break the name of the 3rd procedure, keep the rest as exported.
    const nameCol = (sheet.getRow(1).values as string[]).indexOf('Tên thủ tục');
    sheet.getRow(4).getCell(nameCol).value = '';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = await multipart(
      'catalogue.xlsx',
      buffer,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/catalogue/import?publish=true',
      ...upload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().errors).toEqual([expect.objectContaining({ sheet: 'Thủ tục', row: 4 })]);
    expect((await t.app.inject({ url: '/api/v1/procedures?pageSize=1' })).json().total).toBe(before);
  });

  it('re-imports its own export as new drafts, checks first with a dry run, and rejects a file that is not a catalogue', async () => {
    const exported = await admin.request({ url: '/api/v1/admin/catalogue/export?format=json' });
    const upload = await multipart('catalogue.json', exported.rawPayload, 'application/json');
    const dry = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/catalogue/import?dryRun=true',
      ...upload,
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 0 });
    expect(dry.json().updated).toBeGreaterThanOrEqual(40);
    const drafts = (await admin.request({ url: '/api/v1/admin/procedures?pageSize=100' })).json().items;
    expect(drafts.filter((p: { hasDraft: boolean }) => p.hasDraft).length).toBeLessThan(5);

    const junk = await multipart('notes.txt', Buffer.from('hello'), 'text/plain');
    const refused = await admin.request({ method: 'POST', url: '/api/v1/admin/catalogue/import', ...junk });
    expect(refused.statusCode).toBe(415);
    const fake = await multipart('fake.xlsx', Buffer.from('not a zip file'), 'application/octet-stream');
    const broken = await admin.request({ method: 'POST', url: '/api/v1/admin/catalogue/import', ...fake });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0].message).toBeTruthy();
  });
});
