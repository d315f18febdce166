import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The dashboards' charts (recharts), readable without colour: each series has its own pattern
 * (solid, stripes, dots) with a dark outline, and every bar and point carries its value as text.
 */

export type Fill = 'solid' | 'stripes' | 'dots';
const FILL: Record<Fill, string> = {
  solid: 'url(#chart-solid)',
  stripes: 'url(#chart-stripes)',
  dots: 'url(#chart-dots)',
};
const INK = '#0b0c0c';

/** The patterns, once per page (fills refer to them by id). */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id="chart-solid" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#1d70b8" />
        </pattern>
        <pattern
          id="chart-stripes"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#ffffff" />
          <rect width="4" height="8" fill="#00703c" />
        </pattern>
        <pattern id="chart-dots" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#ffffff" />
          <circle cx="3" cy="3" r="2" fill="#d4351c" />
        </pattern>
      </defs>
    </svg>
  );
}

export interface SeriesDef<K extends string> {
  key: K;
  label: string;
  fill: Fill;
}

/** Vertical bars per period, one bar per series side by side, the count above each bar. */
export function PeriodBars<K extends string, T extends { label: string } & Record<K, number>>({
  data,
  series,
  onSelect,
}: {
  data: T[];
  series: SeriesDef<K>[];
  onSelect: (row: T, key: K) => void;
}) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 20, right: 8, left: 0, bottom: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fill: INK, fontSize: 12 }} width={36} />
        <Tooltip />
        <Legend wrapperStyle={{ color: INK }} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={FILL[s.fill]}
            stroke={INK}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_item, index) => {
              const row = data[index];
              if (row) onSelect(row, s.key);
            }}
          >
            <LabelList dataKey={s.key} position="top" fill={INK} fontSize={11} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A horizontal bar per group (field, unit, agency), its rate written at the bar's end. */
export function RateBars<T extends { name: string; rate: number | null; text: string }>({
  data,
  onSelect,
}: {
  data: T[];
  onSelect?: (row: T) => void;
}) {
  const rows = data.map((d) => ({ ...d, value: d.rate ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 44 + 40)}>
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 56, left: 4, bottom: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fill: INK, fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={120} tick={{ fill: INK, fontSize: 12 }} />
        <Bar
          dataKey="value"
          fill={FILL.solid}
          stroke={INK}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={(_item, index) => {
            const row = data[index];
            if (row && onSelect) onSelect(row);
          }}
        >
          <LabelList dataKey="text" position="right" fill={INK} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The on-time rate per period as a line with a labelled point per period (none where nothing was resolved). */
export function RateLine<T extends { label: string; rate: number | null; text: string }>({
  data,
}: {
  data: T[];
}) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 24, right: 24, left: 0, bottom: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fill: INK, fontSize: 12 }} width={44} />
        <Line
          dataKey="rate"
          stroke={INK}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={{ r: 4, fill: INK }}
          isAnimationActive={false}
          connectNulls={false}
        >
          <LabelList dataKey="text" position="top" fill={INK} fontSize={11} />
        </Line>
      </LineChart>
    </ResponsiveContainer>
  );
}
