import { WEEKDAYS, type Weekday } from '@motcua/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnits } from '../../api/admin.ts';
import { useAdminCalendar, useCalendarMutations } from '../../api/dossiers.ts';
import type { AdminCalendar, CalendarOverrideItem, CalendarSettings, Holiday } from '../../api/types.ts';
import { DateField } from '../../components/DateInput.tsx';
import { focusLater } from '../../components/focusLater.ts';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  isIsoDate,
  Radios,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDate, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Monday first, as Vietnamese calendars are printed; index into WEEKDAYS order (Sunday = 0). */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function readYear(params: URLSearchParams): number {
  const current = Number(todayIso().slice(0, 4));
  const y = Number.parseInt(params.get('year') ?? '', 10);
  return Number.isFinite(y) && y >= 1900 && y <= 2199 ? y : current;
}

/** The working-day calendar: a year at a glance, the announced overrides, and the working hours. */
export default function CalendarPage() {
  const { t } = useI18n();
  usePageTitle(t.calendar.title);
  const [params, setParams] = useSearchParams();
  const year = readYear(params);
  const agency = params.get('agency') || null;
  const units = useUnits();
  const agencies = (units.data?.items ?? []).filter((u) => u.kind === 'agency' && u.active);
  const calendar = useAdminCalendar(year, agency);
  const [form, setForm] = useState({ year: String(year), agency: agency ?? '' });
  useEffect(() => setForm({ year: String(year), agency: agency ?? '' }), [year, agency]);
  const scopeName = agency ? (agencies.find((a) => a.id === agency)?.name ?? '') : t.calendar.national;
  const current = Number(todayIso().slice(0, 4));
  const years = [current - 1, current, current + 1, current + 2];
  if (!years.includes(year)) years.push(year);

  function onShow(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    next.set('year', form.year);
    if (form.agency) next.set('agency', form.agency);
    setParams(next);
  }

  const data =
    calendar.data && calendar.data.year === year && calendar.data.agencyId === agency ? calendar.data : null;

  return (
    <>
      <h1>{t.calendar.title}</h1>
      <p className="lead">{t.calendar.lead}</p>
      <form className="filter-row" onSubmit={onShow} aria-labelledby="calendar-choose">
        <h2 id="calendar-choose" className="visually-hidden">
          {t.calendar.choose}
        </h2>
        <SelectField
          id="calendar-year"
          label={t.calendar.year}
          value={form.year}
          options={years.sort((a, b) => a - b).map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(e) => setForm({ ...form, year: e.target.value })}
        />
        <SelectField
          id="calendar-agency"
          label={t.calendar.scope}
          value={form.agency}
          options={[
            { value: '', label: t.calendar.national },
            ...agencies.map((a) => ({ value: a.id, label: a.name })),
          ]}
          onChange={(e) => setForm({ ...form, agency: e.target.value })}
        />
        <div className="filter-row__submit">
          <button type="submit" className="button button--secondary">
            {t.calendar.show}
          </button>
        </div>
      </form>

      {calendar.isPending || (calendar.isFetching && !data) ? <Loading label={t.calendar.loading} /> : null}
      {calendar.isError ? <LoadError error={calendar.error} onRetry={() => calendar.refetch()} /> : null}
      {data ? (
        <>
          <h2>{t.calendar.yearTitle(year, scopeName)}</h2>
          {data.tet ? (
            <Notice kind={data.tet.status === 'computed' ? 'warning' : 'info'} focus={false} live={false}>
              {data.tet.status === 'computed' ? t.calendar.tetComputed(year) : t.calendar.tetAnnounced(year)}
            </Notice>
          ) : null}
          <Legend />
          <YearGrid year={year} days={data.days} weeklyDaysOff={data.settings.weeklyDaysOff} />
          <DaysTable year={year} days={data.days} />
          <OverridesEditor key={`${year}-${agency}`} data={data} />
          <SettingsEditor key={`settings-${agency}`} data={data} />
        </>
      ) : null}
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  const kinds = ['weekly', 'holiday', 'compensatory', 'override-off', 'override-working'];
  return (
    <div className="calendar-legend">
      <h3 className="heading-s">{t.calendar.legendTitle}</h3>
      <ul className="calendar-legend__list">
        {kinds.map((k) => (
          <li key={k}>
            <span className={`cal-day cal-day--${k} calendar-legend__swatch`} aria-hidden="true">
              <span className="cal-day__mark">{t.calendar.short[k]}</span>
            </span>
            {t.calendar.legend[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function YearGrid({
  year,
  days,
  weeklyDaysOff,
}: {
  year: number;
  days: Holiday[];
  weeklyDaysOff: readonly Weekday[];
}) {
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  return (
    <div className="calendar-grid">
      {Array.from({ length: 12 }, (_, m) => (
        <Month
          // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months
          key={m}
          year={year}
          month={m}
          byDate={byDate}
          weeklyOff={new Set(weeklyDaysOff.map((w) => WEEKDAYS.indexOf(w)))}
        />
      ))}
    </div>
  );
}

function Month({
  year,
  month,
  byDate,
  weeklyOff,
}: {
  year: number;
  month: number;
  byDate: Map<string, Holiday>;
  weeklyOff: Set<number>;
}) {
  const { t } = useI18n();
  const first = new Date(Date.UTC(year, month, 1));
  const daysIn = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = WEEK_ORDER.indexOf(first.getUTCDay());
  const cells: (number | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: daysIn }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const caption = t.calendar.monthCaption(t.dates.months[month] ?? '', year);

  return (
    <table className="cal-month">
      <caption className="cal-month__caption">{caption}</caption>
      <thead>
        <tr>
          {WEEK_ORDER.map((w) => (
            <th scope="col" key={w} className="cal-month__head">
              <span aria-hidden="true">{t.calendar.weekdaysShort[w]}</span>
              <span className="visually-hidden">{t.calendar.weekdaysLong[w]}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, wi) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the weeks of a month
          <tr key={wi}>
            {week.map((day, di) => {
              const weekday = WEEK_ORDER[di] ?? 0;
              // biome-ignore lint/suspicious/noArrayIndexKey: empty cells before and after the month
              if (day === null) return <td key={`e${di}`} className="cal-day cal-day--empty" />;
              const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
              const h = byDate.get(date);
              const weekly = weeklyOff.has(weekday) && h?.kind !== 'override-working';
              const kind = h ? h.kind : weekly ? 'weekly' : null;
              return (
                <td key={date} className={`cal-day ${kind ? `cal-day--${kind}` : ''}`}>
                  <span className="cal-day__number">{day}</span>
                  {kind ? (
                    <>
                      <span className="cal-day__mark" aria-hidden="true">
                        {t.calendar.short[kind]}
                      </span>
                      <span className="visually-hidden">
                        {' '}
                        {h ? `${h.name} (${t.calendar.legend[kind]})` : t.calendar.legend.weekly}
                      </span>
                    </>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DaysTable({ year, days }: { year: number; days: Holiday[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="days-title">
      <h3 id="days-title">{t.calendar.daysTitle(year)}</h3>
      {days.length === 0 ? (
        <p>{t.calendar.daysEmpty}</p>
      ) : (
        <StackTable
          caption={t.calendar.daysTitle(year)}
          columns={[t.calendar.colDate, t.calendar.colName, t.calendar.colKind]}
          className="table--compact"
        >
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row" data-label={t.calendar.colDate}>
                {formatDate(d.date, locale)}
              </th>
              <td data-label={t.calendar.colName} lang="vi">
                {d.name}
              </td>
              <td data-label={t.calendar.colKind}>{t.calendar.legend[d.kind] ?? d.kind}</td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}

const sortByDate = (list: CalendarOverrideItem[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));

function OverridesEditor({ data }: { data: AdminCalendar }) {
  const { t, locale } = useI18n();
  const { saveOverrides } = useCalendarMutations();
  const [list, setList] = useState<CalendarOverrideItem[]>(() => sortByDate(data.overrides));
  const [draft, setDraft] = useState({ date: '', kind: '', name: '' });
  const [saved, setSaved] = useState<number | null>(null);
  const addErrors = useFormErrors();
  const saveErrors = useFormErrors();
  const dirty = JSON.stringify(sortByDate(data.overrides)) !== JSON.stringify(list);

  function onAdd(e: FormEvent) {
    e.preventDefault();
    const errs: FieldErrors = {};
    const date = draft.date.trim();
    if (!isIsoDate(date)) errs.date = t.calendar.dateRequired;
    else if (!date.startsWith(`${data.year}-`)) errs.date = t.calendar.dateOutsideYear(data.year);
    else if (list.some((o) => o.date === date)) errs.date = t.calendar.dateDuplicate;
    if (draft.kind !== 'off' && draft.kind !== 'working') errs.kind = t.calendar.kindRequired;
    if (!draft.name.trim()) errs.name = t.calendar.nameRequired;
    if (!addErrors.check(errs)) return;
    setList(
      sortByDate([
        ...list,
        { date, kind: draft.kind as 'off' | 'working', name: draft.name.trim(), toConfirm: false },
      ]),
    );
    setDraft({ date: '', kind: draft.kind, name: '' });
    setSaved(null);
    focusLater(fieldId('date'));
  }

  function onSave(e: FormEvent) {
    e.preventDefault();
    if (saveOverrides.isPending) return;
    saveOverrides.mutate(
      { agencyId: data.agencyId, year: data.year, overrides: list },
      {
        onSuccess: () => {
          saveErrors.clear();
          setSaved(list.length);
        },
        onError: (err) => saveErrors.fromError(err),
      },
    );
  }

  return (
    <section className="panel panel--section" aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t.calendar.overridesTitle}</h2>
      <p>{t.calendar.overridesLead(data.year)}</p>
      <ErrorSummary items={saveErrors.summary} focusKey={saveErrors.attempt} />
      {saved !== null && !dirty ? <Notice kind="success">{t.calendar.saved(saved)}</Notice> : null}
      {data.agencyId && data.inheritedOverrides.length > 0 ? (
        <>
          <h3>{t.calendar.inheritedTitle}</h3>
          <p className="hint">{t.calendar.inheritedLead}</p>
          <ul className="list list--bullet">
            {data.inheritedOverrides.map((o) => (
              <li key={o.date}>
                {formatDate(o.date, locale)}: {o.name} (
                {o.kind === 'off' ? t.calendar.kindOff : t.calendar.kindWorking})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {list.length === 0 ? (
        <p>{t.calendar.overridesEmpty}</p>
      ) : (
        <StackTable
          caption={t.calendar.overridesTitle}
          columns={[t.calendar.colDate, t.calendar.colKind, t.calendar.colName, t.common.actions]}
        >
          {list.map((o) => (
            <tr key={o.date}>
              <th scope="row" data-label={t.calendar.colDate}>
                {formatDate(o.date, locale)}
              </th>
              <td data-label={t.calendar.colKind}>
                <span className={`tag ${o.kind === 'off' ? 'tag--warning' : 'tag--active'}`}>
                  {o.kind === 'off' ? t.calendar.kindOff : t.calendar.kindWorking}
                </span>
              </td>
              <td data-label={t.calendar.colName} lang="vi">
                {o.name}
              </td>
              <td data-label={t.common.actions}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setList(list.filter((x) => x.date !== o.date));
                    setSaved(null);
                  }}
                >
                  {t.common.remove}
                  <span className="visually-hidden"> {t.calendar.removeFor(formatDate(o.date, locale))}</span>
                </button>
              </td>
            </tr>
          ))}
        </StackTable>
      )}

      <form onSubmit={onAdd} noValidate className="add-override">
        <h3>{t.calendar.add}</h3>
        <ErrorSummary items={addErrors.summary} focusKey={addErrors.attempt} />
        <DateField
          id={fieldId('date')}
          label={t.calendar.date}
          hint={t.calendar.dateHint}
          className="input-width-10"
          value={draft.date}
          error={addErrors.fields.date}
          onChange={(v) => setDraft({ ...draft, date: v })}
        />
        <Radios
          name="kind"
          legend={t.calendar.kind}
          value={draft.kind}
          error={addErrors.fields.kind}
          options={[
            { value: 'off', label: t.calendar.kindOff },
            { value: 'working', label: t.calendar.kindWorking },
          ]}
          onChange={(kind) => setDraft({ ...draft, kind })}
        />
        <TextField
          id={fieldId('name')}
          label={t.calendar.name}
          hint={t.calendar.nameHint}
          maxLength={300}
          value={draft.name}
          error={addErrors.fields.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <button type="submit" className="button button--secondary">
          {t.calendar.add}
        </button>
      </form>

      <form onSubmit={onSave} className="save-overrides">
        {dirty ? (
          <p className="warning-text" role="status">
            {t.calendar.unsaved}
          </p>
        ) : null}
        <SubmitButton busy={saveOverrides.isPending} busyLabel={t.calendar.saving} disabled={!dirty}>
          {t.calendar.save}
        </SubmitButton>
      </form>
    </section>
  );
}

interface SettingsForm {
  weeklyDaysOff: Weekday[];
  periods: { start: string; end: string }[];
  cutoff: string;
  limit: string;
}

function toForm(s: CalendarSettings): SettingsForm {
  return {
    weeklyDaysOff: [...s.weeklyDaysOff],
    periods: s.workingPeriods.map((p) => ({ ...p })),
    cutoff: s.afternoonCutoff,
    limit: String(s.supplementLimitDays),
  };
}

function SettingsEditor({ data }: { data: AdminCalendar }) {
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
        {editable ? (
          <SubmitButton busy={saveSettings.isPending} busyLabel={t.common.saving}>
            {t.calendar.saveSettings}
          </SubmitButton>
        ) : null}
      </form>
    </section>
  );
}
