import { type FormEvent, useState } from 'react';
import { DateField } from '../../components/DateInput.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  isIsoDate,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { freshKey, type InspectionList, useRecordInspection, useReformPost } from './api.ts';
import { Panel } from './Panel.tsx';

type Inspection = InspectionList['inspections'][number];

/** Puts a unit of the agency on the year's inspection list for a date. */
export function AddInspectionForm({
  planId,
  units,
}: {
  planId: string;
  units: { id: string; name: string }[];
}) {
  const t = useT();
  const r = t.reform;
  const [unitId, setUnitId] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [key, setKey] = useState(freshKey);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const add = useReformPost();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (add.isPending) return;
    const errs: FieldErrors = {};
    if (!unitId) errs.unitId = r.taskUnitRequired;
    if (!isIsoDate(plannedOn)) errs.plannedOn = r.plannedOnRequired;
    if (!errors.check(errs)) return;
    add.mutate(
      { path: `/plans/${planId}/inspections`, body: { unitId, plannedOn }, key },
      {
        onSuccess: () => {
          setKey(freshKey());
          setSaved(true);
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <Panel summary={r.addInspection}>
      {saved ? <Notice kind="success">{r.saved}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="f-unitId"
          label={r.colUnit}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          placeholder={r.chooseUnit}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          error={errors.fields.unitId}
        />
        <DateField
          id="f-plannedOn"
          label={r.plannedOn}
          value={plannedOn}
          onChange={setPlannedOn}
          error={errors.fields.plannedOn}
        />
        <SubmitButton busy={add.isPending} busyLabel={r.saving}>
          {r.addInspection}
        </SubmitButton>
      </form>
    </Panel>
  );
}

/** Records the date and conclusion of an inspection, then its findings with their remediation tasks. */
export function InspectionActions({ inspection }: { inspection: Inspection }) {
  return inspection.doneOn ? <FindingForm inspection={inspection} /> : <RecordForm inspection={inspection} />;
}

function RecordForm({ inspection }: { inspection: Inspection }) {
  const t = useT();
  const r = t.reform;
  const [doneOn, setDoneOn] = useState('');
  const [conclusion, setConclusion] = useState('');
  const errors = useFormErrors();
  const record = useRecordInspection();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (record.isPending) return;
    if (!errors.check(isIsoDate(doneOn) ? {} : { doneOn: r.doneOnRequired })) return;
    record.mutate(
      { id: inspection.id, version: inspection.version, doneOn, conclusion },
      { onError: errors.fromError },
    );
  }
  return (
    <Panel summary={r.recordInspection}>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <DateField
          id="f-doneOn"
          label={r.doneOn}
          value={doneOn}
          onChange={setDoneOn}
          error={errors.fields.doneOn}
        />
        <TextField
          id="f-conclusion"
          label={r.conclusion}
          optional
          value={conclusion}
          onChange={(e) => setConclusion(e.target.value)}
        />
        <SubmitButton busy={record.isPending} busyLabel={r.saving}>
          {r.recordInspection}
        </SubmitButton>
      </form>
    </Panel>
  );
}

function FindingForm({ inspection }: { inspection: Inspection }) {
  const t = useT();
  const r = t.reform;
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [key, setKey] = useState(freshKey);
  const errors = useFormErrors();
  const add = useReformPost();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (add.isPending) return;
    const errs: FieldErrors = {};
    if (text.trim().length < 3) errs.text = r.findingTextRequired;
    if (title.trim().length < 3) errs.title = r.taskTitleRequired;
    if (!isIsoDate(deadline)) errs.deadline = r.deadlineRequired;
    if (!errors.check(errs)) return;
    add.mutate(
      { path: `/inspections/${inspection.id}/findings`, body: { text, remedy: { title, deadline } }, key },
      {
        onSuccess: () => {
          setText('');
          setTitle('');
          setDeadline('');
          setKey(freshKey());
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <Panel summary={r.addFinding}>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="f-text"
          label={r.findingText}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.fields.text}
        />
        <TextField
          id="f-title"
          label={r.remedyTitle}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.fields.title}
        />
        <DateField
          id="f-deadline"
          label={r.deadline}
          hint={r.deadlineHint}
          value={deadline}
          onChange={setDeadline}
          error={errors.fields.deadline}
        />
        <SubmitButton busy={add.isPending} busyLabel={r.saving}>
          {r.addFinding}
        </SubmitButton>
      </form>
    </Panel>
  );
}
