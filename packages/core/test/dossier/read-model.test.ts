import { describe, expect, it } from 'vitest';
import {
  atRiskFrom,
  type CountingPolicy,
  DECISION_766_POLICY,
  dossierReadModel,
  dossierTime,
  dossierTimeSchema,
  lateFrom,
  overdueFrom,
} from '../../src/index.ts';
import {
  ACTORS,
  CAL_2026,
  GRANT,
  local,
  type Play,
  PROCEDURE,
  play,
  receiveAt,
  toApproval,
  vn,
} from './fixtures.ts';

const SUPPLEMENT = { items: [{ description: 'Bản sao giấy khai sinh', reason: 'Thiếu trong hồ sơ' }] };
const SUPPLIED = { documents: ['Bản sao giấy khai sinh'] };
const FEE = { items: [{ name: 'Lệ phí', amountVnd: 50000 }] };
/** Received Monday 9 March 2026 at 09:00, 3 working days: due Thursday 12 March at 09:00. */
const MONDAY = receiveAt('2026-03-09T09:00');
const BY_INSTANT: CountingPolicy = { ...DECISION_766_POLICY, endComparison: 'instant' };

/** The time at a local instant, checked against the schema the server declares it with. */
const timeAt = (story: Play[], at: string, policy: CountingPolicy = DECISION_766_POLICY) =>
  dossierTimeSchema.parse(dossierTime(play(story).dossier, vn(at), CAL_2026, policy));
const localOf = (iso: string | null) => (iso === null ? null : local(new Date(iso)));

describe('the dossier read model: time left, at risk, overdue, paused', () => {
  it('received Mon 9 Mar 09:00 for 3 working days, seen Tue 10 Mar 09:00: 2 working days left, in time', () => {
    const time = timeAt([MONDAY], '2026-03-10T09:00');
    expect(time).toMatchObject({
      clock: 'running',
      timeliness: 'in_time',
      atRisk: false,
      pause: null,
      remaining: { workingMinutes: 900, days: 2, hours: 0, minutes: 0, hoursPerDay: 7.5 },
    });
    expect(localOf(time.dueAt)).toBe('2026-03-12 09:00');
  });

  it('seen Wed 11 Mar 10:00, within one working day of Thu 12 Mar 09:00: at risk, 6 h 30 min left', () => {
    const time = timeAt([MONDAY], '2026-03-11T10:00');
    expect(time).toMatchObject({ timeliness: 'in_time', atRisk: true });
    expect(time.remaining).toMatchObject({ workingMinutes: 390, days: 0, hours: 6, minutes: 30 });
  });

  it('at risk from Wed 11 Mar 09:00 and overdue from midnight ending Thu 12 Mar (by day)', () => {
    const d = play([MONDAY]).dossier;
    expect(localOf(atRiskFrom(d, CAL_2026)?.toISOString() ?? null)).toBe('2026-03-11 09:00');
    expect(overdueFrom(d, CAL_2026, DECISION_766_POLICY)?.toISOString()).toBe('2026-03-12T17:00:00.000Z');
    expect(timeAt([MONDAY], '2026-03-11T08:59').atRisk).toBe(false);
    expect(timeAt([MONDAY], '2026-03-11T09:00').atRisk).toBe(true);
  });

  it('by day, Thu 12 Mar 10:00, an hour past the 09:00 appointment on its day: in time, 1 h past, still at risk', () => {
    const time = timeAt([MONDAY], '2026-03-12T10:00');
    expect(time).toMatchObject({ timeliness: 'in_time', atRisk: true });
    expect(time.remaining).toMatchObject({ workingMinutes: -60, days: 0, hours: 1, minutes: 0 });
  });

  it('by instant (agency setting), Thu 12 Mar 10:00: overdue, from just after 09:00', () => {
    const time = timeAt([MONDAY], '2026-03-12T10:00', BY_INSTANT);
    expect(time).toMatchObject({ timeliness: 'overdue', atRisk: false });
    expect(time.overdueFrom).toBe('2026-03-12T02:00:00.001Z');
  });

  it('Fri 13 Mar 08:00, the day after the appointment: overdue by 6 h 30 min of working time', () => {
    const time = timeAt([MONDAY], '2026-03-13T08:00');
    expect(time).toMatchObject({ clock: 'running', timeliness: 'overdue', atRisk: false });
    expect(time.remaining).toMatchObject({ workingMinutes: -390, days: 0, hours: 6, minutes: 30 });
  });

  it('Thu 19 Mar 09:00, a week late: overdue by 5 working days', () => {
    expect(timeAt([MONDAY], '2026-03-19T09:00').remaining).toMatchObject({
      workingMinutes: -5 * 450,
      days: 5,
      hours: 0,
    });
  });

  it('supplement requested Tue 10 Mar, seen Fri 20 Mar: paused for the supplement, in time, no time left shown', () => {
    const story: Play[] = [MONDAY, ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT]];
    const time = timeAt(story, '2026-03-20T10:00');
    expect(time).toMatchObject({
      clock: 'stopped',
      timeliness: 'in_time',
      atRisk: false,
      remaining: null,
      pause: { kind: 'supplement', clockRuns: false },
      overdueFrom: null,
      atRiskFrom: null,
    });
    expect(localOf(time.pause!.since)).toBe('2026-03-10 10:00');
    expect(time.pause!.limitAt).not.toBeNull();
  });

  it('second supplement requested Fri 13 Mar 10:00: overdue from that request while waiting', () => {
    const story: Play[] = [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-11T10:00', 'receive_supplement', 'counter', SUPPLIED],
      ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
    ];
    const time = timeAt(story, '2026-03-16T09:00');
    expect(time).toMatchObject({ clock: 'stopped', timeliness: 'overdue', atRisk: false, atRiskFrom: null });
    expect(localOf(time.overdueFrom)).toBe('2026-03-13 10:00');
  });

  it('supplement requested Fri 13 Mar, the day after the Thu 12 appointment: overdue from the request', () => {
    const story: Play[] = [MONDAY, ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT]];
    const time = timeAt(story, '2026-03-17T09:00');
    expect(time).toMatchObject({ timeliness: 'overdue', pause: { kind: 'supplement' } });
    expect(localOf(time.overdueFrom)).toBe('2026-03-13 10:00');
  });

  it('supplement received Fri 13 Mar 10:00: the 3 days restart, due Wed 18 Mar 10:00, at risk from Tue 17 10:00', () => {
    const story: Play[] = [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-13T10:00', 'receive_supplement', 'counter', SUPPLIED],
    ];
    const time = timeAt(story, '2026-03-16T10:00');
    expect(time).toMatchObject({ clock: 'running', timeliness: 'in_time', pause: null });
    expect(localOf(time.dueAt)).toBe('2026-03-18 10:00');
    expect(localOf(time.atRiskFrom)).toBe('2026-03-17 10:00');
    expect(localOf(time.overdueFrom)).toBe('2026-03-19 00:00');
  });

  it('payment asked Tue 10 Mar 09:00, seen Mon 16 Mar: paused, 2 working days left frozen at the wait', () => {
    const story: Play[] = [MONDAY, ['2026-03-10T09:00', 'request_payment', 'counter', FEE]];
    const time = timeAt(story, '2026-03-16T09:00');
    expect(time).toMatchObject({
      clock: 'stopped',
      timeliness: 'in_time',
      atRisk: false,
      pause: { kind: 'payment', clockRuns: false },
      overdueFrom: null,
      atRiskFrom: null,
    });
    expect(time.remaining).toMatchObject({ workingMinutes: 900, days: 2 });
  });

  it('payment asked Fri 13 Mar, after the appointment: overdue while waiting, since the appointment day ended', () => {
    const story: Play[] = [MONDAY, ['2026-03-13T09:00', 'request_payment', 'counter', FEE]];
    const time = timeAt(story, '2026-03-16T09:00');
    expect(time).toMatchObject({ clock: 'stopped', timeliness: 'overdue' });
    expect(localOf(time.overdueFrom)).toBe('2026-03-13 00:00');
  });

  it('sent to another agency Mon 9 Mar 11:00, seen Wed 11 Mar 10:00: the clock runs, at risk', () => {
    const story: Play[] = [
      MONDAY,
      ['2026-03-09T10:00', 'forward_step', 'counter'],
      ['2026-03-09T11:00', 'send_inter_agency', 'specialist', { agency: 'Cục Thuế' }],
    ];
    const time = timeAt(story, '2026-03-11T10:00');
    expect(time).toMatchObject({
      clock: 'running',
      atRisk: true,
      pause: { kind: 'inter_agency', clockRuns: true },
    });
    expect(time.remaining?.workingMinutes).toBe(390);
  });

  it('extended on Tue 10 Mar to Mon 16 Mar 17:00, seen Fri 13 Mar: in time against the new date', () => {
    const story: Play[] = [
      MONDAY,
      [
        '2026-03-10T10:00',
        'extend',
        'head',
        { reason: 'Chờ xác minh', newDueAt: '2026-03-16T17:00:00+07:00' },
      ],
    ];
    const time = timeAt(story, '2026-03-13T10:00');
    expect(time).toMatchObject({ timeliness: 'in_time', atRisk: false });
    expect(localOf(time.dueAt)).toBe('2026-03-16 17:00');
    expect(localOf(time.originalDueAt)).toBe('2026-03-12 09:00');
    expect(localOf(time.overdueFrom)).toBe('2026-03-17 00:00');
  });

  it('withdrawal requested Wed 11 Mar, not yet decided: the request is shown and the clock still runs', () => {
    const story: Play[] = [
      MONDAY,
      ['2026-03-11T10:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị của công dân' }],
    ];
    const time = timeAt(story, '2026-03-11T11:00');
    expect(time).toMatchObject({ clock: 'running', timeliness: 'in_time' });
    expect(localOf(time.withdrawalRequestedAt)).toBe('2026-03-11 10:00');
  });

  it('approved Wed 11 Mar, before the appointment day: ended early, nothing left to count', () => {
    const story: Play[] = [
      MONDAY,
      ...toApproval('2026-03-09'),
      ['2026-03-11T16:00', 'approve', 'leader', GRANT],
    ];
    const time = timeAt(story, '2026-03-20T10:00');
    expect(time).toMatchObject({
      clock: 'ended',
      timeliness: 'early',
      atRisk: false,
      remaining: null,
      endKind: 'processed',
      overdueFrom: null,
      atRiskFrom: null,
    });
  });

  it('approved Fri 13 Mar, the day after the appointment: ended late', () => {
    const story: Play[] = [
      MONDAY,
      ...toApproval('2026-03-09'),
      ['2026-03-13T08:00', 'approve', 'leader', GRANT],
    ];
    expect(timeAt(story, '2026-03-20T10:00').timeliness).toBe('late');
  });

  it('submitted online Mon 9 Mar 09:00: awaiting acceptance within 8 working hours, overdue on Tue 10 Mar 10:00', () => {
    const story: Play[] = [['2026-03-09T09:00', 'submit_online', 'citizen', { procedure: PROCEDURE }]];
    const early = timeAt(story, '2026-03-09T15:00');
    expect(early).toMatchObject({ clock: 'awaiting_acceptance', timeliness: null, dueAt: null });
    expect(localOf(early.acceptance!.dueAt)).toBe('2026-03-10 09:30');
    expect(early.acceptance!.overdue).toBe(false);
    expect(timeAt(story, '2026-03-10T10:00').acceptance!.overdue).toBe(true);
  });
});

describe('what the viewer may do and print', () => {
  it('a supplement wait offers the counter officer "receive supplement" and forms 01, 02, 06, 07', () => {
    const { dossier } = play([MONDAY, ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT]]);
    const model = dossierReadModel(dossier, vn('2026-03-11T10:00'), CAL_2026, DECISION_766_POLICY, {
      actor: ACTORS_COUNTER,
      supplementLimitWorkingDays: 15,
    });
    expect(model.actions).toContain('receive_supplement');
    expect(model.forms).toEqual(['01', '02', '06', '07']);
  });

  it('a refusal at the counter Mon 9 Mar has only form 03 and nothing to do', () => {
    const { dossier } = play([
      [
        '2026-03-09T09:00',
        'refuse',
        'counter',
        { procedure: PROCEDURE, channel: 'counter', reason: 'Sai thẩm quyền' },
      ],
    ]);
    const model = dossierReadModel(dossier, vn('2026-03-09T10:00'), CAL_2026, DECISION_766_POLICY, {
      actor: ACTORS_COUNTER,
      supplementLimitWorkingDays: 15,
    });
    expect(model).toMatchObject({ forms: ['03'], actions: [], timeliness: null, clock: 'ended' });
  });
});

describe('lateFrom is where isPast turns', () => {
  it('by day: Thu 12 Mar 09:00 is late from Fri 13 Mar 00:00 (Vietnam)', () => {
    expect(local(lateFrom(vn('2026-03-12T09:00')))).toBe('2026-03-13 00:00');
  });
});

const ACTORS_COUNTER = ACTORS.counter;
