import { FEEDBACK_STATES, RATING_VALUES } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Loading, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { useFeedbackStatistics } from './api.ts';
import './feedback.css';

/**
 * /can-bo/phan-anh/thong-ke — the feedback received in a period by state, the answers given
 * within 15 working days and after, and the citizens' ratings of the answers, as the server counts
 * them (this year to today unless a period is chosen).
 */
export default function FeedbackStatisticsPage() {
  const t = useT();
  const s = t.feedback.staff;
  const st = s.stats;
  const { locale } = useI18n();
  usePageTitle(st.title);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const figures = useFeedbackStatistics(period);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPeriod({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }
  const n = (v: number) => formatNumber(v, locale);
  const data = figures.data;
  return (
    <div>
      <h1>{st.title}</h1>
      <form onSubmit={onSubmit} noValidate className="feedback-period">
        <TextField
          id="f-from"
          type="date"
          label={st.from}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField id="f-to" type="date" label={st.to} value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="button button--secondary">
          {st.show}
        </button>
      </form>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <LoadError error={figures.error} onRetry={() => figures.refetch()} />
      ) : data ? (
        <>
          <p className="lead">{st.period(formatDate(data.from, locale), formatDate(data.to, locale))}</p>
          <h2>{st.byState}</h2>
          <StackTable caption={st.byState} columns={[s.state, st.count]}>
            {FEEDBACK_STATES.map((k) => (
              <tr key={k}>
                <th scope="row" data-label={s.state}>
                  {s.states[k]}
                </th>
                <td data-label={st.count}>{n(data.byState[k])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" data-label={s.state}>
                {st.received}
              </th>
              <td data-label={st.count}>{n(data.received)}</td>
            </tr>
          </StackTable>
          <h2>{st.timeliness}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{st.onTime}</dt>
              <dd>{n(data.answeredOnTime)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{st.late}</dt>
              <dd>{n(data.answeredLate)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{st.rate}</dt>
              <dd>{data.onTimeRate === null ? st.noAnswers : `${formatNumber(data.onTimeRate, locale)}%`}</dd>
            </div>
          </dl>
          <h2>{st.ratings}</h2>
          <dl className="summary-list">
            {RATING_VALUES.map((v) => (
              <div className="summary-list__row" key={v}>
                <dt>{t.feedback.rating.values[v]}</dt>
                <dd>{n(data.ratings[v])}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}
