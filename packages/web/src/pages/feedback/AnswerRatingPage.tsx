import { useState } from 'react';
import { useParams } from 'react-router';
import { problemMessage } from '../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { NextSteps } from '../survey/NextSteps.tsx';
import { useAnswerRatingForm } from './api.ts';
import { RatingForm } from './RatingForm.tsx';

/**
 * /phan-anh/danh-gia/:token — the citizen rates the answer to their feedback, once; rated (now or
 * before) or with a wrong link, the page says where to go next.
 */
export default function AnswerRatingPage() {
  const t = useT();
  const r = t.feedback.rating;
  usePageTitle(r.answerTitle);
  const { token = '' } = useParams();
  const form = useAnswerRatingForm(token);
  const [rated, setRated] = useState(false);
  if (form.isPending) return <Loading />;
  return (
    <div className="narrow">
      <h1>{r.answerTitle}</h1>
      {form.isError ? (
        <Notice kind="error">{problemMessage(form.error, t)}</Notice>
      ) : (
        <>
          <p className="caption">
            {form.data.reference} · {form.data.agencyName}
          </p>
          <h2>{r.theAnswer}</h2>
          <p className="pre-line">{form.data.answer}</p>
          {form.data.ratedAt ? (
            <Notice kind="info">{r.answerAlready}</Notice>
          ) : (
            <RatingForm
              path={`/api/v1/public/feedback/ratings/${encodeURIComponent(token)}`}
              legend={r.answerLead(form.data.reference)}
              onDone={() => setRated(true)}
            />
          )}
        </>
      )}
      {form.isError || form.data?.ratedAt || rated ? <NextSteps about="feedback" /> : null}
    </div>
  );
}
