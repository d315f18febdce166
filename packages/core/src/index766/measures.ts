import type { IsoDate } from '../calendar/civil-date.ts';
import {
  dossierSatisfaction,
  type FeedbackFigures,
  feedbackOnTime,
  feedbackSatisfaction,
} from '../feedback/measures.ts';
import { type CatalogueVersion, catalogueInForceOn } from '../reform/targets.ts';
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
}

/**
 * 4.1: dossiers whose result was signed electronically in the period / dossiers resolved in it;
 * 4.2: dossiers digitised (a counter scan kept as a 'digitised' document) in the period / dossiers
 * received in it. A count above its denominator (a result signed for a dossier resolved later) is
 * capped at 100%.
 */
export function electronicResultMeasures(
  n: Form06Numbers,
  e: ElectronicResultFigures,
): Record<'4.1' | '4.2', Index766Measurement> {
  const received = n.receivedOnline + n.receivedDirect;
  return {
    '4.1': { kind: 'measured', numerator: Math.min(e.signed, n.resolvedTotal), denominator: n.resolvedTotal },
    '4.2': { kind: 'measured', numerator: Math.min(e.digitised, received), denominator: received },
  };
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
 */
export function satisfactionWithHandling(n: Form06Numbers, negativeDossiers: number): Index766Measurement {
  return dossierSatisfaction({
    resolvedTotal: n.resolvedTotal,
    resolvedLate: n.resolvedLate,
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
    '5.4': satisfactionWithHandling(report, satisfaction.negativeDossiers),
  };
}
