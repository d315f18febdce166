import {
  DEFAULT_QUESTIONNAIRE,
  questionnaireResponse,
  questionnairesResponse,
  surveyFormResponse,
  surveyLinkResponse,
  surveyResultsResponse,
} from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { surveyPoints } from '../src/surveys/measures.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, staffClients, workPermitProcedure } from './support/staff.ts';

/**
 * Satisfaction surveys (SIPAS) as their users meet them: the reform officer edits and publishes a
 * questionnaire, a citizen answers at the counter tablet (a double tap counts once), by the link
 * given with a returned dossier (once), and an officer types in a paper form (once per serial);
 * the results by element and period, the sample against them, and the reform target that reads
 * them. The clock starts on Monday 1 March 2027, 08:00 in Vietnam.
 */

const USERS = ['cchc', 'lanhdao', 'truongphong', 'chuyenvien', 'tiepnhan'];

/** Every question answered: scale questions with `score`, choices with the first. */
const answersAll = (score: number) =>
  Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.kind === 'scale' ? score : 0]));

describe.each(engines)('satisfaction surveys on %s', (engine) => {
  let t: TestApp;
  let agencyId: string;
  let questionnaireId: string;
  let kioskToken: string;

  const { c, clockTo, json: call } = staffClients(() => t, USERS, '/api/v1/surveys');
  const pub = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url: `/api/v1/public/surveys${url}`,
      payload: payload as object,
      headers,
    });
  const results = async (query = '') => {
    const res = await call('cchc', 'GET', `/results${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return surveyResultsResponse.parse(res.json());
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
    await clockTo('2027-03-01T08:00');
  });
  afterAll(() => t.close());

  it('lets the reform officer edit a draft and publish it once every element has a scored question', async () => {
    expect((await call('tiepnhan', 'GET', '/questionnaires')).statusCode).toBe(403);
    expect((await call('lanhdao', 'POST', '/questionnaires', {})).statusCode).toBe(403);
    const created = await call(
      'cchc',
      'POST',
      '/questionnaires',
      {},
      { 'idempotency-key': 'survey-draft-1' },
    );
    expect(created.statusCode, created.body).toBe(201);
    const again = await call('cchc', 'POST', '/questionnaires', {}, { 'idempotency-key': 'survey-draft-1' });
    expect(again.json().id).toBe(created.json().id);
    questionnaireId = created.json().id;
    expect((await call('cchc', 'POST', '/questionnaires', {})).json().code).toBe('survey_draft_exists');

    const draft = (await call('lanhdao', 'GET', `/questionnaires/${questionnaireId}`)).json();
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.content.questions.length).toBe(DEFAULT_QUESTIONNAIRE.questions.length);

    const badChoice = await call('cchc', 'PUT', `/questionnaires/${questionnaireId}`, {
      content: {
        ...draft.content,
        questions: [
          ...draft.content.questions,
          { id: 'them', element: 'result', kind: 'choice', text: 'Câu thêm' },
        ],
      },
    });
    expect(badChoice.statusCode).toBe(422);
    expect(badChoice.json().errors[0].message).toContain('ít nhất hai lựa chọn');

    const noFeedback = draft.content.questions.filter((q: { element: string }) => q.element !== 'feedback');
    const cut = await call('cchc', 'PUT', `/questionnaires/${questionnaireId}`, {
      content: { ...draft.content, questions: noFeedback },
    });
    expect(cut.statusCode, cut.body).toBe(200);
    const refused = await call('cchc', 'POST', `/questionnaires/${questionnaireId}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('feedback');

    await call('cchc', 'PUT', `/questionnaires/${questionnaireId}`, { content: DEFAULT_QUESTIONNAIRE });
    expect((await call('lanhdao', 'POST', `/questionnaires/${questionnaireId}/publish`)).statusCode).toBe(
      403,
    );
    const published = await call('cchc', 'POST', `/questionnaires/${questionnaireId}/publish`);
    expect(questionnaireResponse.parse(published.json())).toMatchObject({ status: 'published' });
    questionnairesResponse.parse((await call('cchc', 'GET', '/questionnaires')).json());
    expect((await call('cchc', 'POST', `/questionnaires/${questionnaireId}/publish`)).statusCode).toBe(200);
    const frozen = await call('cchc', 'PUT', `/questionnaires/${questionnaireId}`, {
      content: DEFAULT_QUESTIONNAIRE,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail).toContain('phiên bản mới');
  });

  it('counts a counter tablet answer once under a double submit, and names an unanswered question', async () => {
    expect((await call('cchc', 'POST', '/kiosks', { unitId: agencyId })).statusCode).toBe(403);
    const opened = await call('tiepnhan', 'POST', '/kiosks', { unitId: agencyId });
    expect(opened.statusCode, opened.body).toBe(201);
    kioskToken = opened.json().token;

    const form = await pub('GET', `/kiosks/${kioskToken}`);
    expect(surveyFormResponse.parse(form.json())).toMatchObject({ questionnaireId, dossierCode: null });
    expect((await pub('GET', '/kiosks/khong-phai-ma-that-1234')).statusCode).toBe(404);

    const { 'ket-qua-dung-han': _skip, ...partial } = answersAll(5);
    const missing = await pub('POST', `/kiosks/${kioskToken}/responses`, {
      questionnaireId,
      answers: partial,
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        path: 'answers.ket-qua-dung-han',
        message: expect.stringContaining('chưa được chọn'),
      }),
    ]);
    const outOfRange = await pub('POST', `/kiosks/${kioskToken}/responses`, {
      questionnaireId,
      answers: { ...answersAll(5), 'thu-tuc-phi': 7 },
    });
    expect(outOfRange.json().errors[0].path).toBe('answers.thu-tuc-phi');

    const key = { 'idempotency-key': 'kiosk-answer-0001' };
    const body = { questionnaireId, answers: answersAll(5) };
    const [a, b] = await Promise.all([
      pub('POST', `/kiosks/${kioskToken}/responses`, body, key),
      pub('POST', `/kiosks/${kioskToken}/responses`, body, key),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const r = await results();
    expect(r.byChannel).toEqual({ kiosk: 1, link: 0, paper: 0 });
    expect(r.elements.find((e: { element: string }) => e.element === 'officials')).toMatchObject({
      answers: 3,
      satisfied: 3,
      index: 100,
      mean: 5,
    });
  });

  it('gives a returned dossier a one-time link, on its page and in the notification, answered once', async () => {
    const procedure = await workPermitProcedure(t);
    const received = await receiveAtCounter(c.tiepnhan!, procedure, {
      name: 'Phạm Văn Hùng',
      idNumber: '079203001234',
      phone: '0912 345 678',
    });
    let d = received.json();
    const act = async (who: string, action: string, input: object = {}) => {
      const res = await c[who]!.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/actions/${action}`,
        payload: { version: d.version, input },
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
    await act('lanhdao', 'approve', { outcome: 'granted' });
    expect((await call('tiepnhan', 'GET', `/dossiers/${d.id}/link`)).statusCode).toBe(404);
    await act('tiepnhan', 'return_result', { channel: 'counter' });

    const link = await call('tiepnhan', 'GET', `/dossiers/${d.id}/link`);
    expect(link.statusCode, link.body).toBe(200);
    const token = surveyLinkResponse.parse(link.json()).token;
    expect(link.json()).toMatchObject({ path: `/khao-sat/${token}`, answeredAt: null });
    const [notice] = await t.db.query<{ payload: { surveyPath: string } }>(
      "SELECT payload FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.applicant.survey'",
      [d.id],
    );
    expect(notice?.payload.surveyPath).toBe(`/khao-sat/${token}`);

    expect((await pub('GET', `/links/${token}`)).json().dossierCode).toBe(d.code);
    const first = await pub('POST', `/links/${token}/responses`, { questionnaireId, answers: answersAll(2) });
    expect(first.statusCode, first.body).toBe(201);
    const second = await pub('POST', `/links/${token}/responses`, {
      questionnaireId,
      answers: answersAll(5),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('đã được trả lời');
    expect((await pub('GET', `/links/${token}`)).statusCode).toBe(409);
    expect((await call('tiepnhan', 'GET', `/dossiers/${d.id}/link`)).json().answeredAt).not.toBeNull();

    const r = await results();
    expect(r.byChannel).toEqual({ kiosk: 1, link: 1, paper: 0 });
    // One dossier returned this year: the sample needs 1 answer; 2 are in.
    expect(r).toMatchObject({ returned: 1, required: 1, responses: 2 });
    // Result element: one answer of 5, one of 2 on each of its two questions.
    expect(r.elements.find((e: { element: string }) => e.element === 'result')).toMatchObject({
      answers: 4,
      satisfied: 2,
      index: 50,
      mean: 3.5,
    });
  });

  it('takes a paper form once per serial number, from the counter and the reform office only', async () => {
    const paper = (serial: string, who = 'tiepnhan', answeredOn = '2027-02-26') =>
      call(who, 'POST', '/paper', {
        unitId: agencyId,
        serial,
        answeredOn,
        questionnaireId,
        answers: answersAll(3),
      });
    expect((await paper('PG-2027/001', 'chuyenvien')).statusCode).toBe(403);
    const future = await paper('PG-2027/001', 'tiepnhan', '2027-03-02');
    expect(future.json().errors[0]).toMatchObject({ path: 'answeredOn' });
    const badSerial = await paper('số phiếu có dấu cách');
    expect(badSerial.json().errors[0].message).toContain('số phiếu');
    expect((await paper('PG-2027/001')).statusCode).toBe(201);
    const twice = await paper('PG-2027/001', 'cchc');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('Phiếu giấy số PG-2027/001 đã được nhập; mỗi phiếu chỉ tính một lần');
    const r = await results();
    expect(r.byChannel).toEqual({ kiosk: 1, link: 1, paper: 1 });
  });

  it('reads the results by period and element for the reform office and leaders only', async () => {
    expect((await call('truongphong', 'GET', '/results')).statusCode).toBe(403);
    expect((await call('tiepnhan', 'GET', '/results')).statusCode).toBe(403);
    expect((await c.lanhdao!.request({ url: '/api/v1/surveys/results' })).statusCode).toBe(200);
    // February holds only the paper form: 3 on every question, nobody satisfied.
    const feb = await results('?from=2027-02-01&to=2027-02-28');
    expect(feb).toMatchObject({ responses: 1, index: 0, mean: 3, returned: 0, required: 0 });
    const march = await results('?from=2027-03-01&to=2027-03-31');
    // March: kiosk (5) and link (2) on every element → 50% each, mean 3.5.
    expect(march).toMatchObject({ responses: 2, index: 50, mean: 3.5 });
    const reversed = await call('cchc', 'GET', '/results?from=2027-03-31&to=2027-03-01');
    expect(reversed.json().errors[0].path).toBe('to');
    const employment = (await getUnitByCode(t.db, DEMO_UNIT_CODES.employment))!.id;
    expect((await results(`?unitId=${employment}`)).responses).toBe(0);

    expect(
      await surveyPoints(t.db, { agencyId, from: '2027-03-01', to: '2027-03-31', maxPoints: 10 }),
    ).toEqual({
      index: 50,
      points: 5,
      answers: 2,
    });

    // The tablet's page lasts a working day; after it, it says the officer must open it again.
    await clockTo('2027-03-01T20:30');
    const expired = await pub('GET', `/kiosks/${kioskToken}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toContain('công chức cần mở lại');
    const late = await pub('POST', `/kiosks/${kioskToken}/responses`, {
      questionnaireId,
      answers: answersAll(5),
    });
    expect(late.statusCode).toBe(410);
  });

  it('feeds a reform target bound to the satisfaction index and one bound to surveys done', async () => {
    const reform = (method: string, url: string, payload?: unknown) =>
      c.cchc!.request({ method: method as 'GET', url: `/api/v1/reform${url}`, payload: payload as object });
    const plan = await reform('POST', '/plans', {
      agencyId,
      year: 2027,
      content: {
        title: 'Kế hoạch CCHC năm 2027',
        purposes: ['Nâng cao sự hài lòng'],
        requirements: ['Đúng hạn'],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = plan.json().id;
    for (const [measure, title] of [
      ['satisfaction_index', 'Chỉ số hài lòng đạt từ 90% trở lên'],
      ['surveys_done', 'Khảo sát đủ số phiếu theo cỡ mẫu'],
    ])
      expect(
        (await reform('POST', `/plans/${planId}/targets`, { title, measure, value: 90 })).statusCode,
      ).toBe(201);
    const targets = (await reform('GET', `/plans/${planId}`)).json().targets;
    const index = targets.find((x: { measure: string }) => x.measure === 'satisfaction_index');
    // Year to date: February 0% on every element; by March the kiosk and the link too: 33.3%.
    expect(index.standing.trend.map((p: { value: number | null }) => p.value)).toEqual([null, 0, 33.3]);
    expect(index.standing.status).toBe('off_track');
    const done = targets.find((x: { measure: string }) => x.measure === 'surveys_done');
    expect(done.standing.current).toBe(100); // 3 answers for the 1 needed
  });
});
