import {
  INDEX766_GROUPS,
  INDEX766_INDICATORS,
  type Index766Group,
  type Index766Indicator,
} from './indicators.ts';

/**
 * Scoring of the Decision 766 index (DOMAIN.md §7): each sub-indicator is a rate R, scored as full
 * points when R ≥ target, else R / target × points. An indicator whose inputs the system does not
 * hold is "not measured", with the reason in words: it scores neither zero nor full marks, and its
 * points are stated apart from the measured maximum.
 */

export interface Words {
  vi: string;
  en: string;
}

/** What the system counted for one indicator, before scoring. */
export type Index766Measurement =
  | { kind: 'measured'; numerator: number; denominator: number }
  | {
      kind: 'notMeasured';
      reason: Words;
      /** A part of the formula the system does count (e.g. 5.4's late rate), shown for information. */
      partial?: { label: Words; numerator: number; denominator: number; rate: number };
    };

/** An administrator's override of one indicator's target or points (per agency or national, per year). */
export interface Index766Override {
  code: string;
  target: number | null;
  points: number | null;
}

export interface Index766Setting {
  code: string;
  target: number;
  points: number;
}

export type Index766Score = {
  code: string;
  group: Index766Group;
  name: Words;
  formula: Words;
  target: number;
  points: number;
} & (
  | { status: 'measured'; numerator: number; denominator: number; rate: number; score: number }
  | {
      status: 'notMeasured';
      reason: Words;
      partial: NonNullable<Extract<Index766Measurement, { kind: 'notMeasured' }>['partial']> | null;
    }
);

export interface Index766GroupScore {
  group: Index766Group;
  name: Words;
  /** Points of all the group's indicators. */
  maxPoints: number;
  /** Points of the measured indicators: the score reads "score of measuredMax". */
  measuredMax: number;
  score: number;
  /** Points of the indicators not measured, stated apart. */
  unmeasuredPoints: number;
}

export interface Index766Result {
  indicators: Index766Score[];
  groups: Index766GroupScore[];
  total: Omit<Index766GroupScore, 'group' | 'name'>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A rate in percent, to two decimals; null when there is nothing to count. */
export function rateOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round2((numerator / denominator) * 100) : null;
}

/** Full points when the rate reaches the target, else rate / target × points (two decimals). */
export function indicatorPoints(rate: number, target: number, points: number): number {
  if (rate >= target) return points;
  return round2((Math.max(rate, 0) / target) * points);
}

/** The defaults of DOMAIN §7 with the overrides laid over them (the more specific last). */
export function index766Settings(...layers: readonly (readonly Index766Override[])[]): Index766Setting[] {
  return INDEX766_INDICATORS.map((indicator) => {
    let { target, points } = indicator;
    for (const layer of layers)
      for (const o of layer) {
        if (o.code !== indicator.code) continue;
        if (o.target !== null) target = o.target;
        if (o.points !== null) points = o.points;
      }
    return { code: indicator.code, target, points };
  });
}

const NOTHING_TO_COUNT: Words = {
  vi: 'Không có đối tượng để tính trong kỳ (mẫu số bằng 0)',
  en: 'Nothing to count in the period (the denominator is 0)',
};

function scoreOne(
  indicator: Index766Indicator,
  setting: Index766Setting,
  m: Index766Measurement | undefined,
): Index766Score {
  const base = {
    code: indicator.code,
    group: indicator.group,
    name: { vi: indicator.vi, en: indicator.en },
    formula: indicator.formula,
    target: setting.target,
    points: setting.points,
  };
  if (!m) return { ...base, status: 'notMeasured', reason: NOT_HELD, partial: null };
  if (m.kind === 'notMeasured')
    return { ...base, status: 'notMeasured', reason: m.reason, partial: m.partial ?? null };
  const rate = rateOf(m.numerator, m.denominator);
  if (rate === null) return { ...base, status: 'notMeasured', reason: NOTHING_TO_COUNT, partial: null };
  return {
    ...base,
    status: 'measured',
    numerator: m.numerator,
    denominator: m.denominator,
    rate,
    score: indicatorPoints(rate, setting.target, setting.points),
  };
}

const NOT_HELD: Words = {
  vi: 'Hệ thống chưa có dữ liệu cho chỉ số này',
  en: 'The system holds no data for this indicator',
};

function sumUp(list: readonly Index766Score[]): Omit<Index766GroupScore, 'group' | 'name'> {
  let maxPoints = 0;
  let measuredMax = 0;
  let score = 0;
  for (const s of list) {
    maxPoints += s.points;
    if (s.status === 'measured') {
      measuredMax += s.points;
      score += s.score;
    }
  }
  return {
    maxPoints: round2(maxPoints),
    measuredMax: round2(measuredMax),
    score: round2(score),
    unmeasuredPoints: round2(maxPoints - measuredMax),
  };
}

/** Every indicator scored, each group and the total as "score of the measured maximum". */
export function index766Result(
  measurements: Readonly<Record<string, Index766Measurement>>,
  settings: readonly Index766Setting[] = index766Settings(),
): Index766Result {
  const indicators = INDEX766_INDICATORS.map((indicator) =>
    scoreOne(indicator, settings.find((s) => s.code === indicator.code)!, measurements[indicator.code]),
  );
  const groups = INDEX766_GROUPS.map((g) => ({
    group: g.group,
    name: { vi: g.vi, en: g.en },
    ...sumUp(indicators.filter((s) => s.group === g.group)),
  }));
  return { indicators, groups, total: sumUp(indicators) };
}
