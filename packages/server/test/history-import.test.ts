import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { historyImportJsonSchema } from '../src/history-import/format.ts';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_AGENCY_CODE } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { dossierEntry, historyFile, SCENARIOS } from './support/history-file.ts';

/**
 * An agency brings its dossiers from its previous one-stop system: each is received and replayed
 * through the rules at its own dates, so its state, timeliness, counters and chained history are
 * what live handling would have produced. Refusals name their row; nothing is half-imported.
 */

const ENDPOINT = '/api/v1/admin/import/dossiers';

describe.each(engines)('history import on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let counter: TestClient;
  let agencyId: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
    admin = t.client();
    expect((await admin.login('admin')).statusCode).toBe(200);
    counter = t.client();
    expect((await counter.login('tiepnhan')).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const written = async () => {
    const [row] = await t.db.query<{ dossiers: number; events: number; counters: number }>(
      `SELECT (SELECT count(*)::int FROM dossier) AS dossiers, (SELECT count(*)::int FROM dossier_event) AS events,
              (SELECT count(*)::int FROM dossier_counter) AS counters`,
    );
    return row!;
  };
  const counters = async () => {
    const rows = await t.db.query<{ metric: string; channel: string; n: number }>(
      'SELECT metric, channel, sum(n)::int AS n FROM dossier_counter WHERE agency_id = $1 GROUP BY metric, channel',
      [agencyId],
    );
    const byMetric: Record<string, number> = {};
    for (const r of rows) byMetric[r.metric] = (byMetric[r.metric] ?? 0) + r.n;
    return {
      byMetric,
      onlineReceived: rows.find((r) => r.metric === 'received' && r.channel === 'online')?.n,
    };
  };

  const file = historyFile(Object.values(SCENARIOS));
  const names = Object.keys(SCENARIOS);

  it('publishes the file format as the JSON Schema generated from its zod schema, as committed in docs/', async () => {
    const res = await t.app.inject({ url: `${ENDPOINT}/schema.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(historyImportJsonSchema());
    const committed = JSON.parse(
      await readFile(new URL('../../../docs/history-import.schema.json', import.meta.url), 'utf8'),
    );
    // Regenerate with: npx tsx packages/server/src/history-import/write-schema.ts
    expect(committed).toEqual(historyImportJsonSchema());
  });

  it('refuses a user who is not an administrator of the agency', async () => {
    const res = await counter.request({ method: 'POST', url: `${ENDPOINT}?dryRun=true`, payload: file });
    expect(res.statusCode).toBe(403);
    expect((await written()).dossiers).toBe(0);
  });

  it('reports a dry run dossier by dossier and writes nothing', async () => {
    const res = await admin.request({ method: 'POST', url: `${ENDPOINT}?dryRun=true`, payload: file });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, total: 10, imported: 10, problems: [], skipped: [] });
    expect(body.dossiers.map((d: { timeliness: string }) => d.timeliness)).toEqual([
      'early',
      'on_time',
      'late',
      'early',
      'on_time',
      // A withdrawal ends at the request, a stop when stopped: both before the due date.
      'early',
      'early',
      'early',
      'early',
      'overdue',
    ]);
    expect(await written()).toEqual({ dossiers: 0, events: 0, counters: 0 });
  });

  it('imports the documented example (docs/history-import.md) without a refusal', async () => {
    const doc = await readFile(new URL('../../../docs/history-import.md', import.meta.url), 'utf8');
    const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)![1]!);
    const res = await admin.request({ method: 'POST', url: `${ENDPOINT}?dryRun=true`, payload: example });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problems).toEqual([]);
    expect(res.json().dossiers.map((d: { state: string }) => d.state)).toEqual([
      'returned',
      'result_ready',
      'returned',
    ]);
  });

  it('refuses the whole file when the rules refuse one event, naming its dossier and event', async () => {
    const bad = historyFile([
      SCENARIOS.early,
      // The apology comes after the due date (20 Oct): too late, by Decision 766's rule.
      dossierEntry('CU-BAD', [
        { type: 'extended', at: '2025-10-21T09:00:00+07:00', newDueAt: '2025-10-31', reason: 'Chậm' },
      ]),
      dossierEntry('CU-BAD2', [{ type: 'returned', at: '2025-10-07T09:00:00+07:00' }]),
      { ...dossierEntry('CU-BAD3', []), procedureCode: '9.999999' },
    ]);
    const res = await admin.request({ method: 'POST', url: ENDPOINT, payload: bad });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.code).toBe('history_import_refused');
    expect(body.problems).toEqual([
      expect.objectContaining({
        dossierIndex: 1,
        eventIndex: 0,
        previousCode: 'CU-BAD',
        code: 'extension_too_late',
      }),
      expect.objectContaining({
        dossierIndex: 2,
        eventIndex: 0,
        code: 'action_not_allowed_in_state',
      }),
      expect.objectContaining({
        dossierIndex: 3,
        eventIndex: null,
        code: 'history_import_procedure_unknown',
      }),
    ]);
    expect(body.problems[0].message.vi).toContain('01 ngày làm việc trước ngày hẹn trả');
    expect(body.problems[0].message.en).toContain('at least one working day before the due date');
    expect(await written()).toEqual({ dossiers: 0, events: 0, counters: 0 });
  });

  it('reads files larger than other requests, and names each field a dossier gets wrong', async () => {
    // 3 MiB: above the 2 MiB of every other request, read whole and refused for its unknown member.
    const large = { ...historyFile([SCENARIOS.open]), padding: 'x'.repeat(3 * 1024 * 1024) };
    const big = await admin.request({ method: 'POST', url: `${ENDPOINT}?dryRun=true`, payload: large });
    expect(big.statusCode).toBe(422);
    expect(big.json().code).toBe('history_import_invalid');

    const { receivedAt: _missing, ...noReceipt } = dossierEntry('CU-NO-DATE', []);
    const res = await admin.request({
      method: 'POST',
      url: `${ENDPOINT}?dryRun=true`,
      payload: historyFile([SCENARIOS.open, noReceipt, SCENARIOS.open]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().problems).toEqual([
      expect.objectContaining({
        dossierIndex: 1,
        eventIndex: null,
        code: 'invalid_input',
        path: 'receivedAt',
      }),
      expect.objectContaining({ dossierIndex: 2, code: 'history_import_repeated' }),
    ]);
  });

  it('imports every dossier with the state, timeliness, counters and history live handling gives', async () => {
    const res = await admin.request({ method: 'POST', url: ENDPOINT, payload: file });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: false, imported: 10, problems: [] });
    const by = Object.fromEntries(
      body.dossiers.map((d: { dossierIndex: number }) => [names[d.dossierIndex], d]),
    );
    expect(by.early).toMatchObject({ state: 'returned', timeliness: 'early', previousCode: 'CU-001' });
    expect(by.onTime).toMatchObject({ state: 'result_ready', timeliness: 'on_time' });
    expect(by.late).toMatchObject({ state: 'result_ready', timeliness: 'late' });
    expect(by.supplement).toMatchObject({ state: 'result_ready', timeliness: 'early' });
    expect(by.extension).toMatchObject({ state: 'result_ready', timeliness: 'on_time' });
    expect(by.withdrawal).toMatchObject({ state: 'stopped' });
    expect(by.stop).toMatchObject({ state: 'stopped' });
    expect(by.refused).toMatchObject({ state: 'result_ready', timeliness: 'early' });
    expect(by.online).toMatchObject({ state: 'returned', timeliness: 'early' });
    expect(by.open).toMatchObject({ state: 'received', timeliness: 'overdue' });
    // Codes come from the service centre's sequence of the day of receipt.
    expect(by.early.code).toMatch(/^000\.00\.99\.H29-251006-\d{4}$/);

    const { byMetric, onlineReceived } = await counters();
    // Biểu số 06's columns: the refused decision in its own column, not among the resolved; the
    // state counters sum to what is still open (one dossier, overdue) at the end.
    expect(byMetric).toEqual({
      received: 10,
      submitted: 1,
      resolved_early: 3,
      resolved_on_time: 2,
      resolved_late: 1,
      ended_refused: 1,
      ended_withdrawn: 1,
      ended_stopped: 1,
      returned: 2,
      open: 1,
      overdue: 1,
    });
    expect(onlineReceived).toBe(1);

    // What the counter officer sees: the dossier's dates and its history, marked as imported.
    const detail = (await counter.request({ url: `/api/v1/dossiers/${by.extension.id}` })).json();
    expect(detail.dueAt).toBe('2025-10-31T10:00:00.000Z');
    const last = detail.events.at(-1);
    expect(last).toMatchObject({ action: 'imported', title: 'Chuyển đổi dữ liệu từ hệ thống cũ' });
    expect(last.payload).toMatchObject({ previousCode: 'CU-005', sourceSystem: 'Một cửa điện tử tỉnh (cũ)' });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'extend',
      'forward_step',
      'forward_step',
      'forward_step',
      'approve',
      'imported',
    ]);
    expect(detail.events[1].at).toBe('2025-10-15T03:00:00.000Z');
    const early = (await counter.request({ url: `/api/v1/dossiers/${by.early.id}` })).json();
    expect(early.events[0].actorName).toBe('Hệ thống một cửa trước đây');
    expect(early.events.find((e: { action: string }) => e.action === 'approve').actorName).toBe('Lê Văn Tám');

    // Staff find it by the previous system's code.
    const found = (await counter.request({ url: '/api/v1/dossiers?q=CU-005' })).json();
    expect(found.items.map((d: { id: string }) => d.id)).toEqual([by.extension.id]);

    // An online dossier from the previous system has no applicant account here.
    const [online] = await t.db.query<{ applicant: string | null }>(
      `SELECT snapshot->>'applicantId' AS applicant FROM dossier WHERE id = $1`,
      [by.online.id],
    );
    expect(online!.applicant).toBeNull();

    // An imported dossier still open carries on live, from where the previous system left it.
    const open = (await counter.request({ url: `/api/v1/dossiers/${by.open.id}` })).json();
    const moved = await counter.request({
      method: 'POST',
      url: `/api/v1/dossiers/${by.open.id}/actions/forward_step`,
      payload: { version: open.version, input: { note: 'Chuyển phòng chuyên môn' } },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().state).toBe('in_progress');

    // No notification goes out for what happened in the previous system.
    const [outbox] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE dossier_id <> $1',
      [by.open.id],
    );
    expect(outbox!.n).toBe(0);

    // The hash chain covers the replayed events and the markers, and verifies.
    const audit = await verifyAuditChain(t.db);
    expect(audit.problems).toEqual([]);
    expect(audit.dossiers).toBe(10);
    expect(audit.events).toBeGreaterThan(40);
  });

  it('does not duplicate a dossier imported before: the same file again is skipped', async () => {
    const before = await written();
    const res = await admin.request({ method: 'POST', url: ENDPOINT, payload: file });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(0);
    expect(body.skipped).toHaveLength(10);
    expect(body.skipped[0]).toMatchObject({ dossierIndex: 0, previousCode: 'CU-001' });
    expect(body.skipped[0].code).toMatch(/^000\.00\.99\.H29-251006-/);
    expect(await written()).toEqual(before);
  });

  it('skips a dossier whose previous code was imported before, even when its history was corrected since', async () => {
    const before = await written();
    const [first] = Object.values(SCENARIOS) as { applicant: Record<string, string> }[];
    const corrected = {
      ...first,
      applicant: { ...first!.applicant, name: 'Công ty TNHH Minh Phát (sửa tên)' },
    };
    const res = await admin.request({ method: 'POST', url: ENDPOINT, payload: historyFile([corrected]) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(0);
    expect(body.skipped).toEqual([expect.objectContaining({ dossierIndex: 0, previousCode: 'CU-001' })]);
    expect(await written()).toEqual(before);
  });

  it('streams its progress, then the result, when asked for lines', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `${ENDPOINT}?dryRun=true`,
      headers: { accept: 'application/x-ndjson' },
      payload: historyFile([dossierEntry('CU-100', [])]),
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ event: 'progress', done: 0, total: 1 });
    expect(lines.at(-1)).toMatchObject({ event: 'result', dryRun: true, imported: 1 });
  });
});
