import type { LeaderDashboard } from '@motcua/core';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type DrillDown, drillDownUrl } from './links.ts';

/** A percentage as the server sent it, or "Chưa có" when nothing was there to divide. */
export function usePercent() {
  const { t, locale } = useI18n();
  return (rate: number | null) =>
    rate === null ? t.dashboards.notMeasured : `${formatNumber(rate, locale)} %`;
}

export interface FigureColumn<T> {
  key: string;
  label: string;
  value: (row: T) => number | null;
  kind: 'count' | 'rate';
  /** Where a count leads: the dossiers behind it. */
  drill?: (row: T) => DrillDown;
}

/** The figures of a chart as a table; each count links to the dossiers behind it. */
export function FigureTable<T>({
  caption,
  head,
  rows,
  name,
  columns,
}: {
  caption: string;
  head: string;
  rows: T[];
  name: (row: T) => ReactNode;
  columns: FigureColumn<T>[];
}) {
  const { t, locale } = useI18n();
  const percent = usePercent();
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key} className="numeric">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length + 1}>{t.dashboards.noData}</td>
          </tr>
        ) : null}
        {rows.map((row, i) => {
          const rowName = name(row);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are figures in a fixed order
            <tr key={i}>
              <th scope="row">{rowName}</th>
              {columns.map((c) => {
                const v = c.value(row);
                const text = c.kind === 'rate' ? percent(v) : formatNumber(v ?? 0, locale);
                return (
                  <td key={c.key} className="numeric" data-column={c.key}>
                    {c.drill && v ? (
                      <Link
                        to={drillDownUrl(c.drill(row))}
                        aria-label={t.dashboards.drill(
                          `${typeof rowName === 'string' ? `${rowName}, ` : ''}${c.label}`,
                          text,
                        )}
                      >
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type Listed = LeaderDashboard['overdue'];

/** The overdue or at-risk dossiers, each code a link to the dossier's page. */
export function DossierList({
  title,
  empty,
  more,
  list,
  dossierPath,
}: {
  title: string;
  empty: string;
  more: (shown: number, total: number) => string;
  list: Listed;
  dossierPath: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const l = t.dashboards.list;
  const id = useId();
  return (
    <section className="dashboard-list" aria-labelledby={id}>
      <h2 className="heading-m" id={id}>
        {title} ({formatNumber(list.total, locale)})
      </h2>
      {list.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          {list.total > list.items.length ? (
            <p className="hint">{more(list.items.length, list.total)}</p>
          ) : null}
          <table className="table table--compact table--stack">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{l.code}</th>
                <th scope="col">{l.procedure}</th>
                <th scope="col">{l.unit}</th>
                <th scope="col">{l.due}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((d) => (
                <tr key={d.id}>
                  <td data-label={l.code}>
                    <Link to={dossierPath(d.id)}>{d.code ?? d.id}</Link>
                  </td>
                  <td data-label={l.procedure}>{d.procedureName}</td>
                  <td data-label={l.unit}>{d.currentUnit ?? ''}</td>
                  <td data-label={l.due}>{formatDate(d.dueAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
