import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';

describe.each(engines)('calendar API on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  const get = (url: string) => t.app.inject({ url });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = t.client();
    await admin.login('admin');
  });
  afterAll(() => t.close());

  it('lists the 2026 days off with their kinds, including the announced Tết break and the make-up Saturday', async () => {
    const res = await get('/api/v1/calendar/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { date: string; name: string; kind: string }[];
    const kinds = new Map(items.map((i) => [i.date, i.kind]));
    expect(kinds.get('2026-01-01')).toBe('holiday');
    expect(kinds.get('2026-02-17')).toBe('holiday'); // mùng 1 Tết Bính Ngọ
    // 29 tháng Chạp falls on Sunday 15 Feb: its Nghỉ bù is Friday 20 Feb (Tết = last two days + first three).
    expect(kinds.get('2026-02-15')).toBe('holiday');
    expect(kinds.get('2026-02-20')).toBe('compensatory');
    expect(kinds.get('2026-04-26')).toBe('holiday'); // Giỗ Tổ, 10/3 âm lịch, a Sunday
    expect(kinds.get('2026-04-27')).toBe('compensatory');
    expect(kinds.get('2026-08-22')).toBe('override-working');
    expect(kinds.get('2026-08-31')).toBe('override-off');
    expect(items.find((i) => i.date === '2026-02-17')!.name).toBe('Tết Nguyên đán');
  });

  it('computes due dates across weekends, Tết and the make-up Saturday', async () => {
    const due = async (from: string, n: number) =>
      (await get(`/api/v1/calendar/due?from=${encodeURIComponent(from)}&workingDays=${n}`)).json().due;
    // Friday 13 Feb 2026, 09:00: the next working day is Monday 23 Feb.
    await expect(due('2026-02-13T09:00:00+07:00', 1)).resolves.toBe('2026-02-23T02:00:00.000Z');
    // Friday 21 Aug 2026, 10:00, one working day: Saturday 22 Aug is worked.
    expect(await due('2026-08-21T10:00:00+07:00', 1)).toBe('2026-08-22T03:00:00.000Z');
    // After the afternoon cut-off: counting starts the next working day, due at its end.
    expect(await due('2026-03-02T16:00:00+07:00', 3)).toBe('2026-03-05T10:00:00.000Z');
  });

  it('reads a bare date or a time without offset as Vietnam time', async () => {
    const due = async (from: string) =>
      (await get(`/api/v1/calendar/due?from=${encodeURIComponent(from)}&workingDays=3`)).json().due;
    const explicit = await due('2027-02-03T09:00:00+07:00');
    // Wednesday before Tết Đinh Mùi (Thu 4 - Mon 8 Feb, Nghỉ bù 9-10 Feb): 11, 12 and 15 Feb.
    expect(explicit).toBe('2027-02-15T02:00:00.000Z');
    expect(await due('2027-02-03T09:00')).toBe(explicit);
    // A bare date is received before opening: 3, 11 and 12 Feb are the three whole days, due at 17:00.
    expect(await due('2027-02-03')).toBe('2027-02-12T10:00:00.000Z');
  });

  it('explains a wrong number, a wrong time and a date beyond the calendar in the reader’s language', async () => {
    const ask = (query: string, lang = 'vi') =>
      t.app.inject({ url: `/api/v1/calendar/due?${query}`, headers: { 'accept-language': lang } });
    const half = await ask('from=2027-02-04&workingDays=1.5');
    expect(half.statusCode).toBe(400);
    expect(half.json().errors).toEqual([
      { path: 'workingDays', message: 'Số ngày làm việc (workingDays): phải là số nguyên' },
    ]);
    const notADay = await ask('from=2027-02-30&workingDays=1', 'en');
    expect(notADay.statusCode).toBe(400);
    expect(notADay.json().errors).toEqual([
      {
        path: 'from',
        message: expect.stringMatching(/^From \(from\): must be YYYY-MM-DD, YYYY-MM-DDTHH:mm/),
      },
    ]);
    const beyond = await ask('from=2199-12-20T09:00:00%2B07:00&workingDays=30');
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().code).toBe('date_out_of_range');
    expect(beyond.json().detail).toContain('1900–2199');
    const lastDay = await t.app.inject({ url: '/api/v1/calendar/working-day?date=2200-01-01' });
    expect(lastDay.statusCode).toBe(422);
    expect(lastDay.json().code).toBe('date_out_of_range');
  });

  it('rejects impossible questions with a 4xx', async () => {
    expect((await get('/api/v1/calendar/holidays?year=1800')).statusCode).toBe(400);
    expect((await get('/api/v1/calendar/holidays?year=abc')).statusCode).toBe(400);
    expect((await get('/api/v1/calendar/due?from=yesterday&workingDays=3')).statusCode).toBe(400);
    expect((await get('/api/v1/calendar/due?from=2026-01-01T00:00:00Z&workingDays=-1')).statusCode).toBe(400);
    expect(
      (await get('/api/v1/calendar/holidays?year=2026&agency=00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('lets an administrator announce a day off for an agency, which then moves its due dates', async () => {
    const agencies = (await get('/api/v1/agencies')).json().items as { id: string }[];
    const agency = agencies[0]!.id;
    const before = (
      await get(`/api/v1/calendar/due?from=2026-03-09T09:00:00%2B07:00&workingDays=1&agency=${agency}`)
    ).json().due;
    expect(before).toBe('2026-03-10T02:00:00.000Z');
    const put = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/overrides',
      payload: {
        agencyId: agency,
        year: 2026,
        overrides: [{ date: '2026-03-10', kind: 'off', name: 'Nghỉ theo thông báo của cơ quan' }],
      },
    });
    expect(put.statusCode).toBe(200);
    const after = (
      await get(`/api/v1/calendar/due?from=2026-03-09T09:00:00%2B07:00&workingDays=1&agency=${agency}`)
    ).json().due;
    expect(after).toBe('2026-03-11T02:00:00.000Z');
    const national = (await get('/api/v1/calendar/due?from=2026-03-09T09:00:00%2B07:00&workingDays=1')).json()
      .due;
    expect(national).toBe(before);
    const wrongYear = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/overrides',
      payload: { agencyId: agency, year: 2026, overrides: [{ date: '2027-01-04', kind: 'off', name: 'x' }] },
    });
    expect(wrongYear.statusCode).toBe(422);
    expect(wrongYear.json().errors[0].path).toBe('overrides[0].date');
  });

  it('publishes an agency’s working week with its days off, so pages count time as the server does', async () => {
    const agency = ((await get('/api/v1/agencies')).json().items as { id: string }[])[0]!.id;
    const national = (await get('/api/v1/calendar/holidays?year=2026')).json().workingWeek;
    expect(national.workingPeriods).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    const put = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/calendar/settings/${agency}`,
      payload: {
        weeklyDaysOff: ['sunday'],
        workingPeriods: [
          { start: '07:00', end: '11:00' },
          { start: '13:00', end: '17:00' },
        ],
        afternoonCutoff: '16:00',
        supplementLimitDays: 15,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const own = (await get(`/api/v1/calendar/holidays?year=2026&agency=${agency}`)).json().workingWeek;
    expect(own).toEqual({
      weeklyDaysOff: ['sunday'],
      workingPeriods: [
        { start: '07:00', end: '11:00' },
        { start: '13:00', end: '17:00' },
      ],
      afternoonCutoff: '16:00',
    });
  });

  it('says which years’ Tết is announced: 2025 and 2026 confirmed, 2027 computed until an administrator confirms it', async () => {
    const y2026 = (await get('/api/v1/calendar/holidays?year=2026')).json();
    expect(y2026.tet.status).toBe('announced');
    expect(y2026.tetAnnouncedYears).toEqual([2025, 2026]);
    const y2027 = (await get('/api/v1/calendar/holidays?year=2027')).json();
    expect(y2027.tet).toMatchObject({
      status: 'computed',
      days: ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
    });
    const confirm = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/tet/2027',
      payload: { announced: true },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await get('/api/v1/calendar/holidays?year=2027')).json().tet.status).toBe('announced');
    const undo = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/tet/2027',
      payload: { announced: false },
    });
    expect(undo.statusCode).toBe(200);
    expect((await get('/api/v1/calendar/holidays?year=2027')).json().tet.status).toBe('computed');
  });

  it('carries the 2025 announcement and flags the press-reported 2026 New Year swap for confirmation', async () => {
    const items2025 = (await get('/api/v1/calendar/holidays?year=2025')).json().items as {
      date: string;
      kind: string;
    }[];
    const k2025 = new Map(items2025.map((i) => [i.date, i.kind]));
    expect(k2025.get('2025-04-26')).toBe('override-working');
    expect(k2025.get('2025-05-02')).toBe('override-off');
    expect(k2025.get('2025-01-27')).toBe('holiday');
    expect(k2025.get('2025-02-03')).toBeUndefined();
    const items2026 = (await get('/api/v1/calendar/holidays?year=2026')).json().items as {
      date: string;
      toConfirm: boolean;
    }[];
    const flagged = items2026.filter((i) => i.toConfirm).map((i) => i.date);
    expect(flagged).toEqual(['2026-01-02', '2026-01-10']);
  });

  it('stores an agency’s readings of Decision 766, the rule’s own words by default', async () => {
    const agency = ((await get('/api/v1/agencies')).json().items as { id: string }[])[0]!.id;
    const before = await admin.request({ url: `/api/v1/admin/calendar?year=2026&agency=${agency}` });
    // Settings saved without the readings (an earlier test) keep Decision 766's own words.
    expect(before.json().settings).toMatchObject({ endComparison: 'day', extensionNotice: 'date' });
    const body = {
      weeklyDaysOff: ['saturday', 'sunday'],
      workingPeriods: [{ start: '07:30', end: '17:00' }],
      afternoonCutoff: '15:00',
      supplementLimitDays: 15,
      endComparison: 'instant',
      extensionNotice: 'instant',
    };
    const put = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/calendar/settings/${agency}`,
      payload: body,
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await admin.request({ url: `/api/v1/admin/calendar?year=2026&agency=${agency}` });
    expect(after.json().settings).toMatchObject({ endComparison: 'instant', extensionNotice: 'instant' });
    // Saving the working hours alone, as an older page does, keeps the readings.
    const { endComparison: _e, extensionNotice: _x, ...hoursOnly } = body;
    await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/calendar/settings/${agency}`,
      payload: hoursOnly,
    });
    const kept = await admin.request({ url: `/api/v1/admin/calendar?year=2026&agency=${agency}` });
    expect(kept.json().settings).toMatchObject({ endComparison: 'instant', extensionNotice: 'instant' });
    const bad = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/calendar/settings/${agency}`,
      payload: { ...body, endComparison: 'week' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('endComparison');
  });

  it('keeps calendar administration to administrators', async () => {
    const c = t.client();
    await c.login('chuyenvien');
    const res = await c.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/overrides',
      payload: { agencyId: null, year: 2026, overrides: [] },
    });
    expect(res.statusCode).toBe(403);
  });
});
