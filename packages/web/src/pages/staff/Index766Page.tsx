import {
  INDEX766_PERIODS,
  type Index766IndicatorView,
  type Index766Period,
  type Index766Response,
  index766PeriodCount,
} from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useIndex766 } from '../../api/index766.ts';
import { useSession } from '../../auth/session.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/** Today in Vietnam, as YYYY-MM-DD. */
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The drill-down page's column keys (Biểu số 06's) behind the indicators that count dossiers. */
const DRILL_DOWN: Record<string, readonly DrillColumn[]> = {
  '2.1': ['resolvedEarly', 'resolvedOnTime', 'pendingInTime', 'resolvedLate', 'pendingOverdue'],
  '3.3': ['receivedOnline', 'receivedDirect'],
};
type DrillColumn =
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'pendingInTime'
  | 'pendingOverdue'
  | 'receivedOnline'
  | 'receivedDirect';

function drillDownUrl(data: Index766Response, column: DrillColumn): string {
  return PATHS.report06Dossiers({
    from: data.from,
    to: data.to,
    agency: data.agency.id,
    unit: data.unit?.id,
    column,
  });
}

/** Chỉ số 766: the Decision 766 index as the server scores it, with how each figure is counted. */
export default function Index766Page() {
  const { t, locale } = useI18n();
  const x = t.index766;
  usePageTitle(x.title);
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const period = (INDEX766_PERIODS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as Index766Period)
    : 'month';
  const year = Number(params.get('year') ?? today.slice(0, 4));
  const index = Number(
    params.get('index') ??
      (period === 'quarter' ? Math.ceil(Number(today.slice(5, 7)) / 3) : today.slice(5, 7)),
  );
  const agency = params.get('agency') ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const [draft, setDraft] = useState({ period, year: String(year), index: String(index) });
  const [yearError, setYearError] = useState<string | undefined>();
  const result = useIndex766({ period, year, index: period === 'year' ? 1 : index, agency, unit });
  const n = (v: number) => formatNumber(v, locale);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}$/.test(draft.year.trim())) {
      setYearError(x.yearInvalid);
      return;
    }
    setYearError(undefined);
    const next = new URLSearchParams(params);
    next.set('period', draft.period);
    next.set('year', draft.year.trim());
    const count = index766PeriodCount(draft.period as Index766Period);
    next.set('index', String(Math.min(Number(draft.index), count)));
    setParams(next);
  };

  const count = index766PeriodCount(draft.period as Index766Period);
  const indexOptions = Array.from({ length: count }, (_, i) => ({
    value: String(i + 1),
    label: `${draft.period === 'quarter' ? x.quarter : x.month} ${i + 1}`,
  }));
  const data = result.data;
  const isAdmin = session.data?.roles.some((r) => r.role === 'administrator') ?? false;
  return (
    <>
      <h1>{x.title}</h1>
      <p className="lead">{x.lead}</p>
      <form className="report-period" onSubmit={submit} noValidate>
        <SelectField
          id="index766-period"
          label={x.period}
          value={draft.period}
          onChange={(e) => setDraft({ ...draft, period: e.target.value as Index766Period, index: '1' })}
          options={INDEX766_PERIODS.map((p) => ({ value: p, label: x.periods[p] }))}
        />
        {draft.period !== 'year' ? (
          <SelectField
            id="index766-index"
            label={draft.period === 'quarter' ? x.quarter : x.month}
            value={draft.index}
            onChange={(e) => setDraft({ ...draft, index: e.target.value })}
            options={indexOptions}
          />
        ) : null}
        <TextField
          id="index766-year"
          label={x.year}
          className="input-width-5"
          inputMode="numeric"
          value={draft.year}
          error={yearError}
          onChange={(e) => setDraft({ ...draft, year: e.target.value })}
        />
        <button type="submit" className="button button--primary">
          {x.show}
        </button>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {result.isPending ? x.loading : ''}
      </p>
      {result.isError ? <LoadError error={result.error} onRetry={() => result.refetch()} /> : null}
      {data ? (
        <>
          <p>
            <strong>
              {x.periodCaption(
                data.unit?.name ?? data.agency.name,
                formatDate(data.from, locale),
                formatDate(data.to, locale),
              )}
            </strong>
          </p>
          <dl className="summary-list summary-list--key">
            <div className="summary-list__row">
              <dt>{x.total}</dt>
              <dd>
                {x.scoreOf(n(data.total.score), n(data.total.measuredMax))}
                <br />
                {x.unmeasured(n(data.total.unmeasuredPoints))}
              </dd>
            </div>
          </dl>
          {isAdmin ? (
            <p>
              <Link to={`${PATHS.index766Targets}?agency=${data.agency.id}&year=${data.year}`}>
                {x.editTargets}
              </Link>
            </p>
          ) : null}
          {data.groups.map((g) => (
            <section key={g.group} aria-labelledby={`index766-${g.group}`}>
              <h2 id={`index766-${g.group}`}>{g.name[locale]}</h2>
              <p>
                {x.scoreOf(n(g.score), n(g.measuredMax))}
                {g.unmeasuredPoints > 0 ? ` · ${x.unmeasured(n(g.unmeasuredPoints))}` : ''}
              </p>
              {data.indicators
                .filter((i) => i.group === g.group)
                .map((i) => (
                  <IndicatorBlock key={i.code} indicator={i} data={data} />
                ))}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}

function IndicatorBlock({
  indicator: i,
  data,
}: {
  indicator: Index766IndicatorView;
  data: Index766Response;
}) {
  const { t, locale } = useI18n();
  const x = t.index766;
  const n = (v: number) => formatNumber(v, locale);
  const drill = DRILL_DOWN[i.code];
  return (
    <div className="panel panel--section">
      <h3>
        {i.code}. {i.name[locale]}
      </h3>
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{x.figures}</dt>
          <dd>
            {i.status === 'measured' ? (
              x.measured(i.numerator, i.denominator, n(i.rate))
            ) : (
              <>
                <strong className="tag tag--plain">{x.notMeasured}</strong> {i.reason[locale]}
                {i.partial ? (
                  <>
                    <br />
                    {x.partial(
                      i.partial.label[locale],
                      i.partial.numerator,
                      i.partial.denominator,
                      n(i.partial.rate),
                    )}
                  </>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{x.target}</dt>
          <dd>{n(i.target)}%</dd>
        </div>
        <div className="summary-list__row">
          <dt>{x.points}</dt>
          <dd>
            {i.status === 'measured'
              ? x.scored(n(i.score), n(i.points))
              : `${x.notMeasured} (${n(i.points)})`}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{x.formula}</dt>
          <dd>{i.formula[locale]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{x.howCounted}</dt>
          <dd>{i.explanation[locale]}</dd>
        </div>
        {drill && i.status === 'measured' ? (
          <div className="summary-list__row">
            <dt>{x.drillDown}</dt>
            <dd>
              {drill.map((column, k) => (
                <span key={column}>
                  {k > 0 ? ' · ' : ''}
                  <Link to={drillDownUrl(data, column)}>{x.columns[column]}</Link>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
