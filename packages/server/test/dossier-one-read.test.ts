import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { recording } from './support/recording.ts';
import { workPermitProcedure } from './support/staff.ts';

/**
 * What one action costs the database: the dossier row is read once, under one row lock, the
 * actor's roles are worked out once, and the answer is built from what the action wrote. Each SQL
 * statement the server sends is recorded by wrapping the database the app uses.
 */

/** Statements that read the dossier row itself (not its events, documents or control sheet). */
const readsDossier = (sql: string) => /\bFROM\s+dossier\b(?!_)/i.test(sql) && /^\s*SELECT/i.test(sql);

describe.each(engines)('one read and one authorisation per action on %s', (engine) => {
  let t: TestApp;
  let tiepnhan: TestClient;
  let procedure: { id: string; documents: { name: string }[] };
  const log: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    t.ctx.db = recording(t.db, log);
    tiepnhan = t.client();
    await tiepnhan.login('tiepnhan');
    procedure = await workPermitProcedure(t);
  });
  afterAll(() => t.close());

  const receive = async () => {
    const res = await tiepnhan.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Trần Thị Bình', idNumber: '079123456789' },
        checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; state: string };
  };

  const forward = (d: { id: string; version: number }) =>
    tiepnhan.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
      payload: { version: d.version, input: { note: 'Chuyển phòng chuyên môn' } },
    });

  it('forwards a step reading the dossier once, under one lock, and answers from what it wrote', async () => {
    const d = await receive();
    log.length = 0;
    const res = await forward(d);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer.version).toBe(d.version + 1);
    expect(answer.events.at(-1).action).toBe('forward_step');

    const dossierReads = log.filter(readsDossier);
    expect(dossierReads).toHaveLength(1);
    expect(dossierReads[0]).toMatch(/FOR UPDATE/);
    expect(log.filter((sql) => /FOR UPDATE/.test(sql) && /\bdossier\b(?!_)/.test(sql))).toHaveLength(1);
    // The units above the dossier's agency, receiving unit and holder: one lookup, and one more
    // only for the unit the step moved it to.
    expect(log.filter((sql) => /WITH RECURSIVE up/.test(sql)).length).toBeLessThanOrEqual(2);
    expect(log.filter((sql) => /UPDATE dossier SET/.test(sql))).toHaveLength(1);
    // Biểu số 06's state counters read what they held for the dossier and write what they now
    // hold: two statements more than the 21 of the engine alone; and one finds the dossier's agency
    // in the directory, to lock its row by (agency_id, id) (docs/distribution.md).
    expect(log.filter((sql) => /dossier_counted/.test(sql))).toHaveLength(2);
    expect(log.filter((sql) => /FROM dossier_directory/.test(sql))).toHaveLength(1);
    expect(log.length).toBeLessThanOrEqual(24);
  });

  it('answers the public lookup with two statements: the directory, then one read on the agency', async () => {
    const d = await receive();
    const forwarded = await forward(d);
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const code = forwarded.json().code as string;
    log.length = 0;
    const res = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(code)}` });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer.code).toBe(code);
    expect(answer.timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'forward_step']);
    expect(answer.procedure.name).not.toBe('');
    expect(answer.agency).toBeTruthy();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/FROM dossier_directory WHERE code = \$1/);
    // The whole answer (events, control sheet, shipments, names) from the agency's rows at once.
    expect(log[1]).toMatch(/dossier_event e WHERE e\.agency_id = \$1/);
    expect(log[1]).toMatch(/dossier_handover h/);
    expect(log[1]).toMatch(/postal_shipment p/);
  });

  it('lets one of two actions with the same version through; the other gets 409 and writes nothing', async () => {
    const d = await receive();
    const count = async (table: string) =>
      (
        await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE dossier_id = $1`, [
          d.id,
        ])
      )[0]!.n;
    const before = {
      events: await count('dossier_event'),
      handovers: await count('dossier_handover'),
      outbox: await count('outbox'),
    };
    const [a, b] = await Promise.all([forward(d), forward(d)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('dossier_changed');
    expect(await count('dossier_event')).toBe(before.events + 1);
    expect(await count('dossier_handover')).toBe(before.handovers + 1);
    expect(await count('outbox')).toBeLessThanOrEqual(before.outbox + 1);
    const [row] = await t.db.query<{ version: number }>('SELECT version FROM dossier WHERE id = $1', [d.id]);
    expect(row!.version).toBe(d.version + 1);
  });
});
