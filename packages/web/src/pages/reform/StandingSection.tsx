import { Link } from 'react-router';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useStanding } from './api.ts';
import { REFORM_PATHS } from './paths.ts';
import { usePercent } from './TargetsSection.tsx';

/** Completion and on-time rates per unit, and the tasks behind (a head of unit sees the own unit). */
export function StandingSection({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  const r = t.reform;
  const pct = usePercent();
  const standing = useStanding(planId);
  const d = standing.data;
  return (
    <section aria-labelledby="standing">
      <h2 id="standing">{r.standingTitle}</h2>
      <QueryStatus query={standing} />
      {d && d.units.length > 0 ? (
        <StackTable
          caption={r.standingTitle}
          columns={[r.colUnit, r.colTasks, r.colCompletion, r.colOnTime, r.colOverdue]}
        >
          {d.units.map((u) => (
            <tr key={u.unitId}>
              <td data-label={r.colUnit}>{u.unitName}</td>
              <td data-label={r.colTasks}>{u.total}</td>
              <td data-label={r.colCompletion}>{pct(u.completionRate)}</td>
              <td data-label={r.colOnTime}>{pct(u.onTimeRate)}</td>
              <td data-label={r.colOverdue}>{u.overdue}</td>
            </tr>
          ))}
        </StackTable>
      ) : null}
      {d ? (
        <>
          <h3>{r.behindTitle}</h3>
          {d.behind.length === 0 ? (
            <p>{r.nobodyBehind}</p>
          ) : (
            <ul className="reform-behind">
              {d.behind.map((x) => (
                <li key={x.id}>
                  <Link to={REFORM_PATHS.task(x.id)}>
                    {r.behindItem(x.title, x.unitName, formatDate(x.dueOn, locale))}
                  </Link>{' '}
                  <strong className={`tag reform-task--${x.standing}`}>{r.taskStanding[x.standing]}</strong>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
