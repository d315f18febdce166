import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { remindTasks } from '../src/reform/reminders.ts';
import { DEMO_AGENCY_CODE, DEMO_PROVINCE_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, staffClients, workPermitProcedure } from './support/staff.ts';

/**
 * The reform office's work as its users meet it: a plan drafted and issued, targets bound to the
 * system's own figures or reported with evidence, tasks assigned to two units, reports, reminders
 * in the outbox and who is behind, inspections whose findings become tasks. The clock starts on
 * Monday 1 March 2027 at 08:00 in Vietnam, so dates and the year do not depend on the day it runs.
 */

const START = Date.parse('2027-03-01T08:00:00+07:00');
const YEAR = 2027;
const USERS = ['cchc', 'lanhdao', 'truongphong', 'truongphongncc', 'chuyenvien', 'tiepnhan', 'admin'];

interface Dossier {
  id: string;
  version: number;
  state: string;
  dueAt: string | null;
  step: { role: string } | null;
}

describe.each(engines)('the reform office on %s', (engine) => {
  let t: TestApp;
  let agencyId: string;
  let employment: string;
  let merit: string;
  let planId: string;
  let evidence: Buffer;

  const { c, clockTo, json } = staffClients(() => t, USERS, '/api/v1/reform');
  const multipart = async (
    who: string,
    url: string,
    fields: Record<string, string>,
    file?: Buffer,
    key?: string,
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([new Uint8Array(file)]), 'bao-cao.pdf');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await req.arrayBuffer());
    return c[who]!.request({
      method: 'POST',
      url: `/api/v1/reform${url}`,
      payload: body,
      headers: {
        'content-type': req.headers.get('content-type')!,
        ...(key ? { 'idempotency-key': key } : {}),
      },
    });
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
    employment = (await getUnitByCode(t.db, DEMO_UNIT_CODES.employment))!.id;
    merit = (await getUnitByCode(t.db, DEMO_UNIT_CODES.merit))!.id;
    await clockTo('2027-03-01T08:00');
    expect(Math.abs(t.ctx.now().getTime() - START)).toBeLessThan(60_000);
  });
  afterAll(() => t.close());

  const plan = async (who = 'cchc') => {
    const res = await json(who, 'GET', `/plans/${planId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('keeps a draft plan to the reform office and the leaders, guards edits by version, and issues it', async () => {
    const content = {
      title: `Kế hoạch cải cách hành chính năm ${YEAR}`,
      purposes: ['Triển khai toàn diện các nội dung cải cách hành chính'],
      requirements: ['Bám sát sự chỉ đạo của cấp trên'],
      basis: 'Kế hoạch số 6793/KH-UBND ngày 30/12/2026',
    };
    const forbidden = await json('chuyenvien', 'POST', '/plans', { agencyId, year: YEAR, content });
    expect(forbidden.statusCode).toBe(403);
    const invalid = await json('cchc', 'POST', '/plans', {
      agencyId,
      year: YEAR,
      content: { ...content, title: '' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0]).toMatchObject({ path: 'content.title' });
    expect(invalid.json().errors[0].message).toMatch(/^Tên/);

    const key = { 'idempotency-key': 'plan-2027-first' };
    const first = await json('cchc', 'POST', '/plans', { agencyId, year: YEAR, content }, key);
    const again = await json('cchc', 'POST', '/plans', { agencyId, year: YEAR, content }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    planId = first.json().id;
    const twice = await json('cchc', 'POST', '/plans', { agencyId, year: YEAR, content });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain(String(YEAR));

    expect((await json('truongphong', 'GET', `/plans/${planId}`)).statusCode).toBe(404);
    expect((await json('truongphong', 'GET', '/plans')).json().items).toEqual([]);
    expect((await plan('lanhdao')).plan.status).toBe('draft');

    const edited = await json('cchc', 'PUT', `/plans/${planId}`, {
      version: 1,
      content: { ...content, basis: '' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await json('cchc', 'PUT', `/plans/${planId}`, { version: 1, content });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('tải lại trang');
    expect((await plan()).plan.basis).toBe('');

    expect((await json('lanhdao', 'POST', `/plans/${planId}/issue`, { version: 2 })).statusCode).toBe(403);
    const issued = await json('cchc', 'POST', `/plans/${planId}/issue`, { version: 2 });
    expect(issued.json().status).toBe('issued');
    // The same click sent twice is answered as the first was.
    expect((await json('cchc', 'POST', `/plans/${planId}/issue`, { version: 2 })).statusCode).toBe(200);
    expect((await plan('truongphong')).plan.status).toBe('issued');
    expect((await json('truongphong', 'PUT', `/plans/${planId}`, { version: 3, content })).statusCode).toBe(
      403,
    );
  });

  it('binds a target to the on-time rate of dossiers processed through the engine, and says when it is off track', async () => {
    const added = await json('cchc', 'POST', `/plans/${planId}/targets`, {
      title: 'Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt từ 90% trở lên',
      measure: 'on_time_rate',
      comparator: 'at_least',
      value: 90,
    });
    expect(added.statusCode, added.body).toBe(201);
    const before = (await plan()).targets[0];
    expect(before.standing).toMatchObject({ current: null, status: 'no_data' });

    // Two dossiers through the engine: one approved the day it was received, one after its appointment.
    const procedure = await workPermitProcedure(t);
    const receive = async (): Promise<Dossier> => {
      const res = await receiveAtCounter(c.tiepnhan!, procedure, {
        name: 'Phạm Văn Hùng',
        idNumber: '079203001234',
        phone: '0912 345 678',
      });
      return res.json();
    };
    const act = async (who: string, d: Dossier, action: string, input: object = {}) => {
      const res = await c[who]!.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/actions/${action}`,
        payload: { version: d.version, input },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Dossier;
    };
    const toApproval = async (start: Dossier) => {
      let d = start;
      for (let i = 0; i < 8 && d.state !== 'awaiting_approval'; i++) {
        const who =
          d.step?.role === 'specialist'
            ? 'chuyenvien'
            : d.step?.role === 'head_of_unit'
              ? 'truongphong'
              : 'tiepnhan';
        d = await act(who, d, 'forward_step', { note: 'Đủ điều kiện' });
      }
      return d;
    };
    const early = await toApproval(await receive());
    await act('lanhdao', early, 'approve', { outcome: 'granted' });
    const late = await toApproval(await receive());
    evidence = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${late.id}/forms/01.pdf` })).rawPayload;
    await clockTo('2027-03-29T09:00'); // weeks past its appointment
    await act('lanhdao', late, 'approve', { outcome: 'granted' });

    const target = (await plan()).targets[0];
    expect(target.standing.current).toBe(50);
    expect(target.standing.projection).toBe(50);
    expect(target.standing.status).toBe('off_track');
    expect(target.standing.trend.map((p: { value: number | null }) => p.value)).toEqual([null, null, 50]);
    expect(target.standing.trend[2]).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('takes a figure reported by hand only with evidence, from the reform office, for a month that has begun', async () => {
    const added = await json('cchc', 'POST', `/plans/${planId}/targets`, {
      title: '100% cán bộ, công chức được đào tạo, bồi dưỡng',
      measure: 'manual',
      value: 100,
    });
    const id = added.json().id;
    const url = `/targets/${id}/reports`;
    const fields = { month: '2', value: '60', note: 'Đã đào tạo 12/20 người' };
    expect((await multipart('truongphong', url, fields, evidence)).statusCode).toBe(403);
    const bare = await multipart('cchc', url, fields);
    expect(bare.statusCode).toBe(422);
    expect(bare.json().code).toBe('reform_evidence_required');
    const tooMuch = await multipart('cchc', url, { ...fields, value: '150' }, evidence);
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0].message).toContain('từ 0 đến 100');
    const future = await multipart('cchc', url, { ...fields, month: '5' }, evidence);
    expect(future.json().errors[0].path).toBe('month');
    const bound = (await plan()).targets[0].id;
    expect((await multipart('cchc', `/targets/${bound}/reports`, fields, evidence)).json().code).toBe(
      'reform_target_not_manual',
    );

    expect((await multipart('cchc', url, fields, evidence)).statusCode).toBe(201);
    const manual = (await plan()).targets.find((x: { id: string }) => x.id === id);
    expect(manual.standing).toMatchObject({ current: 60, status: 'off_track' });
    expect(manual.reports[0]).toMatchObject({ month: 2, value: 60, filename: 'bao-cao.pdf' });
  });

  it('assigns tasks to two units, takes one head’s report with a file, flags the other and reminds once before and after', async () => {
    await clockTo('2027-04-05T08:00'); // Monday
    const task = (unitId: string, title: string, deadline: string, extra: object = {}) =>
      json('cchc', 'POST', `/plans/${planId}/tasks`, {
        area: 'procedures',
        title,
        unitId,
        deadline,
        ...extra,
      });
    const noDocument = await task(merit, 'Rà soát thủ tục', '2027-04-09', { source: 'province' });
    expect(noDocument.statusCode).toBe(422);
    expect(noDocument.json().errors[0].message).toContain('số và ngày văn bản');
    const province = (await getUnitByCode(t.db, DEMO_PROVINCE_CODE))!.id;
    expect((await task(province, 'Ngoài cơ quan', '2027-04-09')).json().code).toBe(
      'reform_unit_not_in_agency',
    );
    expect((await task(merit, 'Sai năm', '2030-01-01')).json().errors[0].path).toBe('deadline');

    const a = await task(employment, 'Rà soát quy trình nội bộ lĩnh vực việc làm', '2027-04-14');
    const b = await task(merit, 'Công khai thủ tục người có công', '2027-04-09', {
      source: 'province',
      sourceNumber: '4334/UBND-KSTT',
      sourceDate: '2027-03-20',
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    const [taskA, taskB] = [a.json().id, b.json().id];

    const titles = async (who: string) =>
      (await json(who, 'GET', `/plans/${planId}/tasks`)).json().items.map((x: { id: string }) => x.id);
    expect(await titles('truongphong')).toEqual([taskA]);
    expect(await titles('truongphongncc')).toEqual([taskB]);
    expect((await titles('lanhdao')).sort()).toEqual([taskA, taskB].sort());

    // The head of employment reports on the unit's task, with a file; a retry is the same report.
    expect(
      (await multipart('truongphong', `/tasks/${taskB}/reports`, { version: '1', progress: '10', note: 'x' }))
        .statusCode,
    ).toBe(404);
    const report = { version: '1', progress: '50', note: 'Đã rà soát 5/10 quy trình' };
    const sent = await multipart('truongphong', `/tasks/${taskA}/reports`, report, evidence, 'report-a-1');
    expect(sent.statusCode, sent.body).toBe(201);
    const retry = await multipart('truongphong', `/tasks/${taskA}/reports`, report, evidence, 'report-a-1');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const stale = await multipart('truongphong', `/tasks/${taskA}/reports`, report, evidence);
    expect(stale.statusCode).toBe(409);
    const detail = (await json('truongphong', 'GET', `/tasks/${taskA}`)).json();
    expect(detail.reports).toHaveLength(1);
    expect(detail.task).toMatchObject({ progress: 50, standing: 'in_progress', version: 2 });
    const download = await c.lanhdao!.request({
      url: `/api/v1/reform/tasks/${taskA}/reports/${detail.reports[0].id}/file`,
    });
    expect(download.rawPayload.equals(evidence)).toBe(true);

    // Reminders: task B is due Friday 9 April; three working days before is Tuesday 6 April.
    const outbox = () =>
      t.db.query<{ kind: string; recipient: string }>(
        `SELECT o.kind, u.username AS recipient FROM outbox o JOIN app_user u ON u.id = o.recipient_id
          WHERE o.kind LIKE 'reform.%' ORDER BY o.id`,
      );
    expect(await remindTasks(t.ctx)).toBe(0);
    await clockTo('2027-04-06T08:00');
    await remindTasks(t.ctx);
    await remindTasks(t.ctx);
    expect(await outbox()).toEqual([{ kind: 'reform.task.before_deadline', recipient: 'truongphongncc' }]);
    await clockTo('2027-04-12T08:00'); // Monday after B's deadline; A is due Wednesday 14
    expect(await remindTasks(t.ctx)).toBe(2);
    expect(await remindTasks(t.ctx)).toBe(0);
    expect((await outbox()).slice(1).sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { kind: 'reform.task.after_deadline', recipient: 'truongphongncc' },
      { kind: 'reform.task.before_deadline', recipient: 'truongphong' },
    ]);

    // Who is behind: the reform office sees the merit unit's overdue task; each head sees the own unit.
    const standing = (await json('cchc', 'GET', `/plans/${planId}/standing`)).json();
    expect(standing.behind.map((x: { id: string }) => x.id)).toEqual([taskB]);
    expect(standing.units.find((u: { unitId: string }) => u.unitId === merit)).toMatchObject({
      overdue: 1,
      onTimeRate: 0,
    });
    const own = (await json('truongphong', 'GET', `/plans/${planId}/standing`)).json();
    expect(own.units.map((u: { unitId: string }) => u.unitId)).toEqual([employment]);

    const done = await multipart('truongphong', `/tasks/${taskA}/reports`, {
      version: '2',
      progress: '100',
      note: 'Hoàn thành',
      done: 'true',
    });
    expect(done.statusCode, done.body).toBe(201);
    expect((await json('truongphong', 'GET', `/tasks/${taskA}`)).json().task.standing).toBe('done_on_time');
    const closed = await multipart('truongphong', `/tasks/${taskA}/reports`, {
      version: '3',
      progress: '100',
      note: 'Thêm',
    });
    expect(closed.json().code).toBe('reform_task_closed');
  });

  it('lists units to inspect against the 30% minimum and turns a finding into a remediation task', async () => {
    const added = await json('cchc', 'POST', `/plans/${planId}/inspections`, {
      unitId: employment,
      plannedOn: '2027-05-10',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(
      (
        await json('truongphong', 'POST', `/plans/${planId}/inspections`, {
          unitId: merit,
          plannedOn: '2027-05-11',
        })
      ).statusCode,
    ).toBe(403);
    const list = (await json('cchc', 'GET', `/plans/${planId}/inspections`)).json();
    expect(list.minimumShare).toBe(30);
    expect(list.listedShare).toBeCloseTo(100 / list.unitCount, 1);
    const id = added.json().id;
    const finding = {
      text: 'Chưa niêm yết đầy đủ thủ tục',
      remedy: { title: 'Niêm yết lại thủ tục', deadline: '2027-05-31' },
    };
    expect((await json('cchc', 'POST', `/inspections/${id}/findings`, finding)).json().code).toBe(
      'reform_inspection_not_done',
    );
    expect(
      (
        await json('cchc', 'PUT', `/inspections/${id}`, {
          version: 1,
          doneOn: '2027-04-12',
          conclusion: 'Đạt',
        })
      ).statusCode,
    ).toBe(200);
    const made = await json('cchc', 'POST', `/inspections/${id}/findings`, finding);
    expect(made.statusCode, made.body).toBe(201);
    const task = (await json('truongphong', 'GET', `/tasks/${made.json().taskId}`)).json().task;
    expect(task).toMatchObject({ source: 'inspection', unitId: employment, inspectionId: id, state: 'open' });
    // The inspection list shows the finding with the task it opened.
    const listed = await json('cchc', 'GET', `/plans/${planId}/inspections`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().inspections.find((x: { id: string }) => x.id === id).findings).toEqual([
      { id: made.json().findingId, text: finding.text, remedyTaskId: made.json().taskId },
    ]);
    const inspected = await json('cchc', 'POST', `/plans/${planId}/targets`, {
      title: 'Tối thiểu 30% đơn vị được kiểm tra',
      measure: 'units_inspected',
      value: 30,
    });
    const t3 = (await plan()).targets.find((x: { id: string }) => x.id === inspected.json().id);
    expect(t3.standing.current).toBe(list.listedShare);
  });

  it("starts next year's plan from this one", async () => {
    const copied = await json('cchc', 'POST', `/plans/${planId}/copy`, { year: YEAR + 1 });
    expect(copied.statusCode, copied.body).toBe(201);
    const next = (await json('cchc', 'GET', `/plans/${copied.json().id}`)).json();
    expect(next.plan).toMatchObject({
      title: `Kế hoạch cải cách hành chính năm ${YEAR + 1}`,
      status: 'draft',
      copiedFrom: planId,
    });
    expect(next.targets.map((x: { measure: string }) => x.measure)).toEqual([
      'on_time_rate',
      'manual',
      'units_inspected',
    ]);
    const tasks = (await json('cchc', 'GET', `/plans/${copied.json().id}/tasks`)).json().items;
    // Own-plan tasks carry over a year on; the province's and the inspection's were one-off.
    expect(tasks.map((x: { title: string; deadline: string }) => [x.title, x.deadline])).toEqual([
      ['Rà soát quy trình nội bộ lĩnh vực việc làm', '2028-04-14'],
    ]);
  });
});
