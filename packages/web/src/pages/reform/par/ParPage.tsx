import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
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
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { freshKey } from '../api.ts';
import { REFORM_PATHS } from '../paths.ts';
import { formatPoints, PAR_PATHS, useAssessments, useFrameworks, useParSend, useParUpload } from './api.ts';
import { RankingSection } from './RankingSection.tsx';
import '../reform.css';

/** The year's criteria, the self-assessments the user may see, the ranking; the office imports and opens. */
export default function ParPage() {
  const { t, locale } = useI18n();
  const p = t.par;
  usePageTitle(p.title);
  const frameworks = useFrameworks();
  const [params, setParams] = useSearchParams();
  const items = frameworks.data?.items ?? [];
  const current = items.find((f) => f.id === params.get('bo')) ?? items[0];
  const assessments = useAssessments(current?.id);
  const n = (x: number) => formatPoints(x, locale);
  return (
    <div>
      <BackLink to={REFORM_PATHS.plans}>{t.reform.plansTitle}</BackLink>
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      <QueryStatus query={frameworks} />
      <h2>{p.frameworks}</h2>
      {frameworks.data && items.length === 0 ? <p>{p.noFrameworks}</p> : null}
      {items.length > 0 ? (
        <StackTable caption={p.frameworks} columns={[p.colYear, p.colTitle, p.colMax, '']}>
          {items.map((f) => (
            <tr key={f.id}>
              <td data-label={p.colYear}>{f.year}</td>
              <td data-label={p.colTitle}>
                {f.title}
                {f.note ? <p className="hint">{f.note}</p> : null}
              </td>
              <td data-label={p.colMax}>
                {p.maxima(n(f.maxima.total), n(f.maxima.self), n(f.maxima.survey))}
              </td>
              <td>
                {f.id === current?.id ? (
                  <strong>{p.chosen}</strong>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setParams({ bo: f.id })}
                  >
                    {p.choose} {f.year}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </StackTable>
      ) : null}
      {current ? (
        <section aria-labelledby="par-assessments">
          <h2 id="par-assessments">
            {p.assessments} {current.year}
          </h2>
          <QueryStatus query={assessments} />
          {assessments.data && assessments.data.items.length === 0 ? <p>{p.noAssessments}</p> : null}
          {assessments.data && assessments.data.items.length > 0 ? (
            <StackTable caption={p.assessments} columns={[p.colName, p.colStatus, p.colSelf, p.colFinal]}>
              {assessments.data.items.map((a) => (
                <tr key={a.id}>
                  <td data-label={p.colName}>
                    <Link to={PAR_PATHS.assessment(a.id)}>{a.name}</Link>
                  </td>
                  <td data-label={p.colStatus}>
                    <strong className={`tag par-status--${a.status}`}>{p.status[a.status]}</strong>
                  </td>
                  <td data-label={p.colSelf}>{p.outOf(n(a.totals.self), n(current.maxima.self))}</td>
                  <td data-label={p.colFinal}>
                    {a.status === 'appraised' ? p.outOf(n(a.totals.final), n(a.totals.max)) : '–'}
                  </td>
                </tr>
              ))}
            </StackTable>
          ) : null}
          {assessments.data?.openAgencyId ? (
            <OpenForm
              frameworkId={current.id}
              units={assessments.data.units}
              agencyId={assessments.data.openAgencyId}
            />
          ) : null}
          <RankingSection frameworkId={current.id} />
        </section>
      ) : null}
      {frameworks.data?.importAgencyId ? <ImportForm agencyId={frameworks.data.importAgencyId} /> : null}
    </div>
  );
}

function ImportForm({ agencyId }: { agencyId: string }) {
  const { t } = useI18n();
  const p = t.par;
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [title, setTitle] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [rows, setRows] = useState<{ sheet: string; row: number; column?: string; message: string }[]>([]);
  const file = useRef<HTMLInputElement>(null);
  const errors = useFormErrors();
  const send = useParUpload();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    if (!/^\d{4}$/.test(year.trim())) errs.year = p.yearRequired;
    const chosen = file.current?.files?.[0];
    if (!chosen) errs.file = p.fileRequired;
    setRows([]);
    setDone(null);
    if (!errors.check(errs) || !chosen) return;
    const form = new FormData();
    form.append('agencyId', agencyId);
    form.append('year', year.trim());
    form.append('title', title);
    form.append('file', chosen);
    send.mutate(
      { path: '/frameworks', form },
      {
        onSuccess: (res) => setDone(res.criteria ?? 0),
        onError: (err) => {
          const list = isApiError(err) ? (err.problem as { errors?: typeof rows }).errors : undefined;
          if (isApiError(err) && err.code === 'import_invalid' && list) {
            errors.clear();
            setRows(list);
          } else errors.fromError(err);
        },
      },
    );
  }
  return (
    <section aria-labelledby="par-import">
      <h2 id="par-import">{p.importTitle}</h2>
      <p className="hint">{p.importHint}</p>
      {done !== null ? <Notice kind="success">{p.imported(done)}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {rows.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3 className="error-summary__title">{p.importErrors}</h3>
          <ul className="error-summary__list">
            {rows.map((r) => (
              <li key={`${r.sheet}-${r.row}-${r.column}-${r.message}`}>
                {p.rowError(r.sheet, r.row, r.column)}: {r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="narrow">
        <TextField
          id="f-year"
          label={p.year}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={errors.fields.year}
          className="input--width-5"
        />
        <TextField
          id="f-title"
          label={p.titleOptional}
          optional
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.fields.title}
        />
        <div className={`form-group${errors.fields.file ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="f-file">
            {p.file}
          </label>
          {errors.fields.file ? (
            <p className="error-message" id="f-file-error">
              {errors.fields.file}
            </p>
          ) : null}
          <input
            id="f-file"
            type="file"
            ref={file}
            accept=".xlsx,.json,application/json"
            className="file-upload"
            aria-describedby={errors.fields.file ? 'f-file-error' : undefined}
          />
        </div>
        <SubmitButton busy={send.isPending} busyLabel={p.importing}>
          {p.import}
        </SubmitButton>
      </form>
    </section>
  );
}

function OpenForm({
  frameworkId,
  units,
  agencyId,
}: {
  frameworkId: string;
  units: { id: string; name: string }[];
  agencyId: string;
}) {
  const { t } = useI18n();
  const p = t.par;
  const [who, setWho] = useState('');
  const [key] = useState(freshKey);
  const errors = useFormErrors();
  const send = useParSend();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    send.mutate(
      {
        method: 'POST',
        path: '/assessments',
        body: { frameworkId, agencyId, unitId: who || null },
        key: `${key}-${who}`,
      },
      { onError: errors.fromError, onSuccess: () => errors.clear() },
    );
  }
  return (
    <section aria-labelledby="par-open">
      <h3 id="par-open">{p.openTitle}</h3>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <SelectField
          id="f-who"
          label={p.openWho}
          value={who}
          onChange={(e) => setWho(e.target.value)}
          options={[
            { value: '', label: p.agencyItself },
            ...units.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <SubmitButton busy={send.isPending} busyLabel={p.opening}>
          {p.open}
        </SubmitButton>
      </form>
    </section>
  );
}
