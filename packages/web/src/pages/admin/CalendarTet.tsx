import { useState } from 'react';
import { useCalendarMutations } from '../../api/dossiers.ts';
import type { AdminCalendar } from '../../api/types.ts';
import { ErrorSummary, SubmitButton, useFormErrors } from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

type TetStatus = NonNullable<AdminCalendar['tet']>;

/**
 * A year's Tết as the calendar holds it: computed from the lunar calendar until an administrator
 * confirms the Government's announcement (DOMAIN.md §4). Only the national calendar confirms it:
 * agencies inherit it.
 */
export function TetNotice({ year, tet, national }: { year: number; tet: TetStatus; national: boolean }) {
  const { t, locale } = useI18n();
  const { confirmTet } = useCalendarMutations();
  const errors = useFormErrors();
  const [done, setDone] = useState<boolean | null>(null);
  const computed = tet.status === 'computed';
  const days = tet.days.map((d) => formatDate(d, locale)).join(', ');

  function submit(announced: boolean) {
    if (confirmTet.isPending) return;
    confirmTet.mutate(
      { year, announced },
      {
        onSuccess: () => {
          errors.clear();
          setDone(announced);
        },
        onError: (err) => errors.fromError(err),
      },
    );
  }

  return (
    <section className="panel panel--section" aria-labelledby="tet-title">
      <h2 id="tet-title" className="heading-m">
        {t.calendar.tetTitle(year)}
      </h2>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {done !== null ? (
        <Notice kind="success">
          {done ? t.calendar.tetConfirmed(year) : t.calendar.tetUnconfirmed(year)}
        </Notice>
      ) : null}
      <Notice kind={computed ? 'warning' : 'info'} focus={false} live={false}>
        {computed ? t.calendar.tetComputed(year) : t.calendar.tetAnnounced(year)}
      </Notice>
      {days ? <p>{t.calendar.tetDays(days)}</p> : null}
      {national ? (
        computed ? (
          <>
            <p className="hint">{t.calendar.tetConfirmHint}</p>
            <SubmitButton
              type="button"
              busy={confirmTet.isPending}
              busyLabel={t.common.saving}
              onClick={() => submit(true)}
            >
              {t.calendar.tetConfirm(year)}
            </SubmitButton>
          </>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={confirmTet.isPending}
            onClick={() => submit(false)}
          >
            {t.calendar.tetWithdraw}
          </button>
        )
      ) : (
        <p className="hint">{t.calendar.tetNationalOnly}</p>
      )}
    </section>
  );
}
