import { type Index766IndicatorView, type Index766Response, vietnamDateOf } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_FORMER_LABOUR_AGENCY_CODE } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { act, type Office, openOffice, receiveDossier, resolve, workPermit } from './support/report06.ts';
import { otherAgencyLeader } from './support/staff.ts';

/**
 * The Decision 766 index of May 2026 for a small office driven through the engine. The procedure
 * is "Cấp lại giấy phép lao động", 3 working days; 30/04 and 01/05 are holidays. Times are Vietnam time.
 */

const at = (local: string) => new Date(`${local}:00+07:00`);

describe.each(engines)('Decision 766 index on %s', (engine) => {
  let t: TestApp;
  let o: Office;
  let leader: TestClient;
  let admin: TestClient;
  let outsider: TestClient;

  const index = async (query: string, who: TestClient = leader) => {
    const res = await who.request({ url: `/api/v1/reports/766?agency=${o.agencyId}&${query}` });
    return { status: res.statusCode, body: res.json() as Index766Response };
  };
  const one = (r: Index766Response, code: string) => r.indicators.find((i) => i.code === code)!;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    o = await openOffice(t.db, t.ctx);
    const permit = await workPermit(o);
    leader = t.client();
    admin = t.client();
    expect((await leader.login('lanhdao')).statusCode).toBe(200);
    expect((await admin.login('admin')).statusCode).toBe(200);
    outsider = await otherAgencyLeader(t);

    const receive = async (when: string, channel: 'counter' | 'online' = 'counter') => {
      o.at(at(when));
      const id = await receiveDossier(o, permit, channel);
      if (channel === 'online') {
        o.at(new Date(at(when).getTime() + 3_600_000));
        const checklist = permit.documents.map((document) => ({ document, received: true }));
        expect(await act(o, id, 'receive', { checklist })).toBeNull();
      }
      return id;
    };
    const resolveAt = async (id: string, when: string, outcome: 'granted' | 'refused' = 'granted') => {
      o.at(at(when));
      await resolve(o, id, outcome);
    };
    // F: received 28/04, due 05/05 (30/04-03/05 off), resolved 04/05: carried over, early.
    await resolveAt(await receive('2026-04-28T09:00'), '2026-05-04T10:00');
    // A: early. B: due 08/05, resolved 12/05: late. C: online, due 14/05, resolved 13/05: early.
    await resolveAt(await receive('2026-05-04T09:00'), '2026-05-05T10:00');
    await resolveAt(await receive('2026-05-05T09:00'), '2026-05-12T10:00');
    await resolveAt(await receive('2026-05-11T08:00', 'online'), '2026-05-13T10:00');
    // D: online, due 25/05, still open: overdue at the end of May. E: due 01/06: in time.
    await receive('2026-05-20T08:00', 'online');
    await receive('2026-05-27T09:00');
    // G: a refusal with reasons: received in May, but neither resolved nor open.
    await resolveAt(await receive('2026-05-14T09:00'), '2026-05-15T10:00', 'refused');
  }, 120_000);
  afterAll(() => t.close());

  it('scores 2.1 and 3.3 from the month’s dossiers', async () => {
    const { status, body } = await index('period=month&year=2026&index=5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-05-01', to: '2026-05-31', period: 'month', index: 5 });
    // 2.1: early F, A, C + D, E open of which E in time = 4, over resolved 4 + open 2 = 6.
    expect(one(body, '2.1')).toMatchObject({
      status: 'measured',
      numerator: 4,
      denominator: 6,
      rate: 66.67,
      target: 100,
      points: 20,
      score: 13.33,
    });
    // 3.3: C and D online of A, B, C, D, E, G received in May (F was carried over): 33.33% of 50%.
    expect(one(body, '3.3')).toMatchObject({
      numerator: 2,
      denominator: 6,
      rate: 33.33,
      target: 50,
      score: 4,
    });
    // 5.4: 100% − (B late of 4 resolved + no negative rating or complaint) = 75% of 90% → 5 of 6.
    expect(one(body, '5.4')).toMatchObject({
      status: 'measured',
      numerator: 3,
      denominator: 4,
      rate: 75,
      score: 5,
    });
    expect(one(body, '2.1').explanation.vi).toContain('Biểu số 06');
  });

  it('counts one unit of the agency when asked, and no unit of another', async () => {
    const [quiet] = await t.db.query<{ id: string }>(
      `SELECT id FROM org_unit u WHERE agency_id = $1 AND id <> $1
          AND NOT EXISTS (SELECT 1 FROM dossier_counter c WHERE c.unit_id = u.id) LIMIT 1`,
      [o.agencyId],
    );
    const none = await index(`period=month&year=2026&index=5&unit=${quiet!.id}`);
    // Nothing received or handled there in May: 2.1 and 3.3 are not measured, never zero.
    expect(one(none.body, '2.1')).toMatchObject({ status: 'notMeasured' });
    expect(none.body.unit?.id).toBe(quiet!.id);
    expect(one(none.body, '3.3')).toMatchObject({ status: 'notMeasured' });
    const former = (await getUnitByCode(t.db, DEMO_FORMER_LABOUR_AGENCY_CODE))!;
    expect((await index(`period=month&year=2026&index=5&unit=${former.id}`)).status).toBe(404);
  });

  it('states what it does not measure, with why, outside the measured maximum', async () => {
    const { body } = await index('period=month&year=2026&index=5');
    const notMeasured = body.indicators.filter((i) => i.status === 'notMeasured');
    expect(notMeasured.map((i) => i.code)).toEqual(
      expect.arrayContaining(['1.1', '1.2', '1.4', '3.5', '3.6', '4.3', '4.4', '5.2', '5.3']),
    );
    const payment = one(body, '3.5') as Extract<Index766IndicatorView, { status: 'notMeasured' }>;
    // Payment is measured from the fee tables now; with no fee in the period there is nothing to count.
    expect(payment.reason.vi).not.toBe('Hệ thống chưa quản lý thanh toán trực tuyến');
    expect(payment).not.toHaveProperty('score');
    const progress = body.groups.find((g) => g.group === 'progress')!;
    expect(progress).toMatchObject({ maxPoints: 20, measuredMax: 20, score: 13.33, unmeasuredPoints: 0 });
    expect(body.total.maxPoints).toBe(100);
    expect(body.total.measuredMax + body.total.unmeasuredPoints).toBe(100);
  });

  it('counts 3.1 from the catalogue in force, and the running month to today', async () => {
    const today = vietnamDateOf(t.ctx.now());
    const [y, m] = today.split('-').map(Number);
    const { body } = await index(`period=month&year=${y}&index=${m}`);
    expect(body.to).toBe(today);
    const [count] = await t.db.query<{ all: number; online: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE online_level <> 'none')::int AS online
         FROM procedure WHERE agency_id = $1 AND status IN ('in_force', 'amended')`,
      [o.agencyId],
    );
    expect(one(body, '3.1')).toMatchObject({
      status: 'measured',
      numerator: count!.online,
      denominator: count!.all,
    });
  });

  it('scores with the targets and points an administrator sets, and audits the change', async () => {
    const put = (agencyId: string | null, overrides: unknown[]) =>
      admin.request({
        method: 'PUT',
        url: '/api/v1/admin/index766/targets',
        payload: { agencyId, year: 2026, overrides },
      });
    expect((await put(null, [{ code: '3.3', target: 40, points: 8 }])).statusCode).toBe(200);
    // 33.33% of 40% × 8 points.
    expect(one((await index('period=month&year=2026&index=5')).body, '3.3')).toMatchObject({
      target: 40,
      points: 8,
      score: 6.67,
    });
    const own = await put(o.agencyId, [{ code: '3.3', target: null, points: 10 }]);
    expect(own.statusCode).toBe(200);
    expect(own.json().indicators.find((i: { code: string }) => i.code === '3.3')).toMatchObject({
      target: 40,
      points: 10,
      override: { target: null, points: 10 },
    });
    expect(one((await index('period=month&year=2026&index=5')).body, '3.3')).toMatchObject({ score: 8.33 });
    // Another year keeps the defaults.
    expect(one((await index('period=year&year=2025')).body, '3.3')).toMatchObject({ target: 50, points: 6 });
    const audit = await t.db.query<{ action: string; subject_id: string }>(
      `SELECT action, subject_id FROM admin_audit WHERE action = 'index766.targets_set' ORDER BY id`,
    );
    expect(audit.map((a) => a.subject_id)).toEqual(['national', o.agencyId]);
    // A leader reads the index but may not set its targets.
    const byLeader = await leader.request({
      method: 'PUT',
      url: '/api/v1/admin/index766/targets',
      payload: { agencyId: o.agencyId, year: 2026, overrides: [] },
    });
    expect(byLeader.statusCode).toBe(403);
    expect((await put(o.agencyId, [{ code: '3.3', target: 0, points: 1 }])).statusCode).toBe(422);
    const twice = [
      { code: '2.1', target: 90, points: null },
      { code: '2.1', target: 80, points: null },
    ];
    expect((await put(o.agencyId, twice)).statusCode).toBe(422);
  });

  it('shows an agency’s index only to staff with a role on it', async () => {
    expect((await index('period=month&year=2026&index=5', outsider)).status).toBe(403);
    const citizen = t.client();
    await citizen.login('congdan');
    expect((await index('period=month&year=2026&index=5', citizen)).status).toBe(403);
    const anonymous = await t.app.inject({ url: `/api/v1/reports/766?agency=${o.agencyId}` });
    expect(anonymous.statusCode).toBe(401);
    expect((await index('period=quarter&year=2026&index=5')).status).toBe(400);
  });
});
