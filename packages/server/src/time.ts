import { z } from 'zod';

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant, as YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * An instant as people and clients write it: a date (the start of that day in Vietnam), a local
 * time in Vietnam, or a time with its own offset. Null when it is not one, or not a real date.
 */
export function parseVietnamInstant(text: string): Date | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const offset = zone === undefined ? '+07:00' : zone;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  // Date rolls 2027-02-30 over to March; a date that does not exist is refused instead.
  const civil = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (civil.getUTCMonth() !== Number(mo) - 1 || civil.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return instant;
}

/** A query or body field holding such an instant; the handler reads it with `parseVietnamInstant`. */
export const vietnamInstantText = z
  .string()
  .max(40)
  .refine((text) => parseVietnamInstant(text) !== null, 'instant_format')
  .describe('YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss] in Vietnam time, or ISO 8601 with its offset');
