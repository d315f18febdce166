import { type FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../components/BackLink.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { type TaskDetail, useReformUpload, useTask } from './api.ts';
import { REFORM_PATHS } from './paths.ts';
import './reform.css';

/** One task: its facts, its progress reports with their files, and the report form for its unit. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const r = t.reform;
  const task = useTask(id);
  usePageTitle(task.data?.task.title ?? r.taskTitlePage);
  const d = task.data;
  return (
    <div>
      {d ? <BackLink to={REFORM_PATHS.plan(d.task.planId)}>{r.backToPlan}</BackLink> : null}
      <QueryStatus query={task} notFound={{ title: t.common.notFoundTitle, body: t.common.notFoundBody }} />
      {d ? (
        <>
          <span className="caption">{r.area[d.task.area]}</span>
          <h1>{d.task.title}</h1>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{r.taskFacts.standing}</dt>
              <dd>
                <strong className={`tag reform-task--${d.task.standing}`}>
                  {r.taskStanding[d.task.standing]}
                </strong>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{r.taskFacts.unit}</dt>
              <dd>{d.task.unitName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{r.taskFacts.assignee}</dt>
              <dd>{d.task.assigneeName ?? r.nobody}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{r.taskFacts.deadline}</dt>
              <dd>{formatDate(d.task.dueOn, locale)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{r.taskFacts.source}</dt>
              <dd>
                {d.task.source === 'province' && d.task.sourceNumber && d.task.sourceDate
                  ? r.provinceSource(d.task.sourceNumber, formatDate(d.task.sourceDate, locale))
                  : r.sourcePlan}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{r.taskFacts.progress}</dt>
              <dd>{d.task.progress}%</dd>
            </div>
          </dl>
          {d.task.description ? <p>{d.task.description}</p> : null}
          <h2>{r.reportsTitle}</h2>
          {d.reports.length === 0 ? (
            <p>{r.noReports}</p>
          ) : (
            <ul className="reform-reports">
              {d.reports.map((rep) => (
                <li key={rep.id}>
                  <p>{r.reportItem(formatDateTime(rep.at, locale), rep.by ?? '', rep.progress)}</p>
                  <p>{rep.note}</p>
                  {rep.filename ? (
                    <p>
                      <a href={`/api/v1/reform/tasks/${d.task.id}/reports/${rep.id}/file`}>
                        {r.attachment(rep.filename)}
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {d.canReport ? <ReportForm detail={d} /> : null}
        </>
      ) : null}
    </div>
  );
}

function ReportForm({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  const r = t.reform;
  const [progress, setProgress] = useState(String(detail.task.progress));
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [sent, setSent] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const errors = useFormErrors();
  const send = useReformUpload();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    const n = Number(progress);
    if (!done && (!/^\d{1,3}$/.test(progress.trim()) || n > 100)) errs.progress = r.progressRequired;
    if (!note.trim()) errs.note = r.reportNoteRequired;
    if (!errors.check(errs)) return;
    const form = new FormData();
    form.append('version', String(detail.task.version));
    form.append('progress', done ? '100' : String(n));
    form.append('note', note);
    form.append('done', done ? 'true' : 'false');
    const chosen = file.current?.files?.[0];
    if (chosen) form.append('file', chosen);
    send.mutate(
      { path: `/tasks/${detail.task.id}/reports`, form },
      {
        onSuccess: () => {
          setNote('');
          if (file.current) file.current.value = '';
          setSent(true);
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <section aria-labelledby="report">
      <h2 id="report">{r.reportProgress}</h2>
      {sent ? <Notice kind="success">{r.reported}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <TextField
          id="f-progress"
          label={r.progress}
          inputMode="numeric"
          value={progress}
          onChange={(e) => setProgress(e.target.value)}
          error={errors.fields.progress}
          className="input--width-5"
        />
        <TextArea
          id="f-note"
          label={r.reportNote}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.fields.note}
        />
        <div className="form-group">
          <label className="label" htmlFor="f-file">
            {r.file} <span className="label__optional">{t.common.optional}</span>
          </label>
          <p className="hint" id="f-file-hint">
            {r.fileHint}
          </p>
          <input id="f-file" type="file" ref={file} className="file-upload" aria-describedby="f-file-hint" />
        </div>
        <Checkbox id="f-done" label={r.done} checked={done} onChange={(e) => setDone(e.target.checked)} />
        <SubmitButton busy={send.isPending} busyLabel={r.sending}>
          {r.send}
        </SubmitButton>
      </form>
    </section>
  );
}
