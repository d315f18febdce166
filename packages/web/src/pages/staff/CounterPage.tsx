import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formUrl, useDossiers } from '../../api/dossiers.ts';
import { useProcedureSearch } from '../../api/public.ts';
import type { DossierListItem } from '../../api/types.ts';
import { DateField } from '../../components/DateInput.tsx';
import { StateTag } from '../../components/dossier.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  isIsoDate,
  SelectField,
  useFormErrors,
} from '../../components/forms.tsx';
import { InlineSearch } from '../../components/InlineSearch.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { NotReceivableTag } from '../../components/Receivability.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { useFlash } from '../../components/useFlash.tsx';
import { useOpenPanel } from '../../components/useOpenPanel.ts';
import { formatDateTime, formatProcessingTime, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { ActionPanel, useDrafts } from './DossierActions.tsx';
import { CodeAndApplicantCells, DueCell } from './DossierCells.tsx';
import { useCounterUnits } from './useCounterUnits.ts';

const SHOWN = 20;

/** The one-stop counter: start a receipt by choosing the procedure, return results, keep the register. */
export default function CounterPage() {
  const { t } = useI18n();
  usePageTitle(t.counter.title);
  return (
    <>
      <h1>{t.counter.title}</h1>
      <p className="lead">{t.counter.lead}</p>
      <nav className="contents" aria-labelledby="counter-contents">
        <h2 id="counter-contents" className="heading-s">
          {t.dossierPage.contents}
        </h2>
        <ul className="contents__list contents__list--inline">
          <li>
            <a href="#tiep-nhan">{t.counter.newTitle}</a>
          </li>
          <li>
            <a href="#tra-ket-qua">{t.counter.returnTitle}</a>
          </li>
          <li>
            <a href="#so-theo-doi">{t.counter.registerTitle}</a>
          </li>
        </ul>
      </nav>
      <ChooseProcedure />
      <ResultsToReturn />
      <Register />
    </>
  );
}

function ChooseProcedure() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const results = useProcedureSearch({ q, field: '', agency: '', onlineLevel: '', page: 1 });
  const searched = q.trim().length > 0;

  function onSearch() {
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  }

  const data = results.data;
  const items = data?.items.slice(0, SHOWN) ?? [];
  let status = '';
  if (searched && (results.isPending || (results.isFetching && results.isPlaceholderData)))
    status = t.counter.searching;
  else if (searched && data)
    status =
      data.total > items.length ? t.counter.foundSome(data.total, items.length) : t.counter.found(data.total);

  return (
    <section id="tiep-nhan" aria-labelledby="tiep-nhan-title" className="panel panel--section">
      <span className="caption">{t.counter.stepOf(1, 3)}</span>
      <h2 id="tiep-nhan-title">{t.counter.newTitle}</h2>
      <InlineSearch
        id="procedure-q"
        label={t.counter.chooseTitle}
        hint={t.counter.searchHint}
        autoComplete="off"
        value={text}
        onChange={setText}
        onSearch={onSearch}
        button={t.counter.search}
        variant="primary"
        tight
      />
      <p className="result-count" role="status" aria-live="polite">
        {status}
      </p>
      {results.isError && searched ? (
        <LoadError error={results.error} onRetry={() => results.refetch()} />
      ) : null}
      {searched && items.length > 0 ? (
        <ul className="choice-list">
          {items.map((p) => (
            <li key={p.id} className="choice-list__item">
              <Link to={PATHS.counterReceive(p.id)} className="choice-list__link" lang="vi">
                {p.name}
              </Link>
              <span className="choice-list__meta">
                {p.code} · {p.field.name} · {formatProcessingTime(p.processingTime, t, locale)}
              </span>
              <NotReceivableTag reason={p.notReceivableReason} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ResultsToReturn() {
  const { t } = useI18n();
  const list = useDossiers({ state: 'result_ready', sort: 'due', pageSize: 50 });
  const { panel: open, ...panel } = useOpenPanel<DossierListItem>();
  const drafts = useDrafts();
  const flash = useFlash();
  const items = list.data?.items ?? [];

  return (
    <section id="tra-ket-qua" aria-labelledby="tra-ket-qua-title" className="dossier__section">
      <h2 id="tra-ket-qua-title">{t.counter.returnTitle}</h2>
      <p>{t.counter.returnLead}</p>
      {flash.notice}
      {open ? (
        <ActionPanel
          key={open.id}
          action="return_result"
          title={t.counter.returnPanel(open.code ?? '')}
          target={{ id: open.id, version: open.version, code: open.code }}
          available={items.some((i) => i.id === open.id)}
          {...drafts.of(open.id)}
          onCancel={() => panel.close({ returnFocus: true })}
          onDone={(next) => {
            panel.close({ returnFocus: false });
            flash.show(t.counter.returned(next.code ?? ''));
          }}
        />
      ) : null}
      <QueryStatus query={list} />
      {list.data && items.length === 0 ? <p>{t.counter.returnEmpty}</p> : null}
      {items.length > 0 ? (
        <StackTable
          caption={t.counter.returnTitle}
          columns={[t.queue.colCode, t.queue.colApplicant, t.queue.colDue, t.common.actions]}
        >
          {items.map((d) => (
            <tr key={d.id}>
              <CodeAndApplicantCells d={d} />
              <DueCell d={d} />
              <td data-label={t.common.actions}>
                <button
                  type="button"
                  id={`return-${d.id}`}
                  className="button button--secondary button--small"
                  aria-label={t.counter.returnFor(d.code ?? '')}
                  onClick={() => {
                    flash.clear();
                    panel.open(d, `return-${d.id}`);
                  }}
                >
                  {t.counter.returnButton}
                </button>
              </td>
            </tr>
          ))}
        </StackTable>
      ) : null}
    </section>
  );
}

/** The register (sổ theo dõi, mẫu 07): the dossiers received lately, each with its register page. */
function Register() {
  const { t, locale } = useI18n();
  const list = useDossiers({ sort: '-received', pageSize: 10 });
  // Only what was received goes in the register; a refusal has no receipt (nor code).
  const items = (list.data?.items ?? []).filter((d) => d.receivedAt);
  return (
    <section id="so-theo-doi" aria-labelledby="so-theo-doi-title" className="dossier__section">
      <h2 id="so-theo-doi-title">{t.counter.registerTitle}</h2>
      <p>{t.counter.registerLead}</p>
      <QueryStatus query={list} />
      {list.data && items.length === 0 ? <p>{t.counter.registerEmpty}</p> : null}
      {items.length > 0 ? (
        <StackTable
          caption={t.counter.registerTitle}
          columns={[
            t.queue.colCode,
            t.queue.colApplicant,
            t.dossier.receivedAt,
            t.queue.colState,
            t.counter.registerShort,
          ]}
          className="table--compact"
        >
          {items.map((d) => (
            <tr key={d.id}>
              <CodeAndApplicantCells d={d} />
              <td data-label={t.dossier.receivedAt}>
                {d.receivedAt ? formatDateTime(d.receivedAt, locale) : ''}
              </td>
              <td data-label={t.queue.colState}>
                <StateTag state={d.state} label={d.stateLabel} />
              </td>
              <td data-label={t.counter.registerShort}>
                {d.receivedAt ? (
                  <a href={formUrl(d.id, '07')} target="_blank" rel="noopener">
                    PDF
                    <span className="visually-hidden"> – {t.counter.registerLink(d.code ?? '')}</span>
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </StackTable>
      ) : null}
      <p>
        <Link to={PATHS.dossiers}>{t.counter.allDossiers}</Link>
      </p>
      <RegisterForPeriod />
    </section>
  );
}

/** The register of a period (form 07 over days): a PDF to print, or the Word file. */
function RegisterForPeriod() {
  const { t } = useI18n();
  const errors = useFormErrors();
  const today = todayIso();
  const [form, setForm] = useState({ from: today, to: today, unit: '' });
  const units = useCounterUnits();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!isIsoDate(form.from.trim())) errs.registerFrom = t.validation.dateInvalid;
    if (!isIsoDate(form.to.trim())) errs.registerTo = t.validation.dateInvalid;
    else if (!errs.registerFrom && form.to.trim() < form.from.trim())
      errs.registerTo = t.counter.registerToBeforeFrom;
    if (!errors.check(errs)) return;
    const ext = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'docx' ? 'docx' : 'pdf';
    const query = new URLSearchParams({ from: form.from.trim(), to: form.to.trim() });
    if (form.unit) query.set('unit', form.unit);
    const url = `/api/v1/dossiers/register/07.${ext}?${query.toString()}`;
    if (ext === 'pdf') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  return (
    <form className="register-period" onSubmit={onSubmit} noValidate aria-labelledby="register-period-title">
      <h3 id="register-period-title">{t.counter.registerPeriodTitle}</h3>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <div className="form-row">
        <DateField
          id="f-registerFrom"
          label={t.counter.registerFrom}
          className="input-width-10"
          value={form.from}
          error={errors.fields.registerFrom}
          onChange={(v) => setForm({ ...form, from: v })}
        />
        <DateField
          id="f-registerTo"
          label={t.counter.registerTo}
          className="input-width-10"
          value={form.to}
          error={errors.fields.registerTo}
          onChange={(v) => setForm({ ...form, to: v })}
        />
      </div>
      {units.length > 1 ? (
        <SelectField
          id="f-registerUnit"
          label={t.counter.receivingUnit}
          value={form.unit}
          placeholder={t.counter.registerAllUnits}
          options={units}
          onChange={(e) => setForm({ ...form, unit: e.target.value })}
        />
      ) : null}
      <div className="button-group">
        <button type="submit" value="pdf" className="button button--secondary">
          {t.counter.registerPrint}
          <span className="visually-hidden"> {t.forms.newTab}</span>
        </button>
        <button type="submit" value="docx" className="button button--secondary">
          {t.counter.wordCopy}
        </button>
      </div>
    </form>
  );
}
