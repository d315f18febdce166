import type { Holiday } from '@motcua/core';
import type { StoredOverride } from './store.ts';

/**
 * How sure the calendar is of a year's Tết: 'announced' once an administrator has confirmed the
 * Government's announcement (entered as overrides where it differs from the default), 'computed'
 * while the days come from the lunar calendar alone (DOMAIN.md §4: shown as not yet announced).
 */
export interface TetStatus {
  status: 'announced' | 'computed';
  /** The statutory Tết days of the year as the calendar has them. */
  days: string[];
  confirmedAt: string | null;
}

export function tetStatus(days: readonly Holiday[], announcement: { confirmedAt: string } | null): TetStatus {
  return {
    status: announcement ? 'announced' : 'computed',
    days: days.filter((d) => d.kind === 'holiday' && d.name.includes('Tết Nguyên đán')).map((d) => d.date),
    confirmedAt: announcement?.confirmedAt ?? null,
  };
}

/** The year's days, with `toConfirm` on the announced days an administrator has yet to check. */
export function withConfirmationFlags(
  days: readonly Holiday[],
  overrides: readonly StoredOverride[],
): (Holiday & { toConfirm: boolean })[] {
  const flagged = new Set(overrides.filter((o) => o.toConfirm).map((o) => o.date));
  return days.map((d) => ({
    ...d,
    toConfirm: (d.kind === 'override-off' || d.kind === 'override-working') && flagged.has(d.date),
  }));
}
