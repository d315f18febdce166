import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { newUuid } from '../../api/client.ts';
import { problemMessage } from '../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { AnswerSteps } from './AnswerSteps.tsx';
import { useAnswer, useKioskForm } from './api.ts';
import './surveys.css';

/** How long the thanks stay on screen before the tablet is ready for the next person. */
const RESET_MS = 8000;

/**
 * The counter tablet (máy tính bảng tại quầy): no sign-in, the unit chosen when the counter officer
 * opened it, big touch targets, one element per page; after each answer it thanks and starts over.
 */
export default function KioskPage() {
  const t = useT();
  const s = t.surveys;
  usePageTitle(s.title);
  const { token = '' } = useParams();
  const form = useKioskForm(token);
  const answer = useAnswer('kiosks', token);
  const [attempt, setAttempt] = useState(newUuid);
  const [done, setDone] = useState(false);

  const next = () => {
    answer.reset();
    setAttempt(newUuid());
    setDone(false);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart only when an answer was sent
  useEffect(() => {
    if (!done) return;
    const timer = window.setTimeout(next, RESET_MS);
    return () => window.clearTimeout(timer);
  }, [done]);

  if (form.isPending) return <Loading />;
  if (form.isError)
    return (
      <div className="survey survey--kiosk">
        <h1>{s.title}</h1>
        <Notice kind="error">{problemMessage(form.error, t)}</Notice>
      </div>
    );
  const f = form.data;
  return (
    <div className="survey survey--kiosk">
      <h1>{f.content.title}</h1>
      <p className="caption">{s.atUnit(f.unitName)}</p>
      {done ? (
        <>
          <Notice title={s.thanks}>
            <p>{s.thanksBody}</p>
            <p>{s.kioskResetHint}</p>
          </Notice>
          <button type="button" className="button button--primary survey__next" onClick={next}>
            {s.kioskNext}
          </button>
        </>
      ) : (
        <>
          {f.content.intro ? <p>{f.content.intro}</p> : null}
          <AnswerSteps
            key={attempt}
            form={f}
            busy={answer.isPending}
            serverError={answer.error}
            onSend={(answers) =>
              answer.mutate(
                { questionnaireId: f.questionnaireId, answers, key: attempt },
                { onSuccess: () => setDone(true) },
              )
            }
          />
        </>
      )}
    </div>
  );
}
