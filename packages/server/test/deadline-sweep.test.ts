import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.ts';
import { openDatabase } from '../src/db/database.ts';
import { sweepDeadlines } from '../src/jobs/deadline-sweep.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { workPermitProcedure } from './support/staff.ts';

describe.each(engines)('the deadline sweep on %s', (engine) => {
  let t: TestApp;
  let counter: TestClient;
  let specialist: TestClient;
  let procedure: { id: string; documents: { name: string }[] };

  beforeAll(async () => {
    t = await startTestApp(engine);
    counter = t.client();
    specialist = t.client();
    await counter.login('tiepnhan');
    await specialist.login('chuyenvien');
    procedure = await workPermitProcedure(t);
  });
  afterAll(() => t.close());

  const receive = async () => {
    // The tests move the clock by days, which ends sessions as it should: sign in afresh.
    await counter.login('tiepnhan');
    await specialist.login('chuyenvien');
    const res = await counter.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Trần Thị Lan' },
        checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Hand it to the department, where the assignee and head of unit are.
    const d = res.json();
    return (
      await counter.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
        payload: { version: d.version, input: {} },
      })
    ).json();
  };

  const secondContext = async (): Promise<{ ctx: AppContext; close: () => Promise<void> }> => {
    if (engine === 'pglite') return { ctx: t.ctx, close: async () => {} };
    const [row] = await t.db.query<{ db: string; port: number }>(
      "SELECT current_database() AS db, current_setting('port')::int AS port",
    );
    const db = await openDatabase({ url: `postgres://motcua@127.0.0.1:${row!.port}/${row!.db}` });
    return { ctx: { ...t.ctx, db }, close: () => db.close() };
  };

  it('marks a dossier at risk a working day before it is due, then overdue, and notifies once each time, however many sweeps run', async () => {
    const d = await receive();
    const [head] = await t.db.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'truongphong'");
    const dueIn = new Date(d.dueAt).getTime() - t.ctx.now().getTime();

    t.advance(dueIn - 2 * 3_600_000); // two working hours before the appointment
    const other = await secondContext();
    await Promise.all([sweepDeadlines(t.ctx), sweepDeadlines(other.ctx), sweepDeadlines(t.ctx)]);
    const [risk] = await t.db.query<{ risk: string }>('SELECT risk FROM dossier WHERE id = $1', [d.id]);
    expect(risk!.risk).toBe('at_risk');
    const atRisk = await t.db.query<{ recipient_id: string }>(
      "SELECT recipient_id FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.at_risk'",
      [d.id],
    );
    expect(atRisk.map((r) => r.recipient_id)).toContain(head!.id);
    expect(new Set(atRisk.map((r) => r.recipient_id)).size).toBe(atRisk.length);

    t.advance(3 * 24 * 3_600_000);
    await Promise.all([sweepDeadlines(t.ctx), sweepDeadlines(other.ctx)]);
    await sweepDeadlines(t.ctx);
    await other.close();
    const [late] = await t.db.query<{ risk: string }>('SELECT risk FROM dossier WHERE id = $1', [d.id]);
    expect(late!.risk).toBe('overdue');
    const overdue = await t.db.query(
      "SELECT 1 FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.overdue'",
      [d.id],
    );
    expect(overdue.length).toBe(atRisk.length);
    await specialist.login('chuyenvien');
    const listed = (await specialist.request({ url: '/api/v1/dossiers?overdue=true&pageSize=100' })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('closes a dossier whose supplement never came within the limit, exactly once', async () => {
    const d = await receive();
    const requested = await specialist.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/request_supplement`,
      payload: {
        version: d.version,
        input: { items: [{ description: 'Giấy chứng nhận sức khỏe', reason: 'Chưa có' }] },
      },
    });
    expect(requested.statusCode, requested.body).toBe(200);
    t.advance(30 * 24 * 3_600_000); // well past 15 working days
    const other = await secondContext();
    const results = await Promise.all([sweepDeadlines(t.ctx), sweepDeadlines(other.ctx)]);
    await other.close();
    expect(results.reduce((n, r) => n + r.closed, 0)).toBe(1);
    await specialist.login('chuyenvien');
    const detail = (await specialist.request({ url: `/api/v1/dossiers/${d.id}` })).json();
    expect(detail.state).toBe('stopped');
    expect(detail.events.filter((e: { action: string }) => e.action === 'close_unsupplemented')).toHaveLength(
      1,
    );
  });

  it('flags an online submission not accepted within 8 working hours and tells the counter', async () => {
    const citizen = t.client();
    await citizen.login('congdan');
    const submitted = await citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'online',
        applicant: { name: 'Hoàng Văn An', phone: '0912345678' },
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const d = submitted.json();
    expect(d.nationalStatus.code).toBe(1);
    expect(d.acceptanceDueAt).toBeTruthy();
    t.advance(new Date(d.acceptanceDueAt).getTime() - t.ctx.now().getTime() + 3_600_000);
    await sweepDeadlines(t.ctx);
    const [row] = await t.db.query<{ risk: string }>('SELECT risk FROM dossier WHERE id = $1', [d.id]);
    expect(row!.risk).toBe('overdue');
    const [officer] = await t.db.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'tiepnhan'");
    const sent = await t.db.query<{ recipient_id: string }>(
      "SELECT recipient_id FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.overdue'",
      [d.id],
    );
    expect(sent.map((r) => r.recipient_id)).toContain(officer!.id);
  });
});
