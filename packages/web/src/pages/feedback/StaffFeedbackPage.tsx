import { FEEDBACK_STATES } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, SelectField, SubmitButton, TextArea, useFormErrors } from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { type FeedbackCase, useCase, useCaseChange, useCases, usePublicationDraft } from './api.ts';
import './feedback.css';

/**
 * /can-bo/phan-anh — the cases the officer may read, open ones first by deadline, with the working
 * days left as the server counts them; answer, close and publish from the case's panel.
 * Assigning offers the units and officers the server sends with the case; rejecting (out of
 * scope) takes a reason.
 */
export default function StaffFeedbackPage() {
  const t = useT();
  const s = t.feedback.staff;
  const { locale } = useI18n();
  usePageTitle(s.title);
  const [state, setState] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const cases = useCases(state);
  return (
    <div>
      <h1>{s.title}</h1>
      <SelectField
        id="f-state"
        label={s.filter}
        placeholder={s.all}
        options={FEEDBACK_STATES.map((v) => ({ value: v, label: s.states[v] }))}
        value={state}
        onChange={(e) => setState(e.target.value)}
      />
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <LoadError error={cases.error} onRetry={() => cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <StackTable caption={s.title} columns={[s.reference, s.topic, s.received, s.due, s.left, s.state]}>
          {cases.data.items.map((c) => (
            <tr key={c.id}>
              <td data-label={s.reference}>
                <button
                  type="button"
                  className="button--link"
                  aria-expanded={open === c.id}
                  onClick={() => setOpen(open === c.id ? null : c.id)}
                >
                  {c.reference}
                </button>
                {open === c.id ? <CasePanel c={c} /> : null}
              </td>
              <td data-label={s.topic}>
                {c.procedureName ?? c.dossierCode ?? t.feedback.form.topics[c.topic]}
              </td>
              <td data-label={s.received}>{formatDate(c.receivedAt, locale)}</td>
              <td data-label={s.due}>{formatDate(c.dueAt, locale)}</td>
              <td data-label={s.left}>
                {c.workingDaysLeft === null
                  ? c.timeliness
                    ? s.timeliness[c.timeliness]
                    : ''
                  : s.daysLeft(c.workingDaysLeft)}
              </td>
              <td data-label={s.state}>{s.states[c.state]}</td>
            </tr>
          ))}
        </StackTable>
      )}
    </div>
  );
}

function CasePanel({ c }: { c: FeedbackCase }) {
  const t = useT();
  const s = t.feedback.staff;
  const change = useCaseChange(c.id);
  const errors = useFormErrors();
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const [preparing, setPreparing] = useState(false);
  const draft = usePublicationDraft(c.id, preparing);
  const [question, setQuestion] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const run = (path: string, body: unknown) =>
    change.mutate({ path, body }, { onError: (err) => errors.fromError(err) });
  // The list's row carries no choice of units; the case read alone does, for who may assign.
  const full = useCase(c.id, c.actions.includes('assign'));
  const assignable = full.data?.assignable ?? null;
  const [unitId, setUnitId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');

  function onAnswer(e: FormEvent) {
    e.preventDefault();
    if (!change.isPending) run('/actions/answer', { version: c.version, answer });
  }
  return (
    <div className="panel">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <p className="pre-line">{c.message}</p>
      <p className="caption">
        {s.contact}: {c.contactName ?? ''} {c.contactEmail ?? ''}
      </p>
      {c.answer ? <p className="pre-line">{c.answer}</p> : null}
      {c.rating ? (
        <p>
          {s.rating}: {t.feedback.rating.values[c.rating]}
        </p>
      ) : null}
      {c.actions.includes('assign') ? (
        full.isPending ? (
          <Loading />
        ) : assignable ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!change.isPending)
                run('/actions/assign', {
                  version: c.version,
                  ...(unitId ? { unitId } : {}),
                  ...(assigneeId ? { assigneeId } : {}),
                });
            }}
            noValidate
          >
            <h3>{s.assignTitle}</h3>
            <SelectField
              id={`f-unit-${c.id}`}
              label={s.unit}
              placeholder={s.choose}
              options={assignable.units.map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={(e) => {
                setUnitId(e.target.value);
                setAssigneeId('');
              }}
              error={errors.fields.unitId}
            />
            <SelectField
              id={`f-assignee-${c.id}`}
              label={s.assignee}
              hint={s.assigneeHint}
              placeholder={s.nobody}
              options={assignable.officers
                .filter((o) => o.unitId === unitId)
                .map((o) => ({ value: o.id, label: o.name }))}
              value={assigneeId}
              onChange={(e) => setAssigneeId(e.target.value)}
              error={errors.fields.assigneeId}
            />
            <SubmitButton busy={change.isPending} busyLabel={s.working}>
              {s.assign}
            </SubmitButton>
          </form>
        ) : null
      ) : null}
      {c.actions.includes('answer') ? (
        <form onSubmit={onAnswer} noValidate>
          <TextArea
            id="f-answer"
            label={s.answer}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            error={errors.fields.answer}
          />
          <SubmitButton busy={change.isPending} busyLabel={s.working}>
            {s.sendAnswer}
          </SubmitButton>
        </form>
      ) : null}
      {c.actions.includes('reject') ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!change.isPending) run('/actions/reject', { version: c.version, reason });
          }}
          noValidate
        >
          <TextArea
            id={`f-reason-${c.id}`}
            label={s.reason}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors.fields.reason}
          />
          <SubmitButton variant="secondary" busy={change.isPending} busyLabel={s.working}>
            {s.reject}
          </SubmitButton>
        </form>
      ) : null}
      {c.actions.includes('close') ? (
        <SubmitButton
          type="button"
          variant="secondary"
          busy={change.isPending}
          busyLabel={s.working}
          onClick={() => run('/actions/close', { version: c.version })}
        >
          {s.close}
        </SubmitButton>
      ) : null}
      {c.canPublish && !c.publishedAt ? (
        preparing && draft.data ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const a = published ?? draft.data.answer;
              run('/publication', { question: question ?? draft.data.question, answer: a });
            }}
            noValidate
          >
            <h3>{s.publishTitle}</h3>
            <p>{s.publishLead}</p>
            <p className="caption">{s.removed(draft.data.removed.reduce((n, r) => n + r.count, 0))}</p>
            <TextArea
              id="f-question"
              label={s.question}
              rows={6}
              value={question ?? draft.data.question}
              onChange={(e) => setQuestion(e.target.value)}
              error={errors.fields.question}
            />
            <TextArea
              id="f-published-answer"
              label={s.answer}
              rows={6}
              value={published ?? draft.data.answer}
              onChange={(e) => setPublished(e.target.value)}
              error={errors.fields.answer}
            />
            <SubmitButton busy={change.isPending} busyLabel={s.working}>
              {s.publish}
            </SubmitButton>
          </form>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setPreparing(true)}>
            {s.prepare}
          </button>
        )
      ) : null}
      {c.publishedAt ? (
        <Notice kind="info" focus={false}>
          {s.publishedAt(c.publishedAt.slice(0, 10))}
        </Notice>
      ) : null}
    </div>
  );
}
