import { type FormEvent, useEffect, useState } from 'react';
import { useCitizen } from '../../../api/citizen.ts';
import { SubmitButton } from '../../../components/forms.tsx';
import { LoadError, Loading, usePageTitle } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/index.tsx';
import { AddEmailSection } from './AddEmailSection.tsx';
import { type CitizenPreferences, usePreferences, useSavePreferences } from './api.ts';

/**
 * /cong-dan/thong-bao: the citizen's email (added here, verified by a code, when VNeID gave none),
 * then the channels (email now; SMS and Zalo not yet) and language.
 */
export default function NotificationPreferencesPage() {
  const m = useT().citizenDossiers;
  usePageTitle(m.prefsTitle);
  // Loading the citizen sets the session's CSRF token the save needs.
  const citizen = useCitizen();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [form, setForm] = useState<CitizenPreferences | null>(null);
  useEffect(() => {
    if (prefs.data && !form) setForm(prefs.data);
  }, [prefs.data, form]);
  if (prefs.isPending || citizen.isPending) return <Loading />;
  if (prefs.isError) return <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} />;
  const value = form ?? prefs.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(value);
  };
  return (
    <div className="narrow">
      <h1>{m.prefsTitle}</h1>
      <p>{m.prefsLead}</p>
      {citizen.data ? <AddEmailSection me={citizen.data} /> : null}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{m.channelsLegend}</legend>
          <label>
            <input
              type="checkbox"
              checked={value.channels.includes('email')}
              onChange={(e) => setForm({ ...value, channels: e.target.checked ? ['email'] : [] })}
            />{' '}
            {m.email}
          </label>
          <label>
            <input type="checkbox" disabled checked={false} readOnly /> {m.sms}
          </label>
          <label>
            <input type="checkbox" disabled checked={false} readOnly /> {m.zalo}
          </label>
        </fieldset>
        <fieldset>
          <legend>{m.languageLegend}</legend>
          {(['vi', 'en'] as const).map((locale) => (
            <label key={locale}>
              <input
                type="radio"
                name="locale"
                checked={value.locale === locale}
                onChange={() => setForm({ ...value, locale })}
              />{' '}
              {locale === 'vi' ? m.vietnamese : m.english}
            </label>
          ))}
        </fieldset>
        <SubmitButton busy={save.isPending} busyLabel={m.saving}>
          {m.save}
        </SubmitButton>
        <p role="status">{save.isSuccess ? m.saved : ''}</p>
      </form>
    </div>
  );
}
