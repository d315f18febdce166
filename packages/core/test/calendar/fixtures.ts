import type { CalendarConfig, CalendarOverride } from '../../src/calendar/index.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../src/calendar/index.ts';

/** An instant given as Vietnamese local time, 'YYYY-MM-DDTHH:MM'. */
export const vn = (local: string): Date => new Date(`${local}:00+07:00`);

/** An instant shown as Vietnamese local time, 'YYYY-MM-DD HH:MM' (weekday-free, for readable tables). */
export const local = (instant: Date): string =>
  new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const daysOff = (from: number, to: number, month: string, name: string): CalendarOverride[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    date: `2026-${month}-${String(from + i).padStart(2, '0')}`,
    kind: 'off',
    name,
  }));

/** The calendar the Government announced for 2026 (DOMAIN.md §4). */
export const CAL_2026: CalendarConfig = {
  ...DEFAULT_CALENDAR_CONFIG,
  overrides: [
    ...daysOff(14, 22, '02', 'Nghỉ Tết Nguyên đán'),
    { date: '2026-08-22', kind: 'working', name: 'Làm bù cho ngày 31/8' },
    { date: '2026-08-31', kind: 'off', name: 'Nghỉ Quốc khánh (hoán đổi)' },
  ],
};
