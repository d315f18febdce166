import { type ReactNode, useState } from 'react';
import type { useSendSignInCode } from '../../api/citizen.ts';
import { type FieldErrors, TextField, useFormErrors } from '../../components/forms.tsx';
import { useT } from '../../i18n/index.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where a code went and for how many minutes it holds (the second step shows it). */
export type CodeSent = { email: string; minutes: number };

/** Any of the "send a code to this address" mutations of api/citizen.ts (they share one shape). */
type CodeSender = ReturnType<typeof useSendSignInCode>;

/**
 * What the citizen forms that prove an email address with a one-time code share (sign-in on
 * /cong-dan/dang-nhap, adding an email on /cong-dan/thong-bao): the address and the code typed
 * (kept on errors), where a code was sent, the checks of both steps with their texts, and the
 * GOV.UK error summary and inline errors (`errors`, for `<ErrorSummary>` and the fields).
 */
export function useEmailCode(send: CodeSender) {
  const c = useT().citizen;
  const errors = useFormErrors();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);

  /** Sends a code to `address`; once sent, the second step shows with an empty code field. */
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

  /** Adds the email field's error (missing, or not an address) to `errs`. */
  function checkEmail(errs: FieldErrors) {
    if (!email.trim()) errs.email = c.emailRequired;
    else if (!EMAIL.test(email.trim())) errs.email = c.emailInvalid;
  }

  /** The code typed, spaces removed; null when it is missing or not 6 digits (the error is shown). */
  function checkedCode(): string | null {
    const value = code.replace(/\s/g, '');
    const errs: FieldErrors = {};
    if (!value) errs.code = c.codeRequired;
    else if (!/^\d{6}$/.test(value)) errs.code = c.codeFormat;
    return errors.check(errs) ? value : null;
  }

  /** Back to the first step, the address still typed, the errors cleared. */
  function otherEmail() {
    setSent(null);
    errors.check({});
  }

  return {
    errors,
    email,
    setEmail,
    code,
    setCode,
    sent,
    setSent,
    sendCode,
    checkEmail,
    checkedCode,
    otherEmail,
  };
}

export type EmailCode = ReturnType<typeof useEmailCode>;

/** The first step's email field. */
export function EmailField({ flow, label, hint }: { flow: EmailCode; label: string; hint: string }) {
  return (
    <TextField
      id="f-email"
      name="email"
      type="email"
      label={label}
      hint={hint}
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      value={flow.email}
      onChange={(e) => flow.setEmail(e.target.value)}
      error={flow.errors.fields.email}
    />
  );
}

/** The second step's field for the 6-digit code from the email. */
export function CodeField({ flow, label }: { flow: EmailCode; label: string }) {
  const c = useT().citizen;
  return (
    <TextField
      id="f-code"
      name="code"
      label={label}
      hint={c.codeHint}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      value={flow.code}
      onChange={(e) => flow.setCode(e.target.value)}
      error={flow.errors.fields.code}
      className="input-width-10"
    />
  );
}

/** On the second step: back to the first one, to type another address. */
export function OtherEmailButton({ flow, children }: { flow: EmailCode; children: ReactNode }) {
  return (
    <button type="button" className="button button--link" onClick={flow.otherEmail}>
      {children}
    </button>
  );
}
