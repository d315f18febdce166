import { FORM06_COLUMNS, type Form06Column } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { report06Url, useReport06 } from '../../api/reports.ts';
import { DateField } from '../../components/DateInput.tsx';
import { isIsoDate } from '../../components/forms.tsx';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/** Today in Vietnam, as YYYY-MM-DD. */
function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** This month, quarter and year, up to their last day. */
function quickPeriods(today: string) {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  return {
    month: { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` },
    quarter: { from: `${y}-${pad(q)}-01`, to: `${y}-${pad(q + 2)}-${pad(lastDay(y, q + 2))}` },
    year: { from: `${y}-01-01`, to: `${y}-12-31` },
  };
}

/** The numbered columns 3-13 of the official form, then those ended otherwise: core's order. */
const COLUMNS = FORM06_COLUMNS;

/** Báo cáo thống kê: Biểu số 06 for a period, as the server counts it, with its XLSX and PDF. */
export default function Report06Page() {
  const { t, locale } = useI18n();
  const r = t.reports;
  usePageTitle(r.title);
  const [params, setParams] = useSearchParams();
  const periods = quickPeriods(vietnamToday());
  const from = params.get('from') ?? periods.month.from;
  const to = params.get('to') ?? periods.month.to;
  const agency = params.get('agency') ?? undefined;
  const [draft, setDraft] = useState({ from, to });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const query = { from, to, agency };
  const report = useReport06(query);

  const choose = (period: { from: string; to: string }) => {
    setDraft(period);
    setErrors({});
    const next = new URLSearchParams(params);
    next.set('from', period.from);
    next.set('to', period.to);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { from?: string; to?: string } = {};
    if (!isIsoDate(draft.from)) found.from = r.fromInvalid;
    if (!isIsoDate(draft.to)) found.to = r.toInvalid;
    else if (!found.from && draft.to < draft.from) found.to = r.toBeforeFrom;
    setErrors(found);
    if (!found.from && !found.to) choose(draft);
  };

  const c = r.columns;
  const data = report.data;
  const formatted = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  /** A number of the table, as a link to the dossiers behind it. */
  const cellLink = (column: Form06Column, n: number, field: string | undefined, fieldName: string) =>
    data ? (
      <Link
        to={PATHS.report06Dossiers({
          from: data.from,
          to: data.to,
          agency: data.agency.id,
          unit: data.unit?.id,
          field,
          column,
        })}
        // The name starts with the number shown, then says which dossiers the link lists.
        aria-label={`${formatted(n)} ${t.drilldown.cellLink(t.drilldown.column[column], fieldName)}`}
      >
        {formatted(n)}
      </Link>
    ) : null;
  return (
    <>
      <h1>{r.title}</h1>
      <p className="lead">{r.lead}</p>
      <form className="report-period" onSubmit={submit} noValidate>
        <DateField
          id="report-from"
          label={r.from}
          className="input-width-10"
          value={draft.from}
          error={errors.from}
          onChange={(v) => setDraft({ ...draft, from: v })}
        />
        <DateField
          id="report-to"
          label={r.to}
          className="input-width-10"
          value={draft.to}
          error={errors.to}
          onChange={(v) => setDraft({ ...draft, to: v })}
        />
        <button type="submit" className="button button--primary">
          {r.show}
        </button>
      </form>
      <p>
        {r.quick}:{' '}
        <button type="button" className="button button--link" onClick={() => choose(periods.month)}>
          {r.thisMonth}
        </button>
        {' · '}
        <button type="button" className="button button--link" onClick={() => choose(periods.quarter)}>
          {r.thisQuarter}
        </button>
        {' · '}
        <button type="button" className="button button--link" onClick={() => choose(periods.year)}>
          {r.thisYear}
        </button>
      </p>
      <p className="result-count" role="status" aria-live="polite">
        {report.isPending ? r.loading : ''}
      </p>
      {report.isError ? <LoadError error={report.error} onRetry={() => report.refetch()} /> : null}
      {data ? (
        <>
          <div className="button-group">
            <a className="button button--secondary" href={report06Url(query, 'xlsx')} download>
              {r.downloadXlsx}
            </a>
            <a
              className="button button--secondary"
              href={report06Url(query, 'pdf')}
              target="_blank"
              rel="noopener"
            >
              {r.downloadPdf}
            </a>
          </div>
          <p className="hint">{r.scrollHint}</p>
          {/* Only the table scrolls sideways on a narrow screen; it can take focus to scroll by keyboard. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className="table-scroll" aria-labelledby="report06-caption" tabIndex={0}>
            <table className="table table--compact table--report">
              <caption id="report06-caption">
                {r.caption(data.agency.name, formatDate(data.from, locale), formatDate(data.to, locale))}
              </caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={3}>
                    {c.number}
                  </th>
                  <th scope="col" rowSpan={3}>
                    {c.field}
                  </th>
                  <th scope="colgroup" colSpan={4}>
                    {c.received}
                  </th>
                  <th scope="colgroup" colSpan={7}>
                    {c.result}
                  </th>
                  <th scope="colgroup" colSpan={3}>
                    {c.other}
                  </th>
                </tr>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {c.receivedTotal}
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    {c.inPeriod}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {c.carriedOver}
                  </th>
                  <th scope="colgroup" colSpan={4}>
                    {c.resolved}
                  </th>
                  <th scope="colgroup" colSpan={3}>
                    {c.pending}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {c.refused}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {c.withdrawn}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {c.stopped}
                  </th>
                </tr>
                <tr>
                  {(
                    [
                      'receivedOnline',
                      'receivedDirect',
                      'resolvedTotal',
                      'resolvedEarly',
                      'resolvedOnTime',
                      'resolvedLate',
                      'pendingTotal',
                      'pendingInTime',
                      'pendingOverdue',
                    ] as const
                  ).map((k) => (
                    <th scope="col" key={k}>
                      {c[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.length === 0 ? (
                  <tr>
                    <td colSpan={COLUMNS.length + 2}>{r.empty}</td>
                  </tr>
                ) : null}
                {data.rows.map((row, i) => (
                  <tr key={row.field}>
                    <td>{i + 1}</td>
                    <th scope="row">{row.fieldName}</th>
                    {COLUMNS.map((k) => (
                      <td key={k} className="numeric" data-column={k}>
                        {cellLink(k, row[k], row.field, row.fieldName)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <th scope="row">{r.totals}</th>
                  {COLUMNS.map((k) => (
                    <td key={k} className="numeric" data-column={k}>
                      <strong>{cellLink(k, data.totals[k], data.field ?? undefined, r.totals)}</strong>
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </section>
        </>
      ) : null}
    </>
  );
}
