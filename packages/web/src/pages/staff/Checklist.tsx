import type { RequiredDocument } from '@motcua/core';
import type { ChecklistItem } from '../../api/types.ts';
import { type FieldErrors, fieldId, InlineError } from '../../components/forms.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { Messages } from '../../i18n/vi.ts';

/**
 * The completeness check (kiểm tra thành phần hồ sơ): one line per document of the procedure, ticked
 * when received, with the number of copies.
 */

export interface ChecklistRow {
  document: string;
  received: boolean;
  copies: string;
}

export function initialChecklist(documents: readonly RequiredDocument[]): ChecklistRow[] {
  return documents.map((d) => ({ document: d.name, received: false, copies: String(d.copies ?? 1) }));
}

/** Required documents not ticked. */
export function missingRequired(
  documents: readonly RequiredDocument[],
  rows: readonly ChecklistRow[],
): string[] {
  return documents
    .filter((d) => d.required)
    .filter((d) => !rows.find((r) => r.document === d.name)?.received)
    .map((d) => d.name);
}

export function checklistErrors(
  documents: readonly RequiredDocument[],
  rows: readonly ChecklistRow[],
  t: Messages,
  requireComplete: boolean,
): FieldErrors {
  const errs: FieldErrors = {};
  rows.forEach((r, i) => {
    if (!r.received) return;
    const n = Number(r.copies);
    if (!/^\d+$/.test(r.copies.trim()) || n < 1 || n > 100)
      errs[`checklist[${i}].copies`] = t.counter.errors.copies(r.document);
  });
  const missing = missingRequired(documents, rows);
  if (requireComplete && missing.length > 0) errs.checklist = t.counter.errors.missing(missing.join('; '));
  return errs;
}

export function checklistInput(rows: readonly ChecklistRow[]): ChecklistItem[] {
  return rows.map((r) => ({
    document: r.document,
    received: r.received,
    ...(r.received ? { copies: Number(r.copies) } : {}),
  }));
}

export function Checklist({
  documents,
  rows,
  onChange,
  errors,
  uploaded,
}: {
  documents: readonly RequiredDocument[];
  rows: ChecklistRow[];
  onChange: (rows: ChecklistRow[]) => void;
  errors: FieldErrors;
  /** An online dossier: the files the citizen uploaded for each document, as the server sends them. */
  uploaded?: readonly (readonly string[])[];
}) {
  const { t } = useI18n();
  const required = documents.filter((d) => d.required);
  const got = required.filter((d) => rows.find((r) => r.document === d.name)?.received).length;
  const groupError = errors.checklist;
  const set = (i: number, patch: Partial<ChecklistRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className={`form-group checklist ${groupError ? 'form-group--error' : ''}`}>
      <fieldset
        className="fieldset"
        aria-describedby={`checklist-hint checklist-status${groupError ? ' f-checklist-error' : ''}`}
      >
        <legend className="fieldset__legend fieldset__legend--m">{t.counter.checklistTitle}</legend>
        <div className="hint" id="checklist-hint">
          {t.counter.checklistHint}
        </div>
        <InlineError id="f-checklist" error={groupError} />
        {documents.length === 0 ? <p>{t.counter.noDocuments}</p> : null}
        <ol className="checklist__list">
          {documents.map((d, i) => {
            const row = rows[i];
            if (!row) return null;
            const id = i === 0 ? 'f-checklist' : fieldId(`checklist[${i}].received`);
            const copiesId = fieldId(`checklist[${i}].copies`);
            const copiesError = errors[`checklist[${i}].copies`];
            return (
              <li
                key={d.name}
                className={`checklist__item ${row.received ? 'checklist__item--received' : ''}`}
              >
                <div className="checkbox__item">
                  <input
                    id={id}
                    type="checkbox"
                    className="checkbox__input"
                    checked={row.received}
                    aria-describedby={`${id}-meta`}
                    onChange={(e) => set(i, { received: e.target.checked })}
                  />
                  <label className="checkbox__label" htmlFor={id} lang="vi">
                    {d.name}
                  </label>
                </div>
                <p className="checklist__meta" id={`${id}-meta`}>
                  <span className={`tag ${d.required ? 'tag--warning' : 'tag--plain'}`}>
                    {d.required ? t.counter.requiredDoc : t.counter.optionalDoc}
                  </span>
                  {t.counter.expectedCopies(d.copies, t.documentForm[d.form] ?? d.form)}
                  {uploaded ? (
                    <span className="checklist__uploaded">
                      {uploaded[i]?.length
                        ? t.acceptance.uploaded(uploaded[i]!.join(', '))
                        : t.acceptance.notUploaded}
                    </span>
                  ) : null}
                </p>
                {row.received ? (
                  <div className={`form-group checklist__copies ${copiesError ? 'form-group--error' : ''}`}>
                    <label className="label" htmlFor={copiesId}>
                      {t.counter.copies}
                      <span className="visually-hidden">: {d.name}</span>
                    </label>
                    <InlineError id={copiesId} error={copiesError} />
                    <input
                      id={copiesId}
                      className={`input input--copies ${copiesError ? 'input--error' : ''}`}
                      inputMode="numeric"
                      value={row.copies}
                      aria-invalid={copiesError ? true : undefined}
                      aria-describedby={copiesError ? `${copiesId}-error` : undefined}
                      onChange={(e) => set(i, { copies: e.target.value })}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        <p className="checklist__status" id="checklist-status" role="status" aria-live="polite">
          {t.counter.checklistStatus(got, required.length)}
        </p>
      </fieldset>
    </div>
  );
}
