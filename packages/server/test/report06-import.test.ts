import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADING_ROW } from '../src/statistics/xlsx.ts';
import type { TestApp, TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { dossierEntry } from './support/history-file.ts';
import { at, counter, importScenario, processed } from './support/import-scenario.ts';

/**
 * Biểu số 06 for February 2026 from a history written by hand, imported through the real history
 * import: every column and the totals are numbers worked out below, in the JSON answer, in the
 * XLSX read back, and in the drill-down of the cells.
 *
 * Procedure 1.014199 (field Việc làm), ten working days; received at 09:00, a dossier is due at
 * 09:00 on the tenth working day after. The Tết break, Mon 16 - Fri 20 February 2026, is not
 * working time: February's working days are 2-6, 9-13 and 23-27. An end is compared by day
 * (Decision 766): before the due day early, on it on time, after it late.
 */

const online = (code: string, received: string, events: unknown[]) =>
  dossierEntry(code, events, {
    channel: 'online',
    receivingUnitCode: undefined,
    submittedAt: at(received, '08:00'),
    receivedAt: at(received, '10:00'),
  });

const DOSSIERS = [
  // Received Mon 19 Jan, due Mon 2 Feb; processed Wed 4 Feb: carried over, late.
  counter('T01', at('01-19'), [processed('02-04')]),
  // Received Tue 20 Jan, due Tue 3 Feb, nothing since: carried over, overdue at the end.
  counter('T02', at('01-20'), []),
  // Received Mon 5 Jan and processed Fri 9 Jan: ended before the period, in no cell.
  counter('T03', at('01-05'), [processed('01-09')]),
  // Across Tết: received Tue 10 Feb, due Tue 3 Mar (11-13 Feb, 23-27 Feb, 2-3 Mar); processed Fri
  // 27 Feb: early. Counting the Tết days it would have been due Tue 24 Feb, and late.
  counter('T04', at('02-10'), [processed('02-27')]),
  // Received Mon 2 Feb, due Mon 23 Feb (3-6, 9-13, 23 Feb); processed that afternoon, returned
  // the day after: on time.
  counter('T05', at('02-02'), [
    processed('02-23', '15:00'),
    { type: 'returned', at: at('02-24'), channel: 'counter' },
  ]),
  // Received Tue 3 Feb, due Tue 24 Feb; processed Thu 26 Feb: late.
  counter('T06', at('02-03'), [processed('02-26')]),
  // Online, received Wed 11 Feb; one supplement asked Thu 12 Feb, still awaited: in time (the
  // processing time restarts when it comes).
  online('T07', '02-11', [
    { type: 'supplement_requested', at: at('02-12', '10:00'), reason: 'Thiếu bản sao hộ chiếu' },
  ]),
  // Received Wed 4 Feb; a supplement asked Thu 5 Feb and received Mon 9 Feb, then a second asked
  // Tue 10 Feb: overdue from that second request (Decision 766), at the end too.
  counter('T08', at('02-04'), [
    { type: 'supplement_requested', at: at('02-05', '10:00'), reason: 'Thiếu phiếu lý lịch tư pháp' },
    { type: 'supplement_received', at: at('02-09') },
    { type: 'supplement_requested', at: at('02-10', '10:00'), reason: 'Phiếu lý lịch tư pháp hết hạn' },
  ]),
  // Received Thu 5 Feb, due Thu 26 Feb; extended Tue 24 Feb to 10 Mar: in time at the end (without
  // the extension, overdue since 27 Feb).
  counter('T09', at('02-05'), [
    { type: 'extended', at: at('02-24', '10:00'), newDueAt: '2026-03-10', reason: 'Chờ xác minh' },
  ]),
  // Received Fri 6 Feb; processed with a refusal Wed 11 Feb: refused.
  counter('T10', at('02-06'), [processed('02-11', '10:00', 'refused')]),
  // Received Mon 9 Feb; withdrawal asked Tue 10 Feb, accepted Wed 11 Feb: withdrawn.
  counter('T11', at('02-09'), [
    { type: 'withdrawal_requested', at: at('02-10', '10:00'), reason: 'Doanh nghiệp đề nghị rút' },
    { type: 'withdrawal_accepted', at: at('02-11') },
  ]),
  // Received Mon 9 Feb 10:00; stopped Thu 12 Feb: stopped.
  counter('T12', at('02-09', '10:00'), [
    { type: 'stopped', at: at('02-12', '14:00'), reason: 'Người lao động đã rời Việt Nam' },
  ]),
  // Received Mon 23 Feb; withdrawal asked Fri 27 Feb, accepted Tue 3 Mar: withdrawn in February,
  // the day the applicant asked.
  counter('T13', at('02-23'), [
    { type: 'withdrawal_requested', at: at('02-27', '10:00'), reason: 'Doanh nghiệp đề nghị rút' },
    { type: 'withdrawal_accepted', at: at('03-03') },
  ]),
  // Online, received Mon 23 Feb, due Mon 9 Mar: in time at the end.
  online('T14', '02-23', []),
  // Received Mon 2 Mar: after the period, in no cell.
  counter('T15', at('03-02'), []),
];

/**
 * Worked out from the comments above:
 * - online T07, T14 = 2; counter T04-T06, T08-T13 = 9; carried over T01, T02 = 2; total 13;
 * - early T04, on time T05, late T01 and T06: 4 resolved;
 * - open at the end T02, T07, T08, T09, T14 = 5, of which overdue T02 and T08;
 * - refused T10, withdrawn T11 and T13, stopped T12.
 * 13 = 4 resolved + 5 open + 1 + 2 + 1.
 */
const FEBRUARY = {
  receivedTotal: 13,
  receivedOnline: 2,
  receivedDirect: 9,
  carriedOver: 2,
  resolvedTotal: 4,
  resolvedEarly: 1,
  resolvedOnTime: 1,
  resolvedLate: 2,
  pendingTotal: 5,
  pendingInTime: 3,
  pendingOverdue: 2,
  refused: 1,
  withdrawn: 2,
  stopped: 1,
};

describe.each(engines)('Biểu số 06 of an imported history on %s', (engine) => {
  let t: TestApp;
  let leader: TestClient;
  let agencyId: string;
  /** Motcua code → the previous system's code. */
  let previous: Map<string, string>;
  const PERIOD = 'from=2026-02-01&to=2026-02-28';

  beforeAll(async () => {
    ({ t, agencyId, leader, previous } = await importScenario(engine, DOSSIERS));
  }, 60_000);
  afterAll(() => t.close());

  it('gives every column and the totals as worked out by hand', async () => {
    const res = await leader.request({ url: `/api/v1/reports/06?${PERIOD}&agency=${agencyId}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toEqual([{ field: 'viec-lam', fieldName: 'Việc làm', ...FEBRUARY }]);
    expect(body.totals).toEqual(FEBRUARY);
    expect(body.problems).toEqual([]);
  });

  it('exports the same numbers under the official headings as XLSX', async () => {
    const res = await leader.request({ url: `/api/v1/reports/06?${PERIOD}&agency=${agencyId}&format=xlsx` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const text = (r: number, c: number) => String(sheet.getCell(r, c).value ?? '');
    expect(text(1, 1)).toBe('Biểu số 06/VPCP/KSTT');
    expect(text(3, 1)).toBe('Kỳ báo cáo: từ ngày 01/02/2026 đến ngày 28/02/2026');
    // The official headings, at the cell each starts in (row below the title block, column).
    const headings: [number, number, string][] = [
      [0, 1, 'STT'],
      [0, 2, 'Lĩnh vực giải quyết'],
      [0, 3, 'Số hồ sơ nhận giải quyết'],
      [0, 7, 'Kết quả giải quyết'],
      [1, 3, 'Tổng số'],
      [1, 4, 'Trong kỳ'],
      [1, 6, 'Từ kỳ trước chuyển sang'],
      [1, 7, 'Số hồ sơ đã giải quyết'],
      [1, 11, 'Số hồ sơ đang giải quyết'],
      [1, 14, 'Từ chối giải quyết'],
      [1, 15, 'Rút hồ sơ'],
      [1, 16, 'Dừng giải quyết'],
      [2, 4, 'Trực tuyến'],
      [2, 5, 'Trực tiếp, dịch vụ bưu chính'],
      [2, 7, 'Tổng số'],
      [2, 8, 'Trước hạn'],
      [2, 9, 'Đúng hạn'],
      [2, 10, 'Quá hạn'],
      [2, 11, 'Tổng số'],
      [2, 12, 'Trong hạn'],
      [2, 13, 'Quá hạn'],
    ];
    expect(headings.map(([r, c]) => [r, c, text(HEADING_ROW + r, c)])).toEqual(headings);
    const numbered = HEADING_ROW + 3;
    expect(text(numbered, 3)).toBe('(3)');
    const numbers = (r: number) => Array.from({ length: 14 }, (_, i) => sheet.getCell(r, i + 3).value);
    expect(text(numbered + 1, 2)).toBe('Việc làm');
    expect(numbers(numbered + 1)).toEqual(Object.values(FEBRUARY));
    expect(text(numbered + 2, 2)).toBe('Tổng cộng');
    expect(numbers(numbered + 2)).toEqual(Object.values(FEBRUARY));
  });

  it('lists behind a cell exactly the dossiers counted in it', async () => {
    const drill = async (column: string, extra = '') => {
      const res = await leader.request({
        url: `/api/v1/reports/06/dossiers?${PERIOD}&agency=${agencyId}&column=${column}${extra}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(body.items.length);
      return body.items.map((d: { code: string }) => previous.get(d.code)).sort();
    };
    expect(await drill('pendingOverdue')).toEqual(['T02', 'T08']);
    expect(await drill('resolvedLate', '&field=viec-lam')).toEqual(['T01', 'T06']);
    expect(await drill('withdrawn')).toEqual(['T11', 'T13']);
    expect(await drill('receivedOnline', '&channel=online')).toEqual(['T07', 'T14']);
    expect(await drill('receivedDirect', '&channel=online')).toEqual([]);
  });

  it('answers the drill-down only to those who read the report, and only for a column of it', async () => {
    const url = (extra: string) => `/api/v1/reports/06/dossiers?${PERIOD}&agency=${agencyId}${extra}`;
    expect((await t.app.inject({ url: url('&column=refused') })).statusCode).toBe(401);
    const citizen = t.client();
    expect((await citizen.login('congdan')).statusCode).toBe(200);
    expect((await citizen.request({ url: url('&column=refused') })).statusCode).toBe(403);
    const unknown = `/api/v1/reports/06/dossiers?${PERIOD}&agency=00000000-0000-4000-8000-000000000000&column=refused`;
    expect((await leader.request({ url: unknown })).json()).toMatchObject({
      status: 404,
      code: 'report_agency_not_found',
    });
    expect((await leader.request({ url: url('&column=rows') })).statusCode).toBe(400);
    const paged = (await leader.request({ url: url('&column=receivedTotal&pageSize=5&page=3') })).json();
    expect(paged).toMatchObject({ total: 13, page: 3, pageSize: 5 });
    expect(paged.items).toHaveLength(3);
  });
});
