import { SURVEY_ELEMENTS, type SurveyForm } from '@motcua/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  SubmitButton,
  useFormErrors,
} from '../../components/forms.tsx';
import { useT } from '../../i18n/index.tsx';

const SCALE = [5, 4, 3, 2, 1];

/**
 * A questionnaire answered one element per page (GOV.UK "one thing per page"): the questions of
 * the element, each a set of large radios, "Tiếp tục" to the next element, "Gửi ý kiến" on the
 * last. The answers are sent together; an unanswered question is named next to it.
 */
export function AnswerSteps({
  form,
  busy,
  onSend,
  serverError,
  children,
  checkIntro,
}: {
  form: SurveyForm;
  busy: boolean;
  onSend: (answers: Record<string, number>) => void;
  /** Errors the server answered for the last send, shown like the page's own. */
  serverError?: unknown;
  /** Fields before the questions (the paper form's serial and date), given their errors. */
  children?: (fields: FieldErrors) => ReactNode;
  /** Checks those fields when the first page is sent. */
  checkIntro?: () => FieldErrors;
}) {
  const t = useT();
  const s = t.surveys;
  const steps = SURVEY_ELEMENTS.filter((e) => form.content.questions.some((q) => q.element === e));
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const errors = useFormErrors();
  const [shownError, setShownError] = useState<unknown>(null);
  if (serverError && serverError !== shownError) {
    setShownError(serverError);
    errors.fromError(serverError);
    // An error on the fields before the questions is shown where they are, on the first page.
    const paths = ((serverError as { problem?: { errors?: { path?: string }[] } }).problem?.errors ?? []).map(
      (e) => e.path ?? '',
    );
    if (paths.some((p) => p && !p.startsWith('answers.'))) setStep(0);
  }
  const element = steps[step]!;
  const questions = form.content.questions.filter((q) => q.element === element);
  const last = step === steps.length - 1;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errs: FieldErrors = step === 0 && checkIntro ? checkIntro() : {};
    for (const q of questions)
      if (answers[q.id] === undefined) errs[`answers.${q.id}`] = `${q.text}: ${s.answerRequired}`;
    if (!errors.check(errs)) return;
    if (!last) {
      setStep(step + 1);
      window.scrollTo(0, 0);
      return;
    }
    onSend(Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Number(v)])));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="survey-steps">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {step === 0 && children ? children(errors.fields) : null}
      <p className="caption">{s.step(step + 1, steps.length)}</p>
      <h2>{s.element[element]}</h2>
      {questions.map((q) => (
        <Radios
          key={q.id}
          name={`answers.${q.id}`}
          legend={q.text}
          value={answers[q.id] ?? ''}
          onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
          error={errors.fields[`answers.${q.id}`]}
          options={
            q.kind === 'scale'
              ? SCALE.map((n) => ({ value: String(n), label: s.scale[n]! }))
              : q.choices.map((c, i) => ({ value: String(i), label: c }))
          }
        />
      ))}
      <div className="button-group">
        <SubmitButton busy={busy} busyLabel={s.sending}>
          {last ? s.send : s.next}
        </SubmitButton>
        {step > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)}>
            {s.back}
          </button>
        ) : null}
      </div>
    </form>
  );
}
