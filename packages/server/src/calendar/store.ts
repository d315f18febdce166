import { randomUUID } from 'node:crypto';
import {
  type CalendarConfig,
  type CalendarOverride,
  DEFAULT_CALENDAR_CONFIG,
  parseCalendarConfig,
  type Weekday,
  type WorkingPeriod,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';

export const DEFAULT_SUPPLEMENT_LIMIT_DAYS = 15;

export interface AgencyCalendar {
  config: CalendarConfig;
  supplementLimitDays: number;
}

interface SettingRow {
  weekly_days_off: Weekday[];
  working_periods: WorkingPeriod[];
  afternoon_cutoff: string;
  supplement_limit_days: number;
}

// Computed calendars keep their caches on the config object, so one object per agency and
// revision is reused until an administrator changes something.
const cache = new Map<string, { revision: number; calendar: AgencyCalendar }>();

/** An agency's calendar: its settings (or the defaults), national overrides, then its own, which win. */
export async function loadCalendar(db: Queryable, agencyId: string | null): Promise<AgencyCalendar> {
  const [rev] = await db.query<{ revision: number }>(
    'SELECT revision::int AS revision FROM calendar_revision WHERE id = 1',
  );
  const revision = rev?.revision ?? 0;
  const key = agencyId ?? 'national';
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.calendar;
  const [setting] = agencyId
    ? await db.query<SettingRow>(
        'SELECT weekly_days_off, working_periods, afternoon_cutoff, supplement_limit_days FROM calendar_setting WHERE agency_id = $1',
        [agencyId],
      )
    : [];
  const overrides = await db.query<CalendarOverride & { agency_id: string | null }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, agency_id FROM calendar_override
      WHERE agency_id IS NULL OR agency_id = $1 ORDER BY date, agency_id NULLS FIRST`,
    [agencyId],
  );
  const byDay = new Map<string, CalendarOverride>();
  for (const o of overrides) byDay.set(o.date, { date: o.date, kind: o.kind, name: o.name });
  const config = parseCalendarConfig({
    weeklyDaysOff: setting?.weekly_days_off ?? DEFAULT_CALENDAR_CONFIG.weeklyDaysOff,
    workingPeriods: setting?.working_periods ?? DEFAULT_CALENDAR_CONFIG.workingPeriods,
    afternoonCutoff: setting?.afternoon_cutoff ?? DEFAULT_CALENDAR_CONFIG.afternoonCutoff,
    overrides: [...byDay.values()],
  });
  const calendar = {
    config,
    supplementLimitDays: setting?.supplement_limit_days ?? DEFAULT_SUPPLEMENT_LIMIT_DAYS,
  };
  cache.set(key, { revision, calendar });
  return calendar;
}

async function bumpRevision(db: Queryable): Promise<void> {
  await db.query('UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1');
}

export interface CalendarSettings {
  weeklyDaysOff: Weekday[];
  workingPeriods: WorkingPeriod[];
  afternoonCutoff: string;
  supplementLimitDays: number;
}

export async function saveSettings(
  db: Queryable,
  agencyId: string,
  s: CalendarSettings,
  actorId: string | null,
  now: Date,
) {
  await db.query(
    `INSERT INTO calendar_setting (agency_id, weekly_days_off, working_periods, afternoon_cutoff, supplement_limit_days, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (agency_id) DO UPDATE SET weekly_days_off = $2, working_periods = $3, afternoon_cutoff = $4,
       supplement_limit_days = $5, updated_at = $6, updated_by = $7`,
    [
      agencyId,
      s.weeklyDaysOff,
      JSON.stringify(s.workingPeriods),
      s.afternoonCutoff,
      s.supplementLimitDays,
      now,
      actorId,
    ],
  );
  await bumpRevision(db);
}

/** Replaces one year's overrides of an agency (or the national ones when `agencyId` is null). */
export async function replaceOverrides(
  db: Queryable,
  agencyId: string | null,
  year: number,
  overrides: readonly CalendarOverride[],
  actorId: string | null,
  now: Date,
): Promise<void> {
  await db.query(
    `DELETE FROM calendar_override WHERE agency_id IS NOT DISTINCT FROM $1 AND date >= $2::date AND date <= $3::date`,
    [agencyId, `${year}-01-01`, `${year}-12-31`],
  );
  for (const o of overrides) {
    await db.query(
      'INSERT INTO calendar_override (id, agency_id, date, kind, name, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [randomUUID(), agencyId, o.date, o.kind, o.name, now, actorId],
    );
  }
  await bumpRevision(db);
}

export async function listOverrides(
  db: Queryable,
  agencyId: string | null,
  year: number,
): Promise<CalendarOverride[]> {
  return db.query<CalendarOverride>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_override
      WHERE agency_id IS NOT DISTINCT FROM $1 AND date >= $2::date AND date <= $3::date ORDER BY date`,
    [agencyId, `${year}-01-01`, `${year}-12-31`],
  );
}
