import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../src/dossiers/service.ts';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';
import {
  act,
  type Office,
  openOffice,
  receiveDossier,
  resolve,
  snapshotOf,
  workPermit,
  ZERO,
} from './support/report06.ts';
import { staffClients } from './support/staff.ts';

/**
 * The quarterly reform report of a small office built through the engine: dossiers received and
 * resolved around the first quarter of 2027 at the public service centre (at the counter, by post
 * and online) and at the agency's own office, a plan with a task of its
 * own and one of the provincial People's Committee, progress reported in and after the quarter.
 * Every expected figure is worked out by hand below. Times are Vietnam time.
 */

const at = (local: string) => new Date(`${local}:00+07:00`);
const vnDay = (iso: string | null) => new Date(Date.parse(iso!) + 7 * 3_600_000).toISOString().slice(0, 10);
const USERS = ['cchc', 'lanhdao', 'truongphong', 'chuyenvien'];

/**
 * At the public service centre: two carried over from December (one resolved late, one still open
 * and overdue), four received at the counter or by post, one online resolved the next day.
 */
const CENTRE_Q1 = {
  ...ZERO,
  receivedTotal: 7,
  receivedOnline: 1,
  receivedDirect: 4,
  carriedOver: 2,
  resolvedTotal: 4,
  resolvedEarly: 2,
  resolvedOnTime: 1,
  resolvedLate: 1,
  pendingTotal: 3,
  pendingInTime: 1,
  pendingOverdue: 2,
};
/** At the agency's own office: one received and resolved the next day. */
const OFFICE_Q1 = { ...ZERO, receivedTotal: 1, receivedDirect: 1, resolvedTotal: 1, resolvedEarly: 1 };

async function documentText(docx: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&');
}

describe.each(engines)('periodic reform reports on %s', (engine) => {
  let t: TestApp;
  let o: Office;
  let agencyId: string;
  let centre: string;
  let office: string;
  let reportId: string;

  const { c, clockTo, json: call } = staffClients(() => t, USERS, '/api/v1/reform');
  const report = async (who = 'cchc', query = '') => {
    const res = await call(who, 'GET', `/reports/${reportId}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const multipart = async (who: string, url: string, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const req = new Request('http://x/', { method: 'POST', body: form });
    return c[who]!.request({
      method: 'POST',
      url: `/api/v1/reform${url}`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    o = await openOffice(t.db, t.ctx);
    agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
    const permit = await workPermit(o);
    const receive = async (when: string, channel: 'counter' | 'post' = 'counter') => {
      o.at(at(when));
      return receiveDossier(o, permit, channel);
    };
    const resolveAt = async (id: string, when: string) => {
      o.at(at(when));
      await resolve(o, id);
    };
    // Carried over from December: one never resolved (overdue by March), one resolved late in January.
    await receive('2026-12-28T09:00');
    await resolveAt(await receive('2026-12-30T09:00'), '2027-01-25T10:00');
    // Resolved the next working day: early.
    await resolveAt(await receive('2027-01-12T09:00'), '2027-01-13T10:00');
    // Online, accepted and resolved the next day: early, at the online receiving centre.
    o.at(at('2027-03-02T08:00'));
    const online = await receiveDossier(o, permit, 'online');
    o.at(at('2027-03-02T09:00'));
    expect(
      await act(o, online, 'receive', {
        checklist: permit.documents.map((document) => ({ document, received: true })),
      }),
    ).toBeNull();
    await resolveAt(online, '2027-03-03T10:00');
    // By post on 09/03, due within days, still open on 31/03: overdue.
    await receive('2027-03-09T09:00', 'post');
    // Resolved on its appointment day: on time.
    const onTime = await receive('2027-03-16T09:00');
    await resolveAt(onTime, `${vnDay((await snapshotOf(o, onTime)).dueAt)}T16:30`);
    // Received on 30/03, due in April: in time at the end of the quarter.
    await receive('2027-03-30T09:00');
    // At the agency's own office, resolved the next day: early.
    o.at(at('2027-02-22T09:00'));
    const atOffice = await t.db.transaction(
      async (tx) =>
        (
          await createDossier(
            o.ctx,
            tx,
            {
              procedureId: permit.id,
              channel: 'counter',
              receivingUnitId: o.agencyId,
              applicant: { name: 'Trần Văn Nam', idNumber: '079203001235' },
              applicantUserId: null,
              decision: 'receive',
              checklist: permit.documents.map((document) => ({ document, received: true })),
            },
            o.staff,
          )
        ).record.id,
    );
    await resolveAt(atOffice, '2027-02-23T10:00');
    // April: in no column of the first quarter.
    await receive('2027-04-01T09:00');
    const placeOf = async (id: string) =>
      (
        await t.db.query<{ name: string }>(
          'SELECT u.name FROM dossier d JOIN org_unit u ON u.id = d.receiving_unit_id WHERE d.id = $1',
          [id],
        )
      )[0]!.name;
    centre = await placeOf(online);
    office = await placeOf(atOffice);
    expect(await placeOf(onTime)).toBe(centre);
    expect(office).not.toBe(centre);

    // The plan of 2027 with a task of its own and one of the provincial People's Committee.
    await clockTo('2027-03-10T08:00');
    const plan = await call('cchc', 'POST', '/plans', {
      agencyId,
      year: 2027,
      content: {
        title: 'Kế hoạch cải cách hành chính năm 2027',
        purposes: ['Nâng cao chất lượng phục vụ'],
        requirements: ['Đúng tiến độ'],
        basis: 'Kế hoạch số 6793/KH-UBND ngày 30/12/2026',
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = plan.json().id;
    const task = async (body: object) => {
      const res = await call('cchc', 'POST', `/plans/${planId}/tasks`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const employment = (await getUnitByCode(t.db, DEMO_UNIT_CODES.employment))!.id;
    const merit = (await getUnitByCode(t.db, DEMO_UNIT_CODES.merit))!.id;
    const own = await task({
      area: 'procedures',
      title: 'Rà soát quy trình nội bộ lĩnh vực việc làm',
      unitId: employment,
      deadline: '2027-06-30',
    });
    const province = await task({
      area: 'direction',
      title: 'Công khai thủ tục người có công',
      unitId: merit,
      deadline: '2027-03-20',
      source: 'province',
      sourceNumber: '4334/UBND-KSTT',
      sourceDate: '2027-02-20',
    });
    const progress = async (id: string, version: number, fields: Record<string, string>) => {
      const res = await multipart('cchc', `/tasks/${id}/reports`, { version: String(version), ...fields });
      expect(res.statusCode, res.body).toBe(201);
    };
    await progress(own, 1, { progress: '40', note: 'Đã rà soát 4/10 quy trình' });
    await clockTo('2027-03-15T09:00');
    await progress(province, 1, { progress: '100', note: 'Đã niêm yết tại trụ sở', done: 'true' });
    // After the quarter: not in the first quarter's report.
    await clockTo('2027-04-02T09:00');
    await progress(own, 2, { progress: '80', note: 'Đã rà soát 8/10 quy trình' });
    await clockTo('2027-04-06T09:00');
  }, 180_000);
  afterAll(() => t.close());

  it("drafts the first quarter from the data: Biểu 06 by receiving place, the plan's tasks as of 31/03", async () => {
    const created = await call('cchc', 'POST', '/reports', { year: 2027, period: 'q1' });
    expect(created.statusCode, created.body).toBe(201);
    reportId = created.json().id;
    const body = await report();
    expect(body.shown).toMatchObject({ version: 1, kind: 'drafted', author: expect.any(String) });
    expect(body.canEdit).toBe(true);
    const { dossiers, online, sections, title } = body.content;
    expect(title).toBe('Công tác cải cách hành chính quý I năm 2027');
    expect(dossiers).toMatchObject({ from: '2027-01-01', asOf: '2027-03-31', draftedAt: expect.any(String) });
    expect(dossiers.rows).toHaveLength(2);
    expect(dossiers.rows).toContainEqual({ place: centre, ...CENTRE_Q1 });
    expect(dossiers.rows).toContainEqual({ place: office, ...OFFICE_Q1 });
    // The same figures as Biểu 06 for the quarter.
    const b06 = await c.cchc!.request({
      url: `/api/v1/reports/06?agency=${agencyId}&from=2027-01-01&to=2027-03-31`,
    });
    expect(b06.json().totals).toMatchObject({ receivedTotal: 8, resolvedTotal: 5, pendingTotal: 3 });

    const text = Object.fromEntries(sections.map((s: { key: string; text: string }) => [s.key, s.text]));
    expect(text.procedures).toContain('tổng số hồ sơ TTHC tiếp nhận theo cơ chế một cửa là 8 hồ sơ');
    expect(text.procedures).toContain('Đã giải quyết 5 hồ sơ (trước hạn 3, đúng hạn 1, quá hạn 1)');
    expect(text.procedures).toContain('đang giải quyết 3 hồ sơ (trong hạn 1, quá hạn 2)');
    expect(text.procedures).toContain('Rà soát quy trình nội bộ lĩnh vực việc làm');
    expect(text.procedures).toContain('đạt 40%');
    expect(text.procedures).not.toContain('8/10');
    expect(text.direction).toContain('Kế hoạch cải cách hành chính năm 2027');
    expect(text.province_tasks).toContain('4334/UBND-KSTT ngày 20/02/2027');
    expect(text.province_tasks).toContain('đã hoàn thành đúng hạn');
    expect(text.province_tasks).toContain('1/1');
    expect(sections.find((s: { key: string }) => s.key === 'difficulties').draftedAt).toBeNull();
    const [inForce] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM procedure WHERE agency_id = $1 AND status IN ('in_force', 'amended')`,
      [agencyId],
    );
    expect(online.full + online.partial + online.none).toBe(inForce!.n);
  });

  it('refuses a second report of the period, a period not begun and a wrong period', async () => {
    const again = await call('cchc', 'POST', '/reports', { year: 2027, period: 'q1' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'reform_report_exists', id: reportId });
    const future = await call('cchc', 'POST', '/reports', { year: 2027, period: 'q3' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ path: 'period' });
    expect(future.json().errors[0].message).toContain('chưa bắt đầu');
    const wrong = await call('cchc', 'POST', '/reports', { year: 2027, period: 'q5' });
    expect(wrong.statusCode).toBe(422);
  });

  it('lets the reform officer draft and edit, leaders read and export, heads of units read, nobody else', async () => {
    expect(
      (await call('chuyenvien', 'POST', '/reports', { agencyId, year: 2027, period: 'h1' })).statusCode,
    ).toBe(403);
    expect((await call('chuyenvien', 'GET', `/reports/${reportId}`)).statusCode).toBe(404);
    expect((await call('chuyenvien', 'GET', '/reports')).json().items).toEqual([]);
    const head = await report('truongphong');
    expect(head).toMatchObject({ canEdit: false, canExport: false });
    expect((await call('truongphong', 'GET', `/reports/${reportId}/docx`)).statusCode).toBe(403);
    const save = { baseVersion: 1, content: head.content };
    expect((await call('truongphong', 'PUT', `/reports/${reportId}`, save)).statusCode).toBe(403);
    expect((await call('lanhdao', 'PUT', `/reports/${reportId}`, save)).statusCode).toBe(403);
    expect(
      (await call('lanhdao', 'POST', `/reports/${reportId}/refresh`, { baseVersion: 1 })).statusCode,
    ).toBe(403);
    expect(await report('lanhdao')).toMatchObject({ canEdit: false, canExport: true });
    expect((await call('lanhdao', 'GET', `/reports/${reportId}/docx`)).statusCode).toBe(200);
    expect((await call('lanhdao', 'GET', '/reports')).json().items).toHaveLength(1);
  });

  it('keeps each save as a version: an edited part loses its drafted mark, an old version is shown and restored', async () => {
    const v1 = (await report()).content;
    const edited = structuredClone(v1);
    const procedures = edited.sections.find((s: { key: string }) => s.key === 'procedures');
    procedures.text = `${procedures.text}\nCông chức tiếp nhận đã hướng dẫn tận tình.`;
    edited.sections.find((s: { key: string }) => s.key === 'difficulties').text = 'Thiếu máy quét tại quầy.';
    edited.dossiers.rows[0].receivedDirect += 1;
    edited.number = '15';
    const invalid = await call('cchc', 'PUT', `/reports/${reportId}`, {
      baseVersion: 1,
      content: { ...edited, title: '' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0]).toMatchObject({ path: 'content.title' });
    const saved = await call('cchc', 'PUT', `/reports/${reportId}`, { baseVersion: 1, content: edited });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await call('cchc', 'PUT', `/reports/${reportId}`, { baseVersion: 1, content: edited });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'reform_stale_version', currentVersion: 2 });

    const v2 = (await report()).content;
    const mark = (key: string) => v2.sections.find((s: { key: string }) => s.key === key).draftedAt;
    expect(mark('procedures')).toBeNull();
    expect(mark('difficulties')).toBeNull();
    expect(mark('institutions')).toBe(v1.sections[1].draftedAt);
    expect(v2.dossiers.draftedAt).toBeNull();
    expect(v2.online.draftedAt).toBe(v1.online.draftedAt);

    // "Refresh figures" shows the edited cell going back to the system's figure, and applies it.
    const preview = await call('cchc', 'GET', `/reports/${reportId}/refresh`);
    expect(preview.json().changes).toEqual([
      {
        part: 'dossiers',
        key: v1.dossiers.rows[0].place,
        column: 'receivedDirect',
        before: v1.dossiers.rows[0].receivedDirect + 1,
        after: v1.dossiers.rows[0].receivedDirect,
      },
    ]);
    const refreshed = await call('cchc', 'POST', `/reports/${reportId}/refresh`, { baseVersion: 2 });
    expect(refreshed.json().version).toBe(3);
    const v3 = (await report()).content;
    expect(v3.dossiers.rows).toEqual(v1.dossiers.rows);
    expect(v3.dossiers.draftedAt).not.toBeNull();
    expect(v3.sections.find((s: { key: string }) => s.key === 'difficulties').text).toBe(
      'Thiếu máy quét tại quầy.',
    );

    const old = await report('cchc', '?version=1');
    expect(old.shown.version).toBe(1);
    expect(old.content).toEqual(v1);
    expect((await call('cchc', 'GET', `/reports/${reportId}?version=9`)).statusCode).toBe(404);
    const restored = await call('cchc', 'POST', `/reports/${reportId}/restore`, {
      baseVersion: 3,
      version: 1,
    });
    expect(restored.json().version).toBe(4);
    expect((await report()).content).toEqual(v1);
    const versions = (await call('lanhdao', 'GET', `/reports/${reportId}/versions`)).json().items;
    expect(versions.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([
      [4, 'restored'],
      [3, 'refreshed'],
      [2, 'edited'],
      [1, 'drafted'],
    ]);
    expect(versions[0]).toMatchObject({ restoredFrom: 1, author: expect.any(String) });
  });

  it('exports the DOCX in the Decree 30/2020 layout with the quarter’s figures as a table', async () => {
    const res = await c.cchc!.request({ url: `/api/v1/reform/reports/${reportId}/docx?version=2` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const docx = res.rawPayload;
    const text = await documentText(docx);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toMatch(/Số: 15\/BC-/);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Công tác cải cách hành chính quý I năm 2027');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Thiếu máy quét tại quầy.');
    const lines = text.split('\n');
    const totals = lines.indexOf('Tổng cộng');
    // Version 2 has the officer's edit: one more received at the counter than the system counted.
    expect(lines.slice(totals + 1, totals + 13)).toEqual([
      '8',
      '1',
      '6',
      '2',
      '5',
      '3',
      '1',
      '1',
      '3',
      '1',
      '2',
      '0',
    ]);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Times New Roman');
    expect(xml).toMatch(/<w:sz w:val="28"\/>/);
  });
});
