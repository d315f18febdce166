import { draftView } from '@motcua/core';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { citizenByEmail } from './support/citizen.ts';
import { staffClients } from './support/staff.ts';

/** A real 1×1 PNG, as a phone's camera app would save a (very small) photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Wrong inputs a citizen gives online that the validator of answers does not see: a file whose name
 * claims another kind than its content, and a draft of a procedure that went out of force before it
 * was submitted. Each is refused with a message the person can act on, in Vietnamese or English.
 */
describe('online submission: a lying file name and a procedure that went out of force', () => {
  let t: TestApp;
  let procedureId: string;
  let draftId: string;
  const { c, signInAll } = staffClients(() => t, ['cchc'], '/api/v1');
  type Client = (
    method: string,
    url: string,
    payload?: object | Buffer,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  let hoa: Client;

  beforeAll(async () => {
    t = await startTestApp('pglite', {
      env: { LOGIN_RATE_PER_MINUTE: '1000', CITIZEN_CODE_RATE_PER_MINUTE: '1000' },
    });
    await signInAll();
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-LDTL-001'");
    procedureId = p!.id;
    const session = await citizenByEmail(t, 'hoa@example.vn');
    hoa = (method, url, payload, headers = {}) =>
      t.app.inject({
        method: method as 'GET',
        url: `/api/v1${url}`,
        ...(payload ? { payload } : {}),
        headers: { ...session.headers, ...headers },
      });
    const started = await hoa('POST', '/citizen/drafts', { procedureId });
    expect(started.statusCode, started.body).toBe(201);
    draftId = started.json().id;
  });
  afterAll(() => t.close());

  async function upload(filename: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
    const form = new FormData();
    form.append('draftId', draftId);
    form.append('file', new Blob([bytes]), filename);
    const req = new Request('http://x/', { method: 'POST', body: form });
    return hoa('POST', `/citizen/drafts/${procedureId}/documents/0`, Buffer.from(await req.arrayBuffer()), {
      'content-type': req.headers.get('content-type')!,
      ...headers,
    });
  }

  it('refuses a ".pdf" that is a PNG photo, saying what the file really is, and keeps nothing', async () => {
    const vi = await upload('noi-quy.pdf', PNG);
    expect(vi.statusCode, vi.body).toBe(422);
    expect(vi.json().code).toBe('upload_extension_mismatch');
    expect(vi.json().detail).toBe(
      'Tên tệp có đuôi .pdf nhưng nội dung là tệp PNG; hãy chọn đúng tệp, hoặc đổi đuôi tên tệp cho khớp với nội dung rồi tải lên lại',
    );
    const en = await upload('noi-quy.PDF', PNG, { 'accept-language': 'en' });
    expect(en.json().detail).toContain('The file name ends in .pdf but the file is a PNG file');
    expect((await hoa('GET', `/citizen/drafts/${procedureId}`)).json().checklist[0].document).toBeNull();
    // The same photo named as what it is, or with no ending at all, is taken.
    const named = await upload('noi-quy.png', PNG);
    expect(named.statusCode, named.body).toBe(200);
    expect(draftView.parse(named.json()).checklist[0]!.document).toMatchObject({ mediaType: 'image/png' });
    expect((await upload('anh-chup', PNG)).statusCode).toBe(200);
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]).drawText('Noi quy lao dong');
    expect((await upload('noi-quy.pdf', await doc.save())).statusCode).toBe(200);
  });

  it('refuses to submit a draft of a procedure that went out of force, saying since when', async () => {
    const abolished = await c.cchc!.request({
      method: 'POST',
      url: `/api/v1/admin/procedures/${procedureId}/abolish`,
      payload: { effectiveTo: '2026-11-30' },
    });
    expect(abolished.statusCode, abolished.body).toBe(200);
    const submit = await hoa('POST', `/citizen/drafts/${procedureId}/submit`, { draftId, version: 1 });
    expect(submit.statusCode, submit.body).toBe(410);
    expect(submit.json().code).toBe('procedure_no_longer_in_force');
    expect(submit.json().detail).toContain('Thủ tục này đã hết hiệu lực từ ngày 30/11/2026');
    // Reopening the draft says the same, in English on request; an unknown procedure is still "not found".
    const reopened = await hoa('POST', '/citizen/drafts', { procedureId }, { 'accept-language': 'en' });
    expect(reopened.statusCode).toBe(410);
    expect(reopened.json().detail).toContain('This procedure is no longer in force (since 30/11/2026)');
    const unknown = await hoa('POST', '/citizen/drafts', {
      procedureId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.json().code).toBe('procedure_not_found');
    const dossiers = await t.db.query(
      "SELECT 1 FROM dossier WHERE procedure_id = $1 AND channel = 'online'",
      [procedureId],
    );
    expect(dossiers).toEqual([]);
  });
});
