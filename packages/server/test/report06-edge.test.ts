import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_FORMER_LABOUR_AGENCY_CODE, DEMO_SERVICE_CENTRE_CODE } from '../src/seed/organisation-data.ts';
import { HEADING_ROW } from '../src/statistics/xlsx.ts';
import type { TestApp, TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { at, counter, importScenario, processed } from './support/import-scenario.ts';
import { type Numbers, numbers, ZERO } from './support/report06.ts';

/**
 * Biểu số 06 on the edges of DOMAIN.md §6 and §3 "Early, on time, late" that report06-import and
 * report06 do not reach, from a history written by hand and imported through the history import,
 * as a reviewer reads it through the API. Every expected number below is worked out by hand from
 * DOMAIN.md and the 2026 calendar (§4), never from the code.
 *
 * Procedure 1.014199 (Việc làm), ten working days; received at 09:00, a dossier is due at 09:00 on
 * the tenth working day after. Working hours 07:30-11:30 and 13:30-17:00; 2026 days off beyond the
 * weekends: Giỗ Tổ Hùng Vương Sun 26 Apr with Mon 27 Apr in compensation (nghỉ bù), 30 Apr, 1 May,
 * 31 Aug (swapped with the make-up working Saturday 22 Aug), 1 and 2 Sep.
 * Procedure 2.000134 (An toàn, vệ sinh lao động), five working days.
 *
 * The rules checked, one per dossier or two:
 * - the period's days are Vietnam days (UTC+7): a receipt at 00:30 on 1 Apr (17:30 UTC on 31 Mar) is
 *   received in April; one at 23:30 on 31 Mar is carried over; an end at 23:30 on 15 Apr (16:30 UTC)
 *   is in a period ending 15 Apr, one at 00:30 on 16 Apr (17:30 UTC on 15 Apr) is not;
 * - a period of one day;
 * - an online dossier submitted before the period and received in it is received in the period
 *   (col 4), not carried over; post counts with the counter (col 5);
 * - open at the period's end on its due day: in time (ends are compared by day); overdue after;
 * - waiting for the only supplement, asked before the due date: in time, whatever the date, even
 *   asked on the due day itself (by day, not after it); asked after the due date: overdue while
 *   waiting and late once processed, whatever the restarted clock says;
 * - a payment wait moves the due date by the working time waited; still waiting, judged by when
 *   the wait began;
 * - a withdrawal asked then rejected does not end the dossier; a refusal returned is one refusal;
 * - closed because the supplement never came: stopped (its own column);
 * - the Giỗ Tổ compensatory day and the National Day break with its make-up Saturday;
 * - finished after two supplements: judged by the restarted clock (the repeated-supplement rule is
 *   for open dossiers); a withdrawal asked but not yet accepted: still in progress;
 * - rows per field, the totals row their sum, in the XLSX too; what is open at the end of a period is carried over
 *   into the next; received + carried = resolved + in progress + refused + withdrawn + stopped.
 */

const supplementAsked = (date: string, time = '10:00') => ({
  type: 'supplement_requested',
  at: at(date, time),
  reason: 'Thiếu bản sao hộ chiếu có chứng thực',
});
const paymentAsked = (date: string) => ({
  type: 'payment_requested',
  at: at(date),
  items: [{ name: 'Lệ phí cấp giấy phép lao động', amountVnd: 600000 }],
});

const DOSSIERS = [
  // Received Tue 31 Mar 23:30 (after the cut-off: counting from Wed 1 Apr); processed Fri 3 Apr: carried over into April, early.
  counter('B01', at('03-31', '23:30'), [processed('04-03')]),
  // Received Wed 1 Apr 00:30 Vietnam time (still 31 Mar in UTC); processed Thu 2 Apr: received in April, early.
  counter('B02', at('04-01', '00:30'), [processed('04-02')]),
  // Received Mon 6 Apr, due Mon 20 Apr; processed Thu 16 Apr 00:30 (15 Apr in UTC): open at the end of 15 Apr, early in April.
  counter('B03', at('04-06'), [processed('04-16', '00:30')]),
  // Received Mon 6 Apr; processed Wed 15 Apr 23:30: resolved by the end of 15 Apr, early.
  counter('B04', at('04-06'), [processed('04-15', '23:30')]),
  // Received Mon 6 Apr, due 20 Apr; one supplement asked Fri 10 Apr, never brought: in time for ever.
  counter('S01', at('04-06'), [supplementAsked('04-10')]),
  // Received Mon 6 Apr, due 20 Apr; a supplement asked Tue 21 Apr, after the due date: overdue.
  counter('S02', at('04-06'), [supplementAsked('04-21')]),
  // As S02, then brought Wed 22 Apr (the clock restarts: due 6 May) and processed Fri 24 Apr: late.
  counter('S03', at('04-06'), [
    supplementAsked('04-21'),
    { type: 'supplement_received', at: at('04-22') },
    processed('04-24'),
  ]),
  // Received Mon 6 Apr, due Mon 20 Apr 09:00; a supplement asked Mon 20 Apr 10:00, on the due day: in time.
  counter('S04', at('04-06'), [supplementAsked('04-20')]),
  // Received Mon 6 Apr, due Mon 20 Apr 09:00; a fee asked Fri 17 Apr 09:00, paid Wed 22 Apr 09:00: 22.5
  // working hours waited (6 + 7.5 + 7.5 + 1.5), so due Thu 23 Apr 09:00; processed Thu 23 Apr 15:00: on time.
  counter('P01', at('04-06'), [
    paymentAsked('04-17'),
    { type: 'payment_made', at: at('04-22'), reference: 'BL-2026-0422' },
    processed('04-23', '15:00'),
  ]),
  // Received Mon 6 Apr, due 20 Apr; a fee asked Fri 17 Apr, never paid: in time (the wait began before the due date).
  counter('P02', at('04-06'), [paymentAsked('04-17')]),
  // Received Mon 6 Apr; withdrawal asked Tue 7 Apr and rejected Wed 8 Apr; processed Fri 10 Apr: early, not withdrawn.
  counter('W01', at('04-06'), [
    { type: 'withdrawal_requested', at: at('04-07', '10:00'), reason: 'Doanh nghiệp đề nghị rút hồ sơ' },
    { type: 'withdrawal_rejected', at: at('04-08', '10:00'), reason: 'Hồ sơ đã trình ký' },
    processed('04-10'),
  ]),
  // Received Mon 6 Apr; refused Fri 10 Apr, the refusal handed over Mon 13 Apr: one refusal.
  counter('R01', at('04-06'), [
    processed('04-10', '10:00', 'refused'),
    { type: 'returned', at: at('04-13'), channel: 'counter' },
  ]),
  // Received Mon 6 Apr; one supplement asked Tue 7 Apr, never brought; the 15 working days ran out at the
  // end of Wed 29 Apr; closed Wed 6 May: in time in April, stopped in May.
  counter('ST1', at('04-06'), [
    supplementAsked('04-07'),
    {
      type: 'stopped',
      at: at('05-06', '10:00'),
      cause: 'supplement_not_received',
      reason: 'Quá hạn bổ sung hồ sơ',
    },
  ]),
  // Online: submitted Tue 31 Mar 16:00, received Wed 1 Apr 09:00, due Wed 15 Apr 09:00, nothing since:
  // received online in April; in time at the end of 15 Apr (its due day); overdue at the end of April.
  counter('O01', at('04-01'), [], {
    channel: 'online',
    receivingUnitCode: undefined,
    submittedAt: at('03-31', '16:00'),
  }),
  // By post: received Thu 2 Apr, due Thu 16 Apr; processed Mon 13 Apr: received with the counter (col 5), early.
  counter('PO1', at('04-02'), [processed('04-13')], { channel: 'post' }),
  // Received Mon 20 Apr; due Thu 7 May over 27 Apr (nghỉ bù), 30 Apr and 1 May; processed Thu 7 May 16:00: on time.
  // Counting the compensatory day it would be due Wed 6 May, and late.
  counter('H01', at('04-20'), [processed('05-07', '16:00')]),
  // Received Mon 20 Apr, due Thu 7 May; processed Fri 8 May: late.
  counter('H02', at('04-20'), [processed('05-08')]),
  // An toàn, vệ sinh lao động, five working days: received Mon 6 Apr, due Mon 13 Apr 09:00; processed
  // Mon 13 Apr 16:00, after the due instant but on its day: on time.
  counter('F01', at('04-06'), [processed('04-13', '16:00')], {
    procedureCode: '2.000134',
    fieldCode: 'an-toan-ve-sinh-lao-dong',
  }),
  // Received Thu 20 Aug; ten working days over the make-up Saturday 22 Aug and the break 31 Aug - 2 Sep:
  // 21, 22, 24-28 Aug, 3, 4, 7 Sep: due Mon 7 Sep; processed Tue 8 Sep: late (without the make-up
  // Saturday it would have been due 8 Sep, and on time).
  counter('N01', at('08-20'), [processed('09-08')]),
  // Received Fri 28 Aug; 3, 4, 7-11, 14-16 Sep: due Wed 16 Sep; processed Wed 16 Sep 10:00: on time.
  counter('N02', at('08-28'), [processed('09-16')]),
  // Received Mon 5 Oct (due Mon 19 Oct); a supplement asked Tue 6 Oct, brought Thu 8 Oct (due Thu 22
  // Oct); a second asked Fri 9 Oct, brought Tue 13 Oct (due Tue 27 Oct: 14-16, 19-23, 26, 27 Oct);
  // processed Mon 26 Oct: early. Asked twice counts as overdue only while the dossier is open.
  counter('K01', at('10-05'), [
    supplementAsked('10-06'),
    { type: 'supplement_received', at: at('10-08') },
    supplementAsked('10-09'),
    { type: 'supplement_received', at: at('10-13') },
    processed('10-26'),
  ]),
  // Received Mon 5 Oct, due Mon 19 Oct; withdrawal asked Wed 28 Oct, neither accepted nor rejected:
  // not withdrawn yet, still in progress, and overdue.
  counter('K02', at('10-05'), [
    { type: 'withdrawal_requested', at: at('10-28', '10:00'), reason: 'Doanh nghiệp đề nghị rút hồ sơ' },
  ]),
];

/**
 * 1 April alone: B01 open at its start (carried over); B02 (counter, 00:30) and O01 (online)
 * received on it; nothing ended; all three open and in time at its end (due 14-15 Apr).
 */
const APRIL_1 = numbers({
  receivedTotal: 3,
  receivedOnline: 1,
  receivedDirect: 1,
  carriedOver: 1,
  pendingTotal: 3,
  pendingInTime: 3,
});

/**
 * 1-15 April, Việc làm: carried over B01; received online O01; at the counter or by post B02, B03,
 * B04, S01-S04, P01, P02, W01, R01, ST1, PO1 = 13; total 15. Early B01, B02, B04, W01, PO1 = 5
 * (B03 ended on 16 Apr in Vietnam). Refused R01. Open at the end: B03, S01-S04, P01, P02, ST1 and
 * O01 (on its due day) = 9, all in time (due 20 Apr, or waiting for a supplement asked before).
 * 15 = 5 + 9 + 1.
 */
const FIRST_HALF_JOBS = numbers({
  receivedTotal: 15,
  receivedOnline: 1,
  receivedDirect: 13,
  carriedOver: 1,
  resolvedTotal: 5,
  resolvedEarly: 5,
  pendingTotal: 9,
  pendingInTime: 9,
  refused: 1,
});
/** F01: received and on time in both April periods. */
const SAFETY = numbers({ receivedTotal: 1, receivedDirect: 1, resolvedTotal: 1, resolvedOnTime: 1 });

/**
 * April, Việc làm: as the first half plus H01 and H02 received (direct 15, total 17). Early: the
 * five, and B03 = 6; on time P01; late S03: 8 resolved. Refused R01. Open at the end: S01, S04,
 * P02, ST1, H01, H02 in time, S02 (supplement asked after the due date) and O01 (due 15 Apr)
 * overdue: 8. 17 = 8 + 8 + 1.
 */
const APRIL_JOBS = numbers({
  receivedTotal: 17,
  receivedOnline: 1,
  receivedDirect: 15,
  carriedOver: 1,
  resolvedTotal: 8,
  resolvedEarly: 6,
  resolvedOnTime: 1,
  resolvedLate: 1,
  pendingTotal: 8,
  pendingInTime: 6,
  pendingOverdue: 2,
  refused: 1,
});

/**
 * May: the eight open at the end of April carried over, nothing received. H01 on time, H02 late;
 * ST1 stopped. Open at the end: S01, S04, P02 in time; S02, O01 overdue. 8 = 2 + 5 + 1.
 */
const MAY = numbers({
  receivedTotal: 8,
  carriedOver: 8,
  resolvedTotal: 2,
  resolvedOnTime: 1,
  resolvedLate: 1,
  pendingTotal: 5,
  pendingInTime: 3,
  pendingOverdue: 2,
  stopped: 1,
});

/**
 * September: carried over the five still open since April and N01, N02 = 7. N01 late, N02 on time.
 * Open at the end: S01, S04, P02 in time; S02, O01 overdue. 7 = 2 + 5.
 */
const SEPTEMBER = numbers({
  receivedTotal: 7,
  carriedOver: 7,
  resolvedTotal: 2,
  resolvedOnTime: 1,
  resolvedLate: 1,
  pendingTotal: 5,
  pendingInTime: 3,
  pendingOverdue: 2,
});

/**
 * October: carried over the five open since April; received K01, K02 at the counter. K01 early.
 * Open at the end: S01, S04, P02 in time; S02, O01, K02 overdue. 7 = 1 + 6.
 */
const OCTOBER = numbers({
  receivedTotal: 7,
  receivedDirect: 2,
  carriedOver: 5,
  resolvedTotal: 1,
  resolvedEarly: 1,
  pendingTotal: 6,
  pendingInTime: 3,
  pendingOverdue: 3,
});

const sum = (a: Numbers, b: Numbers): Numbers =>
  Object.fromEntries(
    Object.keys(ZERO).map((k) => [k, a[k as keyof Numbers] + b[k as keyof Numbers]]),
  ) as Numbers;

const JOBS = { field: 'viec-lam', fieldName: 'Việc làm' };
const SAFETY_FIELD = { field: 'an-toan-ve-sinh-lao-dong', fieldName: 'An toàn, vệ sinh lao động' };

describe.each(engines)('Biểu số 06 on the edges of the rules, from an imported history, on %s', (engine) => {
  let t: TestApp;
  let leader: TestClient;
  let agencyId: string;
  /** Motcua code → the previous system's code. */
  let previous: Map<string, string>;

  const report = (query: string, headers: Record<string, string> = {}) =>
    leader.request({ url: `/api/v1/reports/06?agency=${agencyId}&${query}`, headers });
  const period = (from: string, to: string) => `from=2026-${from}&to=2026-${to}`;

  beforeAll(async () => {
    ({ t, agencyId, leader, previous } = await importScenario(engine, DOSSIERS));
  }, 60_000);
  afterAll(() => t.close());

  const expectReport = async (query: string, rows: (Numbers & { field: string; fieldName: string })[]) => {
    const res = await report(query);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toEqual(rows);
    expect(body.totals).toEqual(rows.map(({ field, fieldName, ...n }) => n).reduce(sum, ZERO));
    expect(body.problems).toEqual([]);
    return body;
  };

  it('counts a period of one day, by the Vietnam day of receipt (00:30 on 1 Apr is 31 Mar in UTC)', async () => {
    await expectReport(period('04-01', '04-01'), [{ ...JOBS, ...APRIL_1 }]);
  });

  it('ends a period at midnight Vietnam time, and keeps a dossier due on the last day in time', async () => {
    const body = await expectReport(period('04-01', '04-15'), [
      { ...SAFETY_FIELD, ...SAFETY },
      { ...JOBS, ...FIRST_HALF_JOBS },
    ]);
    expect(body.totals.receivedTotal).toBe(16);
  });

  it('counts April: supplements before, on and after the due date, a payment wait, a holiday, by post', async () => {
    await expectReport(period('04-01', '04-30'), [
      { ...SAFETY_FIELD, ...SAFETY },
      { ...JOBS, ...APRIL_JOBS },
    ]);
  });

  it('carries into May exactly what April left open, and counts the dossier closed unsupplemented as stopped', async () => {
    await expectReport(period('05-01', '05-31'), [{ ...JOBS, ...MAY }]);
    expect(MAY.carriedOver).toBe(APRIL_JOBS.pendingTotal);
  });

  it('counts the National Day break and its make-up Saturday, with what is still open since April', async () => {
    await expectReport(period('09-01', '09-30'), [{ ...JOBS, ...SEPTEMBER }]);
  });

  it('judges a dossier finished after two supplements by its restarted clock, and keeps a withdrawal only asked in progress', async () => {
    await expectReport(period('10-01', '10-31'), [{ ...JOBS, ...OCTOBER }]);
  });

  it('exports April with both fields, numbered in order, and the totals row, as XLSX', async () => {
    const res = await report(`${period('04-01', '04-30')}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const row = (r: number) => [
      sheet.getCell(r, 1).value,
      sheet.getCell(r, 2).value,
      ...Array.from({ length: 14 }, (_, i) => sheet.getCell(r, i + 3).value),
    ];
    const first = HEADING_ROW + 4;
    expect(row(first)).toEqual([1, 'An toàn, vệ sinh lao động', ...Object.values(SAFETY)]);
    expect(row(first + 1)).toEqual([2, 'Việc làm', ...Object.values(APRIL_JOBS)]);
    expect(row(first + 2).slice(1)).toEqual(['Tổng cộng', ...Object.values(sum(SAFETY, APRIL_JOBS))]);
  });

  it('narrows to a field, and gives no row for a field with nothing in the period', async () => {
    await expectReport(`${period('04-01', '04-30')}&field=an-toan-ve-sinh-lao-dong`, [
      { ...SAFETY_FIELD, ...SAFETY },
    ]);
    await expectReport(`${period('05-01', '05-31')}&field=an-toan-ve-sinh-lao-dong`, []);
  });

  it('narrows to the service centre that receives for the agency, outside it', async () => {
    // Seed 002 reports the dossiers received "tại Trung tâm Phục vụ hành chính công" apart. In the
    // demo every dossier of the agency is received there (online ones at its online desk too), so
    // the centre's April is the agency's. Before the fix: 404, the centre not being in the agency.
    const centre = (await getUnitByCode(t.db, DEMO_SERVICE_CENTRE_CODE))!.id;
    const body = await expectReport(`${period('04-01', '04-30')}&unit=${centre}`, [
      { ...SAFETY_FIELD, ...SAFETY },
      { ...JOBS, ...APRIL_JOBS },
    ]);
    expect(body.unit).toMatchObject({ id: centre });
  });

  it('lists behind the cells on the edges exactly the dossiers worked out above', async () => {
    const drill = async (query: string, column: string) => {
      const res = await leader.request({
        url: `/api/v1/reports/06/dossiers?agency=${agencyId}&${query}&column=${column}&pageSize=100`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((d: { code: string }) => previous.get(d.code))
        .sort();
    };
    expect(await drill(period('04-01', '04-01'), 'carriedOver')).toEqual(['B01']);
    expect(await drill(period('04-01', '04-01'), 'receivedDirect')).toEqual(['B02']);
    expect(await drill(period('04-01', '04-15'), 'resolvedEarly')).toEqual([
      'B01',
      'B02',
      'B04',
      'PO1',
      'W01',
    ]);
    expect(await drill(period('04-01', '04-15'), 'pendingOverdue')).toEqual([]);
    expect(await drill(period('04-01', '04-30'), 'pendingOverdue')).toEqual(['O01', 'S02']);
    expect(await drill(period('04-01', '04-30'), 'resolvedLate')).toEqual(['S03']);
    expect(await drill(period('04-01', '04-30'), 'resolvedOnTime')).toEqual(['F01', 'P01']);
    expect(await drill(period('05-01', '05-31'), 'stopped')).toEqual(['ST1']);
    expect(await drill(period('09-01', '09-30'), 'resolvedLate')).toEqual(['N01']);
  });

  it('answers bad periods and unknown agencies or units with a Problem a person can act on, in Vietnamese or English', async () => {
    const problem = async (query: string, lang: 'vi' | 'en', url = `/api/v1/reports/06?${query}`) => {
      const res = await leader.request({ url, headers: { 'accept-language': lang } });
      const body = res.json();
      expect(res.headers['content-type']).toContain('application/problem+json');
      return { status: res.statusCode, code: body.code, text: JSON.stringify(body) };
    };
    const withAgency = (q: string) => `agency=${agencyId}&${q}`;
    // Before the fix the person read the schema's key: "Từ ngày (from): invalid_date".
    const badDates: [string, string, string][] = [
      [
        'from=2026-04-31&to=2026-05-31',
        'Từ ngày (from): phải là một ngày có thật',
        'From (from): must be a real date',
      ],
      [
        'from=01/04/2026&to=2026-04-30',
        'Từ ngày (from): phải là một ngày có thật',
        'From (from): must be a real date',
      ],
      [
        'from=2026-04-01&to=2026-4-30',
        'Đến ngày (to): phải là một ngày có thật',
        'To (to): must be a real date',
      ],
      ['from=2026-04-01', 'Đến ngày (to): chưa được nhập', 'To (to): is required'],
    ];
    for (const [bad, vi, en] of badDates) {
      expect(await problem(withAgency(bad), 'vi'), bad).toMatchObject({
        status: 400,
        code: 'validation_failed',
      });
      expect((await problem(withAgency(bad), 'vi')).text, bad).toContain(vi);
      expect((await problem(withAgency(bad), 'en')).text, bad).toContain(en);
    }
    const reversed = await problem(withAgency('from=2026-04-30&to=2026-04-01'), 'en');
    expect(reversed).toMatchObject({ status: 400, code: 'report_period_reversed' });
    expect(reversed.text).toContain('on or after the start');
    const decade = await problem(withAgency('from=2016-01-01&to=2025-12-31'), 'vi');
    expect(decade).toMatchObject({ status: 400, code: 'report_period_too_long' });
    expect(decade.text).toContain('Kỳ báo cáo dài tối đa 732 ngày');
    const unknownAgency = await problem(
      'agency=00000000-0000-4000-8000-000000000000&from=2026-04-01&to=2026-04-30',
      'vi',
    );
    expect(unknownAgency).toMatchObject({ status: 404, code: 'report_agency_not_found' });
    expect(unknownAgency.text).toContain('Không tìm thấy cơ quan');
    const unknownUnit = await problem(
      withAgency('unit=00000000-0000-4000-8000-000000000000&from=2026-04-01&to=2026-04-30'),
      'en',
    );
    expect(unknownUnit).toMatchObject({ status: 404, code: 'unit_not_found' });
    // Another agency is not a unit of this one's report.
    const former = (await getUnitByCode(t.db, DEMO_FORMER_LABOUR_AGENCY_CODE))!.id;
    const foreign = await problem(withAgency(`unit=${former}&from=2026-04-01&to=2026-04-30`), 'vi');
    expect(foreign).toMatchObject({ status: 404, code: 'unit_not_found' });
    expect(foreign.text).toContain('Không tìm thấy đơn vị');
    const notAnId = await problem(withAgency('unit=phong-viec-lam&from=2026-04-01&to=2026-04-30'), 'vi');
    expect(notAnId.status).toBe(400);
  });
});
