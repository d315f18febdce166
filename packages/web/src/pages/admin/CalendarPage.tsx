import { WEEKDAYS, type Weekday } from '@motcua/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnits } from '../../api/admin.ts';
import { useAdminCalendar } from '../../api/dossiers.ts';
import type { Holiday } from '../../api/types.ts';
import { SelectField } from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Loading, usePageTitle } from '../../components/ui.tsx';
import { formatDate, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OverridesEditor } from './CalendarOverrides.tsx';
import { SettingsEditor } from './CalendarSettings.tsx';
import { TetNotice } from './CalendarTet.tsx';
import { WEEK_ORDER } from './calendarWeek.ts';

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
          {data.tet ? <TetNotice year={year} tet={data.tet} national={data.agencyId === null} /> : null}
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
