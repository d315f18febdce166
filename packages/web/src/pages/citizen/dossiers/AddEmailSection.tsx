import type { CitizenMe } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { useSendAddEmailCode, useVerifyAddEmailCode } from '../../../api/citizen.ts';
import { ErrorSummary, type FieldErrors, SubmitButton } from '../../../components/forms.tsx';
import { Notice } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/index.tsx';
import { CodeField, EmailField, OtherEmailButton, useEmailCode } from '../EmailCodeForm.tsx';

/**
 * The citizen's email on /cong-dan/thong-bao. Without one (VNeID often gives none) the page says
 * plainly that no email reaches them, and offers to add one: a code is sent to it, typed on the
 * second step, and the address becomes theirs (the server's /citizen/email routes).
 */
export function AddEmailSection({ me }: { me: CitizenMe }) {
  const t = useT();
  const m = t.citizenEmail;
  const send = useSendAddEmailCode();
  const verify = useVerifyAddEmailCode();
  const flow = useEmailCode(send);
  const { errors, sent, setSent } = flow;
  const [added, setAdded] = useState<string | null>(null);

  if (me.email)
    return (
      <section aria-labelledby="email-title">
        <h2 id="email-title">{m.title}</h2>
        {added ? <Notice>{m.added(added)}</Notice> : <p>{m.current(me.email)}</p>}
      </section>
    );

  function onSend(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    flow.checkEmail(errs);
    if (!errors.check(errs)) return;
    flow.sendCode(flow.email.trim());
  }

  function onVerify(e: FormEvent) {
    e.preventDefault();
    if (verify.isPending || !sent) return;
    const value = flow.checkedCode();
    if (value === null) return;
    verify.mutate(
      { email: sent.email, code: value },
      {
        onSuccess: (next) => setAdded(next.email),
        onError: (err) => {
          errors.fromError(err);
          // The address itself refused (another account has it): back to the first step, kept typed.
          if ((err as { problem?: { errors?: { path?: string }[] } }).problem?.errors?.[0]?.path === 'email')
            setSent(null);
        },
      },
    );
  }

  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{m.title}</h2>
      <Notice kind="warning" title={m.noneTitle} focus={false} live={false}>
        <p>{m.none}</p>
      </Notice>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {sent ? (
        <form onSubmit={onVerify} noValidate aria-labelledby="email-title">
          <p>{m.codeLead(sent.email, sent.minutes)}</p>
          <CodeField flow={flow} label={m.code} />
          <div className="button-group">
            <SubmitButton busy={verify.isPending} busyLabel={m.verifying}>
              {m.verify}
            </SubmitButton>
            <OtherEmailButton flow={flow}>{m.otherEmail}</OtherEmailButton>
          </div>
        </form>
      ) : (
        <form onSubmit={onSend} noValidate aria-labelledby="email-title">
          <EmailField flow={flow} label={m.email} hint={m.emailHint} />
          <SubmitButton busy={send.isPending} busyLabel={m.sending}>
            {m.send}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
