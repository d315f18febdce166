import { ROLE_LABELS } from '@motcua/core';
import { Link, useLocation } from 'react-router';
import { useWorkSummary } from '../../api/dossiers.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { Notice, usePageTitle } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { AppraiserHome, CitizenHome, MostOverdue } from './HomeParts.tsx';
import { sectionsFor } from './nav.ts';

export default function WorkspaceHome() {
  const { t, locale } = useI18n();
  usePageTitle(t.workspace.title);
  const session = useSession();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const data = session.data;
  const staff = hasAnyRole(data, ['counter_officer', 'specialist', 'head_of_unit', 'leader']);
  const work = useWorkSummary(staff);
  if (!data) return null;
  const roles = data.roles.map((r) => r.role);
  if (roles.length > 0 && roles.every((r) => r === 'citizen')) return <CitizenHome />;
  const sections = sectionsFor(roles).filter((s) => s.description);
  const overdue = work.data?.items.find((i) => i.key === 'overdue');
  // A count of dossiers awaiting approval opens the approvals page, where they are decided.
  const linkOf = (item: { key: string; query: string }) =>
    item.key === 'toApprove' ? PATHS.approvals : `${PATHS.dossiers}?${item.query}`;

  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <span className="caption workspace-home__caption">{t.workspace.title}</span>
      <h1>{t.workspace.welcome(data.user.fullName)}</h1>

      {work.data && work.data.items.length > 0 ? (
        <section aria-labelledby="work-summary-title">
          <h2 className="heading-m" id="work-summary-title">
            {t.workspace.yourWork}
          </h2>
          <ul className="work-summary">
            {work.data.items.map((item) => (
              <li
                key={item.key}
                className={`work-summary__item ${item.count > 0 && (item.key === 'overdue' || item.key === 'atRisk') ? 'work-summary__item--alert' : ''}`}
              >
                <Link to={linkOf(item)}>
                  <span className="work-summary__count">{item.count}</span>{' '}
                  <span className="work-summary__label">{t.workspace.workCount[item.key]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work.data && overdue ? (
        <MostOverdue items={work.data.mostOverdue} total={overdue.count} query={overdue.query} />
      ) : null}
      {roles.includes('appraiser') && !staff ? <AppraiserHome /> : null}

      <h2 className="heading-m">{t.workspace.yourRoles}</h2>
      {data.roles.length === 0 ? (
        <p>{t.workspace.noRoles}</p>
      ) : (
        <ul className="list list--bullet">
          {data.roles.map((r) => (
            <li key={`${r.role}-${r.unitId}`}>
              {t.workspace.roleAt(ROLE_LABELS[r.role]?.[locale] ?? r.role, r.unitName)}
            </li>
          ))}
        </ul>
      )}

      {sections.length > 0 ? (
        <>
          <h2 className="heading-m">{t.workspace.sections}</h2>
          <ul className="card-list">
            {sections.map((s) => (
              <li key={s.to} className="card">
                <h3 className="card__title">
                  <Link to={s.to}>{s.label(t, roles)}</Link>
                </h3>
                <p className="card__body">{s.description?.(t)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted-block">{t.workspace.later}</p>
    </>
  );
}
