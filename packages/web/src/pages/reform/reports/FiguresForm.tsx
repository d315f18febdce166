import { FORM06_COLUMNS } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, InlineError, SubmitButton } from '../../../components/forms.tsx';
import { Notice } from '../../../components/ui.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import type { ReportView } from './api.ts';
import { useSave } from './ReportSection.tsx';

/**
 * The officer's correction of the drafted dossier figures (a place's count the system could not
 * know, e.g. dossiers handled outside it): saved as a new version, after which the table is marked
 * as edited instead of drafted. "Refresh figures" puts the system's figures back.
 */
export function FiguresForm({ view }: { view: ReportView }) {
  const { t } = useI18n();
  const r = t.reformReports;
  const rows = view.content.dossiers.rows;
  const [values, setValues] = useState(() => rows.map((row) => FORM06_COLUMNS.map((c) => String(row[c]))));
  const { save, errors, busy, saved } = useSave(view);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const [n, list] of values.entries())
      for (const [k, v] of list.entries())
        if (!/^\d{1,9}$/.test(v.trim())) errs[`dossiers.rows.${n}.${FORM06_COLUMNS[k]}`] = r.figureInvalid;
    if (!errors.check(errs)) return;
    const next = rows.map((row, n) => ({
      ...row,
      ...Object.fromEntries(FORM06_COLUMNS.map((c, k) => [c, Number(values[n]![k])])),
    }));
    save({ ...view.content, dossiers: { ...view.content.dossiers, rows: next } });
  }
  if (rows.length === 0) return null;
  return (
    <details className="reform-panel">
      <summary>{r.editFigures}</summary>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
        {saved > 0 && !busy && errors.summary.length === 0 ? (
          <Notice focus={false}>
            <p>{r.saved}</p>
          </Notice>
        ) : null}
        {rows.map((row, n) => (
          <fieldset key={row.place} className="fieldset">
            <legend className="fieldset__legend">{row.place}</legend>
            <div className="report-figure-inputs">
              {FORM06_COLUMNS.map((c, k) => {
                const id = `f-dossiers-rows-${n}-${c}`;
                const error = errors.fields[`dossiers.rows.${n}.${c}`];
                return (
                  <div key={c} className={`form-group ${error ? 'form-group--error' : ''}`}>
                    <label className="label" htmlFor={id}>
                      {r.columns[c]}
                    </label>
                    <InlineError id={id} error={error} />
                    <input
                      id={id}
                      className={`input input--width-5 ${error ? 'input--error' : ''}`}
                      inputMode="numeric"
                      aria-describedby={error ? `${id}-error` : undefined}
                      value={values[n]![k]}
                      onChange={(e) =>
                        setValues(
                          values.map((l, i) =>
                            i === n ? l.map((v, j) => (j === k ? e.target.value : v)) : l,
                          ),
                        )
                      }
                    />
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        <SubmitButton busy={busy} busyLabel={r.saving} variant="secondary">
          {r.saveFigures}
        </SubmitButton>
      </form>
    </details>
  );
}
