import { type QuestionnaireContent, SURVEY_ELEMENTS } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/BackLink.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/index.tsx';
import {
  type Questionnaire,
  useQuestionnaire,
  useQuestionnaires,
  useSurveyChange,
} from '../../survey/api.ts';
import { SURVEY_PATHS } from './paths.ts';
import '../../survey/surveys.css';

type Question = QuestionnaireContent['questions'][number];

/** One questionnaire version: read-only once published; the reform officer edits a draft and publishes it. */
export default function QuestionnairePage() {
  const t = useT();
  const s = t.surveys;
  const { id = '' } = useParams();
  const q = useQuestionnaire(id);
  const list = useQuestionnaires();
  usePageTitle(q.data?.content.title ?? s.questionnairesTitle);
  return (
    <div>
      <BackLink to={SURVEY_PATHS.home}>{s.title}</BackLink>
      <QueryStatus query={q} />
      {q.data ? (
        q.data.status === 'draft' && list.data?.canManage ? (
          <DraftEditor questionnaire={q.data} />
        ) : (
          <ReadOnly questionnaire={q.data} />
        )
      ) : null}
    </div>
  );
}

function ReadOnly({ questionnaire }: { questionnaire: Questionnaire }) {
  const t = useT();
  const s = t.surveys;
  const c = questionnaire.content;
  return (
    <>
      <h1>{c.title}</h1>
      <p className="caption">
        {s.colVersion} {questionnaire.version} · {s.status[questionnaire.status]}
      </p>
      {questionnaire.status === 'published' ? <p>{s.publishedNote}</p> : null}
      {c.intro ? <p>{c.intro}</p> : null}
      {SURVEY_ELEMENTS.map((e) => (
        <section key={e}>
          <h2>{s.element[e]}</h2>
          <ol>
            {c.questions
              .filter((x) => x.element === e)
              .map((x) => (
                <li key={x.id}>
                  {x.text} — {x.kind === 'scale' ? s.kindScale : x.choices.join(' / ')}
                </li>
              ))}
          </ol>
        </section>
      ))}
    </>
  );
}

const newQuestionId = () => `cau-${Math.random().toString(36).slice(2, 8)}`;

function DraftEditor({ questionnaire }: { questionnaire: Questionnaire }) {
  const t = useT();
  const s = t.surveys;
  const [title, setTitle] = useState(questionnaire.content.title);
  const [intro, setIntro] = useState(questionnaire.content.intro);
  const [questions, setQuestions] = useState<(Question & { choicesText: string })[]>(() =>
    questionnaire.content.questions.map((x) => ({ ...x, choicesText: x.choices.join('\n') })),
  );
  const save = useSurveyChange<Questionnaire>();
  const publish = useSurveyChange<Questionnaire>();
  const errors = useFormErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const change = (i: number, patch: Partial<Question & { choicesText: string }>) =>
    setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const content = (): QuestionnaireContent => ({
    title,
    intro,
    questions: questions.map(({ choicesText, ...x }) => ({
      ...x,
      choices:
        x.kind === 'choice'
          ? choicesText
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
          : [],
    })),
  });

  function check(): boolean {
    const errs: FieldErrors = {};
    if (title.trim().length < 3) errs.title = s.titleRequired;
    const c = content();
    c.questions.forEach((x, i) => {
      if (x.text.trim().length < 3) errs[`questions.${i}.text`] = `${s.question(i + 1)}: ${s.textRequired}`;
      if (x.kind === 'choice' && x.choices.length < 2)
        errs[`questions.${i}.choices`] = `${s.question(i + 1)}: ${s.choicesRequired}`;
    });
    return errors.check(errs);
  }

  function onSave(e: FormEvent) {
    e.preventDefault();
    if (save.isPending || !check()) return;
    setNotice(null);
    save.mutate(
      { method: 'PUT', path: `/questionnaires/${questionnaire.id}`, body: { content: content() } },
      { onSuccess: () => setNotice(s.saved), onError: errors.fromError },
    );
  }
  function onPublish() {
    if (publish.isPending || !check()) return;
    setNotice(null);
    save.mutate(
      { method: 'PUT', path: `/questionnaires/${questionnaire.id}`, body: { content: content() } },
      {
        onSuccess: () =>
          publish.mutate(
            { method: 'POST', path: `/questionnaires/${questionnaire.id}/publish` },
            { onSuccess: () => setNotice(s.published), onError: errors.fromError },
          ),
        onError: errors.fromError,
      },
    );
  }

  return (
    <>
      <h1>{s.editTitle(questionnaire.version)}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSave} noValidate>
        <TextField
          id="f-title"
          label={s.qTitle}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.fields.title}
        />
        <TextArea
          id="f-intro"
          label={s.qIntro}
          optional
          value={intro}
          onChange={(e) => setIntro(e.target.value)}
          error={errors.fields.intro}
        />
        {questions.map((x, i) => (
          <fieldset key={x.id} className="fieldset survey-editor__question">
            <legend className="fieldset__legend">{s.question(i + 1)}</legend>
            <TextArea
              id={`f-questions-${i}-text`}
              label={s.qText}
              rows={2}
              value={x.text}
              onChange={(e) => change(i, { text: e.target.value })}
              error={errors.fields[`questions.${i}.text`]}
            />
            <SelectField
              id={`f-questions-${i}-element`}
              label={s.qElement}
              value={x.element}
              onChange={(e) => change(i, { element: e.target.value as Question['element'] })}
              options={SURVEY_ELEMENTS.map((el) => ({ value: el, label: s.element[el]! }))}
            />
            <Radios
              name={`questions.${i}.kind`}
              legend={s.qKind}
              value={x.kind}
              onChange={(v) => change(i, { kind: v as Question['kind'] })}
              options={[
                { value: 'scale', label: s.kindScale },
                { value: 'choice', label: s.kindChoice },
              ]}
            />
            {x.kind === 'choice' ? (
              <TextArea
                id={`f-questions-${i}-choices`}
                label={s.qChoices}
                hint={s.qChoicesHint}
                rows={3}
                value={x.choicesText}
                onChange={(e) => change(i, { choicesText: e.target.value })}
                error={errors.fields[`questions.${i}.choices`]}
              />
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
            >
              {s.removeQuestion(i + 1)}
            </button>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setQuestions((qs) => [
                ...qs,
                {
                  id: newQuestionId(),
                  element: 'access',
                  kind: 'scale',
                  text: '',
                  choices: [],
                  choicesText: '',
                },
              ])
            }
          >
            {s.addQuestion}
          </button>
        </p>
        <div className="button-group">
          <SubmitButton busy={save.isPending} busyLabel={s.saving}>
            {s.save}
          </SubmitButton>
          <SubmitButton type="button" busy={publish.isPending} busyLabel={s.publishing} onClick={onPublish}>
            {s.publish}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
