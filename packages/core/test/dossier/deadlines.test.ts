import { describe, expect, it } from 'vitest';
import {
  acceptanceDeadline,
  acceptanceOverdue,
  atRisk,
  type CountingPolicy,
  classify,
  DECISION_766_POLICY,
  DEFAULT_CALENDAR_CONFIG,
  type DossierProcedure,
  mayExtendAt,
  stepDeadline,
  stepWorkingHours,
  supplementLimit,
  type Timeliness,
  timelinessOfEnd,
} from '../../src/index.ts';
import { CAL_2026, GRANT, local, type Play, PROCEDURE, play, receiveAt, toApproval, vn } from './fixtures.ts';

const SUPPLEMENT = { items: [{ description: 'Bản sao giấy khai sinh', reason: 'Thiếu trong hồ sơ' }] };
const approveAt = (at: string): Play => [at, 'approve', 'leader', GRANT];
/** Received Monday 9 March 2026 at 09:00, 3 working days: due Thursday 12 March at 09:00. */
const MONDAY = receiveAt('2026-03-09T09:00');
const finishedAt = (at: string): Play[] => [MONDAY, ...toApproval('2026-03-09'), approveAt(at)];

/** The agency setting that compares instants instead of days (policies.ts). */
const BY_INSTANT: CountingPolicy = { ...DECISION_766_POLICY, endComparison: 'instant' };

interface Example {
  name: string;
  story: Play[];
  at: string;
  expected: Timeliness | null;
  policy?: CountingPolicy;
}

const EXAMPLES: Example[] = [
  // Finished dossiers: early, on time, late (Decision 766).
  {
    name: 'received Mon 09:00 for 3 working days, finished Wednesday: before the appointment day → early',
    story: finishedAt('2026-03-11T16:00'),
    at: '2026-03-20T00:00',
    expected: 'early',
  },
  {
    name: 'finished Thursday 08:30, on the appointment day before 09:00 → on time',
    story: finishedAt('2026-03-12T08:30'),
    at: '2026-03-20T00:00',
    expected: 'on_time',
  },
  {
    name: 'finished Thursday at 09:00 exactly: the appointment itself is still on time',
    story: finishedAt('2026-03-12T09:00'),
    at: '2026-03-20T00:00',
    expected: 'on_time',
  },
  {
    // Decision 766 compares days: an hour past the appointment, on its day, is still on time.
    name: 'by day: finished Thu 12 Mar 10:00, an hour after the 09:00 appointment, on its day → on time',
    story: finishedAt('2026-03-12T10:00'),
    at: '2026-03-20T00:00',
    expected: 'on_time',
  },
  {
    name: 'by day: finished Thu 12 Mar 16:59, the close of the appointment day → on time',
    story: finishedAt('2026-03-12T16:59'),
    at: '2026-03-20T00:00',
    expected: 'on_time',
  },
  {
    name: 'by day: finished Fri 13 Mar 08:00, the day after the appointment → late',
    story: finishedAt('2026-03-13T08:00'),
    at: '2026-03-20T00:00',
    expected: 'late',
  },
  {
    name: 'compare instants (agency setting): finished Thu 12 Mar 10:00, an hour after the appointment → late',
    story: finishedAt('2026-03-12T10:00'),
    at: '2026-03-20T00:00',
    expected: 'late',
    policy: BY_INSTANT,
  },
  {
    name: 'compare instants (agency setting): finished Wed 11 Mar 16:00 is still early, Thu 12 Mar 09:00 on time',
    story: finishedAt('2026-03-11T16:00'),
    at: '2026-03-20T00:00',
    expected: 'early',
    policy: BY_INSTANT,
  },
  {
    name: 'processed Wednesday, result handed over Friday: the end is the first of processed and returned → early',
    story: [
      ...finishedAt('2026-03-11T16:00'),
      ['2026-03-13T10:00', 'return_result', 'counter', { channel: 'counter' }],
    ],
    at: '2026-03-20T00:00',
    expected: 'early',
  },

  // Open dossiers: in time or overdue at the instant asked.
  {
    name: 'open on Thursday at 08:59, a minute before the appointment → in time',
    story: [MONDAY],
    at: '2026-03-12T08:59',
    expected: 'in_time',
  },
  {
    // Open is overdue once ending now would be late: by day, not before the appointment day is over.
    name: 'by day: open Thu 12 Mar at 09:01, a minute past the appointment, still its day → in time',
    story: [MONDAY],
    at: '2026-03-12T09:01',
    expected: 'in_time',
  },
  {
    name: 'by day: open Fri 13 Mar at 00:00, the appointment day over → overdue',
    story: [MONDAY],
    at: '2026-03-13T00:00',
    expected: 'overdue',
  },
  {
    name: 'compare instants (agency setting): open Thu 12 Mar at 09:01, a minute past the appointment → overdue',
    story: [MONDAY],
    at: '2026-03-12T09:01',
    expected: 'overdue',
    policy: BY_INSTANT,
  },
  {
    name: 'finished late on Fri 13 Mar, but asked about Thu 12 Mar 08:00: it was open and in time then',
    story: finishedAt('2026-03-13T10:00'),
    at: '2026-03-12T08:00',
    expected: 'in_time',
  },
  {
    name: 'finished late on Fri 13 Mar, asked about Fri 13 Mar 09:00: open and already overdue then',
    story: finishedAt('2026-03-13T10:00'),
    at: '2026-03-13T09:00',
    expected: 'overdue',
  },
  {
    name: 'compare instants (agency setting): finished late on Fri 13 Mar, asked about Thu 12 Mar 10:00: already overdue',
    story: finishedAt('2026-03-13T10:00'),
    at: '2026-03-12T10:00',
    expected: 'overdue',
    policy: BY_INSTANT,
  },
  {
    name: 'asked before it was received: no appointment yet',
    story: [MONDAY],
    at: '2026-03-09T08:00',
    expected: null,
  },

  // Supplements (yêu cầu bổ sung).
  {
    name: 'waiting for a supplement requested once, long past the old appointment → still in time',
    story: [MONDAY, ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT]],
    at: '2026-03-20T10:00',
    expected: 'in_time',
  },
  {
    name: 'supplement received Fri 13 10:00: the 3 days restart (due Wed 18 10:00), finished Tue 17 → early',
    story: [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-13T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ...toApproval('2026-03-16'),
      approveAt('2026-03-17T10:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'early',
  },
  {
    name: 'supplement received Fri 13 10:00, finished Thu 19 Mar, the day after the restarted appointment → late',
    story: [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-13T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ...toApproval('2026-03-16'),
      approveAt('2026-03-19T08:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'late',
  },
  {
    name: 'compare instants (agency setting): supplement received Fri 13 10:00, finished Wed 18 Mar 11:00, after the restarted 10:00 → late',
    story: [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-13T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ...toApproval('2026-03-16'),
      approveAt('2026-03-18T11:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'late',
    policy: BY_INSTANT,
  },
  {
    name: 'second supplement request, waiting, past the appointment set by the first supplement → overdue',
    story: [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-11T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
    ],
    at: '2026-03-17T09:00',
    expected: 'overdue',
  },
  {
    // Decision 766: supplements requested more than once make an open dossier overdue, whatever the date.
    name: 'second supplement request Fri 13 Mar, waiting, asked Mon 16 Mar 09:00 before that appointment → overdue',
    story: [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-11T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
    ],
    at: '2026-03-16T09:00',
    expected: 'overdue',
  },
  {
    name: 'second supplement requested Fri 13 Mar and received Mon 16 Mar, open Tue 17 Mar well within its new appointment → overdue',
    story: [
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-11T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-16T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
    ],
    at: '2026-03-17T09:00',
    expected: 'overdue',
  },
  {
    name: 'supplement requested once on Wed 11 Mar, before the Thu 12 appointment, waiting on Tue 17 Mar → in time',
    story: [MONDAY, ['2026-03-11T10:00', 'request_supplement', 'specialist', SUPPLEMENT]],
    at: '2026-03-17T09:00',
    expected: 'in_time',
  },
  {
    name: 'supplement requested once on Thu 12 Mar 16:00, the appointment day (by day not after it), waiting on Tue 17 Mar → in time',
    story: [MONDAY, ['2026-03-12T16:00', 'request_supplement', 'specialist', SUPPLEMENT]],
    at: '2026-03-17T09:00',
    expected: 'in_time',
  },
  {
    // Decision 766: a supplement requested after the due date counts as late from that request.
    name: 'supplement requested once on Fri 13 Mar, the day after the appointment, waiting on Tue 17 Mar → overdue',
    story: [MONDAY, ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT]],
    at: '2026-03-17T09:00',
    expected: 'overdue',
  },
  {
    name: 'supplement requested Fri 13 Mar after the appointment, received Mon 16, finished Tue 17 within the restarted time → late',
    story: [
      MONDAY,
      ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-16T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ...toApproval('2026-03-16', '11'),
      approveAt('2026-03-17T10:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'late',
  },
  {
    name: 'supplement requested Fri 13 Mar after the appointment, received Mon 16: asked Fri 13 09:00, before the request, already overdue',
    story: [MONDAY, ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT]],
    at: '2026-03-13T09:00',
    expected: 'overdue',
  },
  {
    name: 'closed because the supplement never came, requested before the appointment day → early (the wait does not count)',
    story: [
      MONDAY,
      ['2026-03-11T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-04-02T08:00', 'close_unsupplemented', 'system'],
    ],
    at: '2026-04-10T00:00',
    expected: 'early',
  },
  {
    name: 'closed because the supplement never came, but it was requested after the appointment → late',
    story: [
      MONDAY,
      ['2026-03-13T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-04-06T08:00', 'close_unsupplemented', 'system'],
    ],
    at: '2026-04-10T00:00',
    expected: 'late',
  },

  // Withdrawal (rút hồ sơ): processing ends at the citizen's request, not at the officer's acceptance.
  {
    name: 'withdrawal requested Wed 11 Mar 10:00, before the Thu 12 appointment, accepted Mon 16 Mar → early',
    story: [
      MONDAY,
      ['2026-03-11T10:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị của công dân' }],
      ['2026-03-16T10:00', 'accept_withdrawal', 'counter', {}],
    ],
    at: '2026-03-20T00:00',
    expected: 'early',
  },
  {
    name: 'withdrawal requested Thu 12 Mar 16:00, the appointment day, accepted Fri 13 Mar → on time',
    story: [
      MONDAY,
      ['2026-03-12T16:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị của công dân' }],
      ['2026-03-13T10:00', 'accept_withdrawal', 'counter', {}],
    ],
    at: '2026-03-20T00:00',
    expected: 'on_time',
  },
  {
    name: 'withdrawal requested Fri 13 Mar, the day after the appointment → late',
    story: [
      MONDAY,
      ['2026-03-13T09:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị của công dân' }],
      ['2026-03-13T10:00', 'accept_withdrawal', 'counter', {}],
    ],
    at: '2026-03-20T00:00',
    expected: 'late',
  },

  // Payment (nghĩa vụ tài chính): the applicant's time does not count.
  {
    name: 'waiting two working days for payment moves the appointment by them: finished Fri 13 → early (due Mon 16 09:00)',
    story: [
      MONDAY,
      ['2026-03-10T09:00', 'request_payment', 'counter', { items: [{ name: 'Lệ phí', amountVnd: 50000 }] }],
      ['2026-03-12T09:00', 'confirm_payment', 'counter'],
      ...toApproval('2026-03-12', '11'),
      approveAt('2026-03-13T10:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'early',
  },
  {
    name: 'still waiting for payment after the appointment, the wait began before it → in time',
    story: [
      MONDAY,
      ['2026-03-10T09:00', 'request_payment', 'counter', { items: [{ name: 'Lệ phí', amountVnd: 50000 }] }],
    ],
    at: '2026-03-16T09:00',
    expected: 'in_time',
  },

  // Extension with apology (xin lỗi và hẹn lại).
  {
    name: 'apology on Tuesday with a new date Mon 16 17:00, finished Friday → early against the new date',
    story: [
      MONDAY,
      [
        '2026-03-10T10:00',
        'extend',
        'head',
        { reason: 'Chờ xác minh', newDueAt: '2026-03-16T17:00:00+07:00' },
      ],
      ...toApproval('2026-03-12'),
      approveAt('2026-03-13T10:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'early',
  },
  {
    name: 'extended to Mon 16 17:00, finished that afternoon → on time',
    story: [
      MONDAY,
      [
        '2026-03-10T10:00',
        'extend',
        'leader',
        { reason: 'Chờ xác minh', newDueAt: '2026-03-16T17:00:00+07:00' },
      ],
      ...toApproval('2026-03-12'),
      approveAt('2026-03-16T16:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'on_time',
  },
  {
    name: 'extended to Mon 16 17:00, still open on Friday 13 (past the original date) → in time',
    story: [
      MONDAY,
      [
        '2026-03-10T10:00',
        'extend',
        'head',
        { reason: 'Chờ xác minh', newDueAt: '2026-03-16T17:00:00+07:00' },
      ],
    ],
    at: '2026-03-13T10:00',
    expected: 'in_time',
  },
  {
    name: 'extended to Mon 16 17:00, finished Tuesday → late even after the extension',
    story: [
      MONDAY,
      [
        '2026-03-10T10:00',
        'extend',
        'head',
        { reason: 'Chờ xác minh', newDueAt: '2026-03-16T17:00:00+07:00' },
      ],
      ...toApproval('2026-03-12'),
      approveAt('2026-03-17T08:00'),
    ],
    at: '2026-03-20T00:00',
    expected: 'late',
  },

  // The 2026 calendar: Tết and the make-up Saturday.
  {
    name: 'Tết 2026: received Fri 13 Feb 09:00, 3 days run 23, 24, 25 Feb; finished Tue 24 Feb → early',
    story: [receiveAt('2026-02-13T09:00'), ...toApproval('2026-02-23'), approveAt('2026-02-24T10:00')],
    at: '2026-03-01T00:00',
    expected: 'early',
  },
  {
    name: 'Tết 2026: finished Wed 25 Feb at 08:00, the appointment day → on time',
    story: [receiveAt('2026-02-13T09:00'), ...toApproval('2026-02-23'), approveAt('2026-02-25T08:00')],
    at: '2026-03-01T00:00',
    expected: 'on_time',
  },
  {
    name: 'Tết 2026: still open on the last day of the holiday (22 Feb): the days off do not count → in time',
    story: [receiveAt('2026-02-13T09:00')],
    at: '2026-02-22T12:00',
    expected: 'in_time',
  },
  {
    name: 'Tết 2026: still open Thu 26 Feb at 08:00, the day after the appointment → overdue',
    story: [receiveAt('2026-02-13T09:00')],
    at: '2026-02-26T08:00',
    expected: 'overdue',
  },
  {
    name: 'compare instants (agency setting), Tết 2026: still open Wed 25 Feb at 10:00, past 09:00 → overdue',
    story: [receiveAt('2026-02-13T09:00')],
    at: '2026-02-25T10:00',
    expected: 'overdue',
    policy: BY_INSTANT,
  },
  {
    name: 'make-up Saturday 22 Aug 2026 is a working day: received Fri 21 Aug 09:00 for 1 day, finished Mon 24 → late',
    story: [
      receiveAt('2026-08-21T09:00', { ...PROCEDURE, processingTime: { value: 1, unit: 'working_days' } }),
      ...toApproval('2026-08-21'),
      approveAt('2026-08-24T08:00'),
    ],
    at: '2026-09-10T00:00',
    expected: 'late',
  },
  {
    name: 'make-up Saturday 22 Aug 2026: finished that Saturday at 08:30 → on time',
    story: [
      receiveAt('2026-08-21T09:00', { ...PROCEDURE, processingTime: { value: 1, unit: 'working_days' } }),
      ...toApproval('2026-08-21'),
      approveAt('2026-08-22T08:30'),
    ],
    at: '2026-09-10T00:00',
    expected: 'on_time',
  },
  {
    name: 'National Day 2026 (31 Aug swapped, 1-2 Sep off): received Thu 27 Aug 10:00 for 2 days is due Thu 3 Sep 10:00 → open on 2 Sep is in time',
    story: [
      receiveAt('2026-08-27T10:00', { ...PROCEDURE, processingTime: { value: 2, unit: 'working_days' } }),
    ],
    at: '2026-09-02T16:00',
    expected: 'in_time',
  },

  // No appointment to meet.
  {
    name: 'refused at the counter: never received, so not counted',
    story: [
      [
        '2026-03-09T09:00',
        'refuse',
        'counter',
        { procedure: PROCEDURE, channel: 'counter', reason: 'Không thuộc thẩm quyền' },
      ],
    ],
    at: '2026-03-20T00:00',
    expected: null,
  },
  {
    name: 'submitted online, not yet accepted: not counted',
    story: [['2026-03-09T09:00', 'submit_online', 'citizen', { procedure: PROCEDURE }]],
    at: '2026-03-20T00:00',
    expected: null,
  },
];

describe('classify: early, on time, late (Decision 766, DOMAIN.md §3)', () => {
  it.each(EXAMPLES.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const { dossier } = play(example.story);
    expect(classify(dossier, vn(example.at), example.policy)).toBe(example.expected);
  });

  it('the appointment of the Monday story is Thursday 09:00, and a day before it is early', () => {
    const { dossier } = play([MONDAY]);
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-12 09:00');
    expect(timelinessOfEnd(vn('2026-03-11T23:59'), new Date(dossier.dueAt!))).toBe('early');
    expect(timelinessOfEnd(vn('2026-03-12T00:00'), new Date(dossier.dueAt!))).toBe('on_time');
  });

  it('a withdrawal requested Wed 11 Mar and accepted Mon 16 Mar ended processing on Wed 11 Mar', () => {
    const { dossier } = play([
      MONDAY,
      ['2026-03-11T10:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị của công dân' }],
      ['2026-03-16T10:00', 'accept_withdrawal', 'counter', {}],
    ]);
    expect(dossier.state).toBe('stopped');
    expect(local(new Date(dossier.endedAt!))).toBe('2026-03-11 10:00');
    expect(dossier.endKind).toBe('withdrawn');
  });

  it('a withdrawal requested and then rejected does not end processing', () => {
    const { dossier } = play([
      MONDAY,
      ['2026-03-11T10:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị của công dân' }],
      ['2026-03-11T11:00', 'reject_withdrawal', 'leader', { reason: 'Công dân rút lại đề nghị' }],
    ]);
    expect(dossier.endedAt).toBeNull();
    expect(classify(dossier, vn('2026-03-13T10:00'))).toBe('overdue');
  });

  it('the supplement restart gives a new appointment from the counting start of the supplement', () => {
    const { dossier } = play([
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-13T16:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
    ]);
    // After the 15:00 cut-off: counting starts Monday 16 at 07:30, three days end Wednesday 18 at 17:00.
    expect(local(new Date(dossier.countingStartAt!))).toBe('2026-03-16 07:30');
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-18 17:00');
    expect(local(new Date(dossier.originalDueAt!))).toBe('2026-03-12 09:00');
    expect(dossier.dueHistory.map((c) => c.cause)).toEqual(['receipt', 'supplement_received']);
  });
});

describe('atRisk: open and due within one working day', () => {
  it.each([
    ['2026-03-10T09:00', false, 'Tuesday 09:00: two working days left'],
    ['2026-03-11T09:00', true, 'Wednesday 09:00: due exactly one working day later'],
    ['2026-03-11T08:59', false, 'Wednesday 08:59: one minute more than a working day left'],
    ['2026-03-12T08:00', true, 'Thursday 08:00: an hour left'],
    ['2026-03-12T10:00', true, 'Thursday 10:00: past 09:00 but still the appointment day, in time by day'],
    ['2026-03-13T08:00', false, 'Friday 08:00: the appointment day is over, overdue, no longer "at risk"'],
  ])('received Mon 09:00 for 3 days, at %s → %s (%s)', (at, expected) => {
    const { dossier } = play([MONDAY]);
    expect(atRisk(dossier, vn(at), CAL_2026)).toBe(expected);
  });

  it('compare instants (agency setting): on Thu 12 Mar at 10:00 it is overdue, not at risk', () => {
    const { dossier } = play([MONDAY]);
    expect(atRisk(dossier, vn('2026-03-12T10:00'), CAL_2026, BY_INSTANT)).toBe(false);
  });

  it('a finished dossier is not at risk', () => {
    const { dossier } = play(finishedAt('2026-03-11T16:00'));
    expect(atRisk(dossier, vn('2026-03-11T17:00'), CAL_2026)).toBe(false);
  });

  it('a dossier waiting for its one supplement is not at risk: its clock is stopped', () => {
    const { dossier } = play([MONDAY, ['2026-03-11T10:00', 'request_supplement', 'specialist', SUPPLEMENT]]);
    expect(atRisk(dossier, vn('2026-03-11T11:00'), CAL_2026)).toBe(false);
  });

  it('the Friday before Tết: due Wednesday after the holiday, at risk from Tuesday', () => {
    const { dossier } = play([receiveAt('2026-02-13T09:00')]);
    expect(atRisk(dossier, vn('2026-02-13T10:00'), CAL_2026)).toBe(false);
    expect(atRisk(dossier, vn('2026-02-24T09:00'), CAL_2026)).toBe(true);
  });
});

describe('online acceptance: within 8 working hours of submission (Decree 45/2020)', () => {
  it.each([
    ['2026-03-09T09:00', '2026-03-10 09:30', 'Monday 09:00: 6 h left on Monday, 2 h on Tuesday'],
    ['2026-03-14T10:00', '2026-03-17 08:00', 'Saturday: counts from Monday 07:30'],
    ['2026-03-09T18:00', '2026-03-11 08:00', 'Monday evening: counts from Tuesday 07:30'],
    [
      '2026-02-13T16:00',
      '2026-02-23 16:30',
      'the Friday before Tết at 16:00: one hour, the other seven after the holiday',
    ],
  ])('submitted %s: to be received or refused by %s (%s)', (submitted, expected) => {
    expect(local(acceptanceDeadline(vn(submitted), CAL_2026))).toBe(expected);
  });

  it('the snapshot exposes it, and it is overdue until a counter officer decides', () => {
    const { dossier } = play([['2026-03-09T09:00', 'submit_online', 'citizen', { procedure: PROCEDURE }]]);
    expect(local(new Date(dossier.acceptanceDueAt!))).toBe('2026-03-10 09:30');
    expect(acceptanceOverdue(dossier, vn('2026-03-10T09:00'))).toBe(false);
    expect(acceptanceOverdue(dossier, vn('2026-03-10T10:00'))).toBe(true);
    const accepted = play(
      [
        [
          '2026-03-10T09:15',
          'receive',
          'counter',
          { checklist: [...PROCEDURE.requiredDocuments.map((document) => ({ document, received: true }))] },
        ],
      ],
      dossier,
    ).dossier;
    expect(acceptanceOverdue(accepted, vn('2026-03-10T10:00'))).toBe(false);
  });
});

describe('supplement limit and extension timing', () => {
  it('the supplement limit is the close of the 15th working day after the request', () => {
    expect(local(supplementLimit(vn('2026-03-11T10:00'), 15, CAL_2026))).toBe('2026-04-01 17:00');
    // Giỗ Tổ (Sunday 26 Apr, off Monday 27), 30 Apr and 1 May fall inside this one.
    expect(local(supplementLimit(vn('2026-04-20T10:00'), 15, CAL_2026))).toBe('2026-05-14 17:00');
    expect(local(supplementLimit(vn('2026-03-11T10:00'), 1, CAL_2026))).toBe('2026-03-12 17:00');
  });

  // By date (Decision 766's reading, the default): dated on or before the working day before the due date.
  it.each([
    ['2026-03-11T09:00', '2026-03-12T09:00', true, 'Wed 11 Mar 09:00, due Thu 12 Mar 09:00: the day before'],
    [
      '2026-03-11T09:01',
      '2026-03-12T09:00',
      true,
      'Wed 11 Mar 09:01: still the working day before the due date',
    ],
    ['2026-03-11T18:00', '2026-03-12T09:00', true, 'Wed 11 Mar evening: the date is what counts'],
    [
      '2026-03-12T07:00',
      '2026-03-12T17:00',
      false,
      'Thu 12 Mar 07:00, due that day: no working day before it',
    ],
    [
      '2026-03-13T16:00',
      '2026-03-16T09:00',
      true,
      'Fri 13 Mar, due Mon 16 Mar: Friday is the working day before',
    ],
    [
      '2026-03-14T10:00',
      '2026-03-16T09:00',
      false,
      'Sat 14 Mar, due Mon 16 Mar: after the last working day before it',
    ],
    [
      '2026-02-13T16:00',
      '2026-02-23T17:00',
      true,
      'Fri 13 Feb 2026, due Mon 23 Feb after Tết: Friday is the working day before',
    ],
  ])('by date: apology at %s, due %s → allowed: %s (%s)', (at, due, expected) => {
    expect(mayExtendAt(vn(at), vn(due), CAL_2026)).toBe(expected);
  });

  // By instant (agency setting): a full working day from the apology must not pass the due instant.
  it.each([
    ['2026-03-11T09:00', true, 'Wednesday 09:00, exactly one working day before Thursday 09:00'],
    ['2026-03-11T09:01', false, 'Wednesday 09:01: less than a working day is left'],
    ['2026-03-10T20:00', true, 'Tuesday evening counts as the close of Tuesday'],
    ['2026-03-11T18:00', false, 'Wednesday evening counts as the close of Wednesday: too late'],
  ])(
    'by instant (agency setting): due Thu 12 Mar 09:00, apology at %s → allowed: %s (%s)',
    (at, expected) => {
      const byInstant: CountingPolicy = { ...DECISION_766_POLICY, extensionNotice: 'instant' };
      expect(mayExtendAt(vn(at), vn('2026-03-12T09:00'), CAL_2026, byInstant)).toBe(expected);
    },
  );
});

describe('step deadlines: shares in hours at 8 h a day, laid on the calendar’s working-hours clock', () => {
  const countingStart = vn('2026-03-09T09:00');

  it('3 working days are 22.5 h of the default calendar, so a 4 h share (1/6) gets 3.75 h', () => {
    expect(stepWorkingHours(PROCEDURE, 0, countingStart, CAL_2026)).toBeCloseTo(3.75, 9);
    expect(local(stepDeadline(PROCEDURE, 0, countingStart, countingStart, CAL_2026))).toBe(
      '2026-03-09 14:45',
    );
  });

  it('a 12 h share (half the time) started Monday 14:45 gets 11.25 h: 2.25 + 7.5 + 1.5, Wednesday 09:00', () => {
    const started = vn('2026-03-09T14:45');
    expect(local(stepDeadline(PROCEDURE, 1, started, countingStart, CAL_2026))).toBe('2026-03-11 09:00');
  });

  it('the shares of steps that fill the whole time end exactly at the appointment', () => {
    let at = countingStart;
    for (let i = 0; i < PROCEDURE.steps.length; i++)
      at = stepDeadline(PROCEDURE, i, at, countingStart, CAL_2026);
    expect(local(at)).toBe('2026-03-12 09:00');
  });

  it('an hour-based procedure keeps its hours 1:1', () => {
    const hours: DossierProcedure = { ...PROCEDURE, processingTime: { value: 24, unit: 'working_hours' } };
    expect(stepWorkingHours(hours, 1, countingStart, CAL_2026)).toBeCloseTo(12, 9);
  });

  it('a calendar with an 8 h day uses the shares as they are', () => {
    const eightHours = {
      ...DEFAULT_CALENDAR_CONFIG,
      workingPeriods: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    };
    expect(stepWorkingHours(PROCEDURE, 1, vn('2026-03-09T09:00'), eightHours)).toBeCloseTo(12, 9);
  });

  it('a same-day procedure (0 days) shares what is left of the day in proportion', () => {
    const sameDay: DossierProcedure = { ...PROCEDURE, processingTime: { value: 0, unit: 'working_days' } };
    // Received 13:30: 3.5 h left until 17:00; the first step has 4 of 24 h.
    expect(stepWorkingHours(sameDay, 0, vn('2026-03-09T13:30'), CAL_2026)).toBeCloseTo(3.5 / 6, 9);
  });

  it('calendar days: a 12 h share is 1.5 working days of the calendar, 11.25 h', () => {
    const calendarDays: DossierProcedure = {
      ...PROCEDURE,
      processingTime: { value: 15, unit: 'calendar_days' },
    };
    // Due at the close of Tue 24 Mar; whatever the window, 12 h at 8 a day are 1.5 days of 7.5 h.
    expect(stepWorkingHours(calendarDays, 1, countingStart, CAL_2026)).toBeCloseTo(11.25, 9);
  });
});
