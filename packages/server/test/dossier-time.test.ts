/**
 * What the dossier page and the queue say about time comes from core's read model: a dossier
 * waiting for its one supplement is paused and in time however long it waits, one past its
 * appointment is overdue, and the queue's overdue filter agrees with the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, saveSettings } from '../src/calendar/store.ts';
import { refreshTimeFacts } from '../src/dossiers/time-facts.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';

describe.each(engines)('the time a dossier page shows on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let waiting: { id: string };
  let late: { id: string };

  const act = async (who: string, d: { id: string; version: number }, action: string, input = {}) => {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const detail = async (id: string) => (await c.lanhdao!.request({ url: `/api/v1/dossiers/${id}` })).json();
  const overdueQueue = async () =>
    (
      (await c.lanhdao!.request({ url: '/api/v1/dossiers?overdue=true&pageSize=100' })).json().items as {
        id: string;
      }[]
    ).map((i) => i.id);

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['tiepnhan', 'chuyenvien', 'lanhdao'], c);
    const procedure = await workPermitProcedure(t);
    const receive = async () => {
      const res = await receiveAtCounter(c.tiepnhan!, procedure, 'Lê Thị Hoa');
      let d = res.json();
      if (procedure.steps[0]?.role === 'counter_officer') d = await act('tiepnhan', d, 'forward_step');
      return d;
    };
    waiting = await act('chuyenvien', await receive(), 'request_supplement', {
      items: [{ description: 'Phiếu lý lịch tư pháp', reason: 'Bản nộp đã quá 6 tháng' }],
    });
    late = await receive();
    // Two months on: well past both appointments.
    t.advance(60 * 86_400_000);
    for (const user of Object.keys(c)) await c[user]!.login(user);
  });
  afterAll(() => t.close());

  it('a dossier waiting for its one supplement shows paused, in time, with no time left counted', async () => {
    const d = await detail(waiting.id);
    expect(d.timeliness).toBe('in_time');
    expect(d.time).toMatchObject({
      clock: 'stopped',
      timeliness: 'in_time',
      atRisk: false,
      remaining: null,
      pause: { kind: 'supplement', clockRuns: false },
      overdueFrom: null,
    });
    expect(d.time.pause.limitAt).toBeTruthy();
    expect(d.forms).toContain('02');
    expect(await overdueQueue()).not.toContain(waiting.id);
  });

  it('a dossier past its appointment shows overdue, by how many working days, and is in the overdue queue', async () => {
    const d = await detail(late.id);
    expect(d.timeliness).toBe('overdue');
    expect(d.time).toMatchObject({ clock: 'running', timeliness: 'overdue', atRisk: false, pause: null });
    expect(d.time.remaining.workingMinutes).toBeLessThan(0);
    // Two months hold about 42 weekdays; the holidays of the season (Tết: up to 9) and the processing time come off.
    expect(d.time.remaining.days).toBeGreaterThan(15);
    expect(new Date(d.time.overdueFrom).getTime()).toBeLessThan(t.ctx.now().getTime());
    expect(d).not.toHaveProperty('remaining');
    expect(await overdueQueue()).toContain(late.id);
    const row = (await c.lanhdao!.request({ url: `/api/v1/dossiers?overdue=true&pageSize=100` }))
      .json()
      .items.find((i: { id: string }) => i.id === late.id);
    expect(row.time).toMatchObject({ timeliness: 'overdue', clock: 'running' });
  });

  it('rows written before the time-fact columns existed get them from core at start', async () => {
    await t.db.query('UPDATE dossier SET overdue_from = NULL, at_risk_from = NULL, time_facts_stale = true');
    expect(await overdueQueue()).not.toContain(late.id);
    await t.db.transaction((tx) => refreshTimeFacts(tx, 'stale'));
    expect(await overdueQueue()).toContain(late.id);
    expect(await overdueQueue()).not.toContain(waiting.id);
  });

  it("an agency that switches to comparing instants has its open dossiers' overdue instant moved at once", async () => {
    const d = await detail(late.id);
    const factOf = async () =>
      (await t.db.query<{ at: Date }>('SELECT overdue_from AS at FROM dossier WHERE id = $1', [late.id]))[0]!
        .at;
    // By day (the default): from the midnight, in Vietnam, that ends the appointment day.
    expect(new Date(await factOf()).getTime() % 86_400_000).toBe(17 * 3_600_000);
    const calendar = await loadCalendar(t.db, d.agencyId);
    await t.db.transaction((tx) =>
      saveSettings(
        tx,
        d.agencyId,
        {
          weeklyDaysOff: [...calendar.config.weeklyDaysOff],
          workingPeriods: [...calendar.config.workingPeriods],
          afternoonCutoff: calendar.config.afternoonCutoff,
          supplementLimitDays: calendar.supplementLimitDays,
          endComparison: 'instant',
          extensionNotice: 'date',
        },
        null,
        t.ctx.now(),
      ),
    );
    expect(new Date(await factOf()).getTime()).toBe(new Date(d.dueAt).getTime() + 1);
  });
});
