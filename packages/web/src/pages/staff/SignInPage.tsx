import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSession, useSignIn } from '../../auth/session.ts';
import {
  ErrorSummary,
  type FieldErrors,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Loading, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/** Only paths inside this application may follow a sign-in. */
function safeNext(next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  return PATHS.workspace;
}

export default function SignInPage() {
  const t = useT();
  usePageTitle(t.auth.signInTitle);
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors();

  if (session.isPending) return <Loading />;
  if (session.data) {
    const target = session.data.user.mustChangePassword ? PATHS.changePassword : safeNext(params.get('next'));
    // The workspace loads on demand: say so while it does, rather than showing an empty page.
    return (
      <>
        <Navigate to={target} replace />
        <Loading />
      </>
    );
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (signIn.isPending) return;
    const errs: FieldErrors = {};
    if (!username.trim()) errs.username = t.auth.usernameRequired;
    if (!password) errs.password = t.auth.passwordRequired;
    if (!errors.check(errs)) return;
    signIn.mutate(
      { username: username.trim(), password },
      {
        onError: (err) => {
          errors.fromError(err);
          setPassword('');
        },
      },
    );
  }

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <h1>{t.auth.signInTitle}</h1>
      <p className="lead">{t.auth.signInLead}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="f-username"
          name="username"
          label={t.auth.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.fields.username}
          className="input-width-20"
        />
        <PasswordField
          id="f-password"
          name="password"
          label={t.auth.password}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <SubmitButton busy={signIn.isPending} busyLabel={t.auth.signingIn}>
          {t.auth.signIn}
        </SubmitButton>
      </form>
    </div>
  );
}
