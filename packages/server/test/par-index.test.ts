import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_QUESTIONNAIRE,
  parAssessmentResponse,
  parAssessmentsResponse,
  parFrameworksResponse,
  parRankingResponse,
  parRemediationResponse,
} from '@motcua/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { readCriteriaJson } from '../src/par/criteria-import.ts';
import { PAR_DEMO_TEMPLATE } from '../src/par/demo.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { seedSurveyDemo } from '../src/surveys/demo.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { signIn } from './support/staff.ts';

/**
 * The PAR Index as its users meet it: a province's criteria imported (refused whole with errors by
 * row), a self-assessment scored with evidence and submitted, the appraiser seeing only what was
 * submitted and adjusting it, survey points, the ranking, and the criteria that lost points turned
 * into remediation tasks of the reform plan. Criteria and figures are the test's own, not the demo's.
 */

const USERS = ['cchc', 'lanhdao', 'truongphong', 'truongphongncc', 'chuyenvien', 'thamdinh', 'tiepnhan'];

const CRITERIA = {
  format: 'motcua.par-criteria',
  version: 1,
  title: 'Bộ tiêu chí thử nghiệm năm 2026',
  criteria: [
    { code: '1', name: 'Chỉ đạo, điều hành', maxPoints: 6 },
    { code: '1.1', name: 'Kế hoạch CCHC', maxPoints: 2, evidence: 'Kế hoạch', owner: DEMO_UNIT_CODES.office },
    { code: '1.2', name: 'Kiểm tra CCHC', maxPoints: 1.5, owner: DEMO_UNIT_CODES.inspectorate },
    { code: '1.3', name: 'Điều tra: chỉ đạo, điều hành', maxPoints: 2.5, survey: true },
    { code: '2', name: 'Thủ tục hành chính', maxPoints: 4 },
    { code: '2.1', name: 'Giải quyết hồ sơ', maxPoints: 4 },
    { code: '2.1.1', name: 'Tỷ lệ đúng hạn', maxPoints: 3, systemMeasure: 'on_time_rate' },
    { code: '2.1.2', name: 'Xin lỗi khi trễ hạn', maxPoints: 1 },
  ],
};

describe.each(engines)('the PAR Index on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let agencyId: string;
  let employment: string;
  let office: string;
  let frameworkId: string;
  let agencyAssessment: string;
  let unitAssessment: string;
  let planId: string;
  let evidence: Buffer;

  const json = (who: string, method: string, url: string, payload?: unknown) =>
    c[who]!.request({ method: method as 'GET', url: `/api/v1${url}`, payload: payload as object });
  const multipart = async (
    who: string,
    url: string,
    fields: Record<string, string>,
    file?: [Buffer, string],
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([new Uint8Array(file[0])]), file[1]);
    const req = new Request('http://x/', { method: 'POST', body: form });
    return c[who]!.request({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
  };
  const workbook = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Tiêu chí');
    sheet.addRow(['Bộ tiêu chí năm 2025']);
    sheet.addRow(['Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Điều tra xã hội học', 'Đơn vị khắc phục']);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const detail = async (who: string, id: string) => {
    const res = await json(who, 'GET', `/par/assessments/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return parAssessmentResponse.parse(res.json());
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    t.advance(Date.parse('2027-03-01T08:00:00+07:00') - t.ctx.now().getTime());
    await signIn(t, USERS, c);
    agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
    employment = (await getUnitByCode(t.db, DEMO_UNIT_CODES.employment))!.id;
    office = (await getUnitByCode(t.db, DEMO_UNIT_CODES.office))!.id;
    evidence = await readFile(join(import.meta.dirname, 'fixtures', 'scan.jpg'));
  });
  afterAll(() => t.close());

  it('ships a demo template of the 8 areas, 62 self-assessed and 38 survey points, that imports', async () => {
    const read = readCriteriaJson(await readFile(PAR_DEMO_TEMPLATE));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.criteria.filter((x) => !x.code.includes('.'))).toHaveLength(8);
    const leaves = read.criteria.filter((x) => !read.criteria.some((y) => y.code.startsWith(`${x.code}.`)));
    const sum = (xs: typeof leaves) => xs.reduce((s, x) => s + x.maxPoints, 0);
    expect([sum(leaves.filter((x) => !x.survey)), sum(leaves.filter((x) => x.survey))]).toEqual([62, 38]);
    expect(read.note).toContain('MẪU MINH HỌA');
  });

  it('imports criteria all or nothing, naming the sheet, row and column of every problem', async () => {
    const bad = await workbook([
      ['1', 'Chỉ đạo', 5],
      ['1.1', 'Kế hoạch', 2],
      ['1.2', 'Kiểm tra', 2.5],
      ['2', '', 'nhiều'],
    ]);
    const refused = await multipart('cchc', '/par/frameworks', { agencyId, year: '2025' }, [
      bad,
      'tieu-chi.xlsx',
    ]);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('import_invalid');
    const errors = refused.json().errors as {
      sheet: string;
      row: number;
      column?: string;
      message: string;
    }[];
    expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Tiêu chí', 6, 'Tên tiêu chí'],
      ['Tiêu chí', 6, 'Điểm tối đa'],
    ]);
    const sums = await multipart('cchc', '/par/frameworks', { agencyId, year: '2025' }, [
      await workbook([
        ['1', 'Chỉ đạo', 5],
        ['1.1', 'Kế hoạch', 2],
        ['1.2', 'Điều tra', 2.5, 'x'],
      ]),
      'tieu-chi.xlsx',
    ]);
    expect(sums.json().errors).toEqual([
      {
        sheet: 'Tiêu chí',
        row: 3,
        column: 'Điểm tối đa',
        message: 'Điểm tối đa của 1 là 5 nhưng các tiêu chí con cộng lại 4,5',
      },
    ]);
    expect((await json('cchc', 'GET', '/par/frameworks')).json().items).toEqual([]);

    const forbidden = await multipart('chuyenvien', '/par/frameworks', { agencyId, year: '2026' }, [
      Buffer.from(JSON.stringify(CRITERIA)),
      'tieu-chi.json',
    ]);
    expect(forbidden.statusCode).toBe(403);
    const ok = await multipart('cchc', '/par/frameworks', { agencyId, year: '2026' }, [
      Buffer.from(JSON.stringify(CRITERIA)),
      'tieu-chi.json',
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().criteria).toBe(8);
    frameworkId = ok.json().id;
    const fromXlsx = await multipart('cchc', '/par/frameworks', { agencyId, year: '2025' }, [
      await workbook([
        ['1', 'Chỉ đạo', 5],
        ['1.1', 'Kế hoạch', 2.5],
        ['1.2', 'Điều tra', 2.5, 'x'],
      ]),
      'tieu-chi.xlsx',
    ]);
    expect(fromXlsx.statusCode, fromXlsx.body).toBe(201);
    const list = parFrameworksResponse.parse((await json('thamdinh', 'GET', '/par/frameworks')).json()).items;
    expect(list.map((f: { year: number; maxima: unknown }) => [f.year, f.maxima])).toEqual([
      [2026, { total: 10, self: 7.5, survey: 2.5 }],
      [2025, { total: 5, self: 2.5, survey: 2.5 }],
    ]);
  });

  it('keeps drafts to the reform office, the leaders and a unit’s head for its own', async () => {
    const open = (who: string, unitId: string | null) =>
      json(who, 'POST', '/par/assessments', { frameworkId, agencyId, unitId });
    expect((await open('truongphong', employment)).statusCode).toBe(403);
    agencyAssessment = (await open('cchc', null)).json().id;
    unitAssessment = (await open('cchc', employment)).json().id;
    expect((await open('cchc', null)).statusCode).toBe(409);

    for (const [who, status] of [
      ['thamdinh', 404],
      ['truongphong', 404],
      ['chuyenvien', 404],
      ['lanhdao', 200],
    ] as const)
      expect((await json(who, 'GET', `/par/assessments/${agencyAssessment}`)).statusCode, who).toBe(status);
    expect((await json('truongphong', 'GET', `/par/assessments/${unitAssessment}`)).statusCode).toBe(200);
    expect((await json('truongphongncc', 'GET', `/par/assessments/${unitAssessment}`)).statusCode).toBe(404);
    const seen = (await json('thamdinh', 'GET', `/par/frameworks/${frameworkId}/assessments`)).json().items;
    expect(seen).toEqual([]);
  });

  it('refuses points above the maximum with a message, takes evidence, and locks on submission', async () => {
    const score = (who: string, id: string, code: string, points: number, note = '') =>
      json(who, 'PUT', `/par/assessments/${id}/scores/${code}`, { points, note });
    const over = await score('cchc', agencyAssessment, '1.1', 2.5);
    expect(over.statusCode).toBe(422);
    expect(over.json().errors).toEqual([{ path: 'points', message: 'Điểm tối đa của tiêu chí 1.1 là 2' }]);
    expect((await score('cchc', agencyAssessment, '1.3', 1)).statusCode).toBe(409);
    expect((await score('cchc', agencyAssessment, '2.1', 1)).statusCode).toBe(404);
    expect((await score('lanhdao', agencyAssessment, '1.1', 2)).statusCode).toBe(403);
    expect((await score('cchc', agencyAssessment, '1.1', 2, 'Ban hành ngày 25/12/2025')).statusCode).toBe(
      200,
    );
    expect((await score('cchc', agencyAssessment, '1.2', 1)).statusCode).toBe(200);
    expect((await score('cchc', agencyAssessment, '2.1.1', 3)).statusCode).toBe(200);

    const file = await multipart('cchc', `/par/assessments/${agencyAssessment}/scores/1.1/evidence`, {}, [
      evidence,
      'ke-hoach.jpg',
    ]);
    expect(file.statusCode, file.body).toBe(201);
    const fake = await multipart('cchc', `/par/assessments/${agencyAssessment}/scores/1.1/evidence`, {}, [
      Buffer.from('not a document'),
      'ke-hoach.pdf',
    ]);
    expect(fake.statusCode).toBe(415);

    let d = await detail('cchc', agencyAssessment);
    const early = await json('cchc', 'POST', `/par/assessments/${agencyAssessment}/submit`, {
      version: d.assessment.version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors.map((e: { path: string }) => e.path)).toEqual(['2.1.2']);
    expect((await score('cchc', agencyAssessment, '2.1.2', 0.5, 'Chưa xin lỗi đủ')).statusCode).toBe(200);
    d = await detail('cchc', agencyAssessment);
    expect(d.assessment.totals).toEqual({ self: 6.5, survey: 0, final: 6.5, max: 10 });
    expect(d.scores.find((s: { code: string }) => s.code === '1.1')?.evidence).toHaveLength(1);
    const submitted = await json('cchc', 'POST', `/par/assessments/${agencyAssessment}/submit`, {
      version: d.assessment.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await score('cchc', agencyAssessment, '1.1', 1)).statusCode).toBe(409);
    expect((await score('cchc', agencyAssessment, '1.1', 1)).json().code).toBe('par_locked');

    // The head of the unit scores and submits the unit's own.
    for (const [code, points] of [
      ['1.1', 2],
      ['1.2', 1],
      ['2.1.1', 3],
      ['2.1.2', 1],
    ] as const)
      expect((await score('truongphong', unitAssessment, code, points)).statusCode).toBe(200);
    const u = await detail('truongphong', unitAssessment);
    expect(
      (
        await json('truongphong', 'POST', `/par/assessments/${unitAssessment}/submit`, {
          version: u.assessment.version,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets the appraiser see and score only what was submitted, with comments and survey points', async () => {
    const seen = parAssessmentsResponse.parse(
      (await json('thamdinh', 'GET', `/par/frameworks/${frameworkId}/assessments`)).json(),
    ).items;
    expect(seen.map((a: { id: string; status: string }) => [a.id, a.status])).toContainEqual([
      agencyAssessment,
      'submitted',
    ]);
    const appraise = (who: string, code: string, body: object) =>
      json(who, 'PUT', `/par/assessments/${agencyAssessment}/appraisal/${code}`, body);
    expect((await appraise('cchc', '1.1', { points: 1 })).statusCode).toBe(403);
    const silent = await appraise('thamdinh', '1.1', { points: 1 });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0].path).toBe('comment');
    expect(
      (await appraise('thamdinh', '1.1', { points: 1, comment: 'Kế hoạch ban hành chậm' })).statusCode,
    ).toBe(200);
    // The survey criterion shows what the agency's own SIPAS answers of the year give: none yet,
    // then two paper forms of 2026, one satisfied throughout (5) and one not (3): 50% of answers
    // satisfied on every element, so half of the criterion's 2.5 points.
    const suggestion = async () =>
      (await detail('thamdinh', agencyAssessment)).scores.find((x) => x.code === '1.3')!.surveySuggestion;
    expect(await suggestion()).toMatchObject({
      index: null,
      answers: 0,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    await seedSurveyDemo(t.ctx);
    const [questionnaire] = await t.db.query<{ id: string }>(
      "SELECT id FROM survey_questionnaire WHERE agency_id = $1 AND status = 'published'",
      [agencyId],
    );
    for (const [serial, score] of [
      ['PG-2026/101', 5],
      ['PG-2026/102', 3],
    ] as const) {
      const answers = Object.fromEntries(
        DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.kind === 'scale' ? score : 0]),
      );
      const res = await json('tiepnhan', 'POST', '/surveys/paper', {
        unitId: agencyId,
        serial,
        answeredOn: '2026-10-15',
        questionnaireId: questionnaire!.id,
        answers,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await suggestion()).toEqual({
      index: 50,
      points: 1.25,
      answers: 2,
      from: '2026-01-01',
      to: '2026-12-31',
    });

    const noSource = await appraise('thamdinh', '1.3', { points: 2 });
    expect(noSource.json().errors.map((e: { path: string }) => e.path)).toEqual(['source']);

    const version = (await detail('thamdinh', agencyAssessment)).assessment.version;
    const early = await json('thamdinh', 'POST', `/par/assessments/${agencyAssessment}/appraisal/finish`, {
      version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('par_survey_missing');
    expect(
      (
        await appraise('thamdinh', '1.3', {
          points: 2,
          source: 'Quyết định 512/QĐ-UBND công bố kết quả điều tra',
        })
      ).statusCode,
    ).toBe(200);
    const done = await json('thamdinh', 'POST', `/par/assessments/${agencyAssessment}/appraisal/finish`, {
      version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = await detail('lanhdao', agencyAssessment);
    expect(d.assessment.status).toBe('appraised');
    expect(d.assessment.totals).toEqual({ self: 6.5, survey: 2, final: 7.5, max: 10 });
    const one = d.scores.find((s: { code: string }) => s.code === '1.1')!;
    expect([one.selfPoints, one.appraisedPoints, one.appraisalComment]).toEqual([
      2,
      1,
      'Kế hoạch ban hành chậm',
    ]);
    expect((await appraise('thamdinh', '1.2', { points: 1, comment: 'x' })).statusCode).toBe(409);

    // The unit's internal appraisal is the agency's reform office's.
    expect(
      (
        await json('thamdinh', 'PUT', `/par/assessments/${unitAssessment}/appraisal/1.3`, {
          points: 2,
          source: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await json('cchc', 'PUT', `/par/assessments/${unitAssessment}/appraisal/1.3`, {
          points: 2.5,
          source: 'Khảo sát nội bộ quý IV',
        })
      ).statusCode,
    ).toBe(200);
    const uv = (await detail('cchc', unitAssessment)).assessment.version;
    expect(
      (await json('cchc', 'POST', `/par/assessments/${unitAssessment}/appraisal/finish`, { version: uv }))
        .statusCode,
    ).toBe(200);
  });

  it('ranks the agencies and the units of the year by final score', async () => {
    const byAppraiser = parRankingResponse.parse(
      (await json('thamdinh', 'GET', `/par/frameworks/${frameworkId}/ranking`)).json(),
    );
    expect(
      byAppraiser.agencies.map((a: { name: string; final: number; rank: number }) => [
        a.name,
        a.final,
        a.rank,
      ]),
    ).toEqual([['Sở Nội vụ', 7.5, 1]]);
    const byHead = (await json('truongphong', 'GET', `/par/frameworks/${frameworkId}/ranking`)).json();
    expect(byHead.units.map((u: { unitId: string; final: number }) => [u.unitId, u.final])).toEqual([
      [employment, 9.5],
    ]);
    expect((await json('chuyenvien', 'GET', `/par/frameworks/${frameworkId}/ranking`)).statusCode).toBe(404);
  });

  it('turns each criterion that lost points into a task with its owner and a deadline on the calendar', async () => {
    const plan = await json('cchc', 'POST', '/reform/plans', {
      agencyId,
      year: 2027,
      content: {
        title: 'Kế hoạch CCHC năm 2027',
        purposes: ['Khắc phục'],
        requirements: ['Đúng hạn'],
        basis: '',
      },
    });
    planId = plan.json().id;
    // Saturday 27 March 2027: the deadline in force is the next working day.
    const body = { planId, deadline: '2027-03-27', unitId: office };
    const url = `/par/assessments/${agencyAssessment}/remediation`;
    expect((await json('thamdinh', 'POST', url, body)).statusCode).toBe(403);
    expect((await json('lanhdao', 'POST', url, body)).statusCode).toBe(403);
    const made = await json('cchc', 'POST', url, body);
    expect(made.statusCode, made.body).toBe(201);
    parRemediationResponse.parse(made.json());
    const inspectorate = (await getUnitByCode(t.db, DEMO_UNIT_CODES.inspectorate))!.id;
    expect(made.json().tasks.map((x: { code: string; unitId: string }) => [x.code, x.unitId])).toEqual([
      ['1.1', office],
      ['1.2', inspectorate],
      ['1.3', office],
      ['2.1.2', office],
    ]);
    const tasks = (await json('cchc', 'GET', `/reform/plans/${planId}/tasks`)).json().items;
    const remedy = tasks.find((x: { title: string }) => x.title.includes('tiêu chí 1.1'));
    expect(remedy).toMatchObject({
      unitId: office,
      deadline: '2027-03-27',
      dueOn: '2027-03-29',
      state: 'open',
    });
    expect(remedy.description).toContain('Kế hoạch ban hành chậm');
    expect((await json('cchc', 'POST', url, body)).statusCode).toBe(409);
    const d = await detail('cchc', agencyAssessment);
    expect(d.scores.find((s: { code: string }) => s.code === '1.1')?.remediationTaskId).toBe(remedy.id);
    expect(d.can.remediate).toBe(false);
  });
});
