import { type CalendarConfig, isWorkingDay } from '@motcua/core';
import type { ImportDossier, ImportEvent } from '../src/history-import/format.ts';

/**
 * Synthetic dossier histories (hồ sơ giả lập) in the history import's own format, so the bench
 * writes them through the same replay as an agency's real history. Deterministic from a seed.
 * The mix follows what a provincial department sees in a year: counters, post and online;
 * several receiving units; most dossiers processed within their time, some early, some late;
 * supplements (once, sometimes twice), extensions, inter-agency opinions, fees; refusals,
 * withdrawals, stops; recent ones still open and a few old ones stalled (overdue).
 */

export interface SyntheticProcedure {
  code: string;
  fieldCode: string;
  /** Processing time in working days (thời hạn giải quyết). */
  workingDays: number;
}

export interface SyntheticOptions {
  procedures: readonly SyntheticProcedure[];
  /** Codes of the units that receive at a counter or by post. */
  receivingUnits: readonly string[];
  calendar: CalendarConfig;
  /** Histories end before this instant (the import refuses the future). */
  now: Date;
  /** How far back receipts go, in days (a year by default). */
  days?: number;
  seed: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const VN_OFFSET = 7 * HOUR;
/** Days since 1970-01-01 in Vietnam, and back to YYYY-MM-DD. */
const localDayOf = (ms: number) => Math.floor((ms + VN_OFFSET) / DAY);
const isoDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** A small, fast, seeded generator (mulberry32): the same seed gives the same histories. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Thanh', 'Quốc', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Tâm',
  'Trang',
];
const COMPANIES = ['Công ty TNHH Minh Phát', 'Công ty CP Sài Gòn Xanh', 'Công ty TNHH Kỹ thuật Ánh Dương'];
const OFFICERS = ['Lê Văn Tám', 'Trần Thị Hoa', 'Phạm Minh Khang', 'Đỗ Thu Hằng'];

/** An instant as the previous system wrote it: Vietnam time with its offset. */
export function vietnamInstant(ms: number): string {
  return `${new Date(ms + VN_OFFSET).toISOString().slice(0, 19)}+07:00`;
}

/** The history generator: `next(i)` is the i-th dossier of the file. */
export function syntheticHistories(options: SyntheticOptions) {
  const { calendar, now, procedures, receivingUnits } = options;
  const rng = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const chance = (p: number) => rng() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const working = (day: number) => isWorkingDay(isoDate(day), calendar);
  /** The working day `n` working days after `day` (n ≥ 0; 0 is `day` itself when it is one). */
  const addWorkingDays = (day: number, n: number) => {
    let d = day;
    while (!working(d)) d++;
    for (let k = 0; k < n; k++) {
      d++;
      while (!working(d)) d++;
    }
    return d;
  };
  /** An instant inside office hours (08:00 to 16:30) of a Vietnam day. */
  const during = (day: number) => day * DAY - VN_OFFSET + 8 * HOUR + between(0, 510) * MINUTE;
  const today = localDayOf(now.getTime());
  const span = options.days ?? 365;
  const horizon = now.getTime() - 10 * MINUTE;

  return (i: number): ImportDossier => {
    const procedure = pick(procedures);
    const r = rng();
    const channel = r < 0.45 ? 'online' : r < 0.9 ? 'counter' : 'post';
    let received = today - between(1, span);
    while (!working(received)) received--;
    const receivedMs = Math.min(during(received), horizon - DAY);
    const events: ImportEvent[] = [];
    let at = receivedMs;
    let day = received;
    /** The next event, `n` working days on (at least a few minutes after the last one). */
    const later = (n: number) => {
      day = addWorkingDays(day, n);
      at = Math.max(at + between(5, 90) * MINUTE, during(day));
      day = localDayOf(at);
      return vietnamInstant(at);
    };
    const officer = () => pick(OFFICERS);
    // The processing time restarts when the supplement arrives: count from there.
    let clockStart = received;

    if (chance(0.05)) {
      // Xin lỗi và hẹn lại: early in the processing time, to a later working day.
      const due = addWorkingDays(received, procedure.workingDays);
      events.push({
        type: 'extended',
        at: later(1),
        newDueAt: isoDate(addWorkingDays(due, between(5, 12))),
        reason: 'Cần xác minh thêm thông tin với cơ quan liên quan',
        officer: officer(),
      });
    } else {
      const rounds = chance(0.12) ? (chance(0.2) ? 2 : 1) : 0;
      for (let k = 0; k < rounds; k++) {
        events.push({
          type: 'supplement_requested',
          at: later(1),
          reason: k === 0 ? 'Thiếu bản sao có chứng thực giấy tờ tùy thân' : 'Bản khai chưa đủ chữ ký',
          officer: officer(),
        });
        // A few are still waiting for the applicant: nothing more happens.
        if (chance(0.08)) return entry();
        events.push({ type: 'supplement_received', at: later(between(1, 6)) });
        clockStart = day;
      }
    }
    if (chance(0.08)) {
      events.push({
        type: 'inter_agency_sent',
        at: later(1),
        agency: 'Công an Thành phố',
        officer: officer(),
      });
      events.push({ type: 'inter_agency_returned', at: later(between(1, 3)) });
    }
    if (chance(0.15)) {
      events.push({
        type: 'payment_requested',
        at: later(0),
        items: [{ name: 'Lệ phí giải quyết thủ tục', amountVnd: between(1, 20) * 50_000 }],
        officer: officer(),
      });
      events.push({ type: 'payment_made', at: later(between(0, 2)), reference: `BL-${i}` });
    }
    const end = rng();
    if (end < 0.02) {
      events.push({
        type: 'withdrawal_requested',
        at: later(between(0, 3)),
        reason: 'Người nộp đề nghị rút hồ sơ',
      });
      events.push({ type: 'withdrawal_accepted', at: later(between(0, 1)), officer: officer() });
    } else if (end < 0.04) {
      events.push({
        type: 'stopped',
        at: later(between(1, 3)),
        reason: 'Người nộp không còn nhu cầu giải quyết',
      });
    } else if (end < 0.07) {
      // Stalled: never processed, overdue once its time has passed.
    } else {
      // Early (30 %), on the last working day (55 %), late by a few days (15 %).
      const t = rng();
      const target =
        t < 0.3
          ? Math.max(0, Math.floor(procedure.workingDays * (0.2 + 0.5 * rng())))
          : t < 0.85
            ? procedure.workingDays
            : procedure.workingDays + between(1, 5);
      const at0 = addWorkingDays(clockStart, target);
      const refused = chance(0.05);
      events.push({
        type: 'processed',
        at: later(Math.max(0, workingDaysBetween(day, at0))),
        outcome: refused ? 'refused' : 'granted',
        ...(refused ? { reason: 'Hồ sơ không đáp ứng điều kiện theo quy định' } : {}),
        officer: officer(),
      });
      if (chance(0.85)) {
        events.push({
          type: 'returned',
          at: later(between(0, 2)),
          channel: channel === 'online' ? 'online' : 'counter',
        });
      }
    }
    return entry();

    function entry(): ImportDossier {
      // What has not happened yet by now is left out: the dossier is still open where it stands.
      const past = events.filter((e) => Date.parse(e.at) <= horizon);
      const person = chance(0.8);
      return {
        previousCode: `GL-${options.seed}-${i}`,
        procedureCode: procedure.code,
        fieldCode: procedure.fieldCode,
        channel,
        ...(channel === 'online' ? {} : { receivingUnitCode: pick(receivingUnits) }),
        applicant: person
          ? {
              name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
              idNumber: `0792${String(between(0, 99_999_999)).padStart(8, '0')}`,
            }
          : { name: pick(COMPANIES), idNumber: `03${String(between(0, 99_999_999)).padStart(8, '0')}` },
        ...(channel === 'online'
          ? { submittedAt: vietnamInstant(receivedMs - between(10, 600) * MINUTE) }
          : {}),
        receivedAt: vietnamInstant(receivedMs),
        events: past,
      };
    }
  };

  function workingDaysBetween(from: number, to: number): number {
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (working(d)) n++;
    return n;
  }
}
