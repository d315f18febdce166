import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../src/dossiers/service.ts';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_SERVICE_CENTRE_CODE } from '../src/seed/organisation-data.ts';
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
 * The leaders' dashboard and the public board of a small office built through the engine, read
 * from the counters Biểu 06 reads. The procedure is "Cấp lại giấy phép lao động", 3 working days.
 * The dashboard's clock stands at Wed 22/04/2026 10:00 (Vietnam time).
 */

const at = (local: string) => new Date(`${local}:00+07:00`);
const vnDay = (iso: string | null) => new Date(Date.parse(iso!) + 7 * 3_600_000).toISOString().slice(0, 10);
const APPLICANT = { name: 'Nguyễn Thị Lan', idNumber: '079203001234' };

describe.each(engines)('dashboards on %s', (engine) => {
  let t: TestApp;
  let o: Office;
  let leader: TestClient;
  let outsider: TestClient;
  let citizen: TestClient;
  let centreId: string;
  const codes: Record<string, string> = {};

  const dashboard = (query: string, who: TestClient = leader) =>
    who.request({ url: `/api/v1/dashboards/leader?agency=${o.agencyId}&${query}` });

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    t.advance(at('2026-04-22T10:00').getTime() - t.ctx.now().getTime());
    o = await openOffice(t.db, t.ctx);
    centreId = (await getUnitByCode(t.db, DEMO_SERVICE_CENTRE_CODE))!.id;
    const permit = await workPermit(o);
    const other = o.procedures.find((p) => p.fieldCode !== 'viec-lam')!;
    leader = t.client();
    citizen = t.client();
    expect((await leader.login('lanhdao')).statusCode).toBe(200);
    outsider = await otherAgencyLeader(t);
    expect((await citizen.login('congdan')).statusCode).toBe(200);

    const receive = async (when: string, channel: 'counter' | 'post' = 'counter', p = permit) => {
      o.at(at(when));
      return receiveDossier(o, p, channel);
    };
    const resolveAt = async (id: string, when: string) => {
      o.at(at(when));
      await resolve(o, id);
    };
    // D0: December 2025, resolved then: in no figure of 2026.
    await resolveAt(await receive('2025-12-01T09:00'), '2025-12-02T10:00');
    // D1: Mon 02/03, at the service centre's counter, resolved the next day: early.
    await resolveAt(await receive('2026-03-02T09:00'), '2026-03-03T10:00');
    // D2: online, accepted Tue 10/03 (received at the service centre), resolved on its appointment day: on time.
    o.at(at('2026-03-10T08:00'));
    const d2 = await receiveDossier(o, permit, 'online');
    o.at(at('2026-03-10T09:00'));
    expect(
      await act(o, d2, 'receive', {
        checklist: permit.documents.map((document) => ({ document, received: true })),
      }),
    ).toBeNull();
    const d2Due = vnDay((await snapshotOf(o, d2)).dueAt);
    expect(d2Due).toBe('2026-03-13');
    await resolveAt(d2, `${d2Due}T16:30`);
    // D3: Mon 16/03 at the agency's own desk, resolved 30/03: late.
    o.at(at('2026-03-16T09:00'));
    const d3 = await o.ctx.db.transaction((tx) =>
      createDossier(
        o.ctx,
        tx,
        {
          procedureId: permit.id,
          channel: 'counter',
          receivingUnitId: o.agencyId,
          applicant: APPLICANT,
          applicantUserId: null,
          decision: 'receive',
          checklist: permit.documents.map((document) => ({ document, received: true })),
        },
        o.staff,
      ),
    );
    await resolveAt(d3.record.id, '2026-03-30T10:00');
    // D4: another field, Mon 06/04, resolved the same day: early.
    await resolveAt(await receive('2026-04-06T09:00', 'counter', other), '2026-04-06T16:00');
    // D5: by post Mon 20/04, due Thu 23/04, open: at risk on 22/04, overdue by 30/04.
    const d5 = await receive('2026-04-20T09:00', 'post');
    expect(vnDay((await snapshotOf(o, d5)).dueAt)).toBe('2026-04-23');
    // D6: Thu 09/04, due Tue 14/04, open: overdue.
    const d6 = await receive('2026-04-09T09:00');
    for (const [name, id] of [
      ['d5', d5],
      ['d6', d6],
    ] as const)
      codes[name] = (
        await t.db.query<{ code: string }>('SELECT code FROM dossier WHERE id = $1', [id])
      )[0]!.code;
  }, 120_000);
  afterAll(() => t.close());

  it('shows received by channel and resolved early, on time and late per month, with the on-time rate', async () => {
    const res = await dashboard('from=2026-03-01&to=2026-04-30&granularity=month');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.series).toEqual([
      {
        key: '2026-03-01',
        from: '2026-03-01',
        to: '2026-03-31',
        receivedOnline: 1,
        receivedDirect: 2,
        resolvedEarly: 1,
        resolvedOnTime: 1,
        resolvedLate: 1,
        resolvedTotal: 3,
        onTimeRate: 66.7,
      },
      {
        key: '2026-04-01',
        from: '2026-04-01',
        to: '2026-04-30',
        receivedOnline: 0,
        receivedDirect: 3,
        resolvedEarly: 1,
        resolvedOnTime: 0,
        resolvedLate: 0,
        resolvedTotal: 1,
        onTimeRate: 100,
      },
    ]);
    expect(body.totals).toEqual({
      receivedTotal: 6,
      receivedOnline: 1,
      receivedDirect: 5,
      resolvedTotal: 4,
      resolvedEarly: 2,
      resolvedOnTime: 1,
      resolvedLate: 1,
      pendingOverdue: 2,
      onTimeRate: 75,
      onlineShare: 16.7,
    });
  });

  it('cuts weeks at Mondays and at the period’s ends', async () => {
    const body = (await dashboard('from=2026-03-01&to=2026-04-30&granularity=week')).json();
    expect(body.series).toHaveLength(10);
    expect(body.series[0]).toMatchObject({ key: '2026-02-23', from: '2026-03-01', to: '2026-03-01' });
    expect(body.series[1]).toMatchObject({
      key: '2026-03-02',
      to: '2026-03-08',
      receivedDirect: 1,
      resolvedEarly: 1,
    });
    expect(body.series[2]).toMatchObject({ key: '2026-03-09', receivedOnline: 1, resolvedOnTime: 1 });
    expect(body.series.at(-1)).toMatchObject({ key: '2026-04-27', from: '2026-04-27', to: '2026-04-30' });
  });

  it('splits by field, by receiving unit and by channel', async () => {
    const body = (await dashboard('from=2026-03-01&to=2026-04-30')).json();
    const fields = Object.fromEntries(body.byField.map((r: { key: string }) => [r.key, r]));
    expect(fields['viec-lam']).toMatchObject({
      name: 'Việc làm',
      receivedTotal: 5,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedLate: 1,
      pendingOverdue: 2,
      onTimeRate: 66.7,
    });
    expect(body.byField).toHaveLength(2);
    const units = Object.fromEntries(body.byUnit.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(units).sort()).toEqual([o.agencyId, centreId].sort());
    expect(units[centreId]).toMatchObject({
      receivedTotal: 5,
      resolvedTotal: 3,
      onTimeRate: 100,
      receivedOnline: 1,
    });
    expect(units[o.agencyId]).toMatchObject({
      receivedTotal: 1,
      resolvedLate: 1,
      onTimeRate: 0,
      onlineShare: 0,
    });
    expect(units[o.agencyId].name).toBe('Sở Nội vụ');
    expect(body.byChannel).toEqual([
      { channel: 'online', received: 1, share: 16.7 },
      { channel: 'counter', received: 4, share: 66.7 },
      { channel: 'post', received: 1, share: 16.7 },
    ]);
  });

  it('lists the overdue and the at-risk dossiers from their time facts', async () => {
    const body = (await dashboard('from=2026-03-01&to=2026-04-30')).json();
    expect(body.overdue.total).toBe(1);
    expect(body.overdue.items.map((d: { code: string }) => d.code)).toEqual([codes.d6]);
    expect(body.atRisk.total).toBe(1);
    expect(body.atRisk.items.map((d: { code: string }) => d.code)).toEqual([codes.d5]);
    expect(body.overdue.items[0]).not.toHaveProperty('applicant');
  });

  it('is for staff with a statistics role on the agency', async () => {
    expect((await dashboard('from=2026-03-01&to=2026-04-30', t.client())).statusCode).toBe(401);
    expect((await dashboard('from=2026-03-01&to=2026-04-30', citizen)).statusCode).toBe(403);
    expect((await dashboard('from=2026-03-01&to=2026-04-30', outsider)).statusCode).toBe(403);
    const unknown = await leader.request({
      url: '/api/v1/dashboards/leader?agency=00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await dashboard('from=2026-04-30&to=2026-03-01')).statusCode).toBe(400);
  });

  it('publishes on-time rates by agency and field without sign-in, and nothing about a person', async () => {
    const res = await t.client().request({ url: '/api/v1/public/board?year=2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-04-22' });
    expect(body.byAgency).toEqual([
      {
        key: o.agencyId,
        name: 'Sở Nội vụ',
        receivedTotal: 6,
        receivedOnline: 1,
        receivedDirect: 5,
        resolvedTotal: 4,
        resolvedEarly: 2,
        resolvedOnTime: 1,
        resolvedLate: 1,
        pendingOverdue: 1,
        onTimeRate: 75,
        onlineShare: 16.7,
      },
    ]);
    expect(body.byField.map((r: { key: string }) => r.key)).toContain('viec-lam');
    for (const secret of [APPLICANT.name, APPLICANT.idNumber, codes.d5!, codes.d6!, 'Nguyễn'])
      expect(res.body).not.toContain(secret);
    const last = (await t.client().request({ url: '/api/v1/public/board?year=2025' })).json();
    expect(last.byAgency[0]).toMatchObject({ resolvedTotal: 1, resolvedEarly: 1, onTimeRate: 100 });
  });
});
