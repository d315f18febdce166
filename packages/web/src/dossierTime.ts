import {
  type CalendarConfig,
  type CalendarOverride,
  DEFAULT_CALENDAR_CONFIG,
  workingHoursBetween,
} from '@motcua/core';
import { useEffect, useMemo, useState } from 'react';
import { useHolidays } from './api/dossiers.ts';
import type { DossierSummary, Holiday, Timeliness, WorkingWeek } from './api/types.ts';
import type { Messages } from './i18n/vi.ts';

/**
 * How much working time a dossier has left, in words, with the same calendar arithmetic as the
 * server (core's working-time functions): the law's holidays are computed here; the agency's
 * announced days off, make-up days and working hours come from its public calendar.
 */

const ENDED_STATES = new Set(['refused', 'stopped', 'returned', 'result_ready']);

/** An agency's calendar: its working week (the national default until known) and announced overrides. */
export function calendarOf(holidays: readonly Holiday[], week?: WorkingWeek): CalendarConfig {
  const overrides: CalendarOverride[] = holidays
    .filter((h) => h.kind === 'override-off' || h.kind === 'override-working')
    .map((h) => ({ date: h.date, kind: h.kind === 'override-off' ? 'off' : 'working', name: h.name }));
  return { ...DEFAULT_CALENDAR_CONFIG, ...week, overrides };
}

/** The clock, moving on every minute so that "time left" stays true on a page left open. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The working calendar of an agency (the national one without it), this year and the next. */
export function useWorkingCalendar(now: Date, agencyId?: string): CalendarConfig {
  const year = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
  const thisYear = useHolidays(year, agencyId);
  const nextYear = useHolidays(year + 1, agencyId);
  return useMemo(
    () =>
      calendarOf(
        [...(thisYear.data?.items ?? []), ...(nextYear.data?.items ?? [])],
        thisYear.data?.workingWeek,
      ),
    [thisYear.data, nextYear.data],
  );
}

function hoursPerDay(cal: CalendarConfig): number {
  return cal.workingPeriods.reduce((sum, p) => {
    const [sh = 0, sm = 0] = p.start.split(':').map(Number);
    const [eh = 0, em = 0] = p.end.split(':').map(Number);
    return sum + (eh * 60 + em - (sh * 60 + sm)) / 60;
  }, 0);
}

export type DueInfo =
  | { kind: 'ended'; timeliness: Timeliness | null; finished: boolean }
  | { kind: 'paused'; reason: 'supplement' | 'payment'; until: string | null }
  | { kind: 'none' }
  | { kind: 'left'; hours: number; dayHours: number; atRisk: boolean }
  | { kind: 'overdue'; hours: number; dayHours: number };

type DueInput = Pick<DossierSummary, 'state' | 'dueAt' | 'endedAt' | 'timeliness' | 'risk'>;

export function dueInfo(
  d: DueInput,
  now: Date,
  cal: CalendarConfig,
  supplementUntil?: string | null,
): DueInfo {
  if (d.endedAt || ENDED_STATES.has(d.state)) {
    return {
      kind: 'ended',
      timeliness: d.timeliness,
      finished: d.state === 'result_ready' || d.state === 'returned',
    };
  }
  if (d.state === 'awaiting_supplement')
    return { kind: 'paused', reason: 'supplement', until: supplementUntil ?? null };
  if (d.state === 'awaiting_payment') return { kind: 'paused', reason: 'payment', until: null };
  if (!d.dueAt) return { kind: 'none' };
  const due = new Date(d.dueAt);
  const dayHours = hoursPerDay(cal) || 8;
  if (due.getTime() < now.getTime() || d.timeliness === 'overdue') {
    return { kind: 'overdue', hours: Math.max(0, workingHoursBetween(due, now, cal)), dayHours };
  }
  const hours = Math.max(0, workingHoursBetween(now, due, cal));
  return { kind: 'left', hours, dayHours, atRisk: d.risk === 'at_risk' || hours < dayHours };
}

/** "2 ngày làm việc", "3 giờ làm việc", or null below one hour. */
function amount(hours: number, dayHours: number, t: Messages): string | null {
  if (hours < 1) return null;
  if (hours < dayHours) return t.timeLeft.hours(Math.floor(hours));
  return t.timeLeft.days(Math.max(1, Math.round(hours / dayHours)));
}

export type DueTone = 'ok' | 'warning' | 'danger' | 'paused' | 'neutral' | 'done' | 'late';

/** The words, the tone (a colour) and an icon: never the colour alone. */
export function describeDue(
  info: DueInfo,
  t: Messages,
  formatDay: (iso: string) => string,
): { text: string; tone: DueTone; icon: string } {
  switch (info.kind) {
    case 'ended': {
      const label = info.timeliness ? (t.dossier.timelinessLabel[info.timeliness] ?? '') : '';
      const late = info.timeliness === 'late' || info.timeliness === 'overdue';
      const text = label ? (info.finished ? t.timeLeft.finished(label) : t.timeLeft.ended(label)) : '';
      return { text, tone: late ? 'late' : 'done', icon: late ? '✕' : '✓' };
    }
    case 'paused':
      if (info.reason === 'supplement') {
        return {
          text: info.until ? t.timeLeft.supplementUntil(formatDay(info.until)) : t.timeLeft.supplement,
          tone: 'paused',
          icon: '‖',
        };
      }
      return { text: t.timeLeft.payment, tone: 'paused', icon: '‖' };
    case 'none':
      return { text: t.timeLeft.noDue, tone: 'neutral', icon: '–' };
    case 'overdue': {
      const a = amount(info.hours, info.dayHours, t);
      return { text: a ? t.timeLeft.overdue(a) : t.timeLeft.overdueLessThanHour, tone: 'danger', icon: '!' };
    }
    case 'left': {
      const a = amount(info.hours, info.dayHours, t);
      return {
        text: a ? t.timeLeft.left(a) : t.timeLeft.leftLessThanHour,
        tone: info.atRisk ? 'warning' : 'ok',
        icon: info.atRisk ? '⚠' : '◷',
      };
    }
  }
}
