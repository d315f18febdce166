import { useState } from 'react';
import { useParams } from 'react-router';
import { newUuid } from '../../api/client.ts';
import { problemMessage } from '../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { DossierRating } from '../feedback/DossierRating.tsx';
import { AnswerSteps } from './AnswerSteps.tsx';
import { useAnswer, useLinkForm } from './api.ts';
import { NextSteps } from './NextSteps.tsx';
import './surveys.css';

/**
 * The survey of one returned dossier, by the link given with its result: answered once; answered
 * (now or before) or with a wrong link, the page says where to go next.
 */
export default function LinkSurveyPage() {
  const t = useT();
  const s = t.surveys;
  usePageTitle(s.title);
  const { token = '' } = useParams();
  const form = useLinkForm(token);
  const answer = useAnswer('links', token);
  const [key] = useState(newUuid);

  if (form.isPending) return <Loading />;
  if (answer.isSuccess)
    return (
      <div className="survey">
        <h1>{s.title}</h1>
        <Notice title={s.thanks}>
          <p>{s.thanksBody}</p>
        </Notice>
        <NextSteps about="dossier" />
      </div>
    );
  if (form.isError)
    return (
      <div className="survey">
        <h1>{s.title}</h1>
        <Notice kind={form.error && (form.error as { status?: number }).status === 409 ? 'info' : 'error'}>
          {problemMessage(form.error, t)}
        </Notice>
        <NextSteps about="dossier" />
      </div>
    );
  const f = form.data;
  return (
    <div className="survey">
      <h1>{f.content.title}</h1>
      <DossierRating token={token} />
      {f.dossierCode ? <p className="caption">{s.aboutDossier(f.dossierCode)}</p> : null}
      {f.content.intro ? <p>{f.content.intro}</p> : null}
      <AnswerSteps
        form={f}
        busy={answer.isPending}
        serverError={answer.error}
        onSend={(answers) => answer.mutate({ questionnaireId: f.questionnaireId, answers, key })}
      />
    </div>
  );
}
