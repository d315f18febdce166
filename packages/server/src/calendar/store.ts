import { randomUUID } from 'node:crypto';
import {
  type CalendarConfig,
  type CalendarOverride,
  type CountingPolicy,
  DECISION_766_POLICY,
  DEFAULT_CALENDAR_CONFIG,
  type EndComparison,
  type ExtensionNoticeReading,
  parseCalendarConfig,
  type Weekday,
  type WorkingPeriod,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import { refreshTimeFacts } from '../dossiers/time-facts.ts';

export const DEFAULT_SUPPLEMENT_LIMIT_DAYS = 15;

export interface AgencyCalendar {
  config: CalendarConfig;
  supplementLimitDays: number;
  /** The agency's readings of Decision 766 where the law leaves room. */
  policy: CountingPolicy;
}

/** An announced day as stored: `toConfirm` while an administrator has not checked it. */
export type StoredOverride = CalendarOverride & { toConfirm: boolean };

interface SettingRow {
  weekly_days_off: Weekday[];
  working_periods: WorkingPeriod[];
  afternoon_cutoff: string;
  supplement_limit_days: number;
  end_comparison: EndComparison;
  extension_notice: ExtensionNoticeReading;
}

// Computed calendars keep their caches on the config object, so one object per agency and
// revision is reused until an administrator changes something.
const cache = new Map<string, { revision: number; calendar: AgencyCalendar }>();

/**
 * An agency's calendar: its settings (or the defaults), national overrides, then its own, which win.
 * `cached: false` neither reads nor fills the cache: for a transaction that has just changed a
 * calendar, whose revision number comes back if it rolls back.
 */
export async function loadCalendar(
  db: Queryable,
  agencyId: string | null,
  options: { cached?: boolean } = {},
): Promise<AgencyCalendar> {
  const cached = options.cached ?? true;
  const [rev] = await db.query<{ revision: number }>(
    'SELECT revision::int AS revision FROM calendar_revision WHERE id = 1',
  );
  const revision = rev?.revision ?? 0;
  const key = agencyId ?? 'national';
  const hit = cache.get(key);
  if (cached && hit && hit.revision === revision) return hit.calendar;
  const [setting] = agencyId
    ? await db.query<SettingRow>(
        `SELECT weekly_days_off, working_periods, afternoon_cutoff, supplement_limit_days, end_comparison, extension_notice
           FROM calendar_setting WHERE agency_id = $1`,
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
    policy: setting
      ? { endComparison: setting.end_comparison, extensionNotice: setting.extension_notice }
      : DECISION_766_POLICY,
  };
  if (cached) cache.set(key, { revision, calendar });
  return calendar;
}

async function bumpRevision(db: Queryable): Promise<void> {
  await db.query('UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1');
  // Working days and the agency's reading move when a dossier counts as overdue or at risk.
  await refreshTimeFacts(db, 'open');
}

export interface CalendarSettings {
  weeklyDaysOff: Weekday[];
  workingPeriods: WorkingPeriod[];
  afternoonCutoff: string;
  supplementLimitDays: number;
  endComparison: EndComparison;
  extensionNotice: ExtensionNoticeReading;
}

export async function saveSettings(
  db: Queryable,
  agencyId: string,
  s: CalendarSettings,
  actorId: string | null,
  now: Date,
) {
  await db.query(
    `INSERT INTO calendar_setting (agency_id, weekly_days_off, working_periods, afternoon_cutoff, supplement_limit_days,
       end_comparison, extension_notice, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $8, $9, $6, $7)
     ON CONFLICT (agency_id) DO UPDATE SET weekly_days_off = $2, working_periods = $3, afternoon_cutoff = $4,
       supplement_limit_days = $5, end_comparison = $8, extension_notice = $9, updated_at = $6, updated_by = $7`,
    [
      agencyId,
      s.weeklyDaysOff,
      JSON.stringify(s.workingPeriods),
      s.afternoonCutoff,
      s.supplementLimitDays,
      now,
      actorId,
      s.endComparison,
      s.extensionNotice,
    ],
  );
  await bumpRevision(db);
}

/** Replaces one year's overrides of an agency (or the national ones when `agencyId` is null). */
export async function replaceOverrides(
  db: Queryable,
  agencyId: string | null,
  year: number,
  overrides: readonly (CalendarOverride & { toConfirm?: boolean })[],
  actorId: string | null,
  now: Date,
): Promise<void> {
  await db.query(
    `DELETE FROM calendar_override WHERE agency_id IS NOT DISTINCT FROM $1 AND date >= $2::date AND date <= $3::date`,
    [agencyId, `${year}-01-01`, `${year}-12-31`],
  );
  for (const o of overrides) {
    await db.query(
      `INSERT INTO calendar_override (id, agency_id, date, kind, name, to_confirm, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), agencyId, o.date, o.kind, o.name, o.toConfirm ?? false, now, actorId],
    );
  }
  await bumpRevision(db);
}

export async function listOverrides(
  db: Queryable,
  agencyId: string | null,
  year: number,
): Promise<StoredOverride[]> {
  return db.query<StoredOverride>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, to_confirm AS "toConfirm" FROM calendar_override
      WHERE agency_id IS NOT DISTINCT FROM $1 AND date >= $2::date AND date <= $3::date ORDER BY date`,
    [agencyId, `${year}-01-01`, `${year}-12-31`],
  );
}

/** When an administrator confirmed the year's Tết as announced; null while it is only computed. */
export async function tetAnnouncement(
  db: Queryable,
  year: number,
): Promise<{ confirmedAt: string; confirmedBy: string | null } | null> {
  const [row] = await db.query<{ confirmed_at: Date | string; confirmed_by: string | null }>(
    'SELECT confirmed_at, confirmed_by FROM calendar_tet_announcement WHERE year = $1',
    [year],
  );
  return row
    ? { confirmedAt: new Date(row.confirmed_at).toISOString(), confirmedBy: row.confirmed_by }
    : null;
}

/** The years whose Tết an administrator has confirmed, ascending. */
export async function tetAnnouncedYears(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ year: number }>('SELECT year FROM calendar_tet_announcement ORDER BY year');
  return rows.map((r) => r.year);
}

export async function setTetAnnounced(
  db: Queryable,
  year: number,
  announced: boolean,
  actorId: string | null,
  now: Date,
): Promise<void> {
  if (announced) {
    await db.query(
      `INSERT INTO calendar_tet_announcement (year, confirmed_at, confirmed_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET confirmed_at = $2, confirmed_by = $3`,
      [year, now, actorId],
    );
  } else {
    await db.query('DELETE FROM calendar_tet_announcement WHERE year = $1', [year]);
  }
}
