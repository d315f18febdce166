import { FORM06_COLUMNS, figureTotals } from '@motcua/core';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { ReportContent } from './api.ts';
import { DraftMark } from './ReportSection.tsx';

/** The dossier figures of Biểu 06 by receiving place, as the server drafted (or an officer edited) them. */
export function DossierFigures({ content }: { content: ReportContent }) {
  const { t, locale } = useI18n();
  const r = t.reformReports;
  const d = content.dossiers;
  const totals = figureTotals(d.rows);
  return (
    <section aria-labelledby="report-dossiers" className="report-figures">
      <h4 id="report-dossiers">{r.dossiersTitle}</h4>
      <DraftMark draftedAt={d.draftedAt} edited />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" aria-labelledby="report-dossiers-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="report-dossiers-caption">
            {r.dossiersCaption(formatDate(d.from, locale), formatDate(d.asOf, locale))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{r.place_}</th>
              {FORM06_COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {r.columns[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((row) => (
              <tr key={row.place}>
                <th scope="row">{row.place}</th>
                {FORM06_COLUMNS.map((c) => (
                  <td key={c}>{formatNumber(row[c], locale)}</td>
                ))}
              </tr>
            ))}
            <tr data-totals="">
              <th scope="row">{r.total}</th>
              {FORM06_COLUMNS.map((c) => (
                <td key={c}>
                  <strong>{formatNumber(totals[c], locale)}</strong>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </section>
  );
}

export function OnlineFigures({ content }: { content: ReportContent }) {
  const { t, locale } = useI18n();
  const r = t.reformReports;
  const o = content.online;
  return (
    <section aria-labelledby="report-online" className="report-figures">
      <h4 id="report-online">{r.onlineTitle}</h4>
      <DraftMark draftedAt={o.draftedAt} edited />
      <dl className="summary-list">
        {(['full', 'partial', 'none'] as const).map((level) => (
          <div className="summary-list__row" key={level}>
            <dt className="summary-list__key">{r.online[level]}</dt>
            <dd className="summary-list__value">{formatNumber(o[level], locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
