import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formUrl, useDossiers } from '../../api/dossiers.ts';
import { useProcedureSearch } from '../../api/public.ts';
import type { DossierListItem } from '../../api/types.ts';
import { useSession } from '../../auth/session.ts';
import { DueStatus, StateTag } from '../../components/dossier.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  isIsoDate,
  SelectField,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDateTime, formatProcessingTime, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { ActionPanel } from './DossierActions.tsx';

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

  function onSubmit(e: FormEvent) {
    e.preventDefault();
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
      <search>
        <form className="inline-search inline-search--tight" onSubmit={onSubmit}>
          <TextField
            id="procedure-q"
            type="search"
            label={t.counter.chooseTitle}
            hint={t.counter.searchHint}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="inline-search__field"
          />
          <button type="submit" className="button button--primary inline-search__button">
            {t.counter.search}
          </button>
        </form>
      </search>
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
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ResultsToReturn() {
  const { t, locale } = useI18n();
  const list = useDossiers({ state: 'result_ready', sort: 'due', pageSize: 50 });
  const [open, setOpen] = useState<DossierListItem | null>(null);
  const [drafts, setDrafts] = useState<Record<string, unknown>>({});
  const [done, setDone] = useState<{ text: string; key: number } | null>(null);
  const items = list.data?.items ?? [];

  return (
    <section id="tra-ket-qua" aria-labelledby="tra-ket-qua-title" className="dossier__section">
      <h2 id="tra-ket-qua-title">{t.counter.returnTitle}</h2>
      <p>{t.counter.returnLead}</p>
      {done ? (
        <Notice key={done.key} kind="success">
          {done.text}
        </Notice>
      ) : null}
      {open ? (
        <ActionPanel
          key={open.id}
          action="return_result"
          title={t.counter.returnPanel(open.code ?? '')}
          target={{ id: open.id, version: open.version, code: open.code }}
          available={items.some((i) => i.id === open.id)}
          draft={drafts[open.id]}
          onDraft={(d) => setDrafts((all) => ({ ...all, [open.id]: d }))}
          onCancel={() => {
            const id = open.id;
            setOpen(null);
            requestAnimationFrame(() => document.getElementById(`return-${id}`)?.focus());
          }}
          onDone={(next) => {
            setOpen(null);
            setDone({ text: t.counter.returned(next.code ?? ''), key: Date.now() });
          }}
        />
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p>{t.counter.returnEmpty}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t.counter.returnTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.queue.colCode}</th>
                <th scope="col">{t.queue.colApplicant}</th>
                <th scope="col">{t.queue.colDue}</th>
                <th scope="col">{t.common.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row" data-label={t.queue.colCode}>
                    <Link to={PATHS.dossier(d.id)}>{d.code ?? t.dossier.noCode}</Link>
                    <span className="cell-note" lang="vi">
                      {d.procedureName}
                    </span>
                  </th>
                  <td data-label={t.queue.colApplicant}>{d.applicantName}</td>
                  <td data-label={t.queue.colDue}>
                    <DueStatus dossier={d} />
                    {d.dueAt ? (
                      <span className="cell-note">{t.queue.dueOn(formatDateTime(d.dueAt, locale))}</span>
                    ) : null}
                  </td>
                  <td data-label={t.common.actions}>
                    <button
                      type="button"
                      id={`return-${d.id}`}
                      className="button button--secondary button--small"
                      aria-label={t.counter.returnFor(d.code ?? '')}
                      onClick={() => {
                        setDone(null);
                        setOpen(d);
                      }}
                    >
                      {t.counter.returnButton}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p>{t.counter.registerEmpty}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack table--compact">
            <caption className="visually-hidden">{t.counter.registerTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.queue.colCode}</th>
                <th scope="col">{t.queue.colApplicant}</th>
                <th scope="col">{t.dossier.receivedAt}</th>
                <th scope="col">{t.queue.colState}</th>
                <th scope="col">{t.counter.registerShort}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row" data-label={t.queue.colCode}>
                    <Link to={PATHS.dossier(d.id)}>{d.code ?? t.dossier.noCode}</Link>
                    <span className="cell-note" lang="vi">
                      {d.procedureName}
                    </span>
                  </th>
                  <td data-label={t.queue.colApplicant}>{d.applicantName}</td>
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
            </tbody>
          </table>
        </div>
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
  const session = useSession();
  const errors = useFormErrors();
  const today = todayIso();
  const [form, setForm] = useState({ from: today, to: today, unit: '' });
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of session.data?.roles ?? [])
      if (r.role === 'counter_officer') seen.set(r.unitId, r.unitName);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [session.data]);

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
        <TextField
          id="f-registerFrom"
          label={t.counter.registerFrom}
          hint={t.common.dateHint}
          className="input-width-10"
          value={form.from}
          error={errors.fields.registerFrom}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <TextField
          id="f-registerTo"
          label={t.counter.registerTo}
          hint={t.common.dateHint}
          className="input-width-10"
          value={form.to}
          error={errors.fields.registerTo}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
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
