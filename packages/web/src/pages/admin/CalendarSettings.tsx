import { WEEKDAYS, type Weekday } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { useCalendarMutations } from '../../api/dossiers.ts';
import type { AdminCalendar, CalendarSettings } from '../../api/types.ts';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  Radios,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CLOCK, WEEK_ORDER } from './calendarWeek.ts';

interface SettingsForm {
  weeklyDaysOff: Weekday[];
  periods: { start: string; end: string }[];
  cutoff: string;
  limit: string;
  endComparison: CalendarSettings['endComparison'];
  extensionNotice: CalendarSettings['extensionNotice'];
}

function toForm(s: CalendarSettings): SettingsForm {
  return {
    weeklyDaysOff: [...s.weeklyDaysOff],
    periods: s.workingPeriods.map((p) => ({ ...p })),
    cutoff: s.afternoonCutoff,
    limit: String(s.supplementLimitDays),
    endComparison: s.endComparison,
    extensionNotice: s.extensionNotice,
  };
}

export function SettingsEditor({ data }: { data: AdminCalendar }) {
  const { t } = useI18n();
  const { saveSettings } = useCalendarMutations();
  const errors = useFormErrors();
  const [form, setForm] = useState<SettingsForm>(() => toForm(data.settings));
  const [saved, setSaved] = useState(false);
  const editable = !!data.agencyId;
  const weekdays = WEEK_ORDER.map((i) => WEEKDAYS[i] as Weekday);

  function validate(): FieldErrors {
    const errs: FieldErrors = {};
    if (form.weeklyDaysOff.length > 6) errs.weeklyDaysOff = t.calendar.allOff;
    let last = '';
    form.periods.forEach((p, i) => {
      if (!CLOCK.test(p.start)) errs[`workingPeriods[${i}].start`] = t.calendar.timeInvalid;
      if (!CLOCK.test(p.end)) errs[`workingPeriods[${i}].end`] = t.calendar.timeInvalid;
      else if (CLOCK.test(p.start) && (p.end <= p.start || p.start < last))
        errs[`workingPeriods[${i}].end`] = t.calendar.periodOrder;
      last = p.end;
    });
    if (!CLOCK.test(form.cutoff)) errs.afternoonCutoff = t.calendar.timeInvalid;
    const n = Number(form.limit);
    if (!/^\d+$/.test(form.limit.trim()) || n < 1 || n > 365)
      errs.supplementLimitDays = t.calendar.limitInvalid;
    return errs;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!data.agencyId || saveSettings.isPending) return;
    if (!errors.check(validate())) return;
    saveSettings.mutate(
      {
        agencyId: data.agencyId,
        settings: {
          weeklyDaysOff: form.weeklyDaysOff,
          workingPeriods: form.periods,
          afternoonCutoff: form.cutoff,
          supplementLimitDays: Number(form.limit),
          endComparison: form.endComparison,
          extensionNotice: form.extensionNotice,
        },
      },
      {
        onSuccess: () => {
          errors.clear();
          setSaved(true);
        },
        onError: (err) => errors.fromError(err),
      },
    );
  }

  const change = (next: SettingsForm) => {
    setForm(next);
    setSaved(false);
  };

  return (
    <section className="panel panel--section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t.calendar.settingsTitle}</h2>
      {!editable ? <p className="muted-block">{t.calendar.settingsNational}</p> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {saved ? <Notice kind="success">{t.calendar.settingsSaved}</Notice> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="fieldset" disabled={!editable}>
          <legend className="fieldset__legend">{t.calendar.weeklyDaysOff}</legend>
          {errors.fields.weeklyDaysOff ? (
            <p className="error-message">{errors.fields.weeklyDaysOff}</p>
          ) : null}
          <div className="checkbox-group">
            {weekdays.map((w, i) => (
              <Checkbox
                key={w}
                id={i === 0 ? fieldId('weeklyDaysOff') : `f-weeklyDaysOff-${w}`}
                label={t.calendar.weekdayNames[w] ?? w}
                checked={form.weeklyDaysOff.includes(w)}
                onChange={(e) =>
                  change({
                    ...form,
                    weeklyDaysOff: e.target.checked
                      ? [...form.weeklyDaysOff, w]
                      : form.weeklyDaysOff.filter((x) => x !== w),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset" disabled={!editable}>
          <legend className="fieldset__legend">{t.calendar.periods}</legend>
          <div className="hint">{t.calendar.periodsHint}</div>
          {form.periods.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: periods in order through the day
            <fieldset className="repeat repeat--inline repeat--periods" key={i}>
              <legend className="repeat__legend">{t.calendar.period(i + 1)}</legend>
              <TextField
                id={fieldId(`workingPeriods[${i}].start`)}
                label={t.calendar.start}
                className="input-width-5"
                value={p.start}
                error={errors.fields[`workingPeriods[${i}].start`]}
                onChange={(e) =>
                  change({
                    ...form,
                    periods: form.periods.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                  })
                }
              />
              <TextField
                id={fieldId(`workingPeriods[${i}].end`)}
                label={t.calendar.end}
                className="input-width-5"
                value={p.end}
                error={errors.fields[`workingPeriods[${i}].end`]}
                onChange={(e) =>
                  change({
                    ...form,
                    periods: form.periods.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)),
                  })
                }
              />
              {form.periods.length > 1 && editable ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => change({ ...form, periods: form.periods.filter((_, j) => j !== i) })}
                >
                  {t.calendar.removePeriod(i + 1)}
                </button>
              ) : null}
            </fieldset>
          ))}
          {editable && form.periods.length < 10 ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => change({ ...form, periods: [...form.periods, { start: '', end: '' }] })}
            >
              {t.calendar.addPeriod}
            </button>
          ) : null}
        </fieldset>
        <TextField
          id={fieldId('afternoonCutoff')}
          label={t.calendar.cutoff}
          hint={t.calendar.cutoffHint}
          className="input-width-5"
          disabled={!editable}
          value={form.cutoff}
          error={errors.fields.afternoonCutoff}
          onChange={(e) => change({ ...form, cutoff: e.target.value })}
        />
        <TextField
          id={fieldId('supplementLimitDays')}
          label={t.calendar.supplementLimit}
          hint={t.calendar.supplementLimitHint}
          className="input-width-5"
          inputMode="numeric"
          disabled={!editable}
          value={form.limit}
          error={errors.fields.supplementLimitDays}
          onChange={(e) => change({ ...form, limit: e.target.value })}
        />
        <Radios
          name="endComparison"
          legend={t.calendar.endComparison}
          hint={t.calendar.endComparisonHint}
          value={form.endComparison}
          disabled={!editable}
          error={errors.fields.endComparison}
          options={[
            { value: 'day', label: t.calendar.endComparisonDay },
            { value: 'instant', label: t.calendar.endComparisonInstant },
          ]}
          onChange={(v) => change({ ...form, endComparison: v as SettingsForm['endComparison'] })}
        />
        <Radios
          name="extensionNotice"
          legend={t.calendar.extensionNotice}
          hint={t.calendar.extensionNoticeHint}
          value={form.extensionNotice}
          disabled={!editable}
          error={errors.fields.extensionNotice}
          options={[
            { value: 'date', label: t.calendar.extensionNoticeDate },
            { value: 'instant', label: t.calendar.extensionNoticeInstant },
          ]}
          onChange={(v) => change({ ...form, extensionNotice: v as SettingsForm['extensionNotice'] })}
        />
        {editable ? (
          <SubmitButton busy={saveSettings.isPending} busyLabel={t.common.saving}>
            {t.calendar.saveSettings}
          </SubmitButton>
        ) : null}
      </form>
    </section>
  );
}
