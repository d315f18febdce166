import type { IsoDate } from '../calendar/civil-date.ts';
import { type CountingPolicy, DECISION_766_POLICY } from '../dossier/policies.ts';
import type { Channel, DossierSnapshot } from '../dossier/snapshot.ts';
import {
  dossierSatisfaction,
  type FeedbackFigures,
  feedbackOnTime,
  feedbackSatisfaction,
} from '../feedback/measures.ts';
import { type CatalogueVersion, catalogueInForceOn } from '../reform/targets.ts';
import { form06ColumnsOf } from '../statistics/drilldown.ts';
import type { Form06Numbers } from '../statistics/form06.ts';
import type { Index766Measurement } from './score.ts';

/**
 * What the system measures of the Decision 766 index from what it holds: Biểu số 06's numbers for
 * the period (the same counters, summed once) and the catalogue in force on the period's last day.
 * Every other indicator is not measured, with the reason in words.
 */

const notMeasured = (vi: string, en: string): Index766Measurement => ({
  kind: 'notMeasured',
  reason: { vi, en },
});

const NO_NATIONAL_DATABASE = notMeasured(
  'Hệ thống chưa kết nối Cơ sở dữ liệu quốc gia về TTHC và Cổng Dịch vụ công quốc gia',
  'The system is not yet connected to the national procedure database and the national portal',
);
const NO_PAYMENT = notMeasured(
  'Hệ thống chưa quản lý thanh toán trực tuyến',
  'The system does not yet handle online payment',
);
const NO_ELECTRONIC_RESULTS = notMeasured(
  'Hệ thống chưa theo dõi việc tái sử dụng dữ liệu số hóa và kho dữ liệu của công dân',
  "The system does not yet track reuse of digitised data nor the citizen's data store",
);
/** The reasons the indicators the system cannot count are not measured. */
export const INDEX766_NOT_MEASURED: Readonly<Record<string, Index766Measurement>> = {
  '1.1': notMeasured(
    'Danh mục lưu ngày quyết định công bố nhưng chưa lưu thời hạn công khai theo quy định, nên chưa xác định được công khai đúng hạn',
    'The catalogue keeps the publication decision date but not the legal deadline to publish it, so "on time" cannot be judged',
  ),
  '1.2': NO_NATIONAL_DATABASE,
  '1.4': NO_NATIONAL_DATABASE,
  '3.5': NO_PAYMENT,
  '3.6': NO_PAYMENT,
  '4.3': NO_ELECTRONIC_RESULTS,
  '4.4': NO_ELECTRONIC_RESULTS,
  '4.5': notMeasured(
    'Hệ thống chưa kết nối Cơ sở dữ liệu quốc gia về dân cư',
    'The system is not yet connected to the national population database',
  ),
  '4.6': notMeasured(
    'Hệ thống chưa cấp bản sao điện tử chứng thực',
    'The system does not issue electronic certified copies yet',
  ),
};

/**
 * 2.1: (resolved early + on time + open and in time at the end) / (resolved + open at the end).
 * Dossiers ended otherwise (refused, withdrawn, stopped) are in neither.
 */
export function onTimeHandled(n: Form06Numbers): Index766Measurement {
  return {
    kind: 'measured',
    numerator: n.resolvedEarly + n.resolvedOnTime + n.pendingInTime,
    denominator: n.resolvedTotal + n.pendingTotal,
  };
}

/** 3.3: dossiers received online in the period / all dossiers received in it (carried over left out). */
export function onlineReceived(n: Form06Numbers): Index766Measurement {
  return { kind: 'measured', numerator: n.receivedOnline, denominator: n.receivedOnline + n.receivedDirect };
}

/** Dossiers with a signed electronic result, and with a digitised copy, in the period. */
export interface ElectronicResultFigures {
  signed: number;
  digitised: number;
  /**
   * Dossiers brought by the history import, whose documents and results the import does not bring
   * (docs/history-import.md, Limits): received in the period, and resolved in it before they were
   * imported. The system does not hold whether they were digitised or had an electronic result.
   */
  imported?: ImportedFigures;
}

export interface ImportedFigures {
  received: number;
  resolved: number;
  /** Of `resolved`, those resolved late. */
  resolvedLate: number;
}

const IMPORTED_ONLY = notMeasured(
  'Hồ sơ của kỳ đều được chuyển từ hệ thống cũ, không kèm giấy tờ và kết quả điện tử, nên hệ thống không có dữ liệu để tính',
  'Every dossier of the period was brought from the previous system without its documents and electronic results, so the system holds nothing to count',
);

/**
 * 4.1: dossiers whose result was signed electronically in the period / dossiers resolved in it;
 * 4.2: dossiers digitised (a counter scan kept as a 'digitised' document) in the period / dossiers
 * received in it. A count above its denominator (a result signed for a dossier resolved later) is
 * capped at 100%. Imported dossiers are left out of both denominators: the system does not hold
 * their documents or results, so they count neither as digitised nor as not (DOMAIN.md §7 via
 * issue 9: what the system does not hold is not measured, never zero). When they are all there
 * is, the indicator is not measured, with why.
 */
export function electronicResultMeasures(
  n: Form06Numbers,
  e: ElectronicResultFigures,
): Record<'4.1' | '4.2', Index766Measurement> {
  const measure = (count: number, total: number, imported: number): Index766Measurement => {
    const denominator = Math.max(0, total - imported);
    if (denominator === 0 && imported > 0) return IMPORTED_ONLY;
    return { kind: 'measured', numerator: Math.min(count, denominator), denominator };
  };
  const received = n.receivedOnline + n.receivedDirect;
  return {
    '4.1': measure(e.signed, n.resolvedTotal, e.imported?.resolved ?? 0),
    '4.2': measure(e.digitised, received, e.imported?.received ?? 0),
  };
}

/**
 * Of the imported dossiers that may be in a period (received or ended in it), how many Biểu số
 * 06 counts as received in it, and as resolved in it before their import (after it, they were
 * handled live in Motcua and their results are held).
 */
export function importedFigures(
  dossiers: readonly { snapshot: DossierSnapshot; channel: Channel; importedAt: string | Date }[],
  from: IsoDate,
  to: IsoDate,
  policy: CountingPolicy = DECISION_766_POLICY,
): ImportedFigures {
  let received = 0;
  let resolved = 0;
  let resolvedLate = 0;
  for (const d of dossiers) {
    const columns = form06ColumnsOf(d.snapshot, d.channel, from, to, policy);
    if (columns.has('receivedOnline') || columns.has('receivedDirect')) received += 1;
    if (
      columns.has('resolvedTotal') &&
      d.snapshot.endedAt !== null &&
      Date.parse(d.snapshot.endedAt) <= new Date(d.importedAt).getTime()
    ) {
      resolved += 1;
      if (columns.has('resolvedLate')) resolvedLate += 1;
    }
  }
  return { received, resolved, resolvedLate };
}

/** What the feedback and rating data give for 5.2, 5.3 and 5.4 (see feedback/measures.ts). */
export interface SatisfactionFigures {
  feedback: FeedbackFigures;
  /** Dossiers rated "not satisfied" or named in a feedback case in the period. */
  negativeDossiers: number;
}

/**
 * 5.4 = 100% − (late rate + rate of dossiers with a complaint or a negative rating), from Biểu số
 * 06's resolved and resolved-late dossiers and the negative ratings and complaints of the period.
 * Dossiers resolved before they came by the history import are left out: no rating or complaint of
 * theirs was imported, so the system does not hold that half of the formula for them (counting
 * them as "no complaint" would give near full marks). When they are all the period resolved, 5.4 is
 * not measured, with why, and their late rate shown as the part that is counted.
 */
export function satisfactionWithHandling(
  n: Form06Numbers,
  negativeDossiers: number,
  imported: ImportedFigures = { received: 0, resolved: 0, resolvedLate: 0 },
): Index766Measurement {
  const resolvedTotal = Math.max(0, n.resolvedTotal - imported.resolved);
  if (resolvedTotal === 0 && imported.resolved > 0)
    return {
      kind: 'notMeasured',
      reason: {
        vi: 'Hồ sơ giải quyết trong kỳ đều được chuyển từ hệ thống cũ, không kèm đánh giá và phản ánh của người dân, nên chưa tính được',
        en: "Every dossier resolved in the period was brought from the previous system without the citizens' ratings and complaints, so this cannot be counted",
      },
      partial: {
        label: { vi: 'Tỷ lệ hồ sơ giải quyết quá hạn', en: 'Rate of dossiers resolved late' },
        numerator: n.resolvedLate,
        denominator: n.resolvedTotal,
        rate: Math.round((n.resolvedLate / n.resolvedTotal) * 10_000) / 100,
      },
    };
  return dossierSatisfaction({
    resolvedTotal,
    resolvedLate: Math.max(0, n.resolvedLate - imported.resolvedLate),
    negativeDossiers,
  });
}

/** 3.1 and 1.3 from the catalogue in force on `day` (the version in effect then). */
export function catalogueMeasures(versions: readonly CatalogueVersion[], day: IsoDate) {
  const inForce = catalogueInForceOn(versions, day);
  const count = (has: (v: CatalogueVersion) => boolean): Index766Measurement => ({
    kind: 'measured',
    numerator: inForce.filter(has).length,
    denominator: inForce.length,
  });
  return { '1.3': count((v) => v.complete), '3.1': count((v) => v.offeredOnline) };
}

/** What the fee tables give for 3.5 and 3.6 over the period (server/src/fees/store.ts). */
export interface PaymentFigures {
  proceduresWithFees: number;
  proceduresPaidOnline: number;
  dossiersWithFees: number;
  dossiersPaidOnline: number;
}

/** 3.5: procedures paid online / procedures with fees; 3.6: dossiers paid online / dossiers with fees. */
export function paymentMeasures(p: PaymentFigures): Record<'3.5' | '3.6', Index766Measurement> {
  return {
    '3.5': { kind: 'measured', numerator: p.proceduresPaidOnline, denominator: p.proceduresWithFees },
    '3.6': { kind: 'measured', numerator: p.dossiersPaidOnline, denominator: p.dossiersWithFees },
  };
}

/** Every indicator's measurement: the counted ones from the report and catalogue, the rest with why. */
export function index766Measurements(
  report: Form06Numbers,
  versions: readonly CatalogueVersion[],
  lastDay: IsoDate,
  satisfaction: SatisfactionFigures,
  electronic: ElectronicResultFigures,
  payment?: PaymentFigures,
): Record<string, Index766Measurement> {
  return {
    ...INDEX766_NOT_MEASURED,
    ...electronicResultMeasures(report, electronic),
    ...(payment ? paymentMeasures(payment) : {}),
    ...catalogueMeasures(versions, lastDay),
    '2.1': onTimeHandled(report),
    '3.3': onlineReceived(report),
    '5.2': feedbackOnTime(satisfaction.feedback),
    '5.3': feedbackSatisfaction(satisfaction.feedback),
    '5.4': satisfactionWithHandling(report, satisfaction.negativeDossiers, electronic.imported),
  };
}
