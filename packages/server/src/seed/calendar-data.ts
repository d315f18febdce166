import type { CalendarOverride } from '@motcua/core';

type SeedOverride = CalendarOverride & { toConfirm?: boolean };

/**
 * The national announcements (DOMAIN.md §4) beyond what the law and the calendar's defaults give,
 * by year. The Tết breaks need no entry: 2025's (Mon 27 - Fri 31 Jan) and 2026's (16-20 Feb, with
 * Nghỉ bù for Sunday 15 Feb) are what the default computes.
 */
export const NATIONAL_OVERRIDES: Readonly<Record<number, readonly SeedOverride[]>> = {
  2025: [
    { date: '2025-04-26', kind: 'working', name: 'Làm bù cho ngày nghỉ 2/5/2025' },
    { date: '2025-05-02', kind: 'off', name: 'Nghỉ lễ 30/4 - 1/5 (hoán đổi với thứ Bảy 26/4/2025)' },
  ],
  2026: [
    // Reported by the press, not checked against the official notice: flagged for an administrator.
    {
      date: '2026-01-02',
      kind: 'off',
      name: 'Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/1/2026)',
      toConfirm: true,
    },
    { date: '2026-01-10', kind: 'working', name: 'Làm bù cho ngày nghỉ 2/1/2026', toConfirm: true },
    { date: '2026-08-22', kind: 'working', name: 'Làm bù cho ngày nghỉ 31/8/2026' },
    { date: '2026-08-31', kind: 'off', name: 'Nghỉ Quốc khánh (hoán đổi với thứ Bảy 22/8/2026)' },
  ],
};

/** The years whose Tết the Government has announced: confirmed in the demo data. */
export const TET_ANNOUNCED_YEARS: readonly number[] = [2025, 2026];
