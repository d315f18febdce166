import { type FormEvent, useRef, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { Notice } from '../../components/ui.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { freshKey, type PlanDetail, type Target, useReformPost, useReformUpload } from './api.ts';
import { Panel } from './Panel.tsx';

const MEASURES = [
  'on_time_rate',
  'online_full_share',
  'internal_process_share',
  'dossiers_tracked_share',
  'tasks_on_time',
  'units_inspected',
  'surveys_done',
  'satisfaction_index',
  'manual',
];
/** Targets that take figures by hand: manual ones, and the count of dossiers handled outside the system. */
const REPORTED = new Set(['manual', 'dossiers_tracked_share']);

export function usePercent() {
  const { locale, t } = useI18n();
  return (v: number | null) => (v === null ? t.reform.noValue : `${formatNumber(v, locale)}%`);
}

/** The targets with what the server computed: now, by month, year-end projection, and the verdict in words. */
export function TargetsSection({ detail }: { detail: PlanDetail }) {
  const { t } = useI18n();
  const r = t.reform;
  const pct = usePercent();
  const words = (x: Target) =>
    x.standing.status === 'off_track' || x.standing.status === 'missed'
      ? r.offTrackWords(pct(x.standing.projection), r.targetValue(x.comparator, pct(x.value)))
      : null;
  return (
    <section aria-labelledby="targets">
      <h2 id="targets">{r.targetsTitle}</h2>
      {detail.targets.length === 0 ? (
        <p>{r.noTargets}</p>
      ) : (
        <StackTable
          caption={r.targetsTitle}
          columns={[r.colTarget, r.colCurrent, r.colTrend, r.colProjection, r.colStanding]}
          className="table--compact"
        >
          {detail.targets.map((x) => (
            <tr key={x.id} data-target={x.id}>
              <td data-label={r.colTarget}>
                {x.title}
                <br />
                <span className="hint">
                  {r.targetValue(x.comparator, pct(x.value))} · {r.measure[x.measure]}
                </span>
              </td>
              <td data-label={r.colCurrent}>{pct(x.standing.current)}</td>
              <td data-label={r.colTrend}>
                <ul className="reform-trend">
                  {x.standing.trend
                    .filter((p) => p.value !== null)
                    .map((p) => (
                      <li key={p.month}>{r.trendItem(p.month, pct(p.value))}</li>
                    ))}
                </ul>
              </td>
              <td data-label={r.colProjection}>{pct(x.standing.projection)}</td>
              <td data-label={r.colStanding}>
                <strong className={`tag reform-standing--${x.standing.status}`}>
                  {r.standing[x.standing.status]}
                </strong>
                {words(x) ? <p className="reform-warning">{words(x)}</p> : null}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
      {detail.canManage ? <AddTargetForm planId={detail.plan.id} /> : null}
      {detail.canManage && detail.targets.some((x) => REPORTED.has(x.measure)) ? (
        <ReportFigureForm
          targets={detail.targets.filter((x) => REPORTED.has(x.measure))}
          year={detail.plan.year}
        />
      ) : null}
    </section>
  );
}

function AddTargetForm({ planId }: { planId: string }) {
  const { t } = useI18n();
  const r = t.reform;
  const [title, setTitle] = useState('');
  const [measure, setMeasure] = useState('on_time_rate');
  const [comparator, setComparator] = useState('at_least');
  const [value, setValue] = useState('');
  const [key, setKey] = useState(freshKey);
  const [added, setAdded] = useState(false);
  const errors = useFormErrors();
  const add = useReformPost();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (add.isPending) return;
    const errs: FieldErrors = {};
    const n = Number(value.replace(',', '.'));
    if (title.trim().length < 3) errs.title = r.targetTitleRequired;
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) errs.value = r.targetLevelRequired;
    if (!errors.check(errs)) return;
    add.mutate(
      { path: `/plans/${planId}/targets`, body: { title, measure, comparator, value: n }, key },
      {
        onSuccess: () => {
          setTitle('');
          setValue('');
          setKey(freshKey());
          setAdded(true);
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <Panel summary={r.addTarget}>
      {added ? <Notice kind="success">{r.addTarget}: ✓</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="f-title"
          label={r.targetTitle}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.fields.title}
        />
        <SelectField
          id="f-measure"
          label={r.targetMeasure}
          value={measure}
          onChange={(e) => setMeasure(e.target.value)}
          options={MEASURES.map((m) => ({ value: m, label: r.measure[m] ?? m }))}
          error={errors.fields.measure}
        />
        <SelectField
          id="f-comparator"
          label={r.comparator}
          value={comparator}
          onChange={(e) => setComparator(e.target.value)}
          options={[
            { value: 'at_least', label: r.atLeast },
            { value: 'at_most', label: r.atMost },
          ]}
        />
        <TextField
          id="f-value"
          label={r.targetLevel}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={errors.fields.value}
        />
        <SubmitButton busy={add.isPending} busyLabel={r.adding}>
          {r.addTarget}
        </SubmitButton>
      </form>
    </Panel>
  );
}

function ReportFigureForm({ targets, year }: { targets: Target[]; year: number }) {
  const { t } = useI18n();
  const r = t.reform;
  const [targetId, setTargetId] = useState(targets[0]!.id);
  const [month, setMonth] = useState(
    String(new Date().getFullYear() === year ? new Date().getMonth() + 1 : 12),
  );
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const errors = useFormErrors();
  const send = useReformUpload();
  const target = targets.find((x) => x.id === targetId) ?? targets[0]!;
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    const n = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) errs.value = r.figureRequired;
    if (!file.current?.files?.[0]) errs.file = r.evidenceRequired;
    if (!errors.check(errs)) return;
    const form = new FormData();
    form.append('month', month);
    form.append('value', String(n));
    form.append('note', note);
    form.append('file', file.current!.files![0]!);
    send.mutate(
      { path: `/targets/${target.id}/reports`, form },
      {
        onSuccess: () => {
          setValue('');
          setNote('');
          if (file.current) file.current.value = '';
          setDone(true);
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <Panel summary={r.reportFigure}>
      {done ? <Notice kind="success">{r.reported}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="f-target"
          label={r.colTarget}
          value={targetId}
          onChange={(e) => setTargetId(e.target.value)}
          options={targets.map((x) => ({ value: x.id, label: x.title }))}
        />
        <SelectField
          id="f-month"
          label={r.month}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          error={errors.fields.month}
        />
        <TextField
          id="f-value"
          label={target.measure === 'manual' ? r.figure : r.figureOutside}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={errors.fields.value}
        />
        <TextField
          id="f-note"
          label={r.note}
          optional
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className={`form-group ${errors.fields.file ? 'form-group--error' : ''}`}>
          <label className="label" htmlFor="f-file">
            {r.evidence}
          </label>
          <p className="hint" id="f-file-hint">
            {r.evidenceHint}
          </p>
          {errors.fields.file ? (
            <p className="error-message" id="f-file-error">
              {errors.fields.file}
            </p>
          ) : null}
          <input
            id="f-file"
            type="file"
            ref={file}
            className="file-upload"
            aria-describedby={`f-file-hint${errors.fields.file ? ' f-file-error' : ''}`}
          />
        </div>
        <SubmitButton busy={send.isPending} busyLabel={r.sending}>
          {r.send}
        </SubmitButton>
      </form>
    </Panel>
  );
}
