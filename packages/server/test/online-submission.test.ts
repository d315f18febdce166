import { readFile } from 'node:fs/promises';
import { draftSubmittedResponse, draftView } from '@motcua/core';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { citizenByEmail } from './support/citizen.ts';
import { staffClients } from './support/staff.ts';

/**
 * Online submission as the citizen and the counter meet it: a draft kept on the server, saved page
 * by page with the core validator's messages (Vietnamese, English on request), resumed from another
 * session, never overwritten by a stale tab, invisible to anyone else, submitted once through
 * submit_online; the counter then receives it and the processing clock starts.
 */
describe('online submission of the unemployment benefit application', () => {
  let t: TestApp;
  let procedureId: string;
  let documents: string[];
  const { c, clockTo } = staffClients(() => t, ['tiepnhan', 'cchc'], '/api/v1');

  type Client = (
    method: string,
    url: string,
    payload?: object,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  /** A citizen session opened by the code emailed to `email`. Each call is a new device. */
  async function citizen(email: string): Promise<Client> {
    const session = await citizenByEmail(t, email);
    return (method, url, payload, headers = {}) =>
      t.app.inject({
        method: method as 'GET',
        url: `/api/v1${url}`,
        ...(payload ? { payload } : {}),
        headers: { ...session.headers, ...headers },
      });
  }

  let lan: Client;
  let lanPhone: Client;
  let binh: Client;
  let draftId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite', {
      env: { LOGIN_RATE_PER_MINUTE: '1000', CITIZEN_CODE_RATE_PER_MINUTE: '1000' },
    });
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-VL-001'");
    procedureId = p!.id;
    const [v] = await t.db.query<{ content: { documents: { name: string }[] } }>(
      'SELECT v.content FROM procedure p JOIN procedure_version v ON v.id = p.current_version_id WHERE p.id = $1',
      [procedureId],
    );
    documents = v!.content.documents.map((d) => d.name);
    // Tuesday 2 March 2027, 09:00 in Vietnam.
    await clockTo('2027-03-02T09:00');
    lan = await citizen('lan@example.vn');
    binh = await citizen('binh@example.vn');
  });
  afterAll(() => t.close());

  it('starts one draft, however often the start button is pressed', async () => {
    const first = await lan('POST', '/citizen/drafts', { procedureId });
    expect(first.statusCode, first.body).toBe(201);
    const draft = draftView.parse(first.json());
    expect(draft.form.pages[0]!.fields[0]!.labelVi).toBe('Họ và tên');
    draftId = draft.id;
    const again = await lan('POST', '/citizen/drafts', { procedureId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(draftId);
  });

  it('refuses a wrong answer with a message next to the field, in Vietnamese or English, and saves nothing', async () => {
    const body = {
      draftId,
      version: 1,
      answers: { fullName: 'Nguyễn Thị Lan', phone: '12345' },
      page: ['phone'],
    };
    const vi = await lan('PUT', `/citizen/drafts/${procedureId}`, body);
    expect(vi.statusCode).toBe(422);
    expect(vi.json().code).toBe('eform_answers_invalid');
    expect(vi.json().errors).toEqual([
      { path: 'answers.phone', message: 'Số điện thoại phải là số điện thoại Việt Nam, ví dụ 0912 345 678' },
    ]);
    const en = await lan('PUT', `/citizen/drafts/${procedureId}`, body, { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toBe(
      'Phone number must be a Vietnamese phone number, like 0912 345 678',
    );
    const missing = await lan('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 1,
      answers: { monthsPaid: 6 },
      page: ['monthsPaid'],
    });
    expect(missing.json().errors[0].message).toBe('Số tháng đã đóng phải lớn hơn hoặc bằng 12');
    const still = await lan('GET', `/citizen/drafts/${procedureId}`);
    expect(still.json()).toMatchObject({ version: 1, answers: {} });
  });

  it('saves pages, resumes them in another session, and refuses a stale tab with 409', async () => {
    const saved = await lan('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 1,
      answers: { fullName: 'Nguyễn Thị Lan', idNumber: '079203001234', phone: '0912 345 678' },
      page: ['fullName'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);

    // On her phone, later: the same answers are there.
    lanPhone = await citizen('lan@example.vn');
    const resumed = draftView.parse((await lanPhone('GET', `/citizen/drafts/${procedureId}`)).json());
    expect(resumed.id).toBe(draftId);
    expect(resumed.answers).toMatchObject({ fullName: 'Nguyễn Thị Lan', phone: '0912 345 678' });

    // The old tab still thinks it is version 1: it is refused, and version 2 stays.
    const stale = await lan('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 1,
      answers: { fullName: 'Lan' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('draft_version_conflict');
    expect(stale.json().detail).toContain('Tải lại trang');
    expect((await lanPhone('GET', `/citizen/drafts/${procedureId}`)).json().answers.fullName).toBe(
      'Nguyễn Thị Lan',
    );
  });

  it('shows another citizen nothing of the draft', async () => {
    expect((await binh('GET', `/citizen/drafts/${procedureId}`)).statusCode).toBe(404);
    const write = await binh('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 2,
      answers: { fullName: 'Bình' },
    });
    expect(write.statusCode).toBe(404);
    expect(write.json().code).toBe('draft_not_found');
    const submit = await binh('POST', `/citizen/drafts/${procedureId}/submit`, { draftId, version: 2 });
    expect(submit.statusCode).toBe(404);
    expect(JSON.stringify(submit.json())).not.toContain('079203001234');
    const anonymous = await t.app.inject({ url: `/api/v1/citizen/drafts/${procedureId}` });
    expect(anonymous.statusCode).toBe(401);
  });

  /** A multipart upload of `bytes` for checklist item `item`, by `who`. */
  async function upload(who: Client, item: number, bytes: Uint8Array, filename: string, id = draftId) {
    const form = new FormData();
    form.append('draftId', id);
    form.append('file', new Blob([bytes]), filename);
    const req = new Request('http://x/', { method: 'POST', body: form });
    const raw = Buffer.from(await req.arrayBuffer());
    return who('POST', `/citizen/drafts/${procedureId}/documents/${item}`, raw, {
      'content-type': req.headers.get('content-type')!,
    });
  }
  const realPdf = async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('De nghi huong tro cap that nghiep');
    return doc.save();
  };

  it('takes a real file against the checklist, refuses a disguised one with a clear message, and keeps it from others', async () => {
    // A text file named .pdf is refused by its content, with a message the person can act on.
    const fake = await upload(lan, 0, Buffer.from('not a pdf at all, just text'), 'de-nghi.pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('upload_type_refused');
    expect(fake.json().detail).toMatch(/PDF/);
    expect((await lan('GET', `/citizen/drafts/${procedureId}`)).json().checklist[0].document).toBeNull();

    // Another citizen can neither upload into the draft nor read its files.
    expect((await upload(binh, 0, await realPdf(), 'x.pdf')).statusCode).toBe(404);

    const scan = await readFile(new URL('./fixtures/scan.jpg', import.meta.url));
    const first = await upload(lan, 0, scan, 'anh-chup.jpg');
    expect(first.statusCode, first.body).toBe(200);
    const pdf = await realPdf();
    const replaced = draftView.parse((await upload(lanPhone, 0, pdf, 'de-nghi.pdf')).json());
    expect(replaced.checklist[0]).toMatchObject({
      item: 0,
      name: documents[0],
      required: true,
      document: { filename: 'de-nghi.pdf', mediaType: 'application/pdf', size: pdf.byteLength },
    });
    // Uploads do not make the answers of another tab stale.
    expect(replaced.version).toBe(2);
    const own = await lan('GET', `/citizen/drafts/${procedureId}/documents/0`);
    expect(own.statusCode).toBe(200);
    expect(Buffer.compare(own.rawPayload, Buffer.from(pdf))).toBe(0);
    expect((await binh('GET', `/citizen/drafts/${procedureId}/documents/0`)).statusCode).toBe(404);
    const binhRemove = await binh('DELETE', `/citizen/drafts/${procedureId}/documents/0?draftId=${draftId}`);
    expect(binhRemove.statusCode).toBe(404);
    expect((await lan('GET', `/citizen/drafts/${procedureId}/documents/9`)).statusCode).toBe(404);
  });

  it('refuses to submit while a required document is missing, naming it', async () => {
    const removed = await lan('DELETE', `/citizen/drafts/${procedureId}/documents/0?draftId=${draftId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().checklist[0].document).toBeNull();
    const save = await lan('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 2,
      answers: { contractEnd: '15/2/2027', monthsPaid: 30, payment: 'bank' },
      page: ['contractEnd', 'monthsPaid', 'payment'],
    });
    expect(save.statusCode, save.body).toBe(200);
    const refused = await lan('POST', `/citizen/drafts/${procedureId}/submit`, { draftId, version: 3 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('draft_documents_missing');
    expect(refused.json().errors).toEqual([
      { path: 'documents.0', message: `Tải lên giấy tờ: ${documents[0]}` },
    ]);
    // Put the answers back as the next test expects them, and upload the form again.
    await t.db.query(
      "UPDATE online_draft SET answers = answers - 'contractEnd' - 'monthsPaid' - 'payment', version = 2 WHERE id = $1",
      [draftId],
    );
    expect((await upload(lan, 0, await realPdf(), 'de-nghi.pdf')).statusCode).toBe(200);
  });

  it('submits once: the unanswered questions are named first, and a retried submit answers the same dossier', async () => {
    const incomplete = await lanPhone('POST', `/citizen/drafts/${procedureId}/submit`, {
      draftId,
      version: 2,
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Nhập ngày chấm dứt hợp đồng',
      'Nhập số tháng đã đóng',
      'Chọn cách nhận trợ cấp',
    ]);
    const rest = await lanPhone('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 2,
      answers: { contractEnd: '15/2/2027', monthsPaid: 30, payment: 'bank' },
      page: ['contractEnd', 'monthsPaid', 'payment'],
    });
    expect(rest.statusCode, rest.body).toBe(200);
    const count = async () =>
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM dossier WHERE applicant_citizen_id IS NOT NULL',
        )
      )[0]!.n;
    const before = await count();
    const body = { draftId, version: 3 };
    const [a, b] = await Promise.all([
      lanPhone('POST', `/citizen/drafts/${procedureId}/submit`, body),
      lan('POST', `/citizen/drafts/${procedureId}/submit`, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const done = draftSubmittedResponse.parse(a.json());
    expect(b.json().dossierId).toBe(done.dossierId);
    expect(done.code).toMatch(/\S+/);
    expect(done.acceptanceRule).toBe('Cơ quan tiếp nhận hoặc trả lại hồ sơ trong 8 giờ làm việc');
    const retry = await lan('POST', `/citizen/drafts/${procedureId}/submit`, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().dossierId).toBe(done.dossierId);
    expect(await count()).toBe(before + 1);
    // The uploaded form is now the dossier's document, recorded in its history.
    const docs = await t.db.query<{ name: string; kind: string; filename: string }>(
      'SELECT name, kind, filename FROM dossier_document WHERE dossier_id = $1',
      [done.dossierId],
    );
    expect(docs).toEqual([{ name: documents[0], kind: 'applicant', filename: 'de-nghi.pdf' }]);
    // The citizen is told once that it arrived (the email says the 8-working-hour rule).
    const notices = await t.db.query<{ recipient_citizen_id: string | null }>(
      `SELECT recipient_citizen_id FROM outbox WHERE kind = 'dossier.applicant.submit_online' AND dossier_id = $1`,
      [done.dossierId],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipient_citizen_id).toBeTruthy();
    // The draft is closed: a new start opens a new draft.
    expect((await lan('GET', `/citizen/drafts/${procedureId}`)).statusCode).toBe(404);
    submittedId = done.dossierId;
  });

  let submittedId: string;

  it('comes to the counter officer with the checklist ticked for the documents the citizen uploaded', async () => {
    const detail = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${submittedId}` })).json();
    // One line per document of the procedure, in its order: the uploaded one ticked with its file,
    // the others (not uploaded) left for the officer.
    expect(detail.acceptanceChecklist.map((r: { name: string }) => r.name)).toEqual(documents);
    expect(detail.acceptanceChecklist[0]).toMatchObject({
      name: documents[0],
      required: true,
      received: true,
      uploaded: ['de-nghi.pdf'],
    });
    for (const row of detail.acceptanceChecklist.slice(1))
      expect(row, row.name).toMatchObject({ received: false, uploaded: [] });
  });

  it('reaches the counter queue, which receives it within 8 working hours and starts the clock', async () => {
    const queue = (
      await c.tiepnhan!.request({ url: '/api/v1/dossiers?state=submitted&pageSize=100' })
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(submittedId);
    // The officer's dossier page: the e-form answers, labelled from the form, and the uploaded form,
    // still with one read of the dossier row for the request.
    const log: string[] = [];
    const db = t.ctx.db;
    t.ctx.db = new Proxy(db, {
      get(target, prop) {
        if (prop === 'query')
          return (sql: string, params?: unknown[]) => {
            log.push(sql);
            return target.query(sql, params as never);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const before = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${submittedId}` })).json();
    t.ctx.db = db;
    expect(log.filter((q) => /\bFROM\s+dossier\b(?!_)/i.test(q) && /^\s*SELECT/i.test(q))).toHaveLength(1);
    expect(before.state).toBe('submitted');
    expect(before.eformAnswers).toEqual(
      expect.arrayContaining([
        { key: 'fullName', label: 'Họ và tên', value: 'Nguyễn Thị Lan' },
        { key: 'monthsPaid', label: 'Số tháng đã đóng', value: '30' },
      ]),
    );
    expect(before.eformAnswers.find((a: { key: string }) => a.key === 'payment').value).not.toBe('bank');
    expect(before.documents).toEqual([
      expect.objectContaining({ name: documents[0], kind: 'applicant', filename: 'de-nghi.pdf' }),
    ]);
    // 8 working hours after a Tuesday-morning submission: Wednesday morning, Vietnam time.
    const acceptBy = before.timeline?.acceptanceDueAt ?? before.acceptanceDueAt;
    expect(acceptBy >= '2027-03-03T01:00:00.000Z' && acceptBy < '2027-03-03T05:00:00.000Z', acceptBy).toBe(
      true,
    );
    expect(before.dueAt).toBeNull();
    const received = await c.tiepnhan!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${submittedId}/actions/receive`,
      payload: {
        version: before.version,
        input: { checklist: documents.map((document) => ({ document, received: true })) },
      },
    });
    expect(received.statusCode, received.body).toBe(200);
    const after = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${submittedId}` })).json();
    expect(after.state).not.toBe('submitted');
    expect(after.dueAt).not.toBeNull();
    // Accepted: the check is done, and no ticked-in-advance list is offered any more.
    expect(after.acceptanceChecklist).toBeNull();
  });

  it('lets the reform office edit the form, refusing a choice question without options', async () => {
    const url = `/api/v1/admin/procedures/${procedureId}/eform`;
    const current = (await c.cchc!.request({ url })).json();
    expect(current.form.pages.length).toBeGreaterThan(3);
    const bad = await c.cchc!.request({
      method: 'PUT',
      url,
      payload: {
        form: {
          pages: [
            {
              titleVi: 'Giới tính',
              fields: [{ key: 'sex', type: 'radio', required: true, labelVi: 'Giới tính' }],
            },
          ],
        },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('form.pages[0].fields[0].options');
    expect(bad.json().errors[0].message).toContain('Thêm ít nhất một lựa chọn');
    const reordered = { pages: [...current.form.pages].reverse() };
    const ok = await c.cchc!.request({ method: 'PUT', url, payload: { form: reordered } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await c.cchc!.request({ url })).json().form).toEqual(reordered);
    // A citizen is not a catalogue editor.
    expect((await lan('PUT', `/admin/procedures/${procedureId}/eform`, { form: reordered })).statusCode).toBe(
      401,
    );
  });
});
