import { describe, expect, it } from 'vitest';
import {
  doneOnTime,
  dueReminders,
  effectiveDeadline,
  reformAllowed,
  remindBeforeDay,
  taskStanding,
  unitFigures,
} from '../../src/index.ts';
import { CAL_2026, vn } from '../calendar/fixtures.ts';

describe('a task on the working-day calendar', () => {
  it('due on a day off is due at the end of the next working day (Civil Code art. 148(5))', () => {
    // Saturday 14 Feb 2026 starts the Tết break (14-22 Feb): the next working day is Monday 23 Feb.
    expect(effectiveDeadline('2026-02-14', CAL_2026)).toBe('2026-02-23');
    expect(doneOnTime('2026-02-14', vn('2026-02-23T16:59'), CAL_2026)).toBe(true);
    expect(doneOnTime('2026-02-14', vn('2026-02-24T08:00'), CAL_2026)).toBe(false);
    // A make-up working Saturday is a working day: due then, it stays then.
    expect(effectiveDeadline('2026-08-22', CAL_2026)).toBe('2026-08-22');
  });

  it('is compared by day: done late in the evening of the deadline is still on time', () => {
    expect(doneOnTime('2026-03-10', vn('2026-03-10T22:00'), CAL_2026)).toBe(true);
    expect(doneOnTime('2026-03-10', vn('2026-03-11T00:01'), CAL_2026)).toBe(false);
  });

  it('stands due soon three working days before the deadline, and overdue from the day after', () => {
    const task = { state: 'open', deadline: '2026-02-25', doneAt: null, progress: 0 } as const;
    // Three working days before Wednesday 25 Feb, skipping Tết: Friday 13 Feb.
    expect(remindBeforeDay('2026-02-25', CAL_2026)).toBe('2026-02-13');
    expect(taskStanding(task, vn('2026-02-12T09:00'), CAL_2026)).toBe('not_started');
    expect(taskStanding({ ...task, progress: 20 }, vn('2026-02-12T09:00'), CAL_2026)).toBe('in_progress');
    expect(taskStanding(task, vn('2026-02-13T09:00'), CAL_2026)).toBe('due_soon');
    expect(taskStanding(task, vn('2026-02-25T23:00'), CAL_2026)).toBe('due_soon');
    expect(taskStanding(task, vn('2026-02-26T00:30'), CAL_2026)).toBe('overdue');
    expect(
      taskStanding(
        { ...task, state: 'done', doneAt: vn('2026-02-26T08:00') },
        vn('2026-03-01T00:00'),
        CAL_2026,
      ),
    ).toBe('done_late');
  });

  it('has one reminder before and one after the deadline, keyed by the deadline in force', () => {
    const task = { id: 't1', state: 'open', deadline: '2026-03-13' } as const; // Friday
    expect(dueReminders(task, vn('2026-03-09T17:00'), CAL_2026)).toEqual([]);
    const before = dueReminders(task, vn('2026-03-10T07:30'), CAL_2026);
    expect(before.map((r) => r.kind)).toEqual(['before_deadline']);
    expect(before[0]!.dedupeKey).toBe('reform-task:t1:before_deadline:2026-03-13');
    // Saturday after the deadline: still the before reminder; Monday 07:30: the overdue one.
    expect(dueReminders(task, vn('2026-03-14T10:00'), CAL_2026).map((r) => r.kind)).toEqual([
      'before_deadline',
    ]);
    const after = dueReminders(task, vn('2026-03-16T07:30'), CAL_2026);
    expect(after.map((r) => r.kind)).toEqual(['after_deadline']);
    expect(dueReminders({ ...task, state: 'done' }, vn('2026-03-16T07:30'), CAL_2026)).toEqual([]);
  });

  it('gives each unit its completion and on-time rates, and marks who is behind', () => {
    const figures = unitFigures([
      { unitId: 'a', standing: 'done_on_time' },
      { unitId: 'a', standing: 'done_late' },
      { unitId: 'a', standing: 'not_started' },
      { unitId: 'b', standing: 'overdue' },
      { unitId: 'b', standing: 'cancelled' },
    ]);
    expect(figures.find((f) => f.unitId === 'a')).toMatchObject({
      total: 3,
      done: 2,
      completionRate: 66.7,
      onTimeRate: 50,
    });
    expect(figures.find((f) => f.unitId === 'b')).toMatchObject({
      total: 1,
      overdue: 1,
      completionRate: 0,
      onTimeRate: 0,
    });
  });
});

describe('who may do what in the reform work', () => {
  const subject = {
    agencyChain: ['agency', 'province'],
    unitChain: ['unitA', 'agency', 'province'],
    agencyUnits: new Set(['agency', 'unitA', 'unitB']),
  };
  it('lets the reform officer run everything and a leader read everything of the agency', () => {
    const officer = [{ role: 'reform_officer', unitId: 'agency' }] as const;
    const leader = [{ role: 'leader', unitId: 'agency' }] as const;
    expect(reformAllowed('task.manage', officer, subject)).toBe(true);
    expect(reformAllowed('plan.read_draft', leader, subject)).toBe(true);
    expect(reformAllowed('task.manage', leader, subject)).toBe(false);
    expect(reformAllowed('task.report', leader, subject)).toBe(false);
  });
  it("lets a head of unit report on the unit's tasks only, and see issued plans but no drafts", () => {
    const headA = [{ role: 'head_of_unit', unitId: 'unitA' }] as const;
    const headB = [{ role: 'head_of_unit', unitId: 'unitB' }] as const;
    expect(reformAllowed('task.report', headA, subject)).toBe(true);
    expect(reformAllowed('task.report', headB, subject)).toBe(false);
    expect(reformAllowed('standing.read', headB, subject)).toBe(false);
    expect(reformAllowed('plan.read', headB, subject)).toBe(true);
    expect(reformAllowed('plan.read_draft', headA, subject)).toBe(false);
  });
  it('gives nothing to other roles', () => {
    for (const role of [
      'specialist',
      'counter_officer',
      'appraiser',
      'administrator',
      'inspector',
    ] as const) {
      expect(reformAllowed('plan.read', [{ role, unitId: 'agency' }], subject)).toBe(false);
      expect(reformAllowed('task.read', [{ role, unitId: 'unitA' }], subject)).toBe(false);
    }
  });
});
