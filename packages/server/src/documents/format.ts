/**
 * Vietnamese dates and times for the forms, in Vietnam time (Asia/Ho_Chi_Minh: a fixed UTC+7 with
 * no daylight saving since 1975, so the arithmetic is done on the offset, independent of the
 * machine's time zone).
 *
 * Decree 30/2020/NĐ-CP, Appendix I: a day below 10 and a month below 3 take a leading zero
 * ("ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026").
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localParts(instant: Date): LocalParts {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  const local = new Date(t + VIETNAM_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');
const dayOf = (p: LocalParts) => two(p.day);
const monthOf = (p: LocalParts) => (p.month < 3 ? two(p.month) : String(p.month));

/** "05/3/2026" */
export function viShortDate(instant: Date): string {
  const p = localParts(instant);
  return `${dayOf(p)}/${monthOf(p)}/${p.year}`;
}

/** "ngày 05 tháng 3 năm 2026" */
export function viLongDate(instant: Date): string {
  const p = localParts(instant);
  return `ngày ${dayOf(p)} tháng ${monthOf(p)} năm ${p.year}`;
}

/** "08 giờ 30 phút" */
export function viTime(instant: Date): string {
  const p = localParts(instant);
  return `${two(p.hour)} giờ ${two(p.minute)} phút`;
}

/** "08 giờ 30", the short time of narrow table columns. */
export function viClock(instant: Date): string {
  const p = localParts(instant);
  return `${two(p.hour)} giờ ${two(p.minute)}`;
}

/** "08 giờ 30 phút, ngày 05/3/2026" */
export function viDateTime(instant: Date): string {
  return `${viTime(instant)}, ngày ${viShortDate(instant)}`;
}

/** The place-and-date line: "Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2026". */
export function placeAndDate(place: string, instant: Date): string {
  return `${place}, ${viLongDate(instant)}`;
}

/** Two digits for small counts, as forms write them: "01 bản", "12 bản". */
export function viCount(n: number): string {
  return n >= 0 && n < 10 ? two(n) : String(n);
}

/** Capitals the Vietnamese way (đ → Đ, ư → Ư) for agency names and titles. */
export function viUpper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}
