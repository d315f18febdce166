import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationChannel } from '../src/notifications/channel.ts';
import { emailChannel } from '../src/notifications/email.ts';
import {
  type DeliveryLog,
  deliverNotifications,
  MAX_ATTEMPTS,
  retryDelayMs,
} from '../src/notifications/worker.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';
import { signIn, workPermitProcedure } from './support/staff.ts';

/**
 * Email notifications as the citizen receives them: a real SMTP server on a loopback port collects
 * what the delivery worker sends from the outbox, and the test reads the messages that arrived.
 */

const CITIZEN = 'congdan@example.com';
const ID_NUMBER = '079203009876';
const FROM = 'Bộ phận Một cửa <motcua@example.gov.vn>';

const vietnamDay = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(instant));

interface Dossier {
  id: string;
  code: string | null;
  dueAt: string | null;
  step?: { role: string } | null;
  version: number;
  state: string;
}

describe.each(engines)('email notifications on %s', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let channel: NotificationChannel;
  let procedureId: string;
  let checklist: { document: string; received: boolean }[];
  const c: Record<string, TestClient> = {};
  const logged: unknown[] = [];
  const log: DeliveryLog = { info: (e) => logged.push(e), warn: (e) => logged.push(e) };

  const deliver = (worker = 'w1', via: NotificationChannel = channel) =>
    deliverNotifications(t.ctx, [via], { worker, log });
  const toCitizen = () => smtp.received.filter((m) => m.to.includes(CITIZEN));

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    smtp = await startSmtp();
    channel = emailChannel({ smtpUrl: smtp.url, from: FROM });
    await signIn(t, ['congdan', 'tiepnhan', 'chuyenvien', 'truongphong', 'admin'], c);
    const procedure = await workPermitProcedure(t);
    procedureId = procedure.id;
    checklist = procedure.documents.map((d: { name: string }) => ({ document: d.name, received: true }));
  });
  afterAll(async () => {
    await channel.close?.();
    await smtp.close();
    await t.close();
  });
  beforeEach(async () => {
    // Whatever earlier steps left in the outbox goes first, so each test reads only its own mail.
    await deliver();
    smtp.received.length = 0;
  });

  /** The citizen submits online; the counter officer accepts it, which the citizen is told about. */
  const submitAndAccept = async (): Promise<Dossier> => {
    const submitted = await c.congdan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: { procedureId, channel: 'online', applicant: { name: 'Hoàng Văn An', idNumber: ID_NUMBER } },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const d: Dossier = submitted.json();
    const accepted = await c.tiepnhan!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/receive`,
      payload: { version: d.version, input: { checklist } },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return accepted.json();
  };

  it('delivers exactly one Vietnamese message to the applicant whose online dossier was accepted', async () => {
    const d = await submitAndAccept();
    expect(d.code).toBeTruthy();
    await deliver();
    await deliver();
    const mail = toCitizen();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    expect(mail[0]!.text).toContain('Kính gửi Hoàng Văn An');
    expect(mail[0]!.text).toContain(`Ngày hẹn trả kết quả: ${vietnamDay(d.dueAt!)}.`);
    expect(mail[0]!.parsed.from?.value[0]?.address).toBe('motcua@example.gov.vn');
    expect(mail[0]!.messageId).toMatch(/^<outbox-\d+@example\.gov\.vn>$/);
  });

  /** An accepted dossier handed to its department, whose officer asks for these items. */
  const askSupplement = async (items: { description: string; reason: string }[]) => {
    let d = await submitAndAccept();
    // The counter hands the dossier to the department that settles it.
    for (let guard = 0; guard < 3 && d.step?.role === 'counter_officer'; guard++) {
      const forwarded = await c.tiepnhan!.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
        payload: { version: d.version, input: { note: 'Chuyển phòng chuyên môn' } },
      });
      expect(forwarded.statusCode, forwarded.body).toBe(200);
      d = forwarded.json();
    }
    await deliver();
    smtp.received.length = 0;
    const asked = await c[d.step?.role === 'head_of_unit' ? 'truongphong' : 'chuyenvien']!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/request_supplement`,
      payload: { version: d.version, input: { items } },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await deliver();
    return d;
  };
  const ITEMS = [
    { description: 'Bản sao hộ chiếu còn hạn', reason: 'Hộ chiếu đã hết hạn' },
    { description: 'Ảnh 4x6 nền trắng', reason: 'Ảnh đã nộp bị mờ' },
  ];

  it('tells the applicant when a supplement is requested, naming each item asked for', async () => {
    const d = await askSupplement(ITEMS);
    expect(toCitizen().map((m) => m.subject)).toEqual([`Hồ sơ ${d.code} cần bổ sung`]);
    // The email names what is asked for, item by item as the request numbers them, with the reason.
    expect(toCitizen()[0]!.text).toContain(
      'Những giấy tờ cần bổ sung:\n1. Bản sao hộ chiếu còn hạn: Hộ chiếu đã hết hạn\n2. Ảnh 4x6 nền trắng: Ảnh đã nộp bị mờ\n',
    );
  });

  it('names the items asked for in the English email to a citizen who chose English', async () => {
    const chose = await c.congdan!.request({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { locale: 'en', channels: ['email'] },
    });
    expect(chose.statusCode, chose.body).toBe(200);
    try {
      const d = await askSupplement(ITEMS);
      expect(toCitizen().map((m) => m.subject)).toEqual([`Dossier ${d.code} needs more documents`]);
      expect(toCitizen()[0]!.text).toContain(
        'What is asked for:\n1. Bản sao hộ chiếu còn hạn: Hộ chiếu đã hết hạn\n2. Ảnh 4x6 nền trắng: Ảnh đã nộp bị mờ\n',
      );
    } finally {
      await c.congdan!.request({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        payload: { locale: 'vi', channels: ['email'] },
      });
    }
  });

  it('retries a message while the SMTP server is down and delivers it once when it is back', async () => {
    const down = await startSmtp();
    const port = down.port;
    await down.close();
    const unreachable = emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM });
    const d = await submitAndAccept();
    const first = await deliver('w1', unreachable);
    expect(first.failed).toBeGreaterThan(0);
    expect(first.sent).toBe(0);
    const [row] = await t.db.query<{ attempts: number; last_error: string | null; sent_at: Date | null }>(
      `SELECT attempts, last_error, sent_at FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.applicant.receive'`,
      [d.id],
    );
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due again before its backoff: nothing is tried.
    const back = await startSmtp(port);
    const working = emailChannel({ smtpUrl: back.url, from: FROM });
    expect((await deliver('w1', working)).sent).toBe(0);
    t.advance(retryDelayMs(1) + 1000);
    await deliver('w1', working);
    await deliver('w1', working);
    const mail = back.received.filter((m) => m.to.includes(CITIZEN));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    await working.close?.();
    await unreachable.close?.();
    await back.close();
  });

  it('sends one message when two workers deliver at the same time', async () => {
    await submitAndAccept();
    const [a, b] = await Promise.all([deliver('worker-a'), deliver('worker-b')]);
    expect(toCitizen()).toHaveLength(1);
    expect(a.sent + b.sent).toBe(smtp.received.length);
  });

  it("uses the administrator's edited template, and refuses a placeholder that does not exist", async () => {
    const url = '/api/v1/admin/notification-templates/dossier.applicant.receive/vi';
    const wrong = await c.admin!.request({
      method: 'PUT',
      url,
      headers: { 'accept-language': 'vi' },
      payload: { subject: 'Đã nhận hồ sơ {{ma_ho_so}}', body: 'Hồ sơ {{code}} hẹn trả {{dueAt}}.' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('subject');
    expect(wrong.json().errors[0].message).toContain('{{ma_ho_so}}');
    expect(wrong.json().detail).toContain('{{code}}');
    expect(
      (await c.tiepnhan!.request({ method: 'PUT', url, payload: { subject: 'x', body: 'y' } })).statusCode,
    ).toBe(403);
    const saved = await c.admin!.request({
      method: 'PUT',
      url,
      payload: { subject: 'Đã nhận hồ sơ {{code}} của bạn', body: 'Hồ sơ {{code}} hẹn trả ngày {{dueAt}}.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ customised: true, subject: 'Đã nhận hồ sơ {{code}} của bạn' });
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM admin_audit WHERE action = 'notification_template.update' AND subject_id = $1`,
      ['dossier.applicant.receive:vi'],
    );
    expect(audit!.n).toBe(1);

    const d = await submitAndAccept();
    await deliver();
    const mail = toCitizen();
    expect(mail.map((m) => m.subject)).toEqual([`Đã nhận hồ sơ ${d.code} của bạn`]);
    expect(mail[0]!.text).toMatch(new RegExp(`^Hồ sơ ${d.code} hẹn trả ngày \\d{2}/\\d{2}/\\d{4}\\.`));
  });

  it('writes in English to a citizen who chose it', async () => {
    const chose = await c.congdan!.request({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { locale: 'en', channels: ['email'] },
    });
    expect(chose.statusCode, chose.body).toBe(200);
    const d = await submitAndAccept();
    await deliver();
    const mail = toCitizen();
    expect(mail.map((m) => m.subject)).toEqual([`Dossier ${d.code} has been accepted`]);
    expect(mail[0]!.text).toMatch(/The result is due on \d{2}\/\d{2}\/\d{4}\./);
    await c.congdan!.request({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { locale: 'vi', channels: ['email'] },
    });
  });

  it('keeps identity numbers and addresses out of what the worker logs and sends', async () => {
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(CITIZEN);
    await submitAndAccept();
    await deliver();
    expect(toCitizen().every((m) => !m.text.includes(ID_NUMBER))).toBe(true);
  });

  it('gives up after the last attempt, keeping the error, and never claims the row again', async () => {
    const down = await startSmtp();
    await down.close();
    const unreachable = emailChannel({ smtpUrl: `smtp://127.0.0.1:${down.port}`, from: FROM });
    const d = await submitAndAccept();
    let gaveUp = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      gaveUp += (await deliver('w1', unreachable)).gaveUp;
      t.advance(retryDelayMs(attempt) + 1000);
    }
    expect(gaveUp).toBeGreaterThan(0);
    const [row] = await t.db.query<{
      attempts: number;
      outcome: string;
      failed_at: Date | null;
      last_error: string;
    }>(
      `SELECT attempts, outcome, failed_at, last_error FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.applicant.receive'`,
      [d.id],
    );
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, outcome: 'gave_up' });
    expect(row!.failed_at).not.toBeNull();
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    await deliver();
    expect(toCitizen()).toHaveLength(0);
    await unreachable.close?.();
  });
  it("emails the one-time sign-in code to the address typed in, in the page's language, once", async () => {
    const ask = (email: string, lang: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/citizen/auth/email/start',
        headers: { 'accept-language': lang },
        payload: { email },
      });
    expect((await ask('moi.den@example.vn', 'vi')).statusCode).toBeLessThan(300);
    expect((await ask('new.comer@example.com', 'en')).statusCode).toBeLessThan(300);
    await deliver();
    await deliver();
    const vi = smtp.received.filter((m) => m.to.includes('moi.den@example.vn'));
    expect(vi).toHaveLength(1);
    const code = /\b(\d{6})\b/.exec(vi[0]!.subject)?.[1];
    expect(code, vi[0]!.subject).toMatch(/^\d{6}$/);
    expect(vi[0]!.text).toContain(`Mã xác nhận để đăng nhập của bạn là ${code}`);
    expect(vi[0]!.text).toContain('10 phút');
    const en = smtp.received.filter((m) => m.to.includes('new.comer@example.com'));
    expect(en[0]?.text).toMatch(/Your sign-in code is \d{6}\. It is valid for 10 minutes/);
    // The code the email carries signs in.
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/email/verify',
      payload: { email: 'moi.den@example.vn', code },
    });
    expect(signedIn.statusCode).toBe(200);
  });
});
