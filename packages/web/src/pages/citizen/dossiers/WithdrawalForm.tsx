import { citizenWithdrawalBody } from '@motcua/core';
import { type FormEvent, useRef, useState } from 'react';
import { ErrorSummary, SubmitButton, TextArea, useFormErrors } from '../../../components/forms.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type CitizenDossierView, useRequestWithdrawal } from './api.ts';

/**
 * The request to withdraw a dossier: a reason, then a confirmation step, then the request with the
 * version the citizen saw. The agency accepts or refuses it later.
 */
export function WithdrawalForm({ dossier, onSent }: { dossier: CitizenDossierView; onSent: () => void }) {
  const m = useT().citizenDossiers;
  const withdraw = useRequestWithdrawal(dossier.id);
  const errors = useFormErrors();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const sending = useRef(false);

  const onReview = (e: FormEvent) => {
    e.preventDefault();
    const parsed = citizenWithdrawalBody.shape.reason.safeParse(reason);
    if (!errors.check(parsed.success ? {} : { reason: m.withdrawReasonInvalid })) return;
    setConfirming(true);
  };

  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    if (sending.current) return;
    sending.current = true;
    withdraw.mutate(
      { reason: reason.trim(), expectedVersion: dossier.version },
      {
        onSuccess: () => {
          errors.clear();
          onSent();
        },
        onError: (err) => {
          setConfirming(false);
          errors.fromError(err);
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <section aria-labelledby="withdraw-title">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <h2 id="withdraw-title">{m.withdrawTitle}</h2>
      {confirming ? (
        <form onSubmit={onConfirm} noValidate>
          <p className="warning-text" role="alert">
            <strong>{m.withdrawConfirm}</strong>
          </p>
          <p>
            {m.withdrawReason}: {reason.trim()}
          </p>
          <div className="button-group">
            <SubmitButton busy={withdraw.isPending} busyLabel={m.withdrawSending} variant="warning">
              {m.withdrawYes}
            </SubmitButton>
            <button
              type="button"
              className="button button--secondary"
              disabled={withdraw.isPending}
              onClick={() => setConfirming(false)}
            >
              {m.withdrawNo}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={onReview} noValidate>
          <p>{m.withdrawLead}</p>
          <TextArea
            id="f-reason"
            name="reason"
            label={m.withdrawReason}
            hint={m.withdrawReasonHint}
            error={errors.fields.reason}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          <SubmitButton busy={false} busyLabel={m.withdrawSending} variant="secondary">
            {m.withdrawContinue}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
