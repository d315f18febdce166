import type { ParAssessmentResponse } from '@motcua/core';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/BackLink.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import {
  evidenceUrl,
  formatPoints,
  PAR_PATHS,
  readPoints,
  useAssessment,
  useParSend,
  useParUpload,
} from './api.ts';
import '../reform.css';

type Detail = ParAssessmentResponse;
type Criterion = Detail['framework']['criteria'][number];
type Score = Detail['scores'][number];

/** One criterion at a time: what it asks, the points and evidence, or the appraiser's form beside them. */
export default function CriterionPage() {
  const { id = '', code = '' } = useParams();
  const { t, locale } = useI18n();
  const p = t.par;
  const query = useAssessment(id);
  const d = query.data;
  const criterion = d?.framework.criteria.find((c) => c.code === code);
  const score = d?.scores.find((s) => s.code === code);
  usePageTitle(criterion ? `${criterion.code} ${criterion.name}` : p.title);
  const index = d?.scores.findIndex((s) => s.code === code) ?? -1;
  const next = d && index >= 0 ? d.scores[index + 1] : undefined;
  const n = (x: number) => formatPoints(x, locale);
  return (
    <div>
      <BackLink to={PAR_PATHS.assessment(id)}>{p.criterionBack}</BackLink>
      <QueryStatus query={query} notFound={{ title: t.common.notFoundTitle, body: t.common.notFoundBody }} />
      {d && (!criterion || !score) ? <p>{t.common.notFoundBody}</p> : null}
      {d && criterion && score ? (
        <>
          <span className="caption">{d.assessment.name}</span>
          <h1>
            {criterion.code} {criterion.name}
          </h1>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{p.maxPoints}</dt>
              <dd>{n(criterion.maxPoints)}</dd>
            </div>
            {criterion.guidance ? (
              <div className="summary-list__row">
                <dt>{p.guidance}</dt>
                <dd>{criterion.guidance}</dd>
              </div>
            ) : null}
            {criterion.evidence ? (
              <div className="summary-list__row">
                <dt>{p.evidenceRequired}</dt>
                <dd>{criterion.evidence}</dd>
              </div>
            ) : null}
            {criterion.systemMeasure ? (
              <div className="summary-list__row">
                <dt>{p.systemValue}</dt>
                <dd>
                  {score.systemValue === null ? p.noSystemValue : p.systemValueText(n(score.systemValue))}
                </dd>
              </div>
            ) : null}
            {!criterion.survey && d.assessment.status !== 'draft' ? (
              <>
                <div className="summary-list__row">
                  <dt>{p.selfPointsShown}</dt>
                  <dd>{score.selfPoints === null ? '–' : n(score.selfPoints)}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{p.selfNoteShown}</dt>
                  <dd>{score.selfNote || '–'}</dd>
                </div>
              </>
            ) : null}
          </dl>
          {!criterion.survey ? <EvidenceList d={d} score={score} /> : null}
          {d.can.score && !criterion.survey ? (
            <>
              <ScoreForm key={`s-${code}`} d={d} criterion={criterion} score={score} />
              <EvidenceForm key={`e-${code}`} d={d} code={code} />
            </>
          ) : null}
          {d.can.appraise ? (
            <AppraiseForm key={`a-${code}`} d={d} criterion={criterion} score={score} />
          ) : null}
          {next ? (
            <p>
              <Link to={PAR_PATHS.criterion(id, next.code)}>
                {p.next}: {next.code}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function EvidenceList({ d, score }: { d: Detail; score: Score }) {
  const { t, locale } = useI18n();
  const p = t.par;
  return (
    <section aria-labelledby="par-evidence">
      <h2 id="par-evidence">{p.evidence}</h2>
      {score.evidence.length === 0 ? (
        <p>{p.noEvidence}</p>
      ) : (
        <ul>
          {score.evidence.map((e) => (
            <li key={e.id}>
              <a href={evidenceUrl(d.assessment.id, e.id)}>{e.filename}</a> (
              {formatDateTime(e.addedAt, locale)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScoreForm({ d, criterion, score }: { d: Detail; criterion: Criterion; score: Score }) {
  const { t, locale } = useI18n();
  const p = t.par;
  const max = formatPoints(criterion.maxPoints, locale);
  const [points, setPoints] = useState(
    score.selfPoints === null ? '' : formatPoints(score.selfPoints, locale),
  );
  const [note, setNote] = useState(score.selfNote);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const send = useParSend();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    setSaved(false);
    const value = readPoints(points);
    const errs: FieldErrors = {};
    if (value === null) errs.points = p.pointsRequired(max);
    if (!errors.check(errs) || value === null) return;
    send.mutate(
      {
        method: 'PUT',
        path: `/assessments/${d.assessment.id}/scores/${criterion.code}`,
        body: { points: value, note },
      },
      { onSuccess: () => setSaved(true), onError: errors.fromError },
    );
  }
  return (
    <section aria-labelledby="par-score">
      <h2 id="par-score">{p.scoreTitle}</h2>
      {saved ? <Notice kind="success">{p.saved}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <TextField
          id="f-points"
          label={p.points}
          hint={p.pointsHint(max)}
          inputMode="decimal"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          error={errors.fields.points}
          className="input--width-5"
        />
        <TextArea
          id="f-note"
          label={p.note}
          optional
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.fields.note}
        />
        <SubmitButton busy={send.isPending} busyLabel={p.saving}>
          {p.save}
        </SubmitButton>
      </form>
    </section>
  );
}

function EvidenceForm({ d, code }: { d: Detail; code: string }) {
  const { t } = useI18n();
  const p = t.par;
  const file = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState(false);
  const errors = useFormErrors();
  const send = useParUpload();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    setSent(false);
    const chosen = file.current?.files?.[0];
    if (!errors.check(chosen ? {} : { file: p.fileRequired }) || !chosen) return;
    const form = new FormData();
    form.append('file', chosen);
    send.mutate(
      { path: `/assessments/${d.assessment.id}/scores/${code}/evidence`, form },
      {
        onSuccess: () => {
          setSent(true);
          if (file.current) file.current.value = '';
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <section aria-labelledby="par-attach">
      <h2 id="par-attach">{p.attach}</h2>
      {sent ? <Notice kind="success">{p.attached}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <div className={`form-group${errors.fields.file ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="f-file">
            {p.attachFile}
          </label>
          <p className="hint" id="f-file-hint">
            {p.attachHint}
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
            aria-describedby={errors.fields.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
          />
        </div>
        <SubmitButton busy={send.isPending} busyLabel={p.attaching}>
          {p.attach}
        </SubmitButton>
      </form>
    </section>
  );
}

/** What the agency's own SIPAS answers of the year give for a survey criterion, to use or not. */
function SurveySuggestion({
  suggestion,
  max,
  onUse,
}: {
  suggestion: NonNullable<Score['surveySuggestion']>;
  max: string;
  onUse: (points: string, source: string) => void;
}) {
  const { t, locale } = useI18n();
  const p = t.par;
  const points = formatPoints(suggestion.points, locale);
  const period = `${formatDate(suggestion.from, locale)}-${formatDate(suggestion.to, locale)}`;
  return (
    <div className="inset-text" id="par-survey-suggestion">
      <p>
        {suggestion.index === null
          ? p.sipasNone(period)
          : p.sipasSuggestion(
              formatPoints(suggestion.index, locale),
              suggestion.answers,
              period,
              points,
              max,
            )}
      </p>
      {suggestion.index !== null ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onUse(points, p.sipasSource(period))}
        >
          {p.sipasUse}
        </button>
      ) : null}
    </div>
  );
}

function AppraiseForm({ d, criterion, score }: { d: Detail; criterion: Criterion; score: Score }) {
  const { t, locale } = useI18n();
  const p = t.par;
  const max = formatPoints(criterion.maxPoints, locale);
  const [points, setPoints] = useState(
    score.appraisedPoints === null ? '' : formatPoints(score.appraisedPoints, locale),
  );
  const [comment, setComment] = useState(score.appraisalComment);
  const [source, setSource] = useState(score.surveySource);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const send = useParSend();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    setSaved(false);
    const value = points.trim() === '' ? null : readPoints(points);
    const errs: FieldErrors = {};
    if ((points.trim() !== '' && value === null) || (criterion.survey && value === null))
      errs.points = p.pointsRequired(max);
    if (!errors.check(errs)) return;
    send.mutate(
      {
        method: 'PUT',
        path: `/assessments/${d.assessment.id}/appraisal/${criterion.code}`,
        body: { points: value, comment, source },
      },
      { onSuccess: () => setSaved(true), onError: errors.fromError },
    );
  }
  return (
    <section aria-labelledby="par-appraise">
      <h2 id="par-appraise">{p.appraise}</h2>
      {saved ? <Notice kind="success">{p.saved}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <TextField
          id="f-points"
          label={criterion.survey ? p.surveyPoints : p.appraisedPoints}
          hint={criterion.survey ? p.pointsHint(max) : `${p.appraisedHint}. ${p.pointsHint(max)}`}
          inputMode="decimal"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          error={errors.fields.points}
          className="input--width-5"
        />
        {criterion.survey && score.surveySuggestion ? (
          <SurveySuggestion
            suggestion={score.surveySuggestion}
            max={max}
            onUse={(points, source) => {
              setPoints(points);
              setSource(source);
            }}
          />
        ) : null}
        {criterion.survey ? (
          <TextField
            id="f-source"
            label={p.source}
            hint={p.sourceHint}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            error={errors.fields.source}
          />
        ) : (
          <TextArea
            id="f-comment"
            label={p.comment}
            optional
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            error={errors.fields.comment}
          />
        )}
        <SubmitButton busy={send.isPending} busyLabel={p.saving}>
          {p.saveAppraisal}
        </SubmitButton>
      </form>
    </section>
  );
}
