import { REPORT_SECTION_HEADINGS, type ReportSectionKey } from '@motcua/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage, SubmitButton } from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { StackTable } from '../../../components/StackTable.tsx';
import { Notice } from '../../../components/ui.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import {
  previewRefresh,
  REPORT_PATHS,
  type RefreshPreview,
  type ReportView,
  useReportChange,
  useVersions,
} from './api.ts';

/** Every version with its author and time; an old one can be viewed and, by the officer, restored. */
export function ReportVersions({ view, shown }: { view: ReportView; shown: number }) {
  const { t, locale } = useI18n();
  const r = t.reformReports;
  const versions = useVersions(view.report.id);
  const change = useReportChange(view.report.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="report-versions">
      <h2 id="report-versions">{r.versionsTitle}</h2>
      <QueryStatus query={versions} />
      {error ? (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {versions.data ? (
        <StackTable caption={r.versionsTitle} columns={[r.colVersion, r.colKind, r.colAuthor, r.colAt, '']}>
          {versions.data.items.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <td data-label={r.colVersion}>{v.version}</td>
              <td data-label={r.colKind}>
                {r.kind[v.kind]}
                {v.restoredFrom ? r.restoredFrom(v.restoredFrom) : ''}
              </td>
              <td data-label={r.colAuthor}>{v.author ?? ''}</td>
              <td data-label={r.colAt}>{formatDateTime(v.at, locale)}</td>
              <td data-label="">
                {v.version === shown ? null : (
                  <Link to={REPORT_PATHS.report(view.report.id, v.version)}>{r.view(v.version)}</Link>
                )}
                {view.canEdit && v.version !== view.report.version && v.version === shown ? (
                  <SubmitButton
                    type="button"
                    variant="secondary"
                    busy={change.isPending}
                    busyLabel={r.restoring}
                    onClick={() =>
                      change.mutate(
                        {
                          path: '/restore',
                          method: 'POST',
                          body: { baseVersion: view.report.version, version: v.version },
                        },
                        { onError: (e) => setError(problemMessage(e, t)) },
                      )
                    }
                  >
                    {r.restore}
                  </SubmitButton>
                ) : null}
              </td>
            </tr>
          ))}
        </StackTable>
      ) : null}
    </section>
  );
}

/** "Refresh figures": first what would change, then the new version with the system's figures. */
export function RefreshFigures({ view }: { view: ReportView }) {
  const { t, locale } = useI18n();
  const r = t.reformReports;
  const change = useReportChange(view.report.id);
  const [preview, setPreview] = useState<RefreshPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = (x: number | null) => (x === null ? '—' : formatNumber(x, locale));
  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      setPreview(await previewRefresh(view.report.id));
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setChecking(false);
    }
  };
  return (
    <section aria-labelledby="report-refresh">
      <h2 id="report-refresh">{r.refreshTitle}</h2>
      {error ? (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <SubmitButton type="button" variant="secondary" busy={checking} busyLabel={r.checking} onClick={check}>
        {r.refreshCheck}
      </SubmitButton>
      {preview ? (
        preview.changes.length === 0 ? (
          <p>{r.noChanges}</p>
        ) : (
          <div className="report-changes">
            <p>{r.changesIntro(formatDateTime(`${preview.asOf}T12:00:00+07:00`, locale, false))}</p>
            <ul className="list list--bullet">
              {preview.changes.map((c) => (
                <li key={`${c.part}-${c.key}-${c.column ?? ''}`}>
                  {c.part === 'section'
                    ? r.changeSection(REPORT_SECTION_HEADINGS[c.key as ReportSectionKey][locale])
                    : r.changeCell(
                        c.part === 'online' ? r.onlineTitle : c.key,
                        c.part === 'online' ? r.online[c.key]! : r.columns[c.column!]!,
                        n(c.before),
                        n(c.after),
                      )}
                </li>
              ))}
            </ul>
            <SubmitButton
              type="button"
              busy={change.isPending}
              busyLabel={r.applying}
              onClick={() =>
                change.mutate(
                  { path: '/refresh', method: 'POST', body: { baseVersion: view.report.version } },
                  { onSuccess: () => setPreview(null), onError: (e) => setError(problemMessage(e, t)) },
                )
              }
            >
              {r.apply}
            </SubmitButton>
          </div>
        )
      ) : null}
    </section>
  );
}
