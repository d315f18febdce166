import { randomBytes, randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptIdentityNumber, identityNumberHmac } from '../src/citizen-auth/identity-number.ts';
import { insertCitizenSession } from '../src/citizen-auth/store.ts';
import { backfillApplicantIdHmac } from '../src/citizen-dossiers/identity-match.ts';
import { attachDocument } from '../src/dossiers/documents.ts';
import { loadDossier } from '../src/dossiers/store.ts';
import { emailChannel } from '../src/notifications/email.ts';
import { deliverNotifications } from '../src/notifications/worker.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { act, type Office, openOffice, receiveDossier, workPermit } from './support/report06.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

/** The identity number support/report06's counter dossiers are received under. */
const LAN_ID = '079203001234';

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText(text);
  return Buffer.from(await doc.save());
}

function multipart(files: { field: string; filename: string; data: Buffer; type: string }[]) {
  const boundary = `----motcua${randomBytes(8).toString('hex')}`;
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
    ),
    f.data,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * "My dossiers" on the citizen portal, as the signed-in citizen sees it over HTTP: their counter
 * dossier found by their verified identity number, a supplement answered online, a withdrawal, the
 * electronic result, and the channels they chose; another citizen sees none of it.
 */
describe('my dossiers on the citizen portal', () => {
  let t: TestApp;
  let o: Office;
  let smtp: TestSmtp;
  const lan = { id: randomUUID(), name: 'Nguyễn Thị Lan', email: 'lan@example.vn', token: '', csrf: '' };
  const binh = { id: randomUUID(), name: 'Trần Văn Bình', email: 'binh@example.vn', token: '', csrf: '' };
  type Who = typeof lan;

  const as = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method,
      url,
      ...extra,
      headers: {
        cookie: `motcua_citizen=${who.token}`,
        'x-csrf-token': who.csrf,
        ...((extra.headers as Record<string, string>) ?? {}),
      },
    });

  beforeAll(async () => {
    t = await startTestApp('pglite', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    smtp = await startSmtp();
    o = await openOffice(t.db, t.ctx);
    for (const [c, idNumber] of [
      [lan, LAN_ID],
      [binh, '001099000777'],
    ] as const) {
      await t.db.query(
        `INSERT INTO citizen_account (id, email, full_name, identity_number_encrypted, identity_number_masked, identity_id_hmac, created_at, last_sign_in_at)
         VALUES ($1, $2, $3, $4, $5, $6, now(), now())`,
        [
          c.id,
          c.email,
          c.name,
          await encryptIdentityNumber(t.ctx.config.citizenIdKeyFile, idNumber),
          `${idNumber.slice(0, 3)}******${idNumber.slice(-3)}`,
          await identityNumberHmac(t.ctx.config.citizenIdKeyFile, idNumber),
        ],
      );
      c.token = randomBytes(32).toString('base64url');
      c.csrf = randomBytes(16).toString('base64url');
      const { createHash } = await import('node:crypto');
      await insertCitizenSession(
        t.db,
        {
          tokenHash: createHash('sha256').update(c.token).digest('base64url'),
          citizenId: c.id,
          csrfToken: c.csrf,
          method: 'oidc',
          expiresAt: new Date(Date.now() + 3600_000),
          ip: '127.0.0.1',
          userAgent: 'vitest',
        },
        new Date(),
      );
    }
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('lists a counter dossier under the citizen identity number, with the server time, masked, and not for another citizen', async () => {
    const id = await receiveDossier(o, await workPermit(o), 'counter');
    // The number is matched by its keyed HMAC; the column never holds the number.
    const [row] = await t.db.query<{ applicant_id_hmac: string | null }>(
      'SELECT applicant_id_hmac FROM dossier WHERE id = $1',
      [id],
    );
    expect(row!.applicant_id_hmac).toBeTruthy();
    expect(row!.applicant_id_hmac).not.toContain(LAN_ID);

    const list = await as(lan, 'GET', '/api/v1/citizen/dossiers');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === id);
    const stored = (await loadDossier(t.db, id))!;
    expect(item).toMatchObject({ code: stored.code, state: 'received', stateLabel: 'Đã tiếp nhận' });
    expect(item.dueAt).toBe(stored.snapshot.dueAt);
    expect(item.time).toBeTruthy();

    const detail = await as(lan, 'GET', `/api/v1/citizen/dossiers/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().applicantIdNumberMasked).toBe('079******234');
    expect(detail.json().timeline[0]).toMatchObject({
      title: expect.any(String),
      toStateLabel: 'Đã tiếp nhận',
    });
    expect(detail.json().canWithdraw).toBe(true);
    expect(detail.body).not.toContain(LAN_ID);
    expect(list.body).not.toContain(LAN_ID);

    // Another citizen: not in their list, and 404 on the dossier itself.
    const other = await as(binh, 'GET', '/api/v1/citizen/dossiers');
    expect(other.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const denied = await as(binh, 'GET', `/api/v1/citizen/dossiers/${id}`);
    expect(denied.statusCode).toBe(404);
    // Signed out: 401.
    expect((await t.app.inject({ url: '/api/v1/citizen/dossiers' })).statusCode).toBe(401);
  });

  it('backfills the identity HMAC of dossiers written before it existed', async () => {
    const id = await receiveDossier(o, await workPermit(o), 'counter');
    await t.db.query('UPDATE dossier SET applicant_id_hmac = NULL WHERE id = $1', [id]);
    const before = await as(lan, 'GET', '/api/v1/citizen/dossiers');
    expect(before.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await backfillApplicantIdHmac(t.ctx)).toBeGreaterThanOrEqual(1);
    const after = await as(lan, 'GET', '/api/v1/citizen/dossiers');
    expect(after.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('writes the identity HMAC in the same INSERT as the dossier, never in a later UPDATE', async () => {
    // Any later write of the column fails the whole transaction: the receipt succeeds only if the
    // HMAC is already in the row the INSERT wrote (a crash in between cannot leave it empty).
    await t.db.query(`CREATE FUNCTION no_late_hmac() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'applicant_id_hmac written after the insert'; END $$`);
    await t.db.query(`CREATE TRIGGER no_late_hmac BEFORE UPDATE OF applicant_id_hmac ON dossier
      FOR EACH ROW EXECUTE FUNCTION no_late_hmac()`);
    try {
      const id = await receiveDossier(o, await workPermit(o), 'counter');
      const list = await as(lan, 'GET', '/api/v1/citizen/dossiers');
      expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
    } finally {
      await t.db.query('DROP TRIGGER no_late_hmac ON dossier');
      await t.db.query('DROP FUNCTION no_late_hmac()');
    }
  });

  it('viewing a counter dossier changes neither the dossier nor its history, and the citizen can still act on it', async () => {
    const id = await receiveDossier(o, await workPermit(o), 'counter');
    const state = async () => {
      const [row] = await t.db.query<{
        snapshot: unknown;
        applicant: unknown;
        applicant_citizen_id: string | null;
        version: number;
      }>('SELECT snapshot, applicant, applicant_citizen_id, version FROM dossier WHERE id = $1', [id]);
      const events = await t.db.query(
        'SELECT * FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq',
        [id],
      );
      return { row, events };
    };
    const before = await state();
    expect(before.row!.applicant_citizen_id).toBeNull();
    expect((await as(lan, 'GET', '/api/v1/citizen/dossiers')).statusCode).toBe(200);
    const detail = await as(lan, 'GET', `/api/v1/citizen/dossiers/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().canWithdraw).toBe(true);
    expect(await state()).toEqual(before);

    // The engine takes the identity match itself: the withdrawal request is the citizen's, recorded as an event.
    const asked = await as(lan, 'POST', `/api/v1/citizen/dossiers/${id}/withdrawal`, {
      payload: { reason: 'Tôi đã nộp nhầm thủ tục', expectedVersion: before.row!.version },
    });
    expect(asked.statusCode, asked.body).toBe(204);
    const afterAct = await state();
    expect(afterAct.row!.applicant_citizen_id).toBeNull();
    expect((afterAct.row!.snapshot as { applicantId: string | null }).applicantId).toBe(
      (before.row!.snapshot as { applicantId: string | null }).applicantId,
    );
    expect(afterAct.row!.applicant).toEqual(before.row!.applicant);
    expect(afterAct.events.slice(0, before.events.length)).toEqual(before.events);
    expect(afterAct.events.at(-1)).toMatchObject({ action: 'request_withdrawal', actor_name: lan.name });
  });

  it('answers a supplement online, item by item, applied once when sent twice', async () => {
    const id = await receiveDossier(o, await workPermit(o), 'counter');
    const items = [
      { description: 'Phiếu lý lịch tư pháp', reason: 'Bản nộp đã quá 6 tháng' },
      { description: 'Giấy khám sức khỏe', reason: 'Thiếu dấu giáp lai' },
    ];
    expect(await act(o, id, 'request_supplement', { items })).toBeNull();
    const detail = (await as(lan, 'GET', `/api/v1/citizen/dossiers/${id}`)).json();
    expect(detail.state).toBe('awaiting_supplement');
    expect(detail.supplementItems).toEqual(items.map((item, i) => ({ number: i + 1, ...item })));

    const files = async () => [
      {
        field: 'item_1',
        filename: 'ly-lich.pdf',
        data: await pdf('Ly lich tu phap'),
        type: 'application/pdf',
      },
      { field: 'item_2', filename: 'suc-khoe.pdf', data: await pdf('Giay kham'), type: 'application/pdf' },
    ];
    const url = `/api/v1/citizen/dossiers/${id}/supplement`;
    // Another citizen is told it does not exist.
    expect((await as(binh, 'POST', url, multipart(await files()))).statusCode).toBe(404);
    // One item missing: refused, naming it.
    const partial = await as(lan, 'POST', url, multipart((await files()).slice(0, 1)));
    expect(partial.statusCode, partial.body).toBe(422);
    expect(partial.json().code).toBe('supplement_items_mismatch');
    // More files than items asked for: refused before any is kept; an item not asked for: refused by name.
    const third = { field: 'item_3', filename: 'them.pdf', data: await pdf('Them'), type: 'application/pdf' };
    const tooMany = await as(lan, 'POST', url, multipart([...(await files()), third]));
    expect(tooMany.statusCode, tooMany.body).toBe(413);
    expect(tooMany.json().code).toBe('supplement_too_many_files');
    const unasked = await as(lan, 'POST', url, multipart([(await files())[0]!, third]));
    expect(unasked.statusCode, unasked.body).toBe(422);
    expect(unasked.json().code).toBe('supplement_items_mismatch');
    // A file that is not what it claims: refused by content.
    const fake = (await files()).map((f, i) =>
      i === 1 ? { ...f, data: Buffer.from('not a pdf at all, just text') } : f,
    );
    const refused = await as(lan, 'POST', url, multipart(fake));
    expect(refused.statusCode).toBe(415);
    // Named by its item, so the message goes next to the second file field, not only at the top.
    expect(refused.json().errors).toEqual([
      { path: 'item_2', message: expect.stringContaining('Chỉ nhận tệp PDF, ảnh (PNG, JPEG, TIFF)') },
    ]);
    // A ".pdf" that is a PNG photo: refused by name against content, next to its item, in English on request.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const lying = (await files()).map((f, i) => (i === 0 ? { ...f, data: png } : f));
    const lied = await as(lan, 'POST', `${url}?lang=en`, multipart(lying));
    expect(lied.statusCode, lied.body).toBe(422);
    expect(lied.json().code).toBe('upload_extension_mismatch');
    expect(lied.json().errors).toEqual([
      {
        path: 'item_1',
        message:
          'The file name ends in .pdf but the file is a PNG file; choose the right file, or rename it to match its content, then upload it again',
      },
    ]);
    const liedVi = (await as(lan, 'POST', url, multipart(lying))).json();
    expect(liedVi.errors[0].message).toContain('Tên tệp có đuôi .pdf nhưng nội dung là tệp PNG');
    const partialEn = await as(lan, 'POST', `${url}?lang=en`, multipart((await files()).slice(0, 1)));
    expect(partialEn.json().errors).toEqual([
      { path: 'item_2', message: 'Choose a file for item 2: Giấy khám sức khỏe' },
    ]);
    expect((await loadDossier(t.db, id))!.state).toBe('awaiting_supplement');

    // A double click: both answer 200, one applied it, the other found it applied.
    const [a, b] = await Promise.all([
      as(lan, 'POST', url, multipart(await files())),
      as(lan, 'POST', url, multipart(await files())),
    ]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    expect([a.json().applied, b.json().applied].sort()).toEqual(['already', 'now']);
    const after = (await loadDossier(t.db, id))!;
    expect(after.state).toBe('in_progress');
    const events = await t.db.query<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM dossier_event WHERE dossier_id = $1 AND action = 'receive_supplement'`,
      [id],
    );
    expect(events).toEqual([{ action: 'receive_supplement', actor_name: lan.name }]);
    const docs = await t.db.query<{ name: string }>(
      `SELECT name FROM dossier_document WHERE dossier_id = $1 AND kind = 'supplement' ORDER BY name`,
      [id],
    );
    expect(docs.map((d) => d.name)).toEqual(['Giấy khám sức khỏe', 'Phiếu lý lịch tư pháp']);
  });

  it('asks to withdraw with a reason; another citizen may not', async () => {
    const id = await receiveDossier(o, await workPermit(o), 'counter');
    const version = (await loadDossier(t.db, id))!.version;
    const url = `/api/v1/citizen/dossiers/${id}/withdrawal`;
    const payload = { reason: 'Tôi nộp nhầm thủ tục', expectedVersion: version };
    expect((await as(binh, 'POST', url, { payload })).statusCode).toBe(404);
    const short = await as(lan, 'POST', url, { payload: { ...payload, reason: 'x' } });
    expect(short.statusCode).toBe(422);
    const ok = await as(lan, 'POST', url, { payload });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await loadDossier(t.db, id))!.state).toBe('withdrawal_requested');
    const detail = (await as(lan, 'GET', `/api/v1/citizen/dossiers/${id}`)).json();
    expect(detail.stateLabel).toBe('Công dân yêu cầu rút hồ sơ');
    expect(detail.canWithdraw).toBe(false);
  });

  it('downloads the electronic result, says so when there is none, and only for the owner', async () => {
    const id = await receiveDossier(o, await workPermit(o), 'counter');
    const url = `/api/v1/citizen/dossiers/${id}/result`;
    const none = await as(lan, 'GET', url);
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('result_not_electronic');
    expect(none.json().detail ?? none.json().title).toMatch(/chưa có kết quả điện tử/);
    const result = await pdf('Giay phep lao dong');
    await attachDocument(
      t.ctx,
      (await loadDossier(t.db, id))!,
      { id: o.staff.userId!, fullName: o.staff.name },
      { data: result, filename: 'giay-phep.pdf', name: 'Giấy phép lao động', kind: 'result' },
    );
    expect((await as(lan, 'GET', `/api/v1/citizen/dossiers/${id}`)).json().result).toMatchObject({
      filename: 'giay-phep.pdf',
      mediaType: 'application/pdf',
    });
    const got = await as(lan, 'GET', url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(got.rawPayload, result)).toBe(0);
    expect((await as(binh, 'GET', url)).statusCode).toBe(404);
  });

  it('honours the channels chosen: email off means no mail, SMS is not available yet', async () => {
    const channel = emailChannel({ smtpUrl: smtp.url, from: 'motcua@example.gov.vn' });
    const prefs = '/api/v1/citizen/notification-preferences';
    expect((await as(lan, 'GET', prefs)).json()).toEqual({ locale: 'vi', channels: ['email'] });
    const sms = await as(lan, 'PUT', prefs, { payload: { locale: 'vi', channels: ['sms'] } });
    expect(sms.statusCode).toBe(422);
    expect(sms.json().code).toBe('channel_not_available');

    // Email turned off: the supplement request is not mailed.
    await deliverNotifications(t.ctx, [channel], { worker: 'drain' });
    expect((await as(lan, 'PUT', prefs, { payload: { locale: 'vi', channels: [] } })).statusCode).toBe(200);
    const quiet = await receiveDossier(o, await workPermit(o), 'counter');
    const seen = smtp.received.length;
    expect(
      await act(o, quiet, 'request_supplement', { items: [{ description: 'Ảnh', reason: 'Mờ' }] }),
    ).toBeNull();
    await deliverNotifications(t.ctx, [channel], { worker: 'w1' });
    expect(smtp.received.slice(seen).filter((m) => m.to.includes(lan.email))).toEqual([]);

    // Email on again, in English: the next change arrives.
    const on = await as(lan, 'PUT', prefs, { payload: { locale: 'en', channels: ['email'] } });
    expect(on.json()).toEqual({ locale: 'en', channels: ['email'] });
    const loud = await receiveDossier(o, await workPermit(o), 'counter');
    expect(
      await act(o, loud, 'request_supplement', { items: [{ description: 'Ảnh', reason: 'Mờ' }] }),
    ).toBeNull();
    await deliverNotifications(t.ctx, [channel], { worker: 'w2' });
    const mails = smtp.received.slice(seen).filter((m) => m.to.includes(lan.email));
    // The receipt and the supplement request of the counter dossier matched by identity number; none of the quiet one.
    const loudCode = (await loadDossier(t.db, loud))!.code!;
    const quietCode = (await loadDossier(t.db, quiet))!.code!;
    expect(mails.length).toBe(2);
    for (const m of mails) expect(m.text).toContain(loudCode);
    expect(mails.some((m) => m.text.includes(quietCode))).toBe(false);
  });
});
