import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type PublicBoard, usePublicBoard } from '../../api/dashboards.ts';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { ChartPatterns, RateBars } from './charts.tsx';
import { type FigureColumn, FigureTable, usePercent } from './tables.tsx';
import './dashboards.css';

type Group = PublicBoard['byAgency'][number];

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
  const columns: FigureColumn<Group>[] = [
    ...(['resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate'] as const).map(
      (key): FigureColumn<Group> => ({ key, label: d.columns[key], kind: 'count', value: (g) => g[key] }),
    ),
    { key: 'onTimeRate', label: d.columns.onTimeRate, kind: 'rate', value: (g) => g.onTimeRate },
    { key: 'onlineShare', label: d.columns.onlineShare, kind: 'rate', value: (g) => g.onlineShare },
  ];
  const rateRows = (rows: Group[]) =>
    rows.map((g) => ({ ...g, rate: g.onTimeRate, text: percent(g.onTimeRate) }));
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
          <dl className="dashboard-totals">
            <div>
              <dt>{d.totals.resolved}</dt>
              <dd>{data.totals.resolvedTotal.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
            </div>
            <div>
              <dt>{d.totals.onTimeRate}</dt>
              <dd>{percent(data.totals.onTimeRate)}</dd>
            </div>
            <div>
              <dt>{d.totals.onlineShare}</dt>
              <dd>{percent(data.totals.onlineShare)}</dd>
            </div>
          </dl>
          <div className="dashboard-grid">
            <ChartFigure
              title={b.byAgency.title}
              description={b.byAgency.desc}
              chart={<RateBars data={rateRows(data.byAgency)} />}
              table={
                <FigureTable
                  caption={b.byAgency.title}
                  head={b.agency}
                  rows={data.byAgency}
                  name={(g) => g.name}
                  columns={columns}
                />
              }
            />
            <ChartFigure
              title={b.byField.title}
              description={b.byField.desc}
              chart={<RateBars data={rateRows(data.byField)} />}
              table={
                <FigureTable
                  caption={b.byField.title}
                  head={d.columns.field}
                  rows={data.byField}
                  name={(g) => g.name}
                  columns={columns}
                />
              }
            />
          </div>
        </>
      ) : null}
    </>
  );
}
