import { useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../components/BackLink.tsx';
import { problemMessage, SubmitButton } from '../../components/forms.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { useIssuePlan, usePlan } from './api.ts';
import { InspectionsSection } from './InspectionsSection.tsx';
import { REFORM_PATHS } from './paths.ts';
import { StandingSection } from './StandingSection.tsx';
import { TargetsSection } from './TargetsSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import './reform.css';

/** One year's plan: its text, targets with their live standing, tasks, results by unit, inspections. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const t = useT();
  const r = t.reform;
  const plan = usePlan(id);
  const issue = useIssuePlan();
  const [issued, setIssued] = useState(false);
  usePageTitle(plan.data?.plan.title ?? r.plansTitle);
  const d = plan.data;
  return (
    <div>
      <BackLink to={REFORM_PATHS.plans}>{r.plansTitle}</BackLink>
      <QueryStatus query={plan} notFound={{ title: t.common.notFoundTitle, body: t.common.notFoundBody }} />
      {d ? (
        <>
          {issued ? <Notice kind="success">{r.issued}</Notice> : null}
          {issue.isError ? <Notice kind="error">{problemMessage(issue.error, t)}</Notice> : null}
          <h1>{d.plan.title}</h1>
          <p>
            <strong className={`tag ${d.plan.status === 'draft' ? 'tag--status-draft' : 'tag--active'}`}>
              {r.status[d.plan.status]}
            </strong>
          </p>
          {d.plan.status === 'draft' ? <p>{r.draftNotice}</p> : null}
          {d.plan.basis ? <p>{d.plan.basis}</p> : null}
          {d.plan.purposes.length > 0 ? (
            <>
              <h2>{r.purposes}</h2>
              <ol>
                {d.plan.purposes.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
            </>
          ) : null}
          {d.plan.requirements.length > 0 ? (
            <>
              <h2>{r.requirements}</h2>
              <ol>
                {d.plan.requirements.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
            </>
          ) : null}
          {d.canManage && d.plan.status === 'draft' ? (
            <SubmitButton
              type="button"
              variant="secondary"
              busy={issue.isPending}
              busyLabel={r.issuing}
              onClick={() =>
                issue.mutate({ id: d.plan.id, version: d.plan.version }, { onSuccess: () => setIssued(true) })
              }
            >
              {r.issue}
            </SubmitButton>
          ) : null}
          <TargetsSection detail={d} />
          <TasksSection detail={d} />
          <StandingSection planId={d.plan.id} />
          <InspectionsSection planId={d.plan.id} canManage={d.canManage} units={d.units} />
        </>
      ) : null}
    </div>
  );
}
