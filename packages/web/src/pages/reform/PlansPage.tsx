import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import {
  ErrorSummary,
  type FieldErrors,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { freshKey, type Plan, usePlans, useReformPost } from './api.ts';
import { REFORM_PATHS } from './paths.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The plans the user may see, and for the reform officer a form to start one (or copy last year's). */
export default function PlansPage() {
  const t = useT();
  const r = t.reform;
  usePageTitle(r.plansTitle);
  const plans = usePlans();
  const session = useSession();
  const officer = hasAnyRole(session.data, ['reform_officer']);
  return (
    <div>
      <h1>{r.plansTitle}</h1>
      <p>
        <Link to="/can-bo/cai-cach/bao-cao">{t.reformReports.link}</Link>
      </p>
      <QueryStatus query={plans} />
      {plans.data ? (
        plans.data.items.length === 0 ? (
          <p>{r.noPlans}</p>
        ) : (
          <StackTable caption={r.plansTitle} columns={[r.colYear, r.colTitle, r.colStatus]}>
            {plans.data.items.map((p) => (
              <tr key={p.id}>
                <td data-label={r.colYear}>{p.year}</td>
                <td data-label={r.colTitle}>
                  <Link to={REFORM_PATHS.plan(p.id)}>{p.title}</Link>
                </td>
                <td data-label={r.colStatus}>
                  <strong className={`tag ${p.status === 'draft' ? 'tag--status-draft' : 'tag--active'}`}>
                    {r.status[p.status]}
                  </strong>
                </td>
              </tr>
            ))}
          </StackTable>
        )
      ) : null}
      {officer && plans.data ? <NewPlanForm plans={plans.data.items} /> : null}
    </div>
  );
}

function NewPlanForm({ plans }: { plans: Plan[] }) {
  const t = useT();
  const r = t.reform;
  const navigate = useNavigate();
  const latest = plans[0];
  const [year, setYear] = useState(String((latest?.year ?? new Date().getFullYear() - 1) + 1));
  const [copyFrom, setCopyFrom] = useState(latest?.id ?? '');
  const [title, setTitle] = useState('');
  const [basis, setBasis] = useState('');
  const [purposes, setPurposes] = useState('');
  const [requirements, setRequirements] = useState('');
  const [key] = useState(freshKey);
  const errors = useFormErrors();
  const create = useReformPost();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const errs: FieldErrors = {};
    const y = Number(year);
    if (!/^\d{4}$/.test(year.trim())) errs.year = r.yearRequired;
    if (!copyFrom && title.trim().length < 3) errs.title = r.titleRequired;
    if (!errors.check(errs)) return;
    const body = copyFrom
      ? { year: y }
      : { year: y, content: { title, basis, purposes: lines(purposes), requirements: lines(requirements) } };
    create.mutate(
      { path: copyFrom ? `/plans/${copyFrom}/copy` : '/plans', body, key: `${key}-${year}-${copyFrom}` },
      { onSuccess: (res) => navigate(REFORM_PATHS.plan(res.id)), onError: errors.fromError },
    );
  }
  return (
    <section aria-labelledby="new-plan">
      <h2 id="new-plan">{r.newPlan}</h2>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <form onSubmit={onSubmit} noValidate className="narrow">
        <TextField
          id="f-year"
          label={r.year}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={errors.fields.year}
          className="input--width-5"
        />
        {plans.length > 0 ? (
          <SelectField
            id="f-copyFrom"
            label={r.copyFrom}
            hint={r.copyFromHint}
            value={copyFrom}
            onChange={(e) => setCopyFrom(e.target.value)}
            options={[
              { value: '', label: r.copyNone },
              ...plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` })),
            ]}
          />
        ) : null}
        {copyFrom ? null : (
          <>
            <TextField
              id="f-title"
              label={r.title}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={errors.fields.title}
            />
            <TextField
              id="f-basis"
              label={r.basis}
              hint={r.basisHint}
              optional
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
              error={errors.fields.basis}
            />
            <TextArea
              id="f-purposes"
              label={r.purposes}
              hint={r.linesHint}
              optional
              value={purposes}
              onChange={(e) => setPurposes(e.target.value)}
              error={errors.fields.purposes}
            />
            <TextArea
              id="f-requirements"
              label={r.requirements}
              hint={r.linesHint}
              optional
              value={requirements}
              onChange={(e) => setRequirements(e.target.value)}
              error={errors.fields.requirements}
            />
          </>
        )}
        <SubmitButton busy={create.isPending} busyLabel={r.creating}>
          {r.create}
        </SubmitButton>
      </form>
    </section>
  );
}
