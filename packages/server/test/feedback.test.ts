import {
  feedbackCaseView,
  feedbackListResponse,
  feedbackPublicationDraft,
  feedbackReceivedResponse,
  feedbackStatisticsResponse,
  type Index766IndicatorView,
  publishedFeedbackResponse,
} from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/db/database.ts';
import { emailChannel } from '../src/notifications/email.ts';
import { deliverNotifications } from '../src/notifications/worker.ts';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { citizenByEmail } from './support/citizen.ts';
import { engines } from './support/databases.ts';
import { startSmtp } from './support/smtp.ts';
import { staffClients } from './support/staff.ts';

/**
 * Citizen feedback (phản ánh, kiến nghị) as the citizen and the officers meet it: only a verified
 * contact sends it (signed in, here by the emailed one-time code); the case is due 15 working days
 * after receipt on the agency's calendar; the reform office assigns it, the unit answers, the
 * leader closes it; the citizen is told and rates the answer; a late answer counts late; a chosen
 * answer is published with the sender's personal data removed. The clock starts on Thursday
 * 22 April 2027, 09:00 in Vietnam, so the deadline runs across 30 April and 1 May (a Saturday,
 * made up on Monday 3 May).
 */

const USERS = ['cchc', 'lanhdao', 'truongphong', 'truongphongncc', 'chuyenvien', 'tiepnhan'];

const SENDER = {
  email: 'nguyen.van.an@example.vn',
  name: 'Nguyễn Văn An',
  phone: '0912 345 678',
  id: '079203001234',
};
/** The message names its sender, his phone, his ID number, his email and his address. */
const MESSAGE =
  `Tôi là ${SENDER.name}, CCCD ${SENDER.id}, điện thoại ${SENDER.phone}, email ${SENDER.email}, ` +
  'địa chỉ số 12 đường Lê Lợi, phường Bến Nghé. Tôi nộp hồ sơ cấp giấy phép lao động đã quá hẹn mà chưa được trả lời.';

describe.each(engines)('citizen feedback on %s', (engine) => {
  let t: TestApp;
  let employmentId: string;
  let permitId: string;
  const { clockTo, json } = staffClients(() => t, USERS, '/api/v1');

  /** A citizen signed in by the code emailed to `email`: a request function with the session cookie and CSRF token. */
  async function citizen(email: string) {
    const { headers } = await citizenByEmail(t, email);
    return (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public/feedback',
        payload,
        headers,
      });
  }
  const act = async (who: string, id: string, action: string, body: object = {}) => {
    const current = (await json('cchc', 'GET', `/feedback/${id}`)).json();
    return json(who, 'POST', `/feedback/${id}/actions/${action}`, { version: current.version, ...body });
  };
  const ratingTokenOf = async (id: string) => {
    const [row] = await t.db.query<{ payload: { ratePath: string } }>(
      "SELECT payload FROM outbox WHERE kind = 'feedback.answered' AND payload->>'reference' = (SELECT reference FROM feedback_case WHERE id = $1)",
      [id],
    );
    return row!.payload.ratePath.split('/').pop()!;
  };

  let first: { id: string; reference: string };

  beforeAll(async () => {
    t = await startTestApp(engine, {
      env: { LOGIN_RATE_PER_MINUTE: '1000', CITIZEN_CODE_RATE_PER_MINUTE: '1000' },
    });
    employmentId = (await getUnitByCode(t.db, DEMO_UNIT_CODES.employment))!.id;
    const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    permitId = list.items.find((i: { name: string }) => i.name.startsWith('Cấp giấy phép lao động')).id;
    await clockTo('2027-04-22T09:00');
  });
  afterAll(() => t.close());

  it('takes feedback only from a verified contact', async () => {
    const body = { topic: 'procedure', procedureId: permitId, message: MESSAGE };
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/public/feedback', payload: body });
    expect(anonymous.statusCode).toBe(401);
    // A wrong code does not verify the contact: still no session, still refused.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/email/start',
      payload: { email: 'la@example.vn' },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/email/verify',
      payload: { email: 'la@example.vn', code: '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.cookies.find((c) => c.name === 'motcua_citizen')).toBeUndefined();
    expect(await t.db.query('SELECT 1 FROM feedback_case')).toEqual([]);
  });

  it('receives a case due 15 working days later on the agency’s calendar, across the 30 April holiday', async () => {
    const send = await citizen(SENDER.email);
    const short = await send({ topic: 'procedure', procedureId: permitId, message: 'Quá chậm' });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toMatchObject({ path: 'message' });
    expect(short.json().errors[0].message).toContain('ít nhất 20 ký tự');
    const missing = await send({ topic: 'dossier', message: MESSAGE });
    expect(missing.json().errors[0]).toMatchObject({ path: 'dossierCode' });

    const res = await send({
      topic: 'procedure',
      procedureId: permitId,
      message: MESSAGE,
      contactName: SENDER.name,
    });
    expect(res.statusCode, res.body).toBe(201);
    const received = feedbackReceivedResponse.parse(res.json());
    expect(received.reference).toBe('PA-270422-0001');
    // 23, 26-29 April (5), 4-7 May (9), 10-14 May (14), 17 May (15): 30 April, 1 May and its
    // compensatory Monday 3 May are days off.
    expect(received.dueAt.slice(0, 16)).toBe('2027-05-17T02:00');
    first = received;
  });

  it('lets the reform office assign, the assigned officer answer on time and the leader close', async () => {
    expect((await json('tiepnhan', 'GET', '/feedback')).statusCode).toBe(403);
    // Nobody in a unit sees a case before it is given to that unit.
    const before = feedbackListResponse.parse((await json('chuyenvien', 'GET', '/feedback')).json());
    expect(before.items).toEqual([]);
    expect((await act('truongphong', first.id, 'assign', { unitId: employmentId })).statusCode).toBe(404);

    const list = feedbackListResponse.parse((await json('cchc', 'GET', '/feedback')).json());
    expect(list.items[0]).toMatchObject({
      reference: first.reference,
      state: 'received',
      workingDaysLeft: 15,
    });
    expect(list.items[0]!.actions).toEqual(['assign', 'reject']);

    const [officer] = await t.db.query<{ id: string }>(
      "SELECT id FROM app_user WHERE username = 'chuyenvien'",
    );
    // The reform office's case view carries, in the same read, where it can be given: the
    // agency's units and the officers of each; the assign form offers exactly these.
    const view = feedbackCaseView.parse((await json('cchc', 'GET', `/feedback/${first.id}`)).json());
    expect(view.assignable!.units.map((u) => u.id)).toContain(employmentId);
    expect(view.assignable!.officers).toContainEqual(
      expect.objectContaining({ id: officer!.id, unitId: employmentId }),
    );
    expect(list.items[0]!.assignable).toBeNull();
    const stranger = await act('cchc', first.id, 'assign', {
      unitId: employmentId,
      assigneeId: (
        await t.db.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'truongphongncc'")
      )[0]!.id,
    });
    expect(stranger.json().errors[0]).toMatchObject({ path: 'assigneeId' });
    const assigned = await act('cchc', first.id, 'assign', { unitId: employmentId, assigneeId: officer!.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(feedbackCaseView.parse(assigned.json())).toMatchObject({
      state: 'assigned',
      unit: { id: employmentId },
    });
    // The officer given the case reads it but may not give it on.
    const own = feedbackCaseView.parse((await json('chuyenvien', 'GET', `/feedback/${first.id}`)).json());
    expect(own.actions).toEqual(['answer']);
    expect(own.assignable).toBeNull();
    const notified = await t.db.query(
      "SELECT 1 FROM outbox WHERE kind = 'feedback.assigned' AND recipient_id = $1",
      [officer!.id],
    );
    expect(notified).toHaveLength(1);

    // The head of another unit may not answer; the leader may not answer before … well, may; the officer answers.
    expect((await act('truongphongncc', first.id, 'answer', { answer: 'Trả lời thử' })).statusCode).toBe(404);
    expect((await act('cchc', first.id, 'close')).statusCode).toBe(409);
    await clockTo('2027-05-14T10:00');
    const answered = await act('chuyenvien', first.id, 'answer', {
      answer:
        'Sở Nội vụ đã kiểm tra: hồ sơ của ông Nguyễn Văn An bị chậm do phải xin ý kiến cơ quan khác. Kết quả đã được trả ngày 14/5.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      state: 'answered',
      timeliness: 'on_time',
      workingDaysLeft: null,
    });
    expect((await act('chuyenvien', first.id, 'close')).statusCode).toBe(403);
    const closed = await act('lanhdao', first.id, 'close', { note: 'Đã trả lời công dân' });
    expect(closed.json()).toMatchObject({ state: 'closed' });
  });

  it('tells the citizen the answer with a link to rate it, once', async () => {
    const token = await ratingTokenOf(first.id);
    const [sent] = await t.db.query<{ payload: { email: string } }>(
      "SELECT payload FROM outbox WHERE kind = 'feedback.answered' AND payload->>'reference' = $1",
      [first.reference],
    );
    expect(sent!.payload.email).toBe(SENDER.email);
    const form = await t.app.inject({ url: `/api/v1/public/feedback/ratings/${token}` });
    expect(form.json()).toMatchObject({ reference: first.reference, ratedAt: null });
    const rate = (value: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/public/feedback/ratings/${token}`, payload: { value } });
    expect((await rate('satisfied')).statusCode).toBe(201);
    const again = await rate('not_satisfied');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('chỉ đánh giá một lần');
  });

  it('counts an answer after the deadline as late, and a rejected case in neither', async () => {
    await clockTo('2027-05-17T08:00');
    const send = await citizen('tran.thi.binh@example.vn');
    const late = (
      await send({
        topic: 'conduct',
        agencyId: (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id,
        message: 'Công chức tại quầy không hướng dẫn đầy đủ giấy tờ cần nộp.',
      })
    ).json();
    expect(late.reference).toBe('PA-270517-0001');
    const out = (
      await send({
        topic: 'procedure',
        procedureId: permitId,
        message: 'Đề nghị giảm lệ phí cấp giấy phép lao động cho doanh nghiệp nhỏ.',
      })
    ).json();
    expect((await act('cchc', out.id, 'reject')).json().errors[0]).toMatchObject({ path: 'reason' });
    expect(
      (await act('cchc', out.id, 'reject', { reason: 'Thuộc thẩm quyền của Quốc hội' })).json().state,
    ).toBe('rejected');

    expect((await act('lanhdao', late.id, 'assign', { unitId: employmentId })).statusCode).toBe(200);
    // 15 working days after 17 May is 7 June; answered on 8 June.
    await clockTo('2027-06-08T09:00');
    const list = feedbackListResponse.parse((await json('truongphong', 'GET', '/feedback')).json());
    expect(list.items.find((i) => i.id === late.id)).toMatchObject({ workingDaysLeft: -1 });
    const answered = await act('truongphong', late.id, 'answer', {
      answer: 'Sở đã nhắc nhở công chức và bổ sung bảng hướng dẫn tại quầy.',
    });
    expect(answered.json()).toMatchObject({ state: 'answered', timeliness: 'late' });

    const stats = feedbackStatisticsResponse.parse(
      (await json('lanhdao', 'GET', '/feedback/statistics?from=2027-04-01&to=2027-06-30')).json(),
    );
    expect(stats).toMatchObject({
      received: 3,
      byState: { received: 0, assigned: 0, answered: 1, closed: 1, rejected: 1 },
      answeredOnTime: 1,
      answeredLate: 1,
      onTimeRate: 50,
      ratings: { satisfied: 1, acceptable: 0, not_satisfied: 0 },
    });
    expect((await json('chuyenvien', 'GET', '/feedback/statistics')).statusCode).toBe(403);

    // Decision 766 for the second quarter: 5.2 = 1 on time of 2 received (the rejected one out) = 50%;
    // 5.3 = 1 rating, satisfied = 100%.
    const index = (await json('lanhdao', 'GET', '/reports/766?period=quarter&year=2027&index=2')).json();
    const one = (code: string) => index.indicators.find((i: Index766IndicatorView) => i.code === code);
    expect(one('5.2')).toMatchObject({
      status: 'measured',
      numerator: 1,
      denominator: 2,
      rate: 50,
      score: 3,
    });
    expect(one('5.3')).toMatchObject({
      status: 'measured',
      numerator: 1,
      denominator: 1,
      rate: 100,
      score: 6,
    });
  });

  it('publishes a chosen answer with no name, phone, ID number or email of the sender', async () => {
    expect((await json('chuyenvien', 'GET', `/feedback/${first.id}/publication`)).statusCode).toBe(403);
    const draft = feedbackPublicationDraft.parse(
      (await json('cchc', 'GET', `/feedback/${first.id}/publication`)).json(),
    );
    const personal = [SENDER.name, SENDER.phone, SENDER.id, SENDER.email, 'Lê Lợi', '0912345678'];
    for (const p of personal) expect(`${draft.question} ${draft.answer}`).not.toContain(p);
    expect(draft.question).toContain('cấp giấy phép lao động');
    expect(draft.removed.map((r) => r.kind).sort()).toEqual([
      'address',
      'email',
      'identity',
      'name',
      'phone',
    ]);

    // The officer edits the text and, by mistake, writes the phone number back: it is removed again.
    const published = await json('cchc', 'POST', `/feedback/${first.id}/publication`, {
      question: `${draft.question} Liên hệ 0912.345.678.`,
      answer: draft.answer,
    });
    expect(published.statusCode, published.body).toBe(200);

    const page = await t.app.inject({ url: '/api/v1/public/feedback/published?q=giay%20phep%20lao%20dong' });
    const body = publishedFeedbackResponse.parse(page.json());
    expect(body.items.map((i) => i.reference)).toEqual([first.reference]);
    for (const p of [...personal, '0912.345.678', 'An ']) expect(page.body).not.toContain(p);
    expect(
      (await t.app.inject({ url: '/api/v1/public/feedback/published?q=khong%20co%20tu%20nay' })).json().total,
    ).toBe(0);
  });
  it('locks a case and its answer’s rating by agency, never by id alone', async () => {
    const send = await citizen('le.van.cuong@example.vn');
    const log: string[] = [];
    const db = t.ctx.db;
    const wrap = (q: Queryable): Queryable => ({
      query: (sql, params) => {
        log.push(sql);
        return q.query(sql, params);
      },
      exec: (sql) => q.exec(sql),
    });
    t.ctx.db = new Proxy(db, {
      get(target, prop) {
        if (prop === 'query') return wrap(target).query;
        if (prop === 'transaction')
          return <T>(fn: (tx: Queryable) => Promise<T>) => target.transaction((tx) => fn(wrap(tx)));
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      const c = (
        await send({
          topic: 'procedure',
          procedureId: permitId,
          message: 'Đề nghị niêm yết rõ lệ phí tại quầy.',
        })
      ).json();
      expect((await act('cchc', c.id, 'assign', { unitId: employmentId })).statusCode).toBe(200);
      expect(
        (await act('truongphong', c.id, 'answer', { answer: 'Sở đã niêm yết lệ phí tại quầy.' })).statusCode,
      ).toBe(200);
      const token = await ratingTokenOf(c.id);
      const rated = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/feedback/ratings/${token}`,
        payload: { value: 'acceptable' },
      });
      expect(rated.statusCode, rated.body).toBe(201);
    } finally {
      t.ctx.db = db;
    }
    const locks = log.filter((sql) => /FOR UPDATE/.test(sql) && /\bfeedback_case\b/.test(sql));
    // Assign, answer (each locks the case), and the rating (locks it by its token).
    expect(locks.length).toBeGreaterThanOrEqual(3);
    for (const sql of locks)
      expect(sql).toMatch(/WHERE f\.agency_id = \$1 AND f\.(id|rating_token) = \$2 FOR UPDATE/);
    expect(locks.some((sql) => /f\.rating_token = \$2 FOR UPDATE/.test(sql))).toBe(true);
  });
  it('emails the sender the reference and deadline, the answer’s rating link, the close and a rejection', async () => {
    const smtp = await startSmtp();
    const channel = emailChannel({ smtpUrl: smtp.url, from: 'Một cửa <motcua@example.vn>' });
    try {
      await deliverNotifications(t.ctx, [channel], { worker: 'test' });
      const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));
      const an = to(SENDER.email);
      const received = an.find((m) => m.subject === `Đã nhận phản ánh, kiến nghị ${first.reference}`);
      expect(received?.text).toContain('Hạn trả lời: 17/05/2027');
      const answered = an.find((m) => m.subject === `Phản ánh, kiến nghị ${first.reference} đã được trả lời`);
      const link = answered?.text.match(/https?:\/\/\S+\/phan-anh\/danh-gia\/([\w-]+)/);
      expect(link?.[1]).toBe(await ratingTokenOf(first.id));
      expect(an.map((m) => m.subject)).toContain(`Phản ánh, kiến nghị ${first.reference} đã kết thúc`);
      const binh = to('tran.thi.binh@example.vn');
      const rejected = binh.find((m) => m.subject.includes('không thuộc phạm vi xử lý'));
      expect(rejected?.text).toContain('Lý do: Thuộc thẩm quyền của Quốc hội');
      // The outbox closes these rows as sent, not as kinds without a template.
      const unsent = await t.db.query(
        "SELECT kind FROM outbox WHERE kind LIKE 'feedback.%' AND recipient_citizen_id IS NOT NULL AND outcome <> 'sent'",
      );
      expect(unsent).toEqual([]);
    } finally {
      await channel.close?.();
      await smtp.close();
    }
  });
});
