import type { Server } from 'node:http';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannel } from '../src/notifications/channel.ts';
import { emailChannel } from '../src/notifications/email.ts';
import { deliverNotifications } from '../src/notifications/worker.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { citizenByEmail } from './support/citizen.ts';
import { Browser, CALLBACK, MOTCUA, signInThroughProvider, startProvider } from './support/oidc.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

/** A date `days` ago as the e-form takes it (d/m/yyyy), in Vietnam. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/**
 * A citizen whose VNeID sign-in gave no email adds one on their notifications page: a one-time code
 * is sent to it (by a real SMTP server here), and once the code is typed the address is theirs, so
 * their feedback and dossier emails go to it. Until then they get none.
 */
const PEOPLE = { 'vneid-sub-dung': { name: 'Phạm Thị Dung', identity_number: '079301004567' } };
const ADDRESS = 'dung.pham@example.vn';

describe('a VNeID citizen without an email adds one, proved by a code', () => {
  let provider: { issuer: string; server: Server };
  let t: TestApp;
  let smtp: TestSmtp;
  let channel: NotificationChannel;
  let headers: { cookie: string; 'x-csrf-token': string };

  const deliver = () => deliverNotifications(t.ctx, [channel], { worker: 'w1' });
  const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

  beforeAll(async () => {
    provider = await startProvider(PEOPLE);
    t = await startTestApp('pglite', {
      env: {
        LOGIN_RATE_PER_MINUTE: '1000',
        CITIZEN_CODE_RATE_PER_MINUTE: '1000',
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: 'motcua',
        OIDC_CLIENT_SECRET: 'motcua-test-secret',
        OIDC_REDIRECT_URL: CALLBACK,
      },
    });
    smtp = await startSmtp();
    channel = emailChannel({ smtpUrl: smtp.url, from: 'Bộ phận Một cửa <motcua@example.gov.vn>' });
    const browser = new Browser(t.app);
    const landed = await signInThroughProvider(browser, 'vneid-sub-dung');
    expect(landed.location?.pathname).toBe('/cong-dan');
    const cookie = `motcua_citizen=${browser.jars.get(MOTCUA)!.get('motcua_citizen')}`;
    const me = await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie } });
    headers = { cookie, 'x-csrf-token': me.json().csrfToken };
  });
  afterAll(async () => {
    await channel?.close?.();
    await smtp?.close();
    await t?.close();
    await new Promise((done) => provider?.server.close(done));
  });

  it('has no email at first, and feedback sent then emails nobody', async () => {
    expect((await as('GET', '/citizen/me')).json().email).toBeNull();
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-VL-001'");
    const sent = await as('POST', '/public/feedback', {
      topic: 'procedure',
      procedureId: p!.id,
      message: 'Đề nghị hướng dẫn rõ hơn cách nộp hồ sơ trợ cấp thất nghiệp trực tuyến.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await deliver();
    expect(smtp.received).toEqual([]);
  });

  it('is sent a code at the address it adds, and a wrong code is refused next to the field', async () => {
    const start = await as('POST', '/citizen/email/start', { email: ' Dung.Pham@Example.VN ' });
    expect(start.statusCode, start.body).toBe(200);
    await deliver();
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual([ADDRESS]);
    const code = codeIn(mail.subject);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await as('POST', '/citizen/email/verify', {
      email: ADDRESS,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'code' });
    expect(wrong.json().errors[0].message).toContain('không đúng');
    expect((await as('GET', '/citizen/me')).json().email).toBeNull();

    const ok = await as('POST', '/citizen/email/verify', { email: ADDRESS, code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ email: ADDRESS, signInMethod: 'oidc', fullName: 'Phạm Thị Dung' });
    expect((await as('GET', '/citizen/me')).json().email).toBe(ADDRESS);
    // Used once.
    expect((await as('POST', '/citizen/email/verify', { email: ADDRESS, code })).statusCode).toBe(422);
  });

  it('then gets the feedback emails at that address', async () => {
    const before = smtp.received.length;
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-VL-001'");
    const sent = await as('POST', '/public/feedback', {
      topic: 'procedure',
      procedureId: p!.id,
      message: 'Đề nghị niêm yết thời gian trả kết quả trợ cấp thất nghiệp tại quầy.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await deliver();
    const receipt = smtp.received.slice(before).find((m) => m.subject.includes(sent.json().reference));
    expect(receipt?.to).toEqual([ADDRESS]);
    expect(receipt?.subject).toBe(`Đã nhận phản ánh, kiến nghị ${sent.json().reference}`);
  });

  it('then gets the dossier emails at that address: the online application it submits is acknowledged', async () => {
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-VL-001'");
    const procedureId = p!.id;
    const draft = await as('POST', '/citizen/drafts', { procedureId });
    expect(draft.statusCode, draft.body).toBe(201);
    const draftId = draft.json().id as string;
    const saved = await as('PUT', `/citizen/drafts/${procedureId}`, {
      draftId,
      version: 1,
      answers: {
        fullName: 'Phạm Thị Dung',
        idNumber: '079301004567',
        phone: '0912 345 678',
        contractEnd: daysAgo(10),
        monthsPaid: 30,
        payment: 'bank',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('De nghi huong tro cap that nghiep');
    const form = new FormData();
    form.append('draftId', draftId);
    form.append('file', new Blob([await doc.save()]), 'de-nghi.pdf');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${procedureId}/documents/0`,
      headers: { ...headers, 'content-type': req.headers.get('content-type')! },
      payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const submitted = await as('POST', `/citizen/drafts/${procedureId}/submit`, { draftId, version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const before = smtp.received.length;
    await deliver();
    const code = submitted.json().code as string;
    const ack = smtp.received.slice(before).find((m) => m.subject.includes(code));
    expect(ack?.to).toEqual([ADDRESS]);
    expect(ack?.subject).toBe(`Đã nhận hồ sơ ${code} nộp trực tuyến`);
  });

  it('refuses an address another account already has, naming the field', async () => {
    await citizenByEmail(t, 'an.nguyen@example.vn');
    await t.db.query('DELETE FROM citizen_signin_code');
    const start = await as('POST', '/citizen/email/start', { email: 'an.nguyen@example.vn' });
    expect(start.statusCode, start.body).toBe(200);
    await deliver();
    const code = codeIn(smtp.received.at(-1)!.subject);
    const taken = await as('POST', '/citizen/email/verify', { email: 'an.nguyen@example.vn', code });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors[0]).toMatchObject({ path: 'email' });
    expect(taken.json().errors[0].message).toContain('đã được dùng cho một tài khoản khác');
    expect((await as('GET', '/citizen/me')).json().email).toBe(ADDRESS);
  });

  it('is only for a signed-in citizen', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/email/start',
      payload: { email: 'x@example.vn' },
    });
    expect(res.statusCode).toBe(401);
  });
});
