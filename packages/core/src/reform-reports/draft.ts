import type { ReformArea } from '../reform/plan.ts';
import type { TaskSource } from '../reform/tasks.ts';
import { FORM06_COLUMNS } from '../statistics/form06.ts';
import { foldVietnamese } from '../text/normalise.ts';
import {
  type FigureChange,
  figureTotals,
  type PlaceFigures,
  REPORT_SECTIONS,
  type ReportContent,
  type ReportSection,
  type ReportSectionKey,
} from './content.ts';
import { type PeriodSpan, type ReportPeriod, reportTitle } from './period.ts';

/**
 * Drafting a periodic report from the system's data (pure): the plan and its tasks with their
 * progress reports give the text of sections I and II, Biểu 06 by receiving place and the
 * catalogue by online level give the figures. The officer then edits; `carryDrafted` keeps the
 * "drafted" mark only on what was left as drafted, `refreshChanges` / `applyRefresh` redraft.
 */

export interface DraftTask {
  area: ReformArea;
  title: string;
  unitName: string;
  source: TaskSource;
  sourceNumber: string | null;
  sourceDate: string | null;
  deadline: string;
  /** Vietnam day the task was closed as done, if it was by the period's end. */
  doneOn: string | null;
  doneOnTime: boolean | null;
  /** Progress reports up to the period's end, oldest first. */
  reports: { progress: number; note: string }[];
}

export interface DraftInput {
  period: ReportPeriod;
  year: number;
  span: PeriodSpan;
  agencyName: string;
  /** The province's name for the place line (Sóc Trăng, ngày …). */
  place: string;
  plan: { title: string; basis: string } | null;
  tasks: readonly DraftTask[];
  /** Biểu 06 figures per receiving unit, for the period up to `span.asOf`. */
  places: readonly PlaceFigures[];
  online: { full: number; partial: number; none: number };
  /** When the draft is made (ISO instant): the "drafted on" mark. */
  now: string;
}

/** dd/mm/yyyy */
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const n = (x: number) => x.toLocaleString('vi-VN');

/** The agency's initials for the symbol (Sở Nội vụ → BC-SNV). */
export function reportSymbol(agencyName: string): string {
  const initials = foldVietnamese(agencyName)
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return `BC-${initials || 'CQ'}`;
}

function taskLine(t: DraftTask): string {
  const last = t.reports.at(-1);
  const state = t.doneOn
    ? t.doneOnTime
      ? `đã hoàn thành đúng hạn (${viDate(t.doneOn)})`
      : `đã hoàn thành, trễ hạn so với hạn ${viDate(t.deadline)}`
    : `đang thực hiện, đạt ${last?.progress ?? 0}% (hạn ${viDate(t.deadline)})`;
  return `- ${t.title} (${t.unitName}): ${state}${last?.note ? `. ${last.note}` : ''}.`;
}

function dossierParagraph(span: PeriodSpan, rows: readonly PlaceFigures[]): string {
  const t = figureTotals(rows);
  const head = `Trong kỳ (từ ${viDate(span.from)} đến ${viDate(span.asOf)}), tổng số hồ sơ TTHC tiếp nhận theo cơ chế một cửa là ${n(t.receivedTotal)} hồ sơ (trực tuyến ${n(t.receivedOnline)}, trực tiếp và qua bưu chính ${n(t.receivedDirect)}, kỳ trước chuyển sang ${n(t.carriedOver)}).`;
  const resolved = `Đã giải quyết ${n(t.resolvedTotal)} hồ sơ (trước hạn ${n(t.resolvedEarly)}, đúng hạn ${n(t.resolvedOnTime)}, quá hạn ${n(t.resolvedLate)}); đang giải quyết ${n(t.pendingTotal)} hồ sơ (trong hạn ${n(t.pendingInTime)}, quá hạn ${n(t.pendingOverdue)}).`;
  const other =
    t.refused + t.withdrawn + t.stopped > 0
      ? ` Kết thúc khác: từ chối giải quyết ${n(t.refused)}, rút hồ sơ ${n(t.withdrawn)}, dừng giải quyết ${n(t.stopped)}.`
      : '';
  return `${head} ${resolved}${other} Chi tiết theo nơi tiếp nhận tại bảng số liệu dưới đây.`;
}

function sectionText(key: ReportSectionKey, input: DraftInput): string | null {
  const own = (area: ReformArea) => input.tasks.filter((t) => t.area === area && t.source !== 'province');
  const lines = (area: ReformArea) => {
    const list = own(area);
    return list.length
      ? list.map(taskLine).join('\n')
      : 'Trong kỳ chưa có nhiệm vụ thuộc lĩnh vực này được theo dõi trên hệ thống.';
  };
  switch (key) {
    case 'direction': {
      if (!input.plan) return `Chưa có kế hoạch cải cách hành chính năm ${input.year} trên hệ thống.`;
      const basis = input.plan.basis ? `Căn cứ ${input.plan.basis}, ` : '';
      return [
        `${basis}${input.agencyName} đã ban hành:`,
        `- ${input.plan.title}.`,
        ...own('direction').map(taskLine),
      ].join('\n');
    }
    case 'procedures':
      return `${lines('procedures')}\n${dossierParagraph(input.span, input.places)}`;
    case 'digital_government':
      return `${lines('digital_government')}\nHiện tại, cơ quan có ${n(input.online.full)} thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình, ${n(input.online.partial)} thủ tục cung cấp dịch vụ công trực tuyến một phần, ${n(input.online.none)} thủ tục chưa cung cấp trực tuyến.`;
    case 'province_tasks': {
      const list = input.tasks.filter((t) => t.source === 'province');
      if (!list.length) return 'Trong kỳ không có nhiệm vụ do UBND tỉnh giao được theo dõi trên hệ thống.';
      const done = list.filter((t) => t.doneOn && t.doneOnTime).length;
      return [
        ...list.map(
          (t) =>
            `Thực hiện văn bản số ${t.sourceNumber ?? ''}${t.sourceDate ? ` ngày ${viDate(t.sourceDate)}` : ''} của UBND tỉnh${taskLine(t).replace(/^- /, ': ')}`,
        ),
        `Đã hoàn thành đúng hạn ${done}/${list.length} nhiệm vụ do UBND tỉnh giao.`,
      ].join('\n');
    }
    case 'difficulties':
    case 'next_steps':
      return null; // the officer's own words
    default:
      return lines(key);
  }
}

/** The first draft of a report, every part the system wrote marked as drafted at `now`. */
export function draftReport(input: DraftInput): ReportContent {
  const fresh = redraftParts(input);
  return {
    number: '',
    symbol: reportSymbol(input.agencyName),
    place: input.place,
    date: null,
    title: reportTitle(input.period, input.year),
    intro: input.plan
      ? `Căn cứ ${input.plan.title}, ${input.agencyName} báo cáo ${reportTitle(input.period, input.year).toLowerCase()}, như sau:`
      : `${input.agencyName} báo cáo ${reportTitle(input.period, input.year).toLowerCase()}, như sau:`,
    ...fresh,
    recipients: ['Sở Nội vụ', 'Lưu: VT'],
    signerTitle: 'GIÁM ĐỐC',
    signerName: '',
  };
}

/** The parts the system drafts: the sections' text, the dossier figures, the online levels. */
export function redraftParts(input: DraftInput): Pick<ReportContent, 'sections' | 'dossiers' | 'online'> {
  return {
    sections: REPORT_SECTIONS.map((key): ReportSection => {
      const text = sectionText(key, input);
      return { key, text: text ?? '', draftedAt: text === null ? null : input.now };
    }),
    dossiers: { from: input.span.from, asOf: input.span.asOf, rows: [...input.places], draftedAt: input.now },
    online: { ...input.online, draftedAt: input.now },
  };
}

/** JSON with its keys sorted: a version read back from jsonb has its keys in another order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const withoutMark = <T extends { draftedAt: string | null }>({ draftedAt: _d, ...rest }: T) => rest;

/**
 * The version to store when an officer saves `next` over `prev`: a part keeps its drafted mark
 * only if it is unchanged; any part the officer changed is theirs (draftedAt null). The marks the
 * browser sends are ignored.
 */
export function carryDrafted(prev: ReportContent, next: ReportContent): ReportContent {
  return {
    ...next,
    sections: next.sections.map((s, k) => {
      const before = prev.sections[k]!;
      return { ...s, draftedAt: before.text === s.text ? before.draftedAt : null };
    }),
    dossiers: {
      ...next.dossiers,
      draftedAt: same(withoutMark(prev.dossiers), withoutMark(next.dossiers))
        ? prev.dossiers.draftedAt
        : null,
    },
    online: {
      ...next.online,
      draftedAt: same(withoutMark(prev.online), withoutMark(next.online)) ? prev.online.draftedAt : null,
    },
  };
}

/** What a refresh would change: each figure cell, online level and still-drafted section that differs. */
export function refreshChanges(
  current: ReportContent,
  fresh: Pick<ReportContent, 'sections' | 'dossiers' | 'online'>,
): FigureChange[] {
  const changes: FigureChange[] = [];
  const places = new Set([...current.dossiers.rows, ...fresh.dossiers.rows].map((r) => r.place));
  const rowOf = (list: readonly PlaceFigures[], place: string) => list.find((r) => r.place === place);
  for (const place of places) {
    const before = rowOf(current.dossiers.rows, place);
    const after = rowOf(fresh.dossiers.rows, place);
    for (const column of FORM06_COLUMNS) {
      const b = before ? before[column] : null;
      const a = after ? after[column] : null;
      if (b !== a && !(b === null && a === 0) && !(a === null && b === 0))
        changes.push({ part: 'dossiers', key: place, column, before: b, after: a });
    }
  }
  for (const level of ['full', 'partial', 'none'] as const)
    if (current.online[level] !== fresh.online[level])
      changes.push({
        part: 'online',
        key: level,
        column: null,
        before: current.online[level],
        after: fresh.online[level],
      });
  current.sections.forEach((s, k) => {
    const f = fresh.sections[k]!;
    if (s.draftedAt !== null && s.text !== f.text)
      changes.push({ part: 'section', key: s.key, column: null, before: null, after: null });
  });
  return changes;
}

/** The report after "refresh figures": new figures; sections still drafted are redrafted, edited ones kept. */
export function applyRefresh(
  current: ReportContent,
  fresh: Pick<ReportContent, 'sections' | 'dossiers' | 'online'>,
): ReportContent {
  return {
    ...current,
    sections: current.sections.map((s, k) => (s.draftedAt !== null ? fresh.sections[k]! : s)),
    dossiers: fresh.dossiers,
    online: fresh.online,
  };
}
