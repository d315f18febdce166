import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ErrorSummary,
  type FieldErrors,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { StackTable } from '../../../components/StackTable.tsx';
import { usePageTitle } from '../../../components/ui.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { REPORT_PATHS, type ReportList, useCreateReport, useReports } from './api.ts';

const PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'year'] as const;

/** The reports the user may read, and for the reform officer a form to draft one from the data. */
export default function ReportsPage() {
  const { t, locale } = useI18n();
  const r = t.reformReports;
  usePageTitle(r.listTitle);
  const reports = useReports();
  return (
    <div>
      <h1>{r.listTitle}</h1>
      <QueryStatus query={reports} />
      {reports.data ? (
        reports.data.items.length === 0 ? (
          <p>{r.none}</p>
        ) : (
          <StackTable caption={r.listTitle} columns={[r.colPeriod, r.colTitle, r.colUpdated]}>
            {reports.data.items.map((x) => (
              <tr key={x.id}>
                <td data-label={r.colPeriod}>
                  {r.period[x.period]} {x.year}
                </td>
                <td data-label={r.colTitle}>
                  <Link to={REPORT_PATHS.report(x.id)}>{x.title}</Link>
                </td>
                <td data-label={r.colUpdated}>
                  {formatDateTime(x.updatedAt, locale)}
                  {x.updatedBy ? ` — ${x.updatedBy}` : ''}
                </td>
              </tr>
            ))}
          </StackTable>
        )
      ) : null}
      {reports.data && reports.data.canDraft.length > 0 ? <NewReportForm list={reports.data} /> : null}
    </div>
  );
}

function NewReportForm({ list }: { list: ReportList }) {
  const { t } = useI18n();
  const r = t.reformReports;
  const navigate = useNavigate();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [period, setPeriod] = useState<string>('q1');
  const errors = useFormErrors();
  const create = useCreateReport();
  const agencyId = list.canDraft[0]!.id;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const errs: FieldErrors = {};
    if (!/^\d{4}$/.test(year.trim())) errs.year = r.yearRequired;
    if (!errors.check(errs)) return;
    create.mutate(
      { year: Number(year), period, agencyId },
      {
        onSuccess: (res) => navigate(REPORT_PATHS.report(res.id)),
        onError: errors.fromError,
      },
    );
  }
  return (
    <section aria-labelledby="new-report">
      <h2 id="new-report">{r.newReport}</h2>
      <p>{r.newHint}</p>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <TextField
          id="f-year"
          label={r.year}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={errors.fields.year}
          className="input--width-5"
        />
        <SelectField
          id="f-period"
          label={r.periodLabel}
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          error={errors.fields.period}
          options={PERIODS.map((p) => ({ value: p, label: r.period[p]! }))}
        />
        <SubmitButton busy={create.isPending} busyLabel={r.creating}>
          {r.create}
        </SubmitButton>
      </form>
    </section>
  );
}
