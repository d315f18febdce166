import { type ParAssessmentResponse, parentCode } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/BackLink.tsx';
import { DateField } from '../../../components/DateInput.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  isIsoDate,
  SelectField,
  SubmitButton,
  useFormErrors,
} from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { StackTable } from '../../../components/StackTable.tsx';
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { usePlans } from '../api.ts';
import { REFORM_PATHS } from '../paths.ts';
import { formatPoints, PAR_PATHS, useAssessment, useParSend, usePlanUnits } from './api.ts';
import '../reform.css';

type Detail = ParAssessmentResponse;

/** One self-assessment: the criteria as a task list, submission, the side-by-side appraisal, remediation. */
export default function AssessmentPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const p = t.par;
  const query = useAssessment(id);
  const d = query.data;
  usePageTitle(d ? `${p.title} ${d.framework.year}: ${d.assessment.name}` : p.title);
  const n = (x: number) => formatPoints(x, locale);
  // Held here, not in the form: once the plan is made the form is gone (can.remediate turns false).
  const [remedied, setRemedied] = useState<number | null>(null);
  return (
    <div>
      <BackLink to={PAR_PATHS.home}>{p.back}</BackLink>
      <QueryStatus query={query} notFound={{ title: t.common.notFoundTitle, body: t.common.notFoundBody }} />
      {d ? (
        <>
          <span className="caption">
            {p.title} {d.framework.year}
          </span>
          <h1>{d.assessment.name}</h1>
          <p>
            <strong className={`tag par-status--${d.assessment.status}`}>
              {p.status[d.assessment.status]}
            </strong>
          </p>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{p.totalSelf}</dt>
              <dd>{p.outOf(n(d.assessment.totals.self), n(d.framework.maxima.self))}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{p.totalSurvey}</dt>
              <dd>{p.outOf(n(d.assessment.totals.survey), n(d.framework.maxima.survey))}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{p.totalFinal}</dt>
              <dd>
                {d.assessment.status === 'appraised'
                  ? p.outOf(n(d.assessment.totals.final), n(d.assessment.totals.max))
                  : '–'}
              </dd>
            </div>
          </dl>
          {d.assessment.status === 'draft' ? <CriteriaTree d={d} /> : <AppraisalTable d={d} />}
          {d.can.score ? <StepForm d={d} step="submit" /> : null}
          {d.can.appraise ? <StepForm d={d} step="finish" /> : null}
          {remedied !== null ? <Notice kind="success">{p.remediated(remedied)}</Notice> : null}
          {d.can.remediate ? <RemediationForm d={d} onMade={setRemedied} /> : null}
        </>
      ) : null}
    </div>
  );
}

/** GOV.UK task list: each area, its criteria and sub-criteria, each with its state in words. */
function CriteriaTree({ d }: { d: Detail }) {
  const { t, locale } = useI18n();
  const p = t.par;
  const scores = new Map(d.scores.map((s) => [s.code, s]));
  const nodes = new Map(d.nodes.map((x) => [x.code, x]));
  const areas = d.framework.criteria.filter((c) => !c.code.includes('.'));
  return (
    <section aria-labelledby="par-tree">
      <h2 id="par-tree">{p.treeTitle}</h2>
      {areas.map((area) => (
        <div key={area.code}>
          <h3>
            {area.code}. {area.name}{' '}
            <span className="hint">
              (
              {p.outOf(
                formatPoints(nodes.get(area.code)?.self ?? 0, locale),
                formatPoints(area.maxPoints, locale),
              )}
              )
            </span>
          </h3>
          <ul className="task-list">
            {d.framework.criteria
              .filter((c) => c.code.startsWith(`${area.code}.`) && scores.has(c.code))
              .map((c) => {
                const s = scores.get(c.code)!;
                const parent = parentCode(c.code);
                const group =
                  parent && parent !== area.code ? d.framework.criteria.find((x) => x.code === parent) : null;
                const done = c.survey ? false : s.selfPoints !== null;
                return (
                  <li className="task-list__item" key={c.code}>
                    <div className="task-list__name-and-hint">
                      {group ? <span className="hint">{`${group.code} ${group.name}`}</span> : null}
                      <Link to={PAR_PATHS.criterion(d.assessment.id, c.code)}>
                        {c.code} {c.name}
                      </Link>
                      <div className="hint">
                        {p.maxPoints}: {formatPoints(c.maxPoints, locale)}
                      </div>
                    </div>
                    <div className="task-list__status">
                      <strong className={`tag ${done ? 'tag--active' : 'tag--status-draft'}`}>
                        {c.survey
                          ? p.surveyPending
                          : done
                            ? `${p.scored}: ${formatPoints(s.selfPoints!, locale)}`
                            : p.notScored}
                      </strong>
                    </div>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Self points, appraised points and the comment side by side for every scored criterion. */
function AppraisalTable({ d }: { d: Detail }) {
  const { t, locale } = useI18n();
  const p = t.par;
  const byCode = new Map(d.framework.criteria.map((c) => [c.code, c]));
  const n = (x: number | null) => (x === null ? '–' : formatPoints(x, locale));
  return (
    <section aria-labelledby="par-appraisal">
      <h2 id="par-appraisal">{p.appraisalTitle}</h2>
      <StackTable
        caption={p.appraisalTitle}
        columns={[p.colCode, p.colCriterion, p.colMaxShort, p.colSelfPoints, p.colAppraised, p.colComment]}
      >
        {d.scores.map((s) => {
          const c = byCode.get(s.code)!;
          return (
            <tr key={s.code}>
              <td data-label={p.colCode}>{s.code}</td>
              <td data-label={p.colCriterion}>
                <Link to={PAR_PATHS.criterion(d.assessment.id, s.code)}>{c.name}</Link>
                {s.remediationTaskId ? (
                  <div>
                    <Link to={REFORM_PATHS.task(s.remediationTaskId)}>{p.remedyTask}</Link>
                  </div>
                ) : null}
              </td>
              <td data-label={p.colMaxShort}>{n(c.maxPoints)}</td>
              <td data-label={p.colSelfPoints}>{c.survey ? p.survey : n(s.selfPoints)}</td>
              <td data-label={p.colAppraised}>
                {s.appraisedPoints === null ? (c.survey ? '–' : p.unchanged) : n(s.appraisedPoints)}
              </td>
              <td data-label={p.colComment}>{c.survey ? s.surveySource : s.appraisalComment}</td>
            </tr>
          );
        })}
      </StackTable>
    </section>
  );
}

function StepForm({ d, step }: { d: Detail; step: 'submit' | 'finish' }) {
  const { t } = useI18n();
  const p = t.par;
  const errors = useFormErrors();
  const send = useParSend();
  const [done, setDone] = useState(false);
  const submit = step === 'submit';
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    send.mutate(
      {
        method: 'POST',
        path: `/assessments/${d.assessment.id}/${submit ? 'submit' : 'appraisal/finish'}`,
        body: { version: d.assessment.version },
      },
      { onSuccess: () => setDone(true), onError: errors.fromError },
    );
  }
  return (
    <section aria-labelledby={`par-${step}`}>
      <h2 id={`par-${step}`}>{submit ? p.submitTitle : p.finishTitle}</h2>
      {done ? <Notice kind="success">{submit ? p.submitted : p.finished}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <p>{submit ? p.submitHint : p.finishHint}</p>
      <form onSubmit={onSubmit} noValidate>
        <SubmitButton busy={send.isPending} busyLabel={submit ? p.submitting : p.finishing}>
          {submit ? p.submit : p.finish}
        </SubmitButton>
      </form>
    </section>
  );
}

function RemediationForm({ d, onMade }: { d: Detail; onMade: (tasks: number) => void }) {
  const { t } = useI18n();
  const p = t.par;
  const plans = usePlans();
  const own = (plans.data?.items ?? []).filter((x) => x.agencyId === d.assessment.agencyId);
  const [planId, setPlanId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [unitId, setUnitId] = useState('');
  const errors = useFormErrors();
  const send = useParSend();
  const chosenPlan = planId || own[0]?.id || '';
  const units = usePlanUnits(chosenPlan).data?.units ?? [];
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const errs: FieldErrors = {};
    const plan = chosenPlan;
    const unit = unitId || units[0]?.id || '';
    if (!plan) errs.planId = p.planRequired;
    if (!isIsoDate(deadline)) errs.deadline = p.deadlineRequired;
    // The plan's units load after the plan is chosen: never send the plan without one.
    if (!unit) errs.unitId = p.unitRequired;
    if (!errors.check(errs)) return;
    send.mutate(
      {
        method: 'POST',
        path: `/assessments/${d.assessment.id}/remediation`,
        body: { planId: plan, deadline, unitId: unit },
      },
      { onSuccess: (res) => onMade(res.tasks?.length ?? 0), onError: errors.fromError },
    );
  }
  return (
    <section aria-labelledby="par-remediation">
      <h2 id="par-remediation">{p.remediationTitle}</h2>
      <p>{p.remediationHint}</p>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {plans.data && own.length === 0 ? <p>{p.noPlan}</p> : null}
      <form onSubmit={onSubmit} noValidate className="narrow">
        <SelectField
          id="f-planId"
          label={p.plan}
          value={chosenPlan}
          onChange={(e) => setPlanId(e.target.value)}
          error={errors.fields.planId}
          options={own.map((x) => ({ value: x.id, label: `${x.year} — ${x.title}` }))}
        />
        <DateField
          id="f-deadline"
          label={p.deadline}
          value={deadline}
          onChange={setDeadline}
          error={errors.fields.deadline}
        />
        <SelectField
          id="f-unitId"
          label={p.unit}
          value={unitId || units[0]?.id || ''}
          onChange={(e) => setUnitId(e.target.value)}
          error={errors.fields.unitId}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SubmitButton busy={send.isPending} busyLabel={p.remediating}>
          {p.remediate}
        </SubmitButton>
      </form>
    </section>
  );
}
