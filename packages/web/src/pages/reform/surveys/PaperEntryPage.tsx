import { useState } from 'react';
import { newUuid } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { DateField } from '../../../components/DateInput.tsx';
import { type FieldErrors, isIsoDate, SelectField, TextField } from '../../../components/forms.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../../components/ui.tsx';
import { todayIso } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/index.tsx';
import { useCounterUnits } from '../../staff/useCounterUnits.ts';
import { AnswerSteps } from '../../survey/AnswerSteps.tsx';
import { usePaperForm, useSurveyChange } from '../../survey/api.ts';
import { SURVEY_PATHS } from './paths.ts';

/** A paper form (phiếu giấy) typed in by an officer: its serial number, the date, then the answers. */
export default function PaperEntryPage() {
  const t = useT();
  const s = t.surveys;
  usePageTitle(s.paperTitle);
  const units = useCounterUnits();
  const [unitId, setUnitId] = useState(units[0]?.value ?? '');
  const form = usePaperForm(unitId);
  const [serial, setSerial] = useState('');
  const [answeredOn, setAnsweredOn] = useState(todayIso());
  const [attempt, setAttempt] = useState(newUuid);
  const [saved, setSaved] = useState<string | null>(null);
  const send = useSurveyChange<{ id: string }>();

  return (
    <div>
      <BackLink to={SURVEY_PATHS.home}>{s.title}</BackLink>
      <h1>{s.paperTitle}</h1>
      {saved ? <Notice>{s.paperSaved(saved)}</Notice> : null}
      {units.length > 1 ? (
        <SelectField
          id="f-paper-unit"
          label={s.unit}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          options={units}
        />
      ) : null}
      <QueryStatus query={form} />
      {form.data ? (
        <AnswerSteps
          key={attempt}
          form={form.data}
          busy={send.isPending}
          serverError={send.error}
          checkIntro={() => {
            const errs: FieldErrors = {};
            if (!serial.trim()) errs.serial = s.serialRequired;
            if (!isIsoDate(answeredOn)) errs.answeredOn = s.answeredOnRequired;
            return errs;
          }}
          onSend={(answers) => {
            send.mutate(
              {
                method: 'POST',
                path: '/paper',
                key: attempt,
                body: {
                  unitId,
                  serial: serial.trim(),
                  answeredOn,
                  questionnaireId: form.data.questionnaireId,
                  answers,
                },
              },
              {
                onSuccess: () => {
                  setSaved(serial.trim());
                  setSerial('');
                  setAttempt(newUuid());
                  send.reset();
                },
              },
            );
          }}
        >
          {(fields) => (
            <>
              <TextField
                id="f-serial"
                label={s.serial}
                hint={s.serialHint}
                value={serial}
                onChange={(e) => setSerial(e.target.value)}
                error={fields.serial}
                className="input--width-10"
              />
              <DateField
                id="f-answeredOn"
                label={s.answeredOn}
                value={answeredOn}
                onChange={setAnsweredOn}
                error={fields.answeredOn}
              />
            </>
          )}
        </AnswerSteps>
      ) : null}
    </div>
  );
}
