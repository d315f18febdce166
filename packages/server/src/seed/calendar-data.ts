import type { CalendarOverride } from '@motcua/core';

/**
 * The national announcements for 2026 (DOMAIN.md §4) beyond what the law itself fixes: Monday
 * 31 August off in exchange for Saturday 22 August. The Tết break of 14-22 February needs no
 * entry: the five legal days (16-20 February) fall between two weekends.
 */
export const NATIONAL_OVERRIDES_2026: CalendarOverride[] = [
  { date: '2026-08-22', kind: 'working', name: 'Làm bù cho ngày nghỉ 31/8/2026' },
  { date: '2026-08-31', kind: 'off', name: 'Nghỉ Quốc khánh (hoán đổi với thứ Bảy 22/8/2026)' },
];
