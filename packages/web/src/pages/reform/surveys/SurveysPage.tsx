import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { hasAnyRole, useSession } from '../../../auth/session.ts';
import { ErrorSummary, SelectField, SubmitButton, useFormErrors } from '../../../components/forms.tsx';
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useCounterUnits } from '../../staff/useCounterUnits.ts';
import { type Kiosk, useSurveyChange } from '../../survey/api.ts';
import { SURVEY_PATHS } from './paths.ts';
import { QuestionnairesSection } from './QuestionnairesSection.tsx';
import { ResultsSection } from './ResultsSection.tsx';

/** Survey results and questionnaires (reform office, leaders); the counter tablet and paper forms (counter). */
export default function SurveysPage() {
  const { t } = useI18n();
  const s = t.surveys;
  usePageTitle(s.title);
  const session = useSession();
  const readsResults = hasAnyRole(session.data, ['reform_officer', 'leader']);
  const counter = hasAnyRole(session.data, ['counter_officer']);
  return (
    <div>
      <h1>{s.title}</h1>
      {counter ? <CounterSection /> : null}
      {readsResults ? (
        <>
          <ResultsSection />
          <QuestionnairesSection />
        </>
      ) : null}
    </div>
  );
}

function CounterSection() {
  const { t, locale } = useI18n();
  const s = t.surveys;
  const units = useCounterUnits();
  const [unitId, setUnitId] = useState(units[0]?.value ?? '');
  const open = useSurveyChange<Kiosk>();
  const errors = useFormErrors();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="survey-counter">
      <h2 id="survey-counter">{s.counterTitle}</h2>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form
        className="narrow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (open.isPending) return;
          errors.clear();
          open.mutate({ method: 'POST', path: '/kiosks', body: { unitId } }, { onError: errors.fromError });
        }}
      >
        {units.length > 1 ? (
          <SelectField
            id="f-unitId"
            label={s.unit}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            options={units}
            error={errors.fields.unitId}
          />
        ) : null}
        <p className="hint">{s.openKioskHint}</p>
        <SubmitButton busy={open.isPending} busyLabel={s.opening}>
          {s.openKiosk}
        </SubmitButton>
      </form>
      {open.data ? (
        <Notice>
          <p>{s.kioskOpened(formatDateTime(open.data.expiresAt, locale))}</p>
          <p>
            <Link to={SURVEY_PATHS.kiosk(open.data.token)}>{s.kioskLink}</Link>
          </p>
          <p>
            <Link to={SURVEY_PATHS.ratingKiosk(open.data.token)}>{t.payment.counter.ratingLink}</Link>
          </p>
          <p className="hint">{t.payment.counter.ratingHint}</p>
        </Notice>
      ) : null}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => navigate(SURVEY_PATHS.paper)}
        >
          {s.paperTitle}
        </button>
      </p>
    </section>
  );
}
