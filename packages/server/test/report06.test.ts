import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADING_ROW } from '../src/statistics/xlsx.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import {
  act,
  type Office,
  openOffice,
  receiveDossier,
  resolve,
  snapshotOf,
  workPermit,
} from './support/report06.ts';
import { otherAgencyLeader } from './support/staff.ts';

/**
 * Biểu số 06 for May 2026 of a hand-built office: every column has dossiers behind it, and the
 * expected numbers are written out. The procedure is "Cấp lại giấy phép lao động", 3 working days;
 * 30/04 and 01/05 are holidays. Times are Vietnam time.
 */

const at = (local: string) => new Date(`${local}:00+07:00`);
const vnDay = (iso: string | null) => new Date(Date.parse(iso!) + 7 * 3_600_000).toISOString().slice(0, 10);

describe.each(engines)('Biểu số 06 on %s', (engine) => {
  let t: TestApp;
  let o: Office;
  let leader: TestClient;
  let outsider: TestClient;
  let permit: Office['procedures'][number];
  let other: Office['procedures'][number];

  const report = (query: string, who: TestClient = leader) =>
    who.request({ url: `/api/v1/reports/06?agency=${o.agencyId}&${query}` });

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    o = await openOffice(t.db, t.ctx);
    permit = await workPermit(o);
    other = o.procedures.find((p) => p.fieldCode !== 'viec-lam')!;
    leader = t.client();
    expect((await leader.login('lanhdao')).statusCode).toBe(200);
    outsider = await otherAgencyLeader(t);

    const receive = async (when: string, channel: 'counter' | 'post' | 'online' = 'counter', p = permit) => {
      o.at(at(when));
      return receiveDossier(o, p, channel);
    };
    const step = async (id: string, when: string, action: Parameters<typeof act>[2], input = {}) => {
      o.at(at(when));
      const refused = await act(o, id, action, input);
      expect(refused, `${action} at ${when}`).toBeNull();
    };
    const resolveAt = async (id: string, when: string, outcome: 'granted' | 'refused' = 'granted') => {
      o.at(at(when));
      await resolve(o, id, outcome);
    };

    // Resolved in April: in no column of May.
    await resolveAt(await receive('2026-04-06T09:00'), '2026-04-07T10:00');
    // A: carried over, due Wed 06/05 because 30/04 and 01/05 are off, resolved Tue 05/05: early.
    const a = await receive('2026-04-29T09:00');
    expect(vnDay((await snapshotOf(o, a)).dueAt)).toBe('2026-05-06');
    await resolveAt(a, '2026-05-05T10:00');
    // B: carried over, due 23/04, never resolved: overdue at the end of May.
    await receive('2026-04-20T09:00');
    // C: online, resolved on its appointment day after the appointment's hour: on time (by day).
    o.at(at('2026-05-11T08:00'));
    const c = await receiveDossier(o, permit, 'online');
    await step(c, '2026-05-11T09:00', 'receive', {
      checklist: permit.documents.map((document) => ({ document, received: true })),
    });
    const cDue = vnDay((await snapshotOf(o, c)).dueAt);
    expect(cDue).toBe('2026-05-14');
    await resolveAt(c, `${cDue}T16:30`);
    // D: resolved after its appointment day: late.
    const d = await receive('2026-05-12T09:00');
    await resolveAt(d, '2026-05-25T10:00');
    // E: by post on Fri 29/05, due in June: in time at the end of May.
    await receive('2026-05-29T09:00', 'post');
    // F: waiting for its only supplement, asked before the due date: in time.
    const f = await receive('2026-05-18T09:00');
    await step(f, '2026-05-19T09:00', 'request_supplement', {
      items: [{ description: 'Bản sao hộ chiếu', reason: 'Thiếu' }],
    });
    // G: supplements asked twice: overdue while it waits.
    const g = await receive('2026-05-04T09:00');
    await step(g, '2026-05-05T09:00', 'request_supplement', {
      items: [{ description: 'Ảnh 4x6', reason: 'Thiếu' }],
    });
    await step(g, '2026-05-06T09:00', 'receive_supplement', { documents: ['Ảnh 4x6'] });
    await step(g, '2026-05-07T09:00', 'request_supplement', {
      items: [{ description: 'Phiếu lý lịch', reason: 'Thiếu' }],
    });
    // H: extended with an apology to 27/05, resolved 26/05: early against the new date.
    const h = await receive('2026-05-13T09:00');
    await step(h, '2026-05-14T09:00', 'extend', {
      reason: 'Cần xác minh',
      newDueAt: at('2026-05-27T17:00').toISOString(),
    });
    await resolveAt(h, '2026-05-26T10:00');
    // I: the result is a refusal with reasons.
    await resolveAt(await receive('2026-05-14T09:00'), '2026-05-15T10:00', 'refused');
    // J: withdrawn within May.
    const j = await receive('2026-05-20T09:00');
    await step(j, '2026-05-21T09:00', 'request_withdrawal', { reason: 'Người nộp xin rút' });
    await step(j, '2026-05-22T09:00', 'accept_withdrawal');
    // K: withdrawal asked on 29/05, accepted on 02/06: processing ended at the request, in May.
    const k = await receive('2026-05-26T09:00');
    await step(k, '2026-05-29T10:00', 'request_withdrawal', { reason: 'Người nộp xin rút' });
    await step(k, '2026-06-02T09:00', 'accept_withdrawal');
    // L: stopped.
    const l = await receive('2026-05-21T09:00');
    await step(l, '2026-05-22T09:00', 'stop', { reason: 'Dừng theo đề nghị của người nộp' });
    // Another field: one dossier resolved the day it came.
    await resolveAt(await receive('2026-05-15T08:00', 'counter', other), '2026-05-15T16:00');
    // Received in June, and an online submission never received: in no column of May.
    await receive('2026-06-01T09:00');
    o.at(at('2026-05-27T09:00'));
    await receiveDossier(o, permit, 'online');
  }, 120_000);
  afterAll(() => t.close());

  const MAY = {
    receivedTotal: 12,
    receivedOnline: 1,
    receivedDirect: 9,
    carriedOver: 2,
    resolvedTotal: 4,
    resolvedEarly: 2,
    resolvedOnTime: 1,
    resolvedLate: 1,
    pendingTotal: 4,
    pendingInTime: 2,
    pendingOverdue: 2,
    refused: 1,
    withdrawn: 2,
    stopped: 1,
  };
  const OTHER = {
    ...Object.fromEntries(Object.keys(MAY).map((k) => [k, 0])),
    receivedTotal: 1,
    receivedDirect: 1,
    resolvedTotal: 1,
    resolvedEarly: 1,
  };

  it('counts every column of May 2026, per field, with the totals row', async () => {
    const res = await report('from=2026-05-01&to=2026-05-31');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const byField = Object.fromEntries(body.rows.map((r: { field: string }) => [r.field, r]));
    expect(byField['viec-lam']).toEqual({ field: 'viec-lam', fieldName: 'Việc làm', ...MAY });
    expect(byField[other.fieldCode]).toMatchObject(OTHER);
    expect(body.rows).toHaveLength(2);
    expect(body.totals).toEqual(
      Object.fromEntries(Object.entries(MAY).map(([k, v]) => [k, v + (OTHER as Record<string, number>)[k]!])),
    );
    expect(body.problems).toEqual([]);
  });

  it('carries the dossiers still open at the end of May into June, and counts the June receipt', async () => {
    const body = (await report('from=2026-06-01&to=2026-06-30')).json();
    const row = body.rows.find((r: { field: string }) => r.field === 'viec-lam');
    expect(row).toMatchObject({
      carriedOver: 4,
      receivedDirect: 1,
      receivedTotal: 5,
      withdrawn: 0,
      pendingTotal: 5,
    });
  });

  it('narrows to a field', async () => {
    const body = (await report('from=2026-05-01&to=2026-05-31&field=viec-lam')).json();
    expect(body.rows.map((r: { field: string }) => r.field)).toEqual(['viec-lam']);
    expect(body.totals).toEqual(MAY);
  });

  it('exports the official layout as XLSX: title, period, numbered headings, numbers', async () => {
    const res = await report('from=2026-05-01&to=2026-05-31&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const text = (r: number, c: number) => String(sheet.getCell(r, c).value ?? '');
    expect(text(1, 1)).toBe('Biểu số 06/VPCP/KSTT');
    expect(text(2, 1)).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text(3, 1)).toBe('Kỳ báo cáo: từ ngày 01/05/2026 đến ngày 31/05/2026');
    expect(text(4, 1)).toContain('Sở Nội vụ');
    expect(text(HEADING_ROW, 3)).toBe('Số hồ sơ nhận giải quyết');
    expect(text(HEADING_ROW + 2, 8)).toBe('Trước hạn');
    const numbered = HEADING_ROW + 3;
    expect(Array.from({ length: 13 }, (_, i) => text(numbered, i + 1))).toEqual(
      Array.from({ length: 13 }, (_, i) => `(${i + 1})`),
    );
    const rows = [numbered + 1, numbered + 2, numbered + 3];
    const permitRow = rows.find((r) => text(r, 2) === 'Việc làm')!;
    expect(Array.from({ length: 14 }, (_, i) => sheet.getCell(permitRow, i + 3).value)).toEqual(
      Object.values(MAY),
    );
    expect(text(numbered + 3, 2)).toBe('Tổng cộng');
    expect(sheet.getCell(numbered + 3, 3).value).toBe(13);
  });

  it('exports a PDF whose text holds the title, the period and the totals', async () => {
    const res = await report('from=2026-05-01&to=2026-05-31&format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.normalize('NFC').replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Biểu số 06/VPCP/KSTT');
    expect(text).toContain('từ ngày 01/05/2026 đến ngày 31/05/2026');
    expect(text).toMatch(/Tổng cộng 13 1 10 2 5 3 1 1 4 2 2 1 2 1/);
  });

  it('shows an agency report only to staff with a role on it', async () => {
    const res = await report('from=2026-05-01&to=2026-05-31', outsider);
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      url: `/api/v1/reports/06?agency=${o.agencyId}&from=2026-05-01&to=2026-05-31`,
    });
    expect(anonymous.statusCode).toBe(401);
    const citizen = t.client();
    await citizen.login('congdan');
    expect((await report('from=2026-05-01&to=2026-05-31', citizen)).statusCode).toBe(403);
  });

  it('refuses impossible dates, a reversed period and one too long, in Vietnamese by default', async () => {
    const impossible = await report('from=2026-02-30&to=2026-03-31');
    expect(impossible.statusCode).toBe(400);
    const reversed = await report('from=2026-05-31&to=2026-05-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'report_period_reversed' });
    expect(reversed.json().detail ?? reversed.json().title).toContain('Ngày kết thúc kỳ báo cáo');
    const english = await leader.request({
      url: `/api/v1/reports/06?agency=${o.agencyId}&from=2024-01-01&to=2026-05-01`,
      headers: { 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().code).toBe('report_period_too_long');
    expect(JSON.stringify(english.json())).toContain('at most 732 days');
  });
});
