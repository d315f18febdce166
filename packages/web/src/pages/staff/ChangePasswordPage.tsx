import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useChangePassword, useSession } from '../../auth/session.ts';
import { ErrorSummary, type FieldErrors, SubmitButton, useFormErrors } from '../../components/forms.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

const MIN_LENGTH = 12;

export default function ChangePasswordPage() {
  const t = useT();
  usePageTitle(t.auth.changePasswordTitle);
  const session = useSession();
  const change = useChangePassword();
  const navigate = useNavigate();
  const forced = !!session.data?.user.mustChangePassword;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const errors = useFormErrors();
  const [done, setDone] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (change.isPending) return;
    const errs: FieldErrors = {};
    if (!current) errs.currentPassword = t.auth.currentRequired;
    if (next.length < MIN_LENGTH) errs.newPassword = t.auth.newTooShort;
    else if (next === current) errs.newPassword = t.auth.sameAsCurrent;
    if (confirm !== next) errs.confirmPassword = t.auth.mismatch;
    if (!errors.check(errs)) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setDone(true);
          setCurrent('');
          setNext('');
          setConfirm('');
          if (forced) navigate(PATHS.workspace, { replace: true, state: { notice: t.auth.changed } });
        },
        onError: errors.fromError,
      },
    );
  }

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {done ? <Notice kind="success">{t.auth.changed}</Notice> : null}
      <h1>{t.auth.changePasswordTitle}</h1>
      {forced ? (
        <div className="notice notice--info">
          <p>{t.auth.mustChange}</p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        {/* A hidden username helps password managers store the new password for the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={session.data?.user.username ?? ''}
          readOnly
          hidden
        />
        <PasswordField
          id="f-currentPassword"
          label={t.auth.currentPassword}
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.fields.currentPassword}
        />
        <PasswordField
          id="f-newPassword"
          label={t.auth.newPassword}
          hint={t.auth.newPasswordHint}
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.fields.newPassword}
        />
        <PasswordField
          id="f-confirmPassword"
          label={t.auth.confirmPassword}
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.fields.confirmPassword}
        />
        <SubmitButton busy={change.isPending} busyLabel={t.auth.changing}>
          {t.auth.changePassword}
        </SubmitButton>
      </form>
    </div>
  );
}
