import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { ErrorSummary, SubmitButton, type SummaryItem } from './forms.tsx';
import { FormPanel } from './ui.tsx';

/**
 * A form in a panel of a list page: the heading takes focus when it opens, the error summary comes
 * first, and the form ends with the button that sends it and the one that cancels.
 */
export function PanelForm({
  title,
  errors,
  intro,
  onSubmit,
  busy,
  busyLabel,
  submitLabel,
  variant,
  onCancel,
  children,
}: {
  title: string;
  errors: { summary: SummaryItem[]; attempt: number };
  /** Said between the error summary and the form. */
  intro?: ReactNode;
  onSubmit: (e: FormEvent) => void;
  busy: boolean;
  busyLabel: string;
  submitLabel: ReactNode;
  variant?: 'primary' | 'warning';
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <FormPanel title={title}>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {intro}
      <form onSubmit={onSubmit} noValidate>
        {children}
        <div className="button-group">
          <SubmitButton busy={busy} busyLabel={busyLabel} variant={variant}>
            {submitLabel}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
