import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { createUser } from '../src/users/users.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { workPermitProcedure } from './support/staff.ts';

/**
 * What an accepted action writes besides the dossier row, read back from the tables the
 * statistics and the notification job read: the counters by metric name, the outbox rows by kind
 * and recipient. And the answers a refused or foreign request gets, by status and code.
 */

interface Dossier {
  id: string;
  version: number;
  state: string;
  dueAt: string | null;
  timeliness: string | null;
  step: { role: string; assigneeId: string | null } | null;
}

const OTHER_UNIT_USER = 'chuyenvien.ncc';
const DAY = 86_400_000;

describe.each(engines)('what a dossier action writes and answers on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let procedure: { id: string; documents: { name: string }[] };
  let agencyId: string;

  const signIn = async (who: string) => {
    c[who] = t.client();
    const res = await c[who]!.login(who);
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
    // A specialist of another department of the same agency (people with merit, not employment).
    const merit = (await getUnitByCode(t.db, DEMO_UNIT_CODES.merit))!;
    await createUser(t.db, {
      username: OTHER_UNIT_USER,
      fullName: 'Lê Thị Ngọc',
      password: 'Motcua@2025!demo',
      mustChangePassword: false,
      roles: [{ role: 'specialist', unitId: merit.id }],
    });
    for (const who of ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao', 'admin', OTHER_UNIT_USER])
      await signIn(who);
    procedure = await workPermitProcedure(t);
  });
  afterAll(() => t.close());

  const receive = async (): Promise<Dossier> => {
    const res = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Phạm Văn Hùng', idNumber: '079203001234', phone: '0912 345 678' },
        checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  const act = (who: string, d: Dossier, action: string, input: Record<string, unknown> = {}) =>
    c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });

  const holderOf = (d: Dossier) =>
    d.step?.role === 'specialist'
      ? 'chuyenvien'
      : d.step?.role === 'head_of_unit'
        ? 'truongphong'
        : 'tiepnhan';

  /** Forwards the dossier step by step, each by the step's holder, until it awaits approval. */
  const toApproval = async (start: Dossier): Promise<Dossier> => {
    let d = start;
    for (let guard = 0; guard < 8 && d.state !== 'awaiting_approval'; guard++) {
      const res = await act(holderOf(d), d, 'forward_step', { note: 'Đủ điều kiện' });
      expect(res.statusCode, res.body).toBe(200);
      d = res.json();
    }
    expect(d.state).toBe('awaiting_approval');
    return d;
  };

  const counters = async (): Promise<Record<string, number>> => {
    const rows = await t.db.query<{ metric: string; n: number }>(
      'SELECT metric, sum(n)::int AS n FROM dossier_counter WHERE agency_id = $1 GROUP BY metric',
      [agencyId],
    );
    return Object.fromEntries(rows.map((r) => [r.metric, r.n]));
  };
  const increase = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(
      Object.keys(after)
        .filter((m) => (after[m] ?? 0) !== (before[m] ?? 0))
        .map((m) => [m, (after[m] ?? 0) - (before[m] ?? 0)]),
    );

  const outboxOf = (dossierId: string) =>
    t.db.query<{ kind: string; recipient_id: string | null }>(
      'SELECT kind, recipient_id FROM outbox WHERE dossier_id = $1 ORDER BY id',
      [dossierId],
    );
  const userId = async (username: string) =>
    (await t.db.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username]))[0]!.id;

  it('counts a receipt once under "received", and a same-day approval under "resolved_early"', async () => {
    const before = await counters();
    const d = await receive();
    expect(increase(before, await counters())).toEqual({ received: 1, open: 1, overdue: 1 });

    const waiting = await toApproval(d);
    const beforeApproval = await counters();
    const approved = await act('lanhdao', waiting, 'approve', { outcome: 'granted' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().timeliness).toBe('early');
    expect(increase(beforeApproval, await counters())).toEqual({ resolved_early: 1, open: -1, overdue: -1 });
  });

  it('counts an approval after the appointment day under "resolved_late", never "on time"', async () => {
    const waiting = await toApproval(await receive());
    // Past the appointment by three calendar days (at least one working day whatever the weekday).
    t.advance(Date.parse(waiting.dueAt!) - Date.now() + 3 * DAY);
    await signIn('lanhdao');
    const before = await counters();
    const approved = await act('lanhdao', waiting, 'approve', { outcome: 'granted' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().timeliness).toBe('late');
    expect(increase(before, await counters())).toEqual({ resolved_late: 1, open: -1, overdue: -1 });
    // Sessions here read the moved clock: sign everyone in again for the tests that follow.
    for (const who of Object.keys(c)) await signIn(who);
  });

  it('notifies the person a dossier is handed to, through the outbox, once', async () => {
    const d = await receive();
    let current = d;
    if (current.step?.role === 'counter_officer')
      current = (await act('tiepnhan', current, 'forward_step')).json();
    const specialist = await userId('chuyenvien');
    const assigned = await act('truongphong', current, 'assign', { assigneeId: specialist });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const rows = await outboxOf(d.id);
    expect(rows.filter((r) => r.kind === 'dossier.assigned' && r.recipient_id === specialist)).toHaveLength(
      1,
    );
  });

  it('refuses a role the rule does not name with 403 and the rule code role_not_allowed', async () => {
    const waiting = await toApproval(await receive());
    // The counter officer works on the dossier (their unit receives it) but approval is the leader's.
    const res = await act('tiepnhan', waiting, 'approve', { outcome: 'granted' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('dossier_action_refused');
    expect(res.json().rule).toBe('role_not_allowed');
  });

  it('answers 404 to a signed-in officer of another unit, for the dossier, its forms and its actions', async () => {
    let d = await receive();
    if (d.step?.role === 'counter_officer') d = (await act('tiepnhan', d, 'forward_step')).json();
    // Now at the employment department: its specialist reads it, the merit department's does not.
    expect((await c.chuyenvien!.request({ url: `/api/v1/dossiers/${d.id}` })).statusCode).toBe(200);
    const other = c[OTHER_UNIT_USER]!;
    expect((await other.request({ url: `/api/v1/dossiers/${d.id}` })).statusCode).toBe(404);
    for (const form of ['01.pdf', '01.docx', '06.pdf']) {
      const res = await other.request({ url: `/api/v1/dossiers/${d.id}/forms/${form}` });
      expect(res.statusCode, form).toBe(404);
    }
    const forward = await act(OTHER_UNIT_USER, d, 'forward_step');
    expect(forward.statusCode).toBe(404);
  });

  it('reads a dossier for an action under a row lock, before deciding anything', async () => {
    if (engine !== 'postgres') return; // PGlite runs one transaction at a time: there is no other writer.
    const d = await receive();
    const { loadDossier } = await import('../src/dossiers/store.ts');
    const probe = await t.db.transaction(async (tx) => {
      await loadDossier(tx, d.id, true);
      return t.db.query('SELECT id FROM dossier WHERE id = $1 FOR UPDATE NOWAIT', [d.id]).then(
        () => 'taken',
        (e: { code?: string }) => e.code ?? 'error',
      );
    });
    expect(probe).toBe('55P03');
  });

  it('holds the dossier row locked while an action runs, so no other writer slips in between', async () => {
    if (engine !== 'postgres') return; // PGlite runs one transaction at a time: there is no other writer.
    const d = await receive();
    const { performAction } = await import('../src/dossiers/service.ts');
    const leaderId = await userId('lanhdao');
    const grants = await t.db.query<{ role: 'leader'; unitId: string }>(
      'SELECT role, unit_id AS "unitId" FROM user_role WHERE user_id = $1',
      [leaderId],
    );
    const probe = await t.db.transaction(async (tx) => {
      await performAction(
        t.ctx,
        tx,
        {
          dossierId: d.id,
          action: 'stop',
          expectedVersion: d.version,
          input: { reason: 'Người nộp đề nghị dừng' },
        },
        { userId: leaderId, name: 'Lãnh đạo', grants },
      );
      // Still inside the action's transaction: another connection may not take the row.
      return t.db.query('SELECT id FROM dossier WHERE id = $1 FOR UPDATE NOWAIT', [d.id]).then(
        () => 'taken',
        (e: { code?: string }) => e.code ?? 'error',
      );
    });
    expect(probe).toBe('55P03');
  });

  it("counts by the agency's own reading: on the appointment day but after its hour is on time by day, late by instant", async () => {
    const finishAfterAppointmentHour = async () => {
      const waiting = await toApproval(await receive());
      // One minute past the appointment, on the same day.
      t.advance(Date.parse(waiting.dueAt!) - t.ctx.now().getTime() + 60_000);
      for (const who of Object.keys(c)) await signIn(who);
      const before = await counters();
      const approved = await act('lanhdao', waiting, 'approve', { outcome: 'granted' });
      expect(approved.statusCode, approved.body).toBe(200);
      return { timeliness: approved.json().timeliness, counted: increase(before, await counters()) };
    };
    expect(await finishAfterAppointmentHour()).toEqual({
      timeliness: 'on_time',
      counted: { resolved_on_time: 1, open: -1, overdue: -1 },
    });

    const year = new Date(t.ctx.now().getTime() + 7 * 3_600_000).getUTCFullYear();
    const current = (
      await c.admin!.request({ url: `/api/v1/admin/calendar?year=${year}&agency=${agencyId}` })
    ).json().settings;
    const put = await c.admin!.request({
      method: 'PUT',
      url: `/api/v1/admin/calendar/settings/${agencyId}`,
      payload: {
        weeklyDaysOff: current.weeklyDaysOff,
        workingPeriods: current.workingPeriods,
        afternoonCutoff: current.afternoonCutoff,
        supplementLimitDays: current.supplementLimitDays,
        endComparison: 'instant',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await finishAfterAppointmentHour()).toEqual({
      timeliness: 'late',
      counted: { resolved_late: 1, open: -1, overdue: -1 },
    });
  });
});
