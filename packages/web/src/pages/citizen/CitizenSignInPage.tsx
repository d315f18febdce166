import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import {
  OIDC_START_URL,
  useCitizen,
  useCitizenAuthMethods,
  useSendSignInCode,
  useVerifySignInCode,
} from '../../api/citizen.ts';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Citizen sign-in: VNeID (the browser goes to the identity provider and comes back signed in) or
 * a 6-digit code sent by email, entered on a second step. What was typed is kept on errors.
 */
export default function CitizenSignInPage() {
  const t = useT();
  const c = t.citizen;
  const [params] = useSearchParams();
  const citizen = useCitizen();
  const methods = useCitizenAuthMethods();
  const send = useSendSignInCode();
  const verify = useVerifySignInCode();
  const errors = useFormErrors();
  const [method, setMethod] = useState('');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ email: string; minutes: number } | null>(null);
  usePageTitle(sent ? c.codeTitle : c.signInTitle);

  if (citizen.isPending || methods.isPending) return <Loading />;
  if (citizen.data) return <Navigate to={PATHS.citizenHome} replace />;
  const oidc = methods.data?.oidc ?? false;
  const chosen = oidc ? method : 'email';
  const failure = params.get('loi');

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

  function onChoose(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    if (!chosen) errs.method = c.chooseLegend;
    else if (chosen === 'email') {
      if (!email.trim()) errs.email = c.emailRequired;
      else if (!EMAIL.test(email.trim())) errs.email = c.emailInvalid;
    }
    if (!errors.check(errs)) return;
    if (chosen === 'vneid') {
      window.location.assign(OIDC_START_URL);
      return;
    }
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
    verify.mutate({ email: sent.email, code: value }, { onError: (err) => errors.fromError(err) });
  }

  if (sent) {
    return (
      <div className="narrow">
        <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
        <h1>{c.codeTitle}</h1>
        <p className="lead">{c.codeLead(sent.email, sent.minutes)}</p>
        <form onSubmit={onVerify} noValidate>
          <TextField
            id="f-code"
            name="code"
            label={c.code}
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
            <SubmitButton busy={verify.isPending} busyLabel={c.verifying}>
              {c.verify}
            </SubmitButton>
            <SubmitButton
              type="button"
              variant="secondary"
              busy={send.isPending}
              busyLabel={c.sendingCode}
              onClick={() => sendCode(sent.email)}
            >
              {c.resend}
            </SubmitButton>
          </div>
        </form>
        <p>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setSent(null);
              errors.check({});
            }}
          >
            {c.otherEmail}
          </button>
        </p>
      </div>
    );
  }

  const emailField = (
    <TextField
      id="f-email"
      name="email"
      type="email"
      label={c.email}
      hint={c.emailHint}
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      value={email}
      onChange={(e) => setEmail(e.target.value)}
      error={errors.fields.email}
    />
  );

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {failure ? (
        <Notice kind="error" title={c.failedTitle}>
          <p>{c.failed[failure] ?? c.failed.vneid}</p>
        </Notice>
      ) : null}
      <h1>{c.signInTitle}</h1>
      <p className="lead">{c.signInLead}</p>
      <form onSubmit={onChoose} noValidate>
        {oidc ? (
          <Radios
            name="method"
            legend={c.chooseLegend}
            options={[
              { value: 'vneid', label: c.vneid, hint: c.vneidHint },
              { value: 'email', label: c.emailOption, hint: c.emailOptionHint },
            ]}
            value={method}
            onChange={setMethod}
            error={errors.fields.method}
          >
            {method === 'email' ? emailField : null}
          </Radios>
        ) : (
          emailField
        )}
        <SubmitButton busy={send.isPending} busyLabel={c.sendingCode}>
          {chosen === 'email' ? c.sendCode : c.continue}
        </SubmitButton>
      </form>
    </div>
  );
}
