import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import {
  OIDC_START_URL,
  useCitizen,
  useCitizenAuthMethods,
  useSendSignInCode,
  useVerifySignInCode,
} from '../../api/citizen.ts';
import { ErrorSummary, type FieldErrors, Radios, SubmitButton } from '../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { CodeField, EmailField, OtherEmailButton, useEmailCode } from './EmailCodeForm.tsx';

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
  const flow = useEmailCode(send);
  const { errors, sent, sendCode } = flow;
  const [method, setMethod] = useState('');
  usePageTitle(sent ? c.codeTitle : c.signInTitle);

  if (citizen.isPending || methods.isPending) return <Loading />;
  if (citizen.data) return <Navigate to={PATHS.citizenHome} replace />;
  const oidc = methods.data?.oidc ?? false;
  const chosen = oidc ? method : 'email';
  const failure = params.get('loi');

  function onChoose(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    if (!chosen) errs.method = c.chooseLegend;
    else if (chosen === 'email') flow.checkEmail(errs);
    if (!errors.check(errs)) return;
    if (chosen === 'vneid') {
      window.location.assign(OIDC_START_URL);
      return;
    }
    sendCode(flow.email.trim());
  }

  function onVerify(e: FormEvent) {
    e.preventDefault();
    if (verify.isPending || !sent) return;
    const value = flow.checkedCode();
    if (value === null) return;
    verify.mutate({ email: sent.email, code: value }, { onError: (err) => errors.fromError(err) });
  }

  if (sent) {
    return (
      <div className="narrow">
        <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
        <h1>{c.codeTitle}</h1>
        <p className="lead">{c.codeLead(sent.email, sent.minutes)}</p>
        <form onSubmit={onVerify} noValidate>
          <CodeField flow={flow} label={c.code} />
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
          <OtherEmailButton flow={flow}>{c.otherEmail}</OtherEmailButton>
        </p>
      </div>
    );
  }

  const emailField = <EmailField flow={flow} label={c.email} hint={c.emailHint} />;

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
