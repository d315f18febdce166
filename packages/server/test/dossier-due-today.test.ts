/**
 * "Due today" on the home and in the queue reads core's time facts, not the appointment column
 * alone: on the appointment day a dossier whose clock runs is due today, and one waiting for its
 * supplement (whose clock is stopped, as its page says) is not, though its appointment is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';

const VN = 7 * 3_600_000;
const DAY = 86_400_000;

describe.each(engines)('dossiers due today on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let running: { id: string; time: { dueAt: string } };
  let waiting: { id: string };

  const act = async (who: string, d: { id: string; version: number }, action: string, input = {}) => {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['tiepnhan', 'chuyenvien'], c);
    const procedure = await workPermitProcedure(t);
    const receive = async () => {
      const res = await receiveAtCounter(c.tiepnhan!, procedure, 'Phạm Văn Nam');
      let d = res.json();
      if (procedure.steps[0]?.role === 'counter_officer') d = await act('tiepnhan', d, 'forward_step');
      return d;
    };
    running = await receive();
    waiting = await act('chuyenvien', await receive(), 'request_supplement', {
      items: [{ description: 'Giấy khám sức khỏe', reason: 'Bản nộp đã quá 12 tháng' }],
    });
    // To the first minute of the appointment day, in Vietnam.
    const due = Date.parse(running.time.dueAt);
    const dayStart = Math.floor((due + VN) / DAY) * DAY - VN;
    t.advance(dayStart + 60_000 - t.ctx.now().getTime());
    for (const user of Object.keys(c)) await c[user]!.login(user);
  });
  afterAll(() => t.close());

  const dueTodayQueue = async () =>
    (
      await c.chuyenvien!.request({ url: '/api/v1/dossiers?dueToday=true&open=true&pageSize=100' })
    ).json() as {
      total: number;
      items: { id: string }[];
    };

  it('counts the dossier whose clock runs, not the one waiting for its supplement, on the appointment day', async () => {
    const detail = (await c.chuyenvien!.request({ url: `/api/v1/dossiers/${waiting.id}` })).json();
    // The same appointment day, but its page says the clock is stopped and counts no time left.
    expect(detail.time.dueAt.slice(0, 10)).toBe(running.time.dueAt.slice(0, 10));
    expect(detail.time).toMatchObject({ clock: 'stopped', remaining: null, pause: { kind: 'supplement' } });

    const queue = await dueTodayQueue();
    const ids = queue.items.map((i) => i.id);
    expect(ids).toContain(running.id);
    expect(ids).not.toContain(waiting.id);

    const summary = (await c.chuyenvien!.request({ url: '/api/v1/dossiers/summary' })).json();
    const dueToday = summary.items.find((i: { key: string }) => i.key === 'dueToday');
    expect(dueToday.count).toBe(queue.total);
  });
});
