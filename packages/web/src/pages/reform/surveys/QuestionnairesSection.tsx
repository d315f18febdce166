import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newUuid } from '../../../api/client.ts';
import { ErrorSummary, SubmitButton, useFormErrors } from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { StackTable } from '../../../components/StackTable.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useQuestionnaires, useSurveyChange } from '../../survey/api.ts';
import { SURVEY_PATHS } from './paths.ts';

/** The questionnaire versions; the reform officer starts a new draft from the latest. */
export function QuestionnairesSection() {
  const { t, locale } = useI18n();
  const s = t.surveys;
  const list = useQuestionnaires();
  const start = useSurveyChange<{ id: string }>();
  const errors = useFormErrors();
  const navigate = useNavigate();
  const [key] = useState(newUuid);
  const items = list.data?.items ?? [];
  const hasDraft = items.some((q) => q.status === 'draft');
  return (
    <section aria-labelledby="survey-questionnaires">
      <h2 id="survey-questionnaires">{s.questionnairesTitle}</h2>
      <QueryStatus query={list} />
      {list.data && items.length === 0 ? <p>{s.noQuestionnaire}</p> : null}
      {items.length > 0 ? (
        <StackTable
          caption={s.questionnairesTitle}
          columns={[s.colVersion, s.qTitle, s.colStatus, s.colResponses]}
        >
          {items.map((q) => (
            <tr key={q.id}>
              <td data-label={s.colVersion}>{q.version}</td>
              <td data-label={s.qTitle}>
                <Link to={SURVEY_PATHS.questionnaire(q.id)}>{q.content.title}</Link>
              </td>
              <td data-label={s.colStatus}>
                {s.status[q.status]}
                {q.publishedAt ? ` ${formatDate(q.publishedAt, locale)}` : ''}
              </td>
              <td data-label={s.colResponses}>{q.responses}</td>
            </tr>
          ))}
        </StackTable>
      ) : null}
      {list.data?.canManage && !hasDraft ? (
        <>
          <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
          <SubmitButton
            type="button"
            variant="secondary"
            busy={start.isPending}
            busyLabel={s.saving}
            onClick={() =>
              start.mutate(
                { method: 'POST', path: '/questionnaires', body: {}, key },
                { onSuccess: (r) => navigate(SURVEY_PATHS.questionnaire(r.id)), onError: errors.fromError },
              )
            }
          >
            {s.newDraft}
          </SubmitButton>
        </>
      ) : null}
    </section>
  );
}
