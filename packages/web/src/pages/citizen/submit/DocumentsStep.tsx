import type { DraftView } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import {
  ErrorSummary,
  fieldId,
  InlineError,
  problemMessage,
  SubmitButton,
} from '../../../components/forms.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useRemoveDocument, useUploadDocument } from './api.ts';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,application/pdf,image/png,image/jpeg,image/tiff';

/**
 * The upload step of the online application (GOV.UK file upload): one file per item of the
 * procedure's checklist, each uploaded as soon as it is chosen and checked by its content on the
 * server; a refused file's message goes next to its item and in the summary at the top.
 */
export function DocumentsStep({
  draft,
  back,
  onDone,
}: {
  draft: DraftView;
  back: React.ReactNode;
  onDone: () => void;
}) {
  const t = useT();
  const s = t.onlineSubmit;
  const upload = useUploadDocument(draft.procedureId);
  const remove = useRemoveDocument(draft.procedureId);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<number | null>(null);
  const path = (item: number) => `documents.${item}`;
  const summary = Object.entries(errors).map(([item, message]) => ({ path: path(Number(item)), message }));
  const fail = (item: number, message: string) => {
    setErrors((e) => ({ ...e, [item]: message }));
    setAttempt((a) => a + 1);
  };
  const clear = (item: number) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => Number(k) !== item)));

  const choose = (item: number, file: File | undefined) => {
    if (!file) return;
    setBusy(item);
    upload.mutate(
      { draftId: draft.id, item, file },
      {
        onSuccess: () => clear(item),
        onError: (err) => fail(item, problemMessage(err, t)),
        onSettled: () => setBusy(null),
      },
    );
  };
  const onContinue = (e: FormEvent) => {
    e.preventDefault();
    const missing = draft.checklist.filter((c) => c.required && !c.document);
    if (missing.length === 0) return onDone();
    setErrors(Object.fromEntries(missing.map((c) => [c.item, s.documentMissing(c.name)])));
    setAttempt((a) => a + 1);
  };

  return (
    <div className="narrow">
      {back}
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="caption">{draft.procedureName}</p>
      <h1>{s.documentsTitle}</h1>
      <p>{s.documentsLead}</p>
      <div aria-busy={busy !== null ? 'true' : 'false'}>
        {draft.checklist.map((c) => {
          const id = fieldId(path(c.item));
          const error = errors[c.item];
          return (
            <div className={`form-group ${error ? 'form-group--error' : ''}`} key={c.item}>
              <label className="label" htmlFor={id}>
                {c.name}
                {c.required ? null : <span className="label__optional"> {t.common.optional}</span>}
              </label>
              <div className="hint" id={`${id}-hint`}>
                {s.documentsHint}
              </div>
              {c.document ? (
                <p className="upload-done" data-testid={`uploaded-${c.item}`}>
                  {s.uploaded(c.document.filename)}{' '}
                  <button
                    type="button"
                    className="button--link"
                    disabled={busy !== null}
                    onClick={() =>
                      remove.mutate(
                        { draftId: draft.id, item: c.item },
                        { onError: (err) => fail(c.item, problemMessage(err, t)) },
                      )
                    }
                  >
                    {s.removeFile}
                    <span className="visually-hidden"> {c.name}</span>
                  </button>
                </p>
              ) : null}
              <InlineError id={id} error={error} />
              <input
                id={id}
                name={path(c.item)}
                type="file"
                accept={ACCEPT}
                className={`file-input ${error ? 'input--error' : ''}`}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                aria-invalid={error ? true : undefined}
                disabled={busy !== null}
                onChange={(e) => {
                  choose(c.item, e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              {busy === c.item ? <p role="status">{s.uploading}</p> : null}
            </div>
          );
        })}
      </div>
      <form onSubmit={onContinue} noValidate>
        <SubmitButton busy={busy !== null} busyLabel={s.uploading}>
          {s.continue}
        </SubmitButton>
      </form>
    </div>
  );
}
