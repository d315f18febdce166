import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
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
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Notice } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { freshKey, type PlanDetail, type Task, useReformPost, useTasks } from './api.ts';
import { Panel } from './Panel.tsx';
import { REFORM_PATHS } from './paths.ts';

const AREAS = [
  'direction',
  'institutions',
  'procedures',
  'organisation',
  'civil_service',
  'public_finance',
  'digital_government',
  'communication',
];

/** The GOV.UK task list: each task's name links to it, its status is a tag in words. */
export function TaskList({ tasks }: { tasks: Task[] }) {
  const { t, locale } = useI18n();
  const r = t.reform;
  return (
    <ul className="task-list">
      {tasks.map((x) => (
        <li key={x.id} className="task-list__item" data-task={x.id}>
          <div className="task-list__name-and-hint">
            <Link to={REFORM_PATHS.task(x.id)} aria-describedby={`task-${x.id}-status`}>
              {x.title}
            </Link>
            <div className="hint">{r.taskMeta(x.unitName, formatDate(x.dueOn, locale))}</div>
          </div>
          <div className="task-list__status" id={`task-${x.id}-status`}>
            <strong className={`tag reform-task--${x.standing}`}>{r.taskStanding[x.standing]}</strong>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function TasksSection({ detail }: { detail: PlanDetail }) {
  const { t } = useI18n();
  const r = t.reform;
  const tasks = useTasks(detail.plan.id);
  const items = tasks.data?.items ?? [];
  return (
    <section aria-labelledby="tasks">
      <h2 id="tasks">{r.tasksTitle}</h2>
      <QueryStatus query={tasks} />
      {tasks.data && items.length === 0 ? <p>{r.noTasks}</p> : null}
      {AREAS.filter((a) => items.some((x) => x.area === a)).map((a) => (
        <div key={a}>
          <h3>{r.area[a]}</h3>
          <TaskList tasks={items.filter((x) => x.area === a)} />
        </div>
      ))}
      {detail.canManage ? <AddTaskForm detail={detail} /> : null}
    </section>
  );
}

function AddTaskForm({ detail }: { detail: PlanDetail }) {
  const { t } = useI18n();
  const r = t.reform;
  const [area, setArea] = useState('procedures');
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [source, setSource] = useState('plan');
  const [sourceNumber, setSourceNumber] = useState('');
  const [sourceDate, setSourceDate] = useState('');
  const [key, setKey] = useState(freshKey);
  const [assigned, setAssigned] = useState(false);
  const errors = useFormErrors();
  const add = useReformPost();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (add.isPending) return;
    const errs: FieldErrors = {};
    if (title.trim().length < 3) errs.title = r.taskTitleRequired;
    if (!unitId) errs.unitId = r.taskUnitRequired;
    if (!isIsoDate(deadline)) errs.deadline = r.deadlineRequired;
    if (source === 'province') {
      if (!sourceNumber.trim()) errs.sourceNumber = r.sourceNumberRequired;
      if (!isIsoDate(sourceDate)) errs.sourceDate = r.sourceDateRequired;
    }
    if (!errors.check(errs)) return;
    const province = source === 'province';
    add.mutate(
      {
        path: `/plans/${detail.plan.id}/tasks`,
        body: {
          area,
          title,
          unitId,
          deadline,
          source,
          sourceNumber: province ? sourceNumber : null,
          sourceDate: province ? sourceDate : null,
        },
        key,
      },
      {
        onSuccess: () => {
          setTitle('');
          setDeadline('');
          setSourceNumber('');
          setSourceDate('');
          setKey(freshKey());
          setAssigned(true);
        },
        onError: errors.fromError,
      },
    );
  }
  return (
    <Panel summary={r.addTask}>
      {assigned ? <Notice kind="success">{r.assigned}</Notice> : null}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="f-area"
          label={r.taskArea}
          value={area}
          onChange={(e) => setArea(e.target.value)}
          options={AREAS.map((a) => ({ value: a, label: r.area[a] ?? a }))}
        />
        <TextField
          id="f-title"
          label={r.taskTitle}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.fields.title}
        />
        <SelectField
          id="f-unitId"
          label={r.taskUnit}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          placeholder={r.chooseUnit}
          options={detail.units.map((u) => ({ value: u.id, label: u.name }))}
          error={errors.fields.unitId}
        />
        <DateField
          id="f-deadline"
          label={r.deadline}
          hint={r.deadlineHint}
          value={deadline}
          onChange={setDeadline}
          error={errors.fields.deadline}
        />
        <SelectField
          id="f-source"
          label={r.source}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          options={[
            { value: 'plan', label: r.sourcePlan },
            { value: 'province', label: r.sourceProvince },
          ]}
        />
        {source === 'province' ? (
          <>
            <TextField
              id="f-sourceNumber"
              label={r.sourceNumber}
              value={sourceNumber}
              onChange={(e) => setSourceNumber(e.target.value)}
              error={errors.fields.sourceNumber}
            />
            <DateField
              id="f-sourceDate"
              label={r.sourceDate}
              value={sourceDate}
              onChange={setSourceDate}
              error={errors.fields.sourceDate}
            />
          </>
        ) : null}
        <SubmitButton busy={add.isPending} busyLabel={r.assigning}>
          {r.addTask}
        </SubmitButton>
      </form>
    </Panel>
  );
}
