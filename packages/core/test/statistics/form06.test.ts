import { describe, expect, it } from 'vitest';
import {
  type CounterSum,
  type CountingPolicy,
  classify,
  counterDeltas,
  DECISION_766_POLICY,
  form06Problems,
  form06Report,
  overdueFrom,
} from '../../src/index.ts';
import { CAL_2026, GRANT, local, type Play, play, receiveAt, toApproval, vn } from '../dossier/fixtures.ts';

const SUPPLEMENT = { items: [{ description: 'Bản sao giấy khai sinh', reason: 'Thiếu trong hồ sơ' }] };
/** Received Monday 9 March 2026 at 09:00, 3 working days: due Thursday 12 March at 09:00. */
const MONDAY = receiveAt('2026-03-09T09:00');
const BY_INSTANT: CountingPolicy = { ...DECISION_766_POLICY, endComparison: 'instant' };
const at = (story: Play[]) => play(story).dossier;

describe('overdueFrom: the instant from which an open dossier counts overdue', () => {
  it('is the start of the day after the appointment day (Fri 13 Mar 00:00), or just after its instant', () => {
    const d = at([MONDAY]);
    expect(local(overdueFrom(d, CAL_2026, DECISION_766_POLICY)!)).toBe('2026-03-13 00:00');
    expect(overdueFrom(d, CAL_2026, BY_INSTANT)!.toISOString()).toBe(
      new Date(Date.parse(d.dueAt!) + 1).toISOString(),
    );
    expect(classify(d, vn('2026-03-12T23:59'))).toBe('in_time');
    expect(classify(d, vn('2026-03-13T00:00'))).toBe('overdue');
  });

  it('is null while the one supplement asked in time is awaited, and once the dossier has ended', () => {
    expect(
      overdueFrom(
        at([MONDAY, ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT]]),
        CAL_2026,
        DECISION_766_POLICY,
      ),
    ).toBeNull();
    const ended = at([MONDAY, ...toApproval('2026-03-09'), ['2026-03-10T10:00', 'approve', 'leader', GRANT]]);
    expect(overdueFrom(ended, CAL_2026, DECISION_766_POLICY)).toBeNull();
  });

  it('is the second supplement request (Wed 11 Mar 10:00) when supplements were asked twice', () => {
    const d = at([
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
      ['2026-03-10T15:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ['2026-03-11T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
    ]);
    expect(local(overdueFrom(d, CAL_2026, DECISION_766_POLICY)!)).toBe('2026-03-11 10:00');
    expect(classify(d, vn('2026-03-11T10:00'))).toBe('overdue');
  });
});

describe('counterDeltas: what one action changes in the counters', () => {
  it('a receipt counts received and open that day, and overdue ahead on Fri 13 Mar', () => {
    const d = at([MONDAY]);
    expect(counterDeltas(null, d, vn('2026-03-09T09:00'), CAL_2026, DECISION_766_POLICY).deltas).toEqual([
      { day: '2026-03-09', metric: 'received', delta: 1 },
      { day: '2026-03-09', metric: 'open', delta: 1 },
      { day: '2026-03-13', metric: 'overdue', delta: 1 },
    ]);
  });

  it('an early approval on Tue 10 Mar ends it that day and takes the overdue of 13 Mar back', () => {
    const before = at([MONDAY, ...toApproval('2026-03-09')]);
    const after = at([MONDAY, ...toApproval('2026-03-09'), ['2026-03-10T10:00', 'approve', 'leader', GRANT]]);
    expect(
      counterDeltas(before, after, vn('2026-03-10T10:00'), CAL_2026, DECISION_766_POLICY).deltas,
    ).toEqual([
      { day: '2026-03-10', metric: 'resolved_early', delta: 1 },
      { day: '2026-03-10', metric: 'open', delta: -1 },
      { day: '2026-03-13', metric: 'overdue', delta: -1 },
    ]);
  });

  it('a withdrawal asked Wed 11 Mar and accepted Mon 16 Mar ends it on 11 Mar, overdue days taken back from then', () => {
    const asked: Play[] = [
      MONDAY,
      ['2026-03-11T10:00', 'request_withdrawal', 'counter', { reason: 'Theo đề nghị' }],
    ];
    const before = at(asked);
    const after = at([...asked, ['2026-03-16T10:00', 'accept_withdrawal', 'counter', {}]]);
    expect(
      counterDeltas(before, after, vn('2026-03-16T10:00'), CAL_2026, DECISION_766_POLICY).deltas,
    ).toEqual([
      { day: '2026-03-11', metric: 'ended_withdrawn', delta: 1 },
      { day: '2026-03-11', metric: 'open', delta: -1 },
      { day: '2026-03-13', metric: 'overdue', delta: -1 },
    ]);
  });
});

describe('form06Report: rows, totals and the invariant', () => {
  const sum = (
    field: string,
    channel: CounterSum['channel'],
    metric: string,
    before: number,
    within: number,
  ) => ({
    field,
    channel,
    metric,
    before,
    within,
  });
  it('reads carried over and in progress from the open and overdue deltas', () => {
    const report = form06Report(
      [
        sum('viec-lam', 'online', 'received', 3, 2),
        sum('viec-lam', 'counter', 'received', 5, 4),
        sum('viec-lam', 'counter', 'open', 2, 1),
        sum('viec-lam', 'online', 'open', 1, 0),
        sum('viec-lam', 'counter', 'overdue', 1, 1),
        sum('viec-lam', 'counter', 'resolved_early', 4, 2),
        sum('viec-lam', 'online', 'resolved_late', 0, 1),
        sum('viec-lam', 'counter', 'ended_withdrawn', 1, 1),
        sum('viec-lam', 'counter', 'ended_stopped', 0, 1),
        sum('nguoi-co-cong', 'post', 'open', 0, 0),
      ],
      { 'viec-lam': 'Việc làm', 'nguoi-co-cong': 'Người có công' },
    );
    expect(report.rows).toEqual([
      {
        field: 'viec-lam',
        fieldName: 'Việc làm',
        receivedTotal: 9,
        receivedOnline: 2,
        receivedDirect: 4,
        carriedOver: 3,
        resolvedTotal: 3,
        resolvedEarly: 2,
        resolvedOnTime: 0,
        resolvedLate: 1,
        pendingTotal: 4,
        pendingInTime: 2,
        pendingOverdue: 2,
        refused: 0,
        withdrawn: 1,
        stopped: 1,
      },
    ]);
    expect(report.totals.receivedTotal).toBe(9);
    expect(form06Problems(report.rows[0]!)).toEqual([]);
  });

  it('names a row whose received dossiers are not all accounted for', () => {
    const [row] = form06Report(
      [sum('viec-lam', 'counter', 'received', 0, 2), sum('viec-lam', 'counter', 'open', 0, 1)],
      {},
    ).rows;
    expect(form06Problems(row!)).toEqual([
      'received = resolved + in progress + refused + withdrawn + stopped',
    ]);
  });
});
