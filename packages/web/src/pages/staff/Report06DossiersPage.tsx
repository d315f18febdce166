import { FORM06_COLUMNS, type Form06Column } from '@motcua/core';
import { Link, useSearchParams } from 'react-router';
import { useReport06Dossiers } from '../../api/reports.ts';
import { DueStatus, StateTag } from '../../components/dossier.tsx';
import { pagedStatus, ResultCount } from '../../components/ResultCount.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Pagination, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS, type Report06DossiersParams } from '../../paths.ts';
import { CodeAndApplicantCells } from './DossierCells.tsx';

const PAGE_SIZE = 50;
const CHANNELS = ['counter', 'online', 'post'] as const;

/** The cell the address names, or null when it names none. */
function cellOf(params: URLSearchParams): Report06DossiersParams | null {
  const get = (k: string) => params.get(k) || undefined;
  const column = get('column');
  const channel = get('channel');
  const from = get('from');
  const to = get('to');
  if (!from || !to || !FORM06_COLUMNS.includes(column as Form06Column)) return null;
  return {
    from,
    to,
    agency: get('agency'),
    unit: get('unit'),
    field: get('field'),
    channel: CHANNELS.find((c) => c === channel),
    column: column as Form06Column,
    page: Math.max(1, Number(get('page')) || 1),
  };
}

/**
 * The dossiers behind a cell of Biểu số 06 (drill-down), as the server finds them: the report
 * links every number here, and the dashboards and the Decision 766 index link with the same
 * parameters.
 */
export default function Report06DossiersPage() {
  const { t, locale } = useI18n();
  const d = t.drilldown;
  const [params] = useSearchParams();
  const cell = cellOf(params);
  const list = useReport06Dossiers(cell, PAGE_SIZE);
  const data = list.data;
  const heading = cell
    ? [
        d.form,
        data?.unit?.name,
        data?.field ? d.field(data.field.name) : cell.field ? null : d.allFields,
        cell.channel ? d.channel[cell.channel] : null,
        d.column[cell.column],
        `${formatDate(cell.from, locale)}-${formatDate(cell.to, locale)}`,
      ]
        .filter(Boolean)
        .join(' · ')
    : d.title;
  usePageTitle(heading);
  if (!cell)
    return (
      <>
        <h1>{d.title}</h1>
        <p>{d.missing}</p>
        <Link to={PATHS.report06}>{d.back}</Link>
      </>
    );
  const { status } = pagedStatus(list, d.loading, d);
  const back = new URLSearchParams({ from: cell.from, to: cell.to });
  if (cell.agency) back.set('agency', cell.agency);
  return (
    <>
      <p>
        <Link to={`${PATHS.report06}?${back.toString()}`} className="back-link">
          {d.back}
        </Link>
      </p>
      <h1>{heading}</h1>
      <section aria-labelledby="drilldown-results" aria-busy={list.isFetching}>
        <h2 id="drilldown-results" className="visually-hidden">
          {d.caption}
        </h2>
        <ResultCount page={cell.page ?? 1}>{status}</ResultCount>
        {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
        {data && data.total === 0 ? <p>{d.empty}</p> : null}
        {data && data.items.length > 0 ? (
          <StackTable
            caption={d.caption}
            columns={[t.queue.colCode, t.queue.colApplicant, d.colReceived, d.colEnded, t.queue.colState]}
            className="queue-table"
            wrapClassName={list.isFetching ? 'results--stale' : ''}
          >
            {data.items.map((x) => (
              <tr key={x.id} data-dossier-code={x.code ?? ''}>
                <CodeAndApplicantCells d={x} linkClassName="dossier-link" />
                <td data-label={d.colReceived}>{formatDate(x.receivedAt, locale)}</td>
                <td data-label={d.colEnded}>{formatDate(x.endedAt, locale)}</td>
                <td data-label={t.queue.colState}>
                  <StateTag state={x.state} label={x.stateLabel} />
                  <span className="cell-note">
                    <DueStatus dossier={x} />
                  </span>
                </td>
              </tr>
            ))}
          </StackTable>
        ) : null}
        <Pagination
          results={data}
          pageSize={PAGE_SIZE}
          hrefFor={(page) => PATHS.report06Dossiers({ ...cell, page })}
        />
      </section>
    </>
  );
}
