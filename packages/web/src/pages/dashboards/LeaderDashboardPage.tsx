import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type LeaderDashboard, useLeaderDashboard } from '../../api/dashboards.ts';
import { DateField } from '../../components/DateInput.tsx';
import { isIsoDate } from '../../components/forms.tsx';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { ChartPatterns, PeriodBars, RateBars, RateLine } from './charts.tsx';
import { FigureTotals, GroupFigure } from './groups.tsx';
import { type DrillDown, drillDownUrl } from './links.ts';
import { DossierList, type FigureColumn, FigureTable, usePercent } from './tables.tsx';
import './dashboards.css';

const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

type Point = LeaderDashboard['series'][number];
type ChannelRow = LeaderDashboard['byChannel'][number];

/** The counts of a field or unit in its table, before its rates. */
const GROUP_COUNTS = [
  'receivedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'pendingOverdue',
] as const;

/** Bảng điều khiển: the leaders' figures of an agency over a period, as the server counts them. */
export default function LeaderDashboardPage() {
  const { t, locale } = useI18n();
  const d = t.dashboards;
  usePageTitle(d.title);
  const navigate = useNavigate();
  const percent = usePercent();
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const granularity = params.get('granularity') === 'week' ? 'week' : 'month';
  const agency = params.get('agency') ?? undefined;
  const [draft, setDraft] = useState({ from, to, granularity });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const dashboard = useLeaderDashboard({ from, to, granularity, agency });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { from?: string; to?: string } = {};
    if (!isIsoDate(draft.from)) found.from = d.fromInvalid;
    if (!isIsoDate(draft.to)) found.to = d.toInvalid;
    else if (!found.from && draft.to < draft.from) found.to = d.toBeforeFrom;
    setErrors(found);
    if (found.from || found.to) return;
    const next = new URLSearchParams(params);
    next.set('from', draft.from);
    next.set('to', draft.to);
    next.set('granularity', draft.granularity);
    setParams(next);
  };

  const data = dashboard.data;
  const n = (v: number) => formatNumber(v, locale);
  const c = d.columns;
  const drill = (
    extra: Omit<DrillDown, 'agency' | 'from' | 'to'> & { from?: string; to?: string },
  ): DrillDown => ({
    from: data!.from,
    to: data!.to,
    agency: data!.agency.id,
    ...extra,
  });
  const go = (target: DrillDown) => navigate(drillDownUrl(target));
  const bucketLabel = (p: Point) =>
    granularity === 'month'
      ? d.monthOf(p.key.slice(5, 7), p.key.slice(0, 4))
      : d.weekOf(formatDate(p.from, locale).slice(0, 5), formatDate(p.to, locale).slice(0, 5));
  const countColumn = (key: keyof Point & keyof typeof c): FigureColumn<Point> => ({
    key,
    label: c[key],
    kind: 'count',
    value: (p) => p[key] as number,
    drill: (p) => drill({ from: p.from, to: p.to, column: key }),
  });
  const channelColumn = (ch: ChannelRow) => (ch.channel === 'online' ? 'receivedOnline' : 'receivedDirect');

  return (
    <>
      <ChartPatterns />
      <h1>{d.title}</h1>
      <p className="lead">{d.lead}</p>
      <form className="report-period" onSubmit={submit} noValidate>
        <DateField
          id="dashboard-from"
          label={d.from}
          className="input-width-10"
          value={draft.from}
          error={errors.from}
          onChange={(v) => setDraft({ ...draft, from: v })}
        />
        <DateField
          id="dashboard-to"
          label={d.to}
          className="input-width-10"
          value={draft.to}
          error={errors.to}
          onChange={(v) => setDraft({ ...draft, to: v })}
        />
        <div className="form-group">
          <label className="label" htmlFor="dashboard-granularity">
            {d.granularity}
          </label>
          <select
            id="dashboard-granularity"
            className="select"
            value={draft.granularity}
            onChange={(e) =>
              setDraft({ ...draft, granularity: e.target.value === 'week' ? 'week' : 'month' })
            }
          >
            <option value="month">{d.month}</option>
            <option value="week">{d.week}</option>
          </select>
        </div>
        <button type="submit" className="button button--primary">
          {d.show}
        </button>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {dashboard.isFetching ? d.loading : ''}
      </p>
      {dashboard.isError ? <LoadError error={dashboard.error} onRetry={() => dashboard.refetch()} /> : null}
      {data ? (
        <>
          <p>
            <strong>
              {d.period(data.agency.name, formatDate(data.from, locale), formatDate(data.to, locale))}
            </strong>
          </p>
          <FigureTotals
            items={[
              { label: d.totals.received, value: n(data.totals.receivedOnline + data.totals.receivedDirect) },
              { label: d.totals.resolved, value: n(data.totals.resolvedTotal) },
              { label: d.totals.onTimeRate, value: percent(data.totals.onTimeRate) },
              { label: d.totals.onlineShare, value: percent(data.totals.onlineShare) },
              { label: d.totals.pendingOverdue, value: n(data.overdue.total) },
            ]}
          />
          <div className="dashboard-grid">
            <ChartFigure
              title={d.received.title}
              description={d.received.desc}
              chart={
                <PeriodBars
                  data={data.series.map((p) => ({ ...p, label: bucketLabel(p) }))}
                  series={[
                    { key: 'receivedOnline', label: c.receivedOnline, fill: 'solid' },
                    { key: 'receivedDirect', label: c.receivedDirect, fill: 'stripes' },
                  ]}
                  onSelect={(p, key) => go(drill({ from: p.from, to: p.to, column: key }))}
                />
              }
              table={
                <FigureTable
                  caption={d.received.title}
                  head={d.bucket}
                  rows={data.series}
                  name={bucketLabel}
                  columns={[countColumn('receivedOnline'), countColumn('receivedDirect')]}
                />
              }
            />
            <ChartFigure
              title={d.resolved.title}
              description={d.resolved.desc}
              chart={
                <PeriodBars
                  data={data.series.map((p) => ({ ...p, label: bucketLabel(p) }))}
                  series={[
                    { key: 'resolvedEarly', label: c.resolvedEarly, fill: 'solid' },
                    { key: 'resolvedOnTime', label: c.resolvedOnTime, fill: 'stripes' },
                    { key: 'resolvedLate', label: c.resolvedLate, fill: 'dots' },
                  ]}
                  onSelect={(p, key) => go(drill({ from: p.from, to: p.to, column: key }))}
                />
              }
              table={
                <FigureTable
                  caption={d.resolved.title}
                  head={d.bucket}
                  rows={data.series}
                  name={bucketLabel}
                  columns={[
                    countColumn('resolvedEarly'),
                    countColumn('resolvedOnTime'),
                    countColumn('resolvedLate'),
                    countColumn('resolvedTotal'),
                  ]}
                />
              }
            />
            <ChartFigure
              title={d.rate.title}
              description={d.rate.desc}
              chart={
                <RateLine
                  data={data.series.map((p) => ({
                    label: bucketLabel(p),
                    rate: p.onTimeRate,
                    text: p.onTimeRate === null ? '' : percent(p.onTimeRate),
                  }))}
                />
              }
              table={
                <FigureTable
                  caption={d.rate.title}
                  head={d.bucket}
                  rows={data.series}
                  name={bucketLabel}
                  columns={[
                    countColumn('resolvedTotal'),
                    { key: 'onTimeRate', label: c.onTimeRate, kind: 'rate', value: (p) => p.onTimeRate },
                  ]}
                />
              }
            />
            <GroupFigure
              title={d.byField.title}
              description={d.byField.desc}
              head={c.field}
              rows={data.byField}
              counts={GROUP_COUNTS}
              labels={c}
              drill={(g, column) => drill({ field: g.key, column })}
              onSelect={(g) => go(drill({ field: g.key, column: 'resolvedTotal' }))}
            />
            <GroupFigure
              title={d.byUnit.title}
              description={d.byUnit.desc}
              head={c.unit}
              rows={data.byUnit}
              counts={GROUP_COUNTS}
              labels={c}
              drill={(g, column) => drill({ unit: g.key, column })}
              onSelect={(g) => go(drill({ unit: g.key, column: 'resolvedTotal' }))}
            />
            <ChartFigure
              title={d.byChannel.title}
              description={d.byChannel.desc}
              chart={
                <RateBars
                  data={data.byChannel.map((ch) => ({
                    ...ch,
                    name: d.channel[ch.channel] ?? ch.channel,
                    rate: ch.share,
                    text: `${n(ch.received)} (${percent(ch.share)})`,
                  }))}
                  onSelect={(ch) => go(drill({ channel: ch.channel, column: channelColumn(ch) }))}
                />
              }
              table={
                <FigureTable
                  caption={d.byChannel.title}
                  head={c.channel}
                  rows={data.byChannel}
                  name={(ch) => d.channel[ch.channel] ?? ch.channel}
                  columns={[
                    {
                      key: 'received',
                      label: c.received,
                      kind: 'count',
                      value: (ch) => ch.received,
                      drill: (ch) => drill({ channel: ch.channel, column: channelColumn(ch) }),
                    },
                    { key: 'share', label: c.share, kind: 'rate', value: (ch) => ch.share },
                  ]}
                />
              }
            />
          </div>
          <DossierList
            title={d.overdue.title}
            empty={d.overdue.empty}
            more={d.overdue.more}
            list={data.overdue}
            dossierPath={PATHS.dossier}
          />
          <DossierList
            title={d.atRisk.title}
            empty={d.atRisk.empty}
            more={d.atRisk.more}
            list={data.atRisk}
            dossierPath={PATHS.dossier}
          />
        </>
      ) : null}
    </>
  );
}
