import { type FormEvent, useState } from 'react';
import { useCalendarMutations } from '../../api/dossiers.ts';
import type { AdminCalendar, CalendarOverrideItem } from '../../api/types.ts';
import { DateField } from '../../components/DateInput.tsx';
import { focusLater } from '../../components/focusLater.ts';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  isIsoDate,
  Radios,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { Notice } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const sortByDate = (list: CalendarOverrideItem[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));

export function OverridesEditor({ data }: { data: AdminCalendar }) {
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
                {o.toConfirm ? (
                  <>
                    {' '}
                    <strong className="tag tag--warning">{t.calendar.toConfirm}</strong>
                  </>
                ) : null}
              </td>
              <td data-label={t.common.actions}>
                {o.toConfirm ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      setList(list.map((x) => (x.date === o.date ? { ...x, toConfirm: false } : x)));
                      setSaved(null);
                    }}
                  >
                    {t.calendar.confirmDay}
                    <span className="visually-hidden"> {formatDate(o.date, locale)}</span>
                  </button>
                ) : null}{' '}
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
