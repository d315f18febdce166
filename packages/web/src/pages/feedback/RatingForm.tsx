import { RATING_REASONS, type RatingReason, type RatingValue } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { useCitizen } from '../../api/citizen.ts';
import { newUuid } from '../../api/client.ts';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  InlineError,
  Radios,
  SubmitButton,
  TextArea,
  useFormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { useI18n, useT } from '../../i18n/index.tsx';
import { type RatingGiven, type RatingSend, useSendRating } from './api.ts';

/**
 * The rating form: satisfied, acceptable or not satisfied; when not satisfied, reasons from the
 * list and a comment. One key per page visit, so a double tap counts once.
 */
export function RatingForm({
  path,
  legend,
  extra,
  onDone,
}: {
  /** The API address the rating is sent to. */
  path: string;
  legend: string;
  /** More fields sent with the rating (the counter tablet's dossier code). */
  extra?: {
    body: Record<string, string>;
    check: () => FieldErrors;
    /** The fields, given the errors to show on them. */
    fields: (errors: FieldErrors) => React.ReactNode;
  };
  onDone?: (given: RatingGiven) => void;
}) {
  const t = useT();
  const r = t.feedback.rating;
  const { locale } = useI18n();
  const send = useSendRating(path);
  // A citizen signed in who opens a rating link straight from an email: their session's CSRF token
  // is read here, else the server refuses the rating (403) because the browser sends their cookie.
  useCitizen();
  const errors = useFormErrors();
  const [key] = useState(newUuid);
  const [value, setValue] = useState('');
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [comment, setComment] = useState('');

  if (send.isSuccess)
    return (
      <Notice title={r.thanks}>
        <p>{r.thanksBody}</p>
        {send.data.followUp ? <p>{r.followUp}</p> : null}
      </Notice>
    );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = { ...(extra?.check() ?? {}) };
    if (!value) errs.value = r.valueRequired;
    if (value === 'not_satisfied' && reasons.length === 0) errs.reasons = r.reasonRequired;
    if (!errors.check(errs)) return;
    const body: RatingSend = {
      value: value as RatingValue,
      reasons: value === 'not_satisfied' ? reasons : [],
      comment: comment.trim() || null,
    };
    send.mutate(
      { body: { ...body, ...(extra?.body ?? {}) }, key },
      { onSuccess: (g) => onDone?.(g), onError: (err) => errors.fromError(err) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {extra?.fields(errors.fields)}
      <Radios
        name="value"
        legend={legend}
        options={(['satisfied', 'acceptable', 'not_satisfied'] as const).map((v) => ({
          value: v,
          label: r.values[v],
        }))}
        value={value}
        onChange={setValue}
        error={errors.fields.value}
      />
      {value === 'not_satisfied' ? (
        <div className={`form-group ${errors.fields.reasons ? 'form-group--error' : ''}`}>
          <fieldset className="fieldset" aria-describedby={`${fieldId('reasons')}-hint`}>
            <legend className="fieldset__legend">{r.reasonsLegend}</legend>
            <div className="hint" id={`${fieldId('reasons')}-hint`}>
              {r.reasonsHint}
            </div>
            <InlineError id={fieldId('reasons')} error={errors.fields.reasons} />
            {RATING_REASONS.map((reason, i) => (
              <Checkbox
                key={reason.code}
                id={i === 0 ? fieldId('reasons') : `${fieldId('reasons')}-${reason.code}`}
                label={reason[locale]}
                checked={reasons.includes(reason.code)}
                onChange={(e) =>
                  setReasons((rs) =>
                    e.target.checked ? [...rs, reason.code] : rs.filter((x) => x !== reason.code),
                  )
                }
              />
            ))}
          </fieldset>
        </div>
      ) : null}
      <TextArea
        id={fieldId('comment')}
        label={r.comment}
        hint={r.commentHint}
        optional
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={errors.fields.comment}
      />
      <SubmitButton busy={send.isPending} busyLabel={r.sending}>
        {r.send}
      </SubmitButton>
    </form>
  );
}
