import { type FormEvent, useState } from 'react';
import { DateField } from '../../../components/DateInput.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  isIsoDate,
  SelectField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { StackTable } from '../../../components/StackTable.tsx';
import { Notice } from '../../../components/ui.tsx';
import { formatNumber, todayIso } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useResults } from '../../survey/api.ts';

/** The index by element for a period and unit, with the answers collected against the sample. */
export function ResultsSection() {
  const { t, locale } = useI18n();
  const s = t.surveys;
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [unitId, setUnitId] = useState('');
  const [query, setQuery] = useState<{ from: string; to: string; unitId?: string }>({ from, to });
  const results = useResults(query);
  const errors = useFormErrors();
  const pct = (v: number | null) => (v === null ? s.none : `${formatNumber(v, locale)}%`);
  const num = (v: number | null) => (v === null ? s.none : formatNumber(v, locale));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!isIsoDate(from)) errs.from = t.validation.dateInvalid;
    if (!isIsoDate(to)) errs.to = t.validation.dateInvalid;
    if (!errors.check(errs)) return;
    setQuery({ from, to, ...(unitId ? { unitId } : {}) });
  }
  const r = results.data;
  return (
    <section aria-labelledby="survey-results">
      <h2 id="survey-results">{s.resultsTitle}</h2>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <DateField id="f-from" label={s.from} value={from} onChange={setFrom} error={errors.fields.from} />
        <DateField id="f-to" label={s.to} value={to} onChange={setTo} error={errors.fields.to} />
        {r ? (
          <SelectField
            id="f-unitId"
            label={s.unit}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            options={[
              { value: '', label: s.allUnits },
              ...r.units.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        ) : null}
        <button type="submit" className="button button--secondary">
          {s.show}
        </button>
      </form>
      <QueryStatus query={results} keepData />
      {r ? (
        <>
          <p className="survey-collected">
            <strong>{s.collected(r.responses, r.required)}</strong>
          </p>
          <p className="hint">{s.sampleHint(r.returned)}</p>
          <p>{s.byChannel(r.byChannel.kiosk, r.byChannel.link, r.byChannel.paper)}</p>
          {r.responses < r.required ? (
            <Notice kind="warning" focus={false} live={false}>
              {s.sampleShort}
            </Notice>
          ) : null}
          <p>
            {s.overall}: <strong>{s.overallValue(pct(r.index), num(r.mean))}</strong>
          </p>
          <StackTable caption={s.resultsTitle} columns={[s.colElement, s.colAnswers, s.colIndex, s.colMean]}>
            {r.elements.map((e) => (
              <tr key={e.element}>
                <td data-label={s.colElement}>{s.element[e.element]}</td>
                <td data-label={s.colAnswers}>{formatNumber(e.answers, locale)}</td>
                <td data-label={s.colIndex}>{pct(e.index)}</td>
                <td data-label={s.colMean}>{num(e.mean)}</td>
              </tr>
            ))}
          </StackTable>
          <p className="hint">{s.indexDefinition}</p>
        </>
      ) : null}
    </section>
  );
}
