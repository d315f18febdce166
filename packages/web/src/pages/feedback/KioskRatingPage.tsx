import { useState } from 'react';
import { useParams } from 'react-router';
import { type FieldErrors, fieldId, problemMessage, TextField } from '../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { useKioskForm } from '../survey/api.ts';
import { RatingForm } from './RatingForm.tsx';
import '../survey/surveys.css';
import './feedback.css';

/**
 * /danh-gia-tai-quay/:token — the counter tablet (the survey kiosk's token, opened by the counter
 * officer for their unit): the citizen types the code of the dossier just returned to them and
 * taps satisfied, acceptable or not satisfied, with reasons and a comment; a dossier is rated once
 * (the server says so on a second attempt). "Next person" clears the tablet.
 */
export default function KioskRatingPage() {
  const t = useT();
  const r = t.feedback.rating;
  usePageTitle(r.kioskTitle);
  const { token = '' } = useParams();
  const kiosk = useKioskForm(token);
  const [round, setRound] = useState(0);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);

  if (kiosk.isPending) return <Loading />;
  if (kiosk.isError)
    return (
      <div className="survey survey--kiosk">
        <h1>{r.kioskTitle}</h1>
        <Notice kind="error">{problemMessage(kiosk.error, t)}</Notice>
      </div>
    );
  const next = () => {
    setCode('');
    setDone(false);
    setRound((n) => n + 1);
  };
  return (
    <div className="survey survey--kiosk">
      <h1>{r.kioskTitle}</h1>
      <p className="caption">{t.surveys.atUnit(kiosk.data.unitName)}</p>
      <RatingForm
        key={round}
        path={`/api/v1/public/ratings/kiosks/${encodeURIComponent(token)}`}
        legend={r.legend}
        onDone={() => setDone(true)}
        extra={{
          body: { dossierCode: code.trim() },
          check: (): FieldErrors => (code.trim() ? {} : { dossierCode: r.kioskCodeRequired }),
          fields: (errs) => (
            <TextField
              id={fieldId('dossierCode')}
              label={r.kioskCode}
              hint={r.kioskCodeHint}
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={errs.dossierCode}
            />
          ),
        }}
      />
      {done ? (
        <button type="button" className="button button--primary survey__next" onClick={next}>
          {t.surveys.kioskNext}
        </button>
      ) : null}
    </div>
  );
}
