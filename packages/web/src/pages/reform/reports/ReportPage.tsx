import { REPORT_PART_BEFORE, REPORT_SECTION_HEADINGS } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DateField } from '../../../components/DateInput.tsx';
import { ErrorSummary, isIsoDate, SubmitButton, TextArea, TextField } from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import '../reform.css';
import './reports.css';
import { docxUrl, REPORT_PATHS, type ReportView, useReport } from './api.ts';
import { DossierFigures, OnlineFigures } from './Figures.tsx';
import { FiguresForm } from './FiguresForm.tsx';
import { DraftMark, SectionForm, useSave } from './ReportSection.tsx';
import { RefreshFigures, ReportVersions } from './ReportVersions.tsx';

/**
 * A periodic reform report: the header (number, date, signer), the sections in the order of seed
 * 002 each edited and saved on its own, the drafted figures marked as such, refresh, versions,
 * export. An old version (?phien-ban=n) is shown read-only.
 */
export default function ReportPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const asked = Number(search.get('phien-ban')) || undefined;
  const { t, locale } = useI18n();
  const r = t.reformReports;
  const report = useReport(id, asked);
  const view = report.data;
  usePageTitle(view ? view.content.title : r.listTitle);
  if (!view) return <QueryStatus query={report} />;
  const latest = view.shown.version === view.report.version;
  const editable = view.canEdit && latest;
  return (
    <div className="reform-report">
      <p>
        <Link to={REPORT_PATHS.list}>{r.back}</Link>
      </p>
      <h1>{view.content.title}</h1>
      <p>{r.version(view.shown.version, view.shown.author ?? '', formatDateTime(view.shown.at, locale))}</p>
      {latest ? null : (
        <Notice kind="info" focus={false} live={false}>
          <p>{r.oldVersion(view.shown.version)}</p>
          <p>
            <Link to={REPORT_PATHS.report(id)}>{r.latest}</Link>
          </p>
        </Notice>
      )}
      {view.canEdit ? null : <p>{r.readOnly}</p>}
      {view.canExport ? (
        <p>
          <a className="button button--secondary" href={docxUrl(id, view.shown.version)} download>
            {r.export}
          </a>
        </p>
      ) : null}
      {editable ? <HeaderForm key={`h-${view.report.version}`} view={view} /> : null}
      {view.content.sections.map((s, n) => {
        const heading = REPORT_SECTION_HEADINGS[s.key][locale];
        return (
          <section key={s.key} aria-labelledby={`sec-${s.key}`} className="report-section">
            {(REPORT_PART_BEFORE[s.key] ?? []).map((p) => (
              <h2 key={p.vi}>{p[locale]}</h2>
            ))}
            <h3 id={`sec-${s.key}`}>{heading}</h3>
            <DraftMark draftedAt={s.draftedAt} />
            {editable ? (
              <SectionForm key={`${s.key}-${view.report.version}`} view={view} index={n} label={heading} />
            ) : (
              s.text.split('\n').map((line, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
                <p key={k}>{line}</p>
              ))
            )}
            {s.key === 'procedures' ? <DossierFigures content={view.content} /> : null}
            {s.key === 'procedures' && editable ? (
              <FiguresForm key={`f-${view.report.version}`} view={view} />
            ) : null}
            {s.key === 'digital_government' ? <OnlineFigures content={view.content} /> : null}
          </section>
        );
      })}
      {editable ? <RefreshFigures view={view} /> : null}
      <ReportVersions view={view} shown={view.shown.version} />
    </div>
  );
}

/** The number, symbol, place and date, title, opening, recipients and signer. */
function HeaderForm({ view }: { view: ReportView }) {
  const { t } = useI18n();
  const r = t.reformReports;
  const c = view.content;
  const [f, setF] = useState({
    number: c.number,
    symbol: c.symbol,
    place: c.place,
    date: c.date ?? '',
    title: c.title,
    intro: c.intro,
    recipients: c.recipients.join('\n'),
    signerTitle: c.signerTitle,
    signerName: c.signerName,
  });
  const { save, errors, busy, saved } = useSave(view);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (f.date && !isIsoDate(f.date)) return errors.check({ date: t.dateInput.unreadable });
    save({
      ...c,
      ...f,
      date: f.date || null,
      recipients: f.recipients
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    });
  }
  return (
    <details className="reform-panel">
      <summary>{r.header}</summary>
      <form onSubmit={onSubmit} noValidate className="narrow">
        <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
        {saved > 0 && !busy && errors.summary.length === 0 ? (
          <Notice focus={false}>
            <p>{r.saved}</p>
          </Notice>
        ) : null}
        <TextField
          id="f-number"
          label={r.number}
          hint={r.numberHint}
          optional
          value={f.number}
          onChange={set('number')}
          error={errors.fields.number}
          className="input--width-10"
        />
        <TextField
          id="f-symbol"
          label={r.symbol}
          value={f.symbol}
          onChange={set('symbol')}
          error={errors.fields.symbol}
        />
        <TextField
          id="f-place"
          label={r.place}
          value={f.place}
          onChange={set('place')}
          error={errors.fields.place}
        />
        <DateField
          id="f-date"
          label={r.date}
          optional
          value={f.date}
          onChange={(date) => setF({ ...f, date })}
          error={errors.fields.date}
        />
        <TextField
          id="f-title"
          label={r.title}
          value={f.title}
          onChange={set('title')}
          error={errors.fields.title}
        />
        <TextArea
          id="f-intro"
          label={r.intro}
          optional
          value={f.intro}
          onChange={set('intro')}
          error={errors.fields.intro}
        />
        <TextArea
          id="f-recipients"
          label={r.recipients}
          hint={r.recipientsHint}
          optional
          value={f.recipients}
          onChange={set('recipients')}
          error={errors.fields.recipients}
        />
        <TextField
          id="f-signerTitle"
          label={r.signerTitle}
          optional
          value={f.signerTitle}
          onChange={set('signerTitle')}
          error={errors.fields.signerTitle}
        />
        <TextField
          id="f-signerName"
          label={r.signerName}
          optional
          value={f.signerName}
          onChange={set('signerName')}
          error={errors.fields.signerName}
        />
        <SubmitButton busy={busy} busyLabel={r.saving}>
          {r.save}
        </SubmitButton>
      </form>
    </details>
  );
}
