import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
  useState,
} from 'react';
import { isApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import type { Messages } from '../i18n/vi.ts';

/**
 * Form parts in the GOV.UK pattern: a label, an optional hint, an inline error tied to the control
 * with aria-describedby, and an error summary at the top of the form that links to each field.
 */

/** The id of the control that edits a path: "documents[2].copies" -> "f-documents-2-copies". */
export function fieldId(path: string): string {
  const clean = normalisePath(path)
    .replace(/[[\].]+/g, '-')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/-+$/, '');
  return `f-${clean || 'form'}`;
}

/** Paths from the server may be relative to the request body ("content.name", "body.name"). */
export function normalisePath(path: string | undefined): string {
  return (path ?? '')
    .replace(/^(body|content)(\.|$)/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
}

export type FieldErrors = Record<string, string>;

export interface SummaryItem {
  path: string;
  message: string;
}

export function ErrorSummary({
  items,
  title,
  focusKey,
}: {
  items: SummaryItem[];
  title?: string;
  /** Changes on every submit, so the summary takes focus again. */
  focusKey?: number;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on each submit
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [focusKey, items.length]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t.common.errorSummaryTitle}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.path}|${item.message}`}>
            {item.path ? (
              <a
                href={`#${fieldId(item.path)}`}
                onClick={(e) => {
                  const target = document.getElementById(fieldId(item.path));
                  if (target) {
                    e.preventDefault();
                    target.scrollIntoView({ block: 'center' });
                    target.focus();
                  }
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The server words a field error as "Label (path): what is wrong". The raw path of a plain field
 * means nothing to a person, so it is dropped; the path of a repeated row ("documents[2].copies")
 * is kept, as it says which row.
 */
export function readableMessage(message: string, path: string | undefined): string {
  if (!path || /\[\d+\]/.test(path)) return message;
  return message.replace(` (${path})`, '');
}

/** Turn an API error into a message for the summary and inline messages by field path. */
export function problemToErrors(e: unknown, t: Messages): { summary: SummaryItem[]; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const summary: SummaryItem[] = [];
  if (isApiError(e)) {
    if (e.status === 0) return { summary: [{ path: '', message: t.common.networkError }], fields };
    const errs = e.problem.errors ?? [];
    for (const err of errs) {
      const path = normalisePath(err.path);
      const message = readableMessage(err.message, err.path);
      if (path && !(path in fields)) fields[path] = message;
      summary.push({ path, message });
    }
    if (summary.length === 0 || (e.problem.detail && errs.length === 0)) {
      summary.unshift({ path: '', message: e.problem.detail ?? e.problem.title ?? t.common.genericError });
    }
    return { summary, fields };
  }
  return { summary: [{ path: '', message: t.common.genericError }], fields };
}

/** The text of an API error for a notification. */
export function problemMessage(e: unknown, t: Messages): string {
  if (isApiError(e)) {
    if (e.status === 0) return t.common.networkError;
    return e.problem.detail ?? e.problem.title ?? t.common.genericError;
  }
  return t.common.genericError;
}

function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string): string | undefined {
  const ids = [extra, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="hint" id={`${id}-hint`}>
      {children}
    </div>
  );
}

export function InlineError({ id, error }: { id: string; error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">{t.common.errorPrefix} </span>
      {error}
    </p>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  labelClassName?: string;
}

function Label({
  id,
  label,
  optional,
  className,
}: Pick<FieldProps, 'id' | 'label' | 'optional'> & { className?: string }) {
  const t = useT();
  return (
    <label className={`label ${className ?? ''}`} htmlFor={id}>
      {label}
      {optional ? <span className="label__optional"> {t.common.optional}</span> : null}
    </label>
  );
}

/** The group around one control: its label, hint and inline error, then the control. */
function FieldGroup({ field, children }: { field: FieldProps; children: ReactNode }) {
  const { id, error } = field;
  return (
    <div className={`form-group ${error ? 'form-group--error' : ''} ${field.className ?? ''}`}>
      <Label id={id} label={field.label} optional={field.optional} className={field.labelClassName} />
      <Hint id={id}>{field.hint}</Hint>
      <InlineError id={id} error={error} />
      {children}
    </div>
  );
}

/**
 * The props of a field apart from those of its control; the control gets the id and what ties it to
 * the hint and the error for assistive technology.
 */
function splitField<P extends FieldProps>({
  id,
  label,
  hint,
  error,
  optional,
  className,
  labelClassName,
  ...rest
}: P) {
  return {
    field: { id, label, hint, error, optional, className, labelClassName },
    control: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, hint, error),
      ...rest,
    },
  };
}

export function TextField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const { field, control } = splitField(props);
  return (
    <FieldGroup field={field}>
      <input className={`input ${field.error ? 'input--error' : ''}`} {...control} />
    </FieldGroup>
  );
}

export function TextArea(props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const { field, control } = splitField(props);
  return (
    <FieldGroup field={field}>
      <textarea className={`textarea ${field.error ? 'input--error' : ''}`} rows={4} {...control} />
    </FieldGroup>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  options,
  placeholder,
  ...props
}: FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { options: Option[]; placeholder?: string }) {
  const { field, control } = splitField(props);
  return (
    <FieldGroup field={field}>
      <select className={`select ${field.error ? 'input--error' : ''}`} {...control}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

export function Checkbox(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  const { field, control } = splitField(props);
  return (
    <div className={`form-group checkbox ${field.error ? 'form-group--error' : ''} ${field.className ?? ''}`}>
      <InlineError id={field.id} error={field.error} />
      <div className="checkbox__item">
        <input type="checkbox" className="checkbox__input" {...control} />
        <label className="checkbox__label" htmlFor={field.id}>
          {field.label}
        </label>
      </div>
      <Hint id={field.id}>{field.hint}</Hint>
    </div>
  );
}

/** Radios in a fieldset, GOV.UK style; the first radio carries the id an error summary links to. */
export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export function Radios({
  name,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  disabled,
  children,
}: {
  name: string;
  /** The question; on a page of one question, its heading (GOV.UK: the legend as the page heading). */
  legend: ReactNode;
  options: RadioOption[];
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  /** Shown but not editable (for example an inherited setting). */
  disabled?: boolean;
  /** Shown under the radios (a conditional field of the chosen one). */
  children?: ReactNode;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-group ${error ? 'form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy || undefined} disabled={disabled}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div className="hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <InlineError id={id} error={error} />
        <div className="radios">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="radios__item" key={o.value}>
                <input
                  className="radios__input"
                  type="radio"
                  id={optionId}
                  name={id}
                  value={o.value}
                  checked={value === o.value}
                  aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                  onChange={() => onChange(o.value)}
                />
                <div>
                  <label className="radios__label" htmlFor={optionId}>
                    {o.label}
                  </label>
                  {o.hint ? (
                    <div className="hint radios__hint" id={`${optionId}-item-hint`}>
                      {o.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
        {children}
      </fieldset>
    </div>
  );
}

/**
 * A submit button that says what it is doing and cannot be pressed twice. While busy it is marked
 * aria-disabled rather than disabled, so that keyboard focus stays on it and is not lost.
 */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  variant = 'primary',
  type = 'submit',
  disabled,
  onClick,
  className,
  ...rest
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'warning';
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  const inactive = busy || disabled;
  return (
    <button
      type={type}
      className={`button button--${variant} ${className ?? ''}`}
      aria-disabled={inactive ? true : undefined}
      onClick={(e) => {
        if (inactive) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
      {...rest}
    >
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/** A YYYY-MM-DD string that is a real calendar date. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Error state of one form: inline messages by path and the summary, refocused on every submit. */
export function useFormErrors() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const t = useT();
  return {
    fields,
    summary,
    attempt,
    /** Show client-side errors; returns true when there are none. */
    check(errs: FieldErrors): boolean {
      setAttempt((n) => n + 1);
      setFields(errs);
      setSummary(Object.entries(errs).map(([path, message]) => ({ path, message })));
      return Object.keys(errs).length === 0;
    },
    fromError(e: unknown) {
      const r = problemToErrors(e, t);
      setFields(r.fields);
      setSummary(r.summary);
      setAttempt((n) => n + 1);
    },
    /** Show a list of errors (from a check that did not fail as a request). */
    show(list: { path?: string; message: string }[]) {
      const f: FieldErrors = {};
      const items = list.map((e) => ({
        path: normalisePath(e.path),
        message: readableMessage(e.message, e.path),
      }));
      for (const item of items) if (item.path && !(item.path in f)) f[item.path] = item.message;
      setFields(f);
      setSummary(items);
      setAttempt((n) => n + 1);
    },
    clear() {
      setFields({});
      setSummary([]);
    },
  };
}
