import { ChartFigure } from './ChartFigure.tsx';
import { RateBars } from './charts.tsx';
import type { DrillDown } from './links.ts';
import { type FigureColumn, FigureTable, usePercent } from './tables.tsx';

/** The headline figures of a dashboard, each a label over its value. */
export function FigureTotals({ items }: { items: { label: string; value: string }[] }) {
  return (
    <dl className="dashboard-totals">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A group the server counts apart: a field (lĩnh vực), a unit or an agency. */
interface Group {
  key: string;
  name: string;
  onTimeRate: number | null;
  onlineShare: number | null;
}

/**
 * Groups side by side: their on-time rates as bars, and as a table the counts named in `counts`,
 * then the on-time rate and the online share. `drill` makes each count a link to its dossiers;
 * `onSelect` makes each bar one.
 */
export function GroupFigure<K extends string, G extends Group & Record<K, number>>({
  title,
  description,
  head,
  rows,
  counts,
  labels,
  drill,
  onSelect,
}: {
  title: string;
  description: string;
  head: string;
  rows: G[];
  counts: readonly K[];
  labels: Record<K | 'onTimeRate' | 'onlineShare', string>;
  drill?: (group: G, column: K) => DrillDown;
  onSelect?: (group: G) => void;
}) {
  const percent = usePercent();
  const columns: FigureColumn<G>[] = [
    ...counts.map(
      (key): FigureColumn<G> => ({
        key,
        label: labels[key],
        kind: 'count',
        value: (g) => g[key],
        drill: drill ? (g) => drill(g, key) : undefined,
      }),
    ),
    { key: 'onTimeRate', label: labels.onTimeRate, kind: 'rate', value: (g) => g.onTimeRate },
    { key: 'onlineShare', label: labels.onlineShare, kind: 'rate', value: (g) => g.onlineShare },
  ];
  return (
    <ChartFigure
      title={title}
      description={description}
      chart={
        <RateBars
          data={rows.map((g) => ({ ...g, rate: g.onTimeRate, text: percent(g.onTimeRate) }))}
          onSelect={onSelect}
        />
      }
      table={<FigureTable caption={title} head={head} rows={rows} name={(g) => g.name} columns={columns} />}
    />
  );
}
