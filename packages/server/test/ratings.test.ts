import {
  type Index766IndicatorView,
  ratingFollowUpsResponse,
  ratingFormResponse,
  ratingGivenResponse,
  ratingStatisticsResponse,
} from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptIdentityNumber, identityNumberHmac } from '../src/citizen-auth/identity-number.ts';
import { emailChannel } from '../src/notifications/email.ts';
import { deliverNotifications } from '../src/notifications/worker.ts';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_AGENCY_CODE } from '../src/seed/organisation-data.ts';
import { createUser } from '../src/users/users.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { citizenByEmail } from './support/citizen.ts';
import { engines } from './support/databases.ts';
import { recording } from './support/recording.ts';
import { startSmtp } from './support/smtp.ts';
import { staffClients, workPermitProcedure } from './support/staff.ts';

/**
 * Service ratings as a citizen and the officers meet them: the result's one-time link (the SIPAS
 * link, issued with the return) rates the dossier once, whatever the double submits; a "not
 * satisfied" rating needs a reason and opens a follow-up for the receiving unit's head, who is
 * notified and closes it with a note; the counter tablet rates by the dossier's code; Decision
 * 766's 5.4 reads the ratings. The clock starts on Monday 1 March 2027, 08:00 in Vietnam.
 */

const USERS = ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao', 'cchc', 'truongmotcua'];

describe.each(engines)('service ratings on %s', (engine) => {
  let t: TestApp;
  const { clockTo, json } = staffClients(() => t, USERS, '/api/v1');
  const pub = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url: `/api/v1/public/ratings${url}`,
      payload: payload as object,
      headers,
    });

  /** A dossier received at the counter, taken through its steps, approved and returned; its id and code. */
  async function returnedDossier(outcome: 'granted' = 'granted') {
    const procedure = await workPermitProcedure(t);
    const received = await json('tiepnhan', 'POST', '/dossiers', {
      procedureId: procedure.id,
      channel: 'counter',
      applicant: { name: 'Phạm Văn Hùng', idNumber: '079203001234', phone: '0912 345 678' },
      checklist: procedure.documents.map((d: { name: string }) => ({ document: d.name, received: true })),
    });
    expect(received.statusCode, received.body).toBe(201);
    let d = received.json();
    const act = async (who: string, action: string, input: object = {}) => {
      const res = await json(who, 'POST', `/dossiers/${d.id}/actions/${action}`, {
        version: d.version,
        input,
      });
      expect(res.statusCode, res.body).toBe(200);
      d = res.json();
    };
    for (let i = 0; i < 8 && d.state !== 'awaiting_approval'; i++) {
      const who =
        d.step?.role === 'specialist'
          ? 'chuyenvien'
          : d.step?.role === 'head_of_unit'
            ? 'truongphong'
            : 'tiepnhan';
      await act(who, 'forward_step', { note: 'Đủ điều kiện' });
    }
    await act('lanhdao', 'approve', { outcome });
    return {
      id: d.id as string,
      code: d.code as string,
      receivingUnitId: d.receivingUnitId as string,
      returnIt: () => act('tiepnhan', 'return_result', { channel: 'counter' }),
    };
  }
  const tokenOf = async (id: string) => {
    const link = await json('tiepnhan', 'GET', `/surveys/dossiers/${id}/link`);
    expect(link.statusCode, link.body).toBe(200);
    return link.json().token as string;
  };
  const ratingsOf = (id: string) =>
    t.db.query<{ value: string; channel: string }>(
      'SELECT value, channel FROM dossier_rating WHERE dossier_id = $1',
      [id],
    );

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    // The head of the agency's one-stop desk, where the counter officer receives.
    const desk = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!;
    await createUser(t.db, {
      username: 'truongmotcua',
      fullName: 'Đỗ Minh Quân',
      password: 'Motcua@2025!demo',
      mustChangePassword: false,
      roles: [{ role: 'head_of_unit', unitId: desk.id }],
    });
    await clockTo('2027-03-01T08:00');
  });
  afterAll(() => t.close());

  it('rates a returned dossier once by its result link, however often it is sent', async () => {
    const d = await returnedDossier();
    // Before the return there is no link to rate by.
    expect((await json('tiepnhan', 'GET', `/surveys/dossiers/${d.id}/link`)).statusCode).toBe(404);
    await d.returnIt();
    const token = await tokenOf(d.id);

    const form = ratingFormResponse.parse((await pub('GET', `/links/${token}`)).json());
    expect(form).toMatchObject({ dossierCode: d.code, ratedAt: null });
    expect(JSON.stringify(form)).not.toContain('Phạm Văn Hùng');

    const body = { value: 'satisfied', reasons: [], comment: 'Cán bộ hướng dẫn tận tình' };
    const key = { 'idempotency-key': 'rating-double-0001' };
    const [a, b] = await Promise.all([
      pub('POST', `/links/${token}`, body, key),
      pub('POST', `/links/${token}`, body, key),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(ratingGivenResponse.parse(a.json()).id).toBe(b.json().id);
    // Two different submissions at once, without a key: one counts, the other is told it is rated.
    const [x, y] = await Promise.all([
      pub('POST', `/links/${token}`, { value: 'acceptable' }),
      pub('POST', `/links/${token}`, { value: 'not_satisfied', reasons: ['late'] }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([409, 409]);
    expect(x.json().detail).toContain('chỉ đánh giá một lần');
    expect(await ratingsOf(d.id)).toEqual([{ value: 'satisfied', channel: 'link' }]);
    expect((await pub('GET', `/links/${token}`)).json().ratedAt).not.toBeNull();
  });

  it('asks for a reason when not satisfied, and opens a follow-up for the receiving unit’s head', async () => {
    const d = await returnedDossier();
    await d.returnIt();
    const token = await tokenOf(d.id);
    const noReason = await pub('POST', `/links/${token}`, { value: 'not_satisfied' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0]).toMatchObject({ path: 'reasons' });
    expect(noReason.json().errors[0].message).toContain('ít nhất một lý do');
    const other = await pub('POST', `/links/${token}`, { value: 'not_satisfied', reasons: ['other'] });
    expect(other.json().errors[0]).toMatchObject({ path: 'comment' });

    const given = await pub('POST', `/links/${token}`, {
      value: 'not_satisfied',
      reasons: ['late', 'attitude'],
      comment: 'Phải chờ lâu ở quầy',
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({ followUp: true, value: 'not_satisfied' });

    // The head of the receiving unit (the agency's one-stop desk) is told through the outbox.
    const [head] = await t.db.query<{ id: string }>(
      "SELECT id FROM app_user WHERE username = 'truongmotcua'",
    );
    const notices = await t.db.query<{ recipient_id: string }>(
      "SELECT recipient_id FROM outbox WHERE kind = 'rating.follow_up' AND dossier_id = $1",
      [d.id],
    );
    expect(notices.map((n) => n.recipient_id)).toEqual([head!.id]);
    // …and the email that arrives names the dossier and the reasons, in Vietnamese.
    await t.db.query("UPDATE app_user SET email = 'quan.dm@example.vn' WHERE id = $1", [head!.id]);
    const smtp = await startSmtp();
    const channel = emailChannel({ smtpUrl: smtp.url, from: 'Một cửa <motcua@example.vn>' });
    try {
      await deliverNotifications(t.ctx, [channel], { worker: 'test' });
      const mail = smtp.received.find((m) => m.to.includes('quan.dm@example.vn'));
      expect(mail?.subject).toBe(`Đánh giá "Không hài lòng" với hồ sơ ${d.code}`);
      expect(mail?.text).toContain('Lý do: Trả kết quả trễ hẹn; Thái độ của công chức chưa tốt.');
      expect(mail?.text).not.toContain('Phạm Văn Hùng');
    } finally {
      await channel.close?.();
      await smtp.close();
    }

    // Only heads of unit see follow-ups; a head of another unit sees none of this one.
    expect((await json('tiepnhan', 'GET', '/ratings/follow-ups')).statusCode).toBe(403);
    const others = ratingFollowUpsResponse.parse(
      (await json('truongphong', 'GET', '/ratings/follow-ups')).json(),
    );
    expect(others.items.find((i) => i.dossierId === d.id)).toBeUndefined();
    const list = ratingFollowUpsResponse.parse(
      (await json('truongmotcua', 'GET', '/ratings/follow-ups')).json(),
    );
    const item = list.items.find((i) => i.dossierId === d.id)!;
    expect(item).toMatchObject({ dossierCode: d.code, reasons: ['late', 'attitude'], closedAt: null });

    expect(
      (await json('truongphong', 'POST', `/ratings/follow-ups/${item.id}/close`, { note: 'Đã làm việc' }))
        .statusCode,
    ).toBe(404);
    const short = await json('truongmotcua', 'POST', `/ratings/follow-ups/${item.id}/close`, { note: 'ok' });
    expect(short.statusCode).toBe(422);
    // Closing locks the rating by (agency_id, id), never by id alone (docs/distribution.md).
    const log: string[] = [];
    const db = t.ctx.db;
    t.ctx.db = recording(db, log);
    const closed = await json('truongmotcua', 'POST', `/ratings/follow-ups/${item.id}/close`, {
      note: 'Đã trao đổi với công dân và nhắc nhở công chức quầy 2',
    }).finally(() => {
      t.ctx.db = db;
    });
    const locks = log.filter((sql) => /dossier_rating/.test(sql) && /FOR UPDATE/.test(sql));
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatch(/WHERE agency_id = \$\d AND id = \$\d FOR UPDATE/);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      closeNote: 'Đã trao đổi với công dân và nhắc nhở công chức quầy 2',
    });
    expect(closed.json().closedAt).not.toBeNull();
    const again = await json('truongmotcua', 'POST', `/ratings/follow-ups/${item.id}/close`, {
      note: 'Lần thứ hai',
    });
    expect(again.statusCode).toBe(409);
  });

  it('rates at the counter tablet by the code of a dossier returned there', async () => {
    const opened = await json('tiepnhan', 'POST', '/surveys/kiosks', {
      unitId: (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const kiosk = opened.json().token;
    const d = await returnedDossier();
    const early = await pub('POST', `/kiosks/${kiosk}`, { dossierCode: d.code, value: 'acceptable' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('rating_not_returned');
    await d.returnIt();
    const wrong = await pub('POST', `/kiosks/${kiosk}`, {
      dossierCode: 'KHONG-CO-260301-0000',
      value: 'acceptable',
    });
    expect(wrong.json().errors[0]).toMatchObject({ path: 'dossierCode' });
    const given = await pub('POST', `/kiosks/${kiosk}`, { dossierCode: d.code, value: 'acceptable' });
    expect(given.statusCode, given.body).toBe(201);
    // The same dossier by its link afterwards: already rated.
    expect((await pub('POST', `/links/${await tokenOf(d.id)}`, { value: 'satisfied' })).statusCode).toBe(409);
    expect(await ratingsOf(d.id)).toEqual([{ value: 'acceptable', channel: 'kiosk' }]);
  });

  it('feeds Decision 766’s 5.4 and the statistics from the ratings', async () => {
    // March 2027 so far: 3 dossiers resolved (returned), none late; one rated "not satisfied".
    // 5.4 = 100% − (0 late + 1 negative) / 3 = 66.67% against 90% → 4.44 of 6 points.
    const res = await json('lanhdao', 'GET', '/reports/766?period=month&year=2027&index=3');
    expect(res.statusCode, res.body).toBe(200);
    const i54 = res.json().indicators.find((i: Index766IndicatorView) => i.code === '5.4');
    expect(i54).toMatchObject({ status: 'measured', numerator: 2, denominator: 3, rate: 66.67, score: 4.44 });

    expect((await json('tiepnhan', 'GET', '/ratings/statistics')).statusCode).toBe(403);
    const stats = ratingStatisticsResponse.parse((await json('cchc', 'GET', '/ratings/statistics')).json());
    expect(stats).toMatchObject({
      total: 3,
      byValue: { satisfied: 1, acceptable: 1, not_satisfied: 1 },
      openFollowUps: 0,
    });
    expect(stats.byReason).toEqual([
      { code: 'attitude', count: 1 },
      { code: 'late', count: 1 },
    ]);
  });

  it('lets a signed-in portal citizen rate their own returned dossier once, and nobody else’s', async () => {
    /** A portal citizen signed in by the emailed code; POSTs with their cookie and CSRF token. */
    const citizen = async (email: string) => {
      const session = await citizenByEmail(t, email);
      return {
        id: session.id,
        rate: (dossierId: string, payload: object) =>
          t.app.inject({
            method: 'POST',
            url: `/api/v1/ratings/dossiers/${dossierId}`,
            payload,
            headers: session.headers,
          }),
      };
    };
    const lan = await citizen('lan.danhgia@example.vn');
    const binh = await citizen('binh.danhgia@example.vn');
    const d = await returnedDossier();
    // As the portal writes a dossier the citizen submits for themselves: their account, no identity
    // number's HMAC (one would say it is someone else's or a business's: core inDossierScope).
    await t.db.query(
      'UPDATE dossier SET applicant_citizen_id = $2, applicant_id_hmac = NULL WHERE agency_id IS NOT NULL AND id = $1',
      [d.id, lan.id],
    );
    const early = await lan.rate(d.id, { value: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('rating_not_returned');
    await d.returnIt();
    // Another citizen does not even learn the dossier exists.
    expect((await binh.rate(d.id, { value: 'not_satisfied', reasons: ['late'] })).statusCode).toBe(404);
    // Not signed in at all: asked to sign in.
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ratings/dossiers/${d.id}`,
      payload: { value: 'satisfied' },
    });
    expect(anonymous.statusCode).toBe(401);
    // Two taps at once: one rating counts, the other is told the dossier is already rated.
    const [a, b] = await Promise.all([
      lan.rate(d.id, { value: 'satisfied', comment: 'Nhanh gọn' }),
      lan.rate(d.id, { value: 'acceptable' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().detail).toContain('chỉ đánh giá một lần');
    const [first] = await ratingsOf(d.id);
    expect(await ratingsOf(d.id)).toHaveLength(1);
    expect(first!.channel).toBe('account');
    // Afterwards, the result link refuses too.
    expect((await pub('POST', `/links/${await tokenOf(d.id)}`, { value: 'satisfied' })).statusCode).toBe(409);
  });

  it('lets a citizen rate the counter dossier of their verified identity number, as "my dossiers" shows it', async () => {
    const email = 'cuong.danhgia@example.vn';
    const idNumber = '038201009999';
    const { headers } = await citizenByEmail(t, email);
    // Their identity number, verified (as VNeID gives it), is the one the counter typed.
    const key = t.ctx.config.citizenIdKeyFile;
    const hmac = await identityNumberHmac(key, idNumber);
    await t.db.query(
      `UPDATE citizen_account SET identity_number_encrypted = $2, identity_number_masked = $3, identity_id_hmac = $4
        WHERE email = $1`,
      [email, await encryptIdentityNumber(key, idNumber), '038******999', hmac],
    );
    const d = await returnedDossier();
    await t.db.query('UPDATE dossier SET applicant_id_hmac = $2 WHERE agency_id IS NOT NULL AND id = $1', [
      d.id,
      hmac,
    ]);
    await d.returnIt();
    const mine = await t.app.inject({ url: `/api/v1/citizen/dossiers/${d.id}`, headers });
    expect(mine.statusCode, mine.body).toBe(200);
    // Not rated yet: the page offers the form.
    expect(mine.json().rating).toBeNull();
    const rate = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/ratings/dossiers/${d.id}`, payload, headers });
    const first = await rate({ value: 'satisfied' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await rate({ value: 'not_satisfied', reasons: ['late'] });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('rating_already_given');
    expect(await ratingsOf(d.id)).toHaveLength(1);
    // The citizen's dossier now says it is rated, with the value given, so the page shows no form.
    const rated = await t.app.inject({ url: `/api/v1/citizen/dossiers/${d.id}`, headers });
    expect(rated.json().rating).toEqual({ value: 'satisfied', ratedAt: expect.any(String) });
    expect(Date.parse(rated.json().rating.ratedAt)).not.toBeNaN();
  });

  it('tells the citizen their dossier is rated when it was rated through the result link', async () => {
    const email = 'dung.danhgia@example.vn';
    const session = await citizenByEmail(t, email);
    const headers = { cookie: session.cookie };
    const d = await returnedDossier();
    // As the portal writes a dossier the citizen submits for themselves: their account, no identity
    // number's HMAC (one would say it is someone else's or a business's: core inDossierScope).
    await t.db.query(
      'UPDATE dossier SET applicant_citizen_id = $2, applicant_id_hmac = NULL WHERE agency_id IS NOT NULL AND id = $1',
      [d.id, session.id],
    );
    await d.returnIt();
    const before = await t.app.inject({ url: `/api/v1/citizen/dossiers/${d.id}`, headers });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().rating).toBeNull();
    const byLink = await pub('POST', `/links/${await tokenOf(d.id)}`, { value: 'acceptable' });
    expect(byLink.statusCode, byLink.body).toBe(201);
    const after = await t.app.inject({ url: `/api/v1/citizen/dossiers/${d.id}`, headers });
    expect(after.json().rating).toMatchObject({ value: 'acceptable' });
  });
});
