import type { Locale } from '@motcua/core';
import type { ProcessingTime } from '../api/types.ts';
import type { Messages } from './vi.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const intlLocale = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(n);
}

/** "1.500.000 đồng" / "VND 1,500,000". */
export function formatVnd(amount: number, locale: Locale): string {
  const n = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(amount);
  return locale === 'vi' ? `${n} đồng` : `VND ${n}`;
}

/** A calendar date "2025-07-01" as 01/07/2025, without any time-zone shift. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [, y, mo, d] = m;
    return `${d}/${mo}/${y}`;
  }
  return formatDateTime(value, locale, false);
}

/** An instant in Vietnam time: "14:05, 01/07/2025". */
export function formatDateTime(value: string | null | undefined, locale: Locale, withTime = true): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
  if (!withTime) return day;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return locale === 'vi' ? `${time} ngày ${day}` : `${time}, ${day}`;
}

/** "5 ngày làm việc", "Trong ngày làm việc", "Chưa xác định". */
export function formatProcessingTime(
  time: ProcessingTime | null | undefined,
  t: Messages,
  locale: Locale,
): string {
  if (!time || time.value === null || time.value === undefined) return t.time.unknown;
  if (time.value === 0 && time.unit !== 'calendar_days') return t.time.sameDay;
  const format = t.time[time.unit];
  return format ? format(formatNumber(time.value, locale)) : `${time.value}`;
}

/** Today in Vietnam as YYYY-MM-DD. */
export function todayIso(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return parts;
}

/** A list read as a sentence: "a, b và c" / "a, b and c". */
export function joinList(items: string[], t: Messages): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${t.common.and} ${last}`;
}

export interface DateParts {
  hour: string;
  minute: string;
  weekday: number;
  day: number;
  month: number;
  year: number;
}

/** The parts of an instant in Vietnam time (a fixed UTC+7, no daylight saving). */
export function vietnamParts(value: string | Date): DateParts | null {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + 7 * 3_600_000);
  return {
    hour: String(local.getUTCHours()).padStart(2, '0'),
    minute: String(local.getUTCMinutes()).padStart(2, '0'),
    weekday: local.getUTCDay(),
    day: local.getUTCDate(),
    month: local.getUTCMonth() + 1,
    year: local.getUTCFullYear(),
  };
}

/** An appointment as people say it: "17 giờ 00 phút, thứ Sáu, ngày 04 tháng 12 năm 2026". */
export function formatDateTimeWords(value: string | null | undefined, t: Messages): string {
  if (!value) return '';
  const parts = vietnamParts(value);
  return parts ? t.dates.inWords(parts) : value;
}

/** "1,5 MB", "320 KB". */
export function formatBytes(n: number, t: Messages, locale: Locale): string {
  if (n < 1024) return t.documents.bytes(formatNumber(n, locale));
  if (n < 1024 * 1024) return t.documents.kb(formatNumber(Math.round(n / 102.4) / 10, locale));
  return t.documents.mb(formatNumber(Math.round(n / (1024 * 104.8576)) / 10, locale));
}
