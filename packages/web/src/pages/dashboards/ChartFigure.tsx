import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * One chart of a dashboard: its title, a description that says how to read it without colour, and
 * a "Xem dạng bảng" switch to the same figures as an HTML table.
 */
export function ChartFigure({
  title,
  description,
  chart,
  table,
}: {
  title: string;
  description: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <section className="chart-figure" aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        {title}
      </h2>
      <p className="hint" id={`${id}-desc`}>
        {description}
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-pressed={asTable}
        onClick={() => setAsTable(!asTable)}
      >
        {t.dashboards.showTable}
      </button>
      {asTable ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" aria-label={t.dashboards.tableOf(title)} tabIndex={0}>
          {table}
        </section>
      ) : (
        <div
          className="chart-figure__chart"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          {chart}
        </div>
      )}
    </section>
  );
}
