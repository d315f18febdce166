import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePublicBoard } from '../../api/dashboards.ts';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ChartPatterns } from './charts.tsx';
import { FigureTotals, GroupFigure } from './groups.tsx';
import { usePercent } from './tables.tsx';
import './dashboards.css';

/** The counts of an agency or field in its table, before its rates. */
const GROUP_COUNTS = ['resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate'] as const;

/** Bảng theo dõi: on-time rates by agency and field for anyone, without sign-in. */
export default function PublicBoardPage() {
  const { t, locale } = useI18n();
  const d = t.dashboards;
  const b = d.board;
  usePageTitle(b.title);
  const percent = usePercent();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const [draft, setDraft] = useState(year);
  const board = usePublicBoard(year);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.set('nam', String(draft));
    setParams(next);
  };
  const data = board.data;
  return (
    <>
      <ChartPatterns />
      <h1>{b.title}</h1>
      <p className="lead">{b.lead}</p>
      <form className="report-period" onSubmit={submit} noValidate>
        <div className="form-group">
          <label className="label" htmlFor="board-year">
            {b.year}
          </label>
          <select
            id="board-year"
            className="select"
            value={draft}
            onChange={(e) => setDraft(Number(e.target.value))}
          >
            {Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary">
          {b.show}
        </button>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {board.isFetching ? d.loading : ''}
      </p>
      {board.isError ? <LoadError error={board.error} onRetry={() => board.refetch()} /> : null}
      {data ? (
        <>
          <p>
            <strong>{b.period(formatDate(data.from, locale), formatDate(data.to, locale))}</strong>
          </p>
          <FigureTotals
            items={[
              { label: d.totals.resolved, value: formatNumber(data.totals.resolvedTotal, locale) },
              { label: d.totals.onTimeRate, value: percent(data.totals.onTimeRate) },
              { label: d.totals.onlineShare, value: percent(data.totals.onlineShare) },
            ]}
          />
          <div className="dashboard-grid">
            <GroupFigure
              title={b.byAgency.title}
              description={b.byAgency.desc}
              head={b.agency}
              rows={data.byAgency}
              counts={GROUP_COUNTS}
              labels={d.columns}
            />
            <GroupFigure
              title={b.byField.title}
              description={b.byField.desc}
              head={d.columns.field}
              rows={data.byField}
              counts={GROUP_COUNTS}
              labels={d.columns}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
