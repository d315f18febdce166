import type { CitizenMe, citizenEmailStartResponse } from '@motcua/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { CITIZEN_KEY } from '../../../api/citizen.ts';
import { api, setCsrfToken } from '../../../api/client.ts';
import {
  ErrorSummary,
  type FieldErrors,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { Notice } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/index.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The citizen's email on /cong-dan/thong-bao. Without one (VNeID often gives none) the page says
 * plainly that no email reaches them, and offers to add one: a code is sent to it, typed on the
 * second step, and the address becomes theirs (the server's /citizen/email routes).
 */
export function AddEmailSection({ me }: { me: CitizenMe }) {
  const t = useT();
  const m = t.citizenEmail;
  const c = t.citizen;
  const qc = useQueryClient();
  const errors = useFormErrors();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ email: string; minutes: number } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { email: string }) =>
      api<z.infer<typeof citizenEmailStartResponse>>('/api/v1/citizen/email/start', {
        method: 'POST',
        body,
      }),
  });
  const verify = useMutation({
    mutationFn: (body: { email: string; code: string }) =>
      api<CitizenMe>('/api/v1/citizen/email/verify', { method: 'POST', body }),
    onSuccess: (next) => {
      setCsrfToken(next.csrfToken, 'citizen');
      qc.setQueryData(CITIZEN_KEY, next);
    },
  });

  if (me.email)
    return (
      <section aria-labelledby="email-title">
        <h2 id="email-title">{m.title}</h2>
        {added ? <Notice>{m.added(added)}</Notice> : <p>{m.current(me.email)}</p>}
      </section>
    );

  function sendCode(address: string) {
    send.mutate(
      { email: address },
      {
        onSuccess: (r) => {
          setSent({ email: address, minutes: r.expiresInMinutes });
          setCode('');
          errors.check({});
        },
        onError: (err) => errors.fromError(err),
      },
    );
  }

  function onSend(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    if (!email.trim()) errs.email = c.emailRequired;
    else if (!EMAIL.test(email.trim())) errs.email = c.emailInvalid;
    if (!errors.check(errs)) return;
    sendCode(email.trim());
  }

  function onVerify(e: FormEvent) {
    e.preventDefault();
    if (verify.isPending || !sent) return;
    const value = code.replace(/\s/g, '');
    const errs: FieldErrors = {};
    if (!value) errs.code = c.codeRequired;
    else if (!/^\d{6}$/.test(value)) errs.code = c.codeFormat;
    if (!errors.check(errs)) return;
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
          <TextField
            id="f-code"
            name="code"
            label={m.code}
            hint={c.codeHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields.code}
            className="input-width-10"
          />
          <div className="button-group">
            <SubmitButton busy={verify.isPending} busyLabel={m.verifying}>
              {m.verify}
            </SubmitButton>
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setSent(null);
                errors.check({});
              }}
            >
              {m.otherEmail}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={onSend} noValidate aria-labelledby="email-title">
          <TextField
            id="f-email"
            name="email"
            type="email"
            label={m.email}
            hint={m.emailHint}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <SubmitButton busy={send.isPending} busyLabel={m.sending}>
            {m.send}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
