import { type InputHTMLAttributes, type ReactNode, useEffect, useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { isoToDayMonthYear, looksComplete, parseDateText, weekdayOf } from './dateText.ts';
import { InlineError } from './forms.tsx';

/**
 * The one date field of the app. People type the date as they write it (31/08/2026, 1/9/2026) or
 * as yyyy-mm-dd; the field says which date it understood, with its weekday, and flags a date that
 * does not exist. The browser's own date picker is not used: it shows mm/dd/yyyy in many setups.
 *
 * `value` and `onChange` speak ISO (yyyy-mm-dd) when the text is a real date, and the raw text
 * otherwise, so a form checks it with `isIsoDate` and sends it as it is.
 */
export function DateField({
  id,
  label,
  hint,
  error,
  optional,
  className,
  value,
  onChange,
  ...rest
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type'>) {
  const t = useT();
  const [text, setText] = useState(() => isoToDayMonthYear(value));
  const [left, setLeft] = useState(false);

  // A value set by the form itself (a reset, a default) replaces what is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the form's value only
  useEffect(() => {
    if (value !== text && value !== parseDateText(text)) setText(isoToDayMonthYear(value));
  }, [value]);

  const understood = parseDateText(text);
  const own =
    !understood && text.trim() !== '' && (left || looksComplete(text))
      ? looksComplete(text)
        ? t.dateInput.notARealDate(text.trim())
        : t.dateInput.unreadable
      : undefined;
  const shownError = error ?? own;
  const ids = [
    `${id}-hint`,
    understood ? `${id}-understood` : null,
    shownError ? `${id}-error` : null,
  ].filter(Boolean);

  return (
    <div className={`form-group date-field ${shownError ? 'form-group--error' : ''} ${className ?? ''}`}>
      <label className="label" htmlFor={id}>
        {label}
        {optional ? <span className="label__optional"> {t.common.optional}</span> : null}
      </label>
      <div className="hint" id={`${id}-hint`}>
        {hint ?? t.common.dateHint}
      </div>
      <InlineError id={id} error={shownError} />
      <input
        {...rest}
        id={id}
        type="text"
        autoComplete="off"
        className={`input ${shownError ? 'input--error' : ''}`}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={ids.join(' ')}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          setLeft(false);
          onChange(parseDateText(next) ?? next);
        }}
        onBlur={(e) => {
          setLeft(true);
          if (understood) setText(isoToDayMonthYear(understood));
          rest.onBlur?.(e);
        }}
      />
      <p className="date-field__understood" id={`${id}-understood`} aria-live="polite">
        {understood ? t.dateInput.understood(weekdayOf(understood), isoToDayMonthYear(understood)) : null}
      </p>
    </div>
  );
}
