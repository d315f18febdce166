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
