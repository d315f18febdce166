import { type FormEvent, useRef, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  InlineError,
  SubmitButton,
  useFormErrors,
} from '../../../components/forms.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type CitizenDossierView, type SupplementAnswer, useSendSupplement } from './api.ts';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,application/pdf,image/png,image/jpeg,image/tiff';

/**
 * The online answer to a supplement request (GOV.UK file upload): one file input per item the
 * agency asked for, all sent together as multipart `item_<number>`; a missing or refused file's
 * message goes next to its item and in the summary at the top.
 */
export function SupplementForm({
  dossier,
  onSent,
}: {
  dossier: CitizenDossierView;
  onSent: (answer: SupplementAnswer) => void;
}) {
  const m = useT().citizenDossiers;
  const send = useSendSupplement(dossier.id);
  const errors = useFormErrors();
  const [files, setFiles] = useState<Map<number, File>>(new Map());
  // The mutation's state updates only after a render: a second click in between must not send again.
  const sending = useRef(false);
  const path = (number: number) => `item_${number}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (sending.current) return;
    const missing: FieldErrors = {};
    for (const i of dossier.supplementItems) {
      if (!files.has(i.number)) missing[path(i.number)] = m.supplementMissing(i.description);
    }
    if (!errors.check(missing)) return;
    sending.current = true;
    send.mutate(files, {
      onSuccess: (answer) => {
        errors.clear();
        onSent(answer);
      },
      onError: (err) => errors.fromError(err),
      onSettled: () => {
        sending.current = false;
      },
    });
  };

  return (
    <section aria-labelledby="supplement-form-title">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <h2 id="supplement-form-title">{m.supplementTitle}</h2>
      <p>{m.supplementLead}</p>
      <form onSubmit={onSubmit} noValidate aria-busy={send.isPending ? 'true' : 'false'}>
        {dossier.supplementItems.map((i) => {
          const id = fieldId(path(i.number));
          const error = errors.fields[path(i.number)];
          return (
            <div className={`form-group ${error ? 'form-group--error' : ''}`} key={i.number}>
              <label className="label" htmlFor={id}>
                {i.description}
              </label>
              <div className="hint" id={`${id}-hint`}>
                {m.supplementReason(i.reason)}
                <br />
                {m.supplementHint}
              </div>
              <InlineError id={id} error={error} />
              <input
                id={id}
                name={path(i.number)}
                type="file"
                accept={ACCEPT}
                className={`file-input ${error ? 'input--error' : ''}`}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                aria-invalid={error ? true : undefined}
                disabled={send.isPending}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  setFiles((prev) => {
                    const next = new Map(prev);
                    if (file) next.set(i.number, file);
                    else next.delete(i.number);
                    return next;
                  });
                }}
              />
            </div>
          );
        })}
        <SubmitButton busy={send.isPending} busyLabel={m.supplementSending}>
          {m.supplementSend}
        </SubmitButton>
      </form>
    </section>
  );
}
