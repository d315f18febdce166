import { Link, useNavigate } from 'react-router';
import type { OverdueItem } from '../../api/work.ts';
import { useSignOut } from '../../auth/session.ts';
import { SubmitButton } from '../../components/forms.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/** A leader's home leads with the dossiers longest past their date, each with how late it is. */
export function MostOverdue({ items, total, query }: { items: OverdueItem[]; total: number; query: string }) {
  const { t, locale } = useI18n();
  const w = t.work.home;
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="most-overdue-title" className="most-overdue">
      <h2 className="heading-m" id="most-overdue-title">
        {w.mostOverdue}
      </h2>
      <p>{w.mostOverdueLead}</p>
      <ol className="most-overdue__list">
        {items.map((d) => {
          const rem = d.time.remaining;
          const late = rem && rem.workingMinutes < 0 ? rem : null;
          return (
            <li key={d.id} className="most-overdue__item">
              <Link to={PATHS.dossier(d.id)} className="dossier-link">
                {d.code}
              </Link>{' '}
              <strong className="tag tag--due tag--due-late">
                {late === null
                  ? t.workspace.workCount.overdue
                  : late.days >= 1
                    ? w.overdueDays(late.days)
                    : w.overdueHours(Math.max(0.1, late.hours + late.minutes / 60))}
              </strong>
              <span className="cell-note" lang="vi">
                {d.procedureName}
              </span>
              <span className="cell-note">
                {d.applicantName}
                {d.currentUnit ? ` · ${d.currentUnit}` : ''}
                {d.dueAt ? ` · ${w.dueWas(formatDateTime(d.dueAt, locale))}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
      {total > items.length ? (
        <p>
          <Link to={`${PATHS.dossiers}?${query}`}>{w.allOverdue(total)}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The appraiser has no PAR Index to appraise yet: say so, and point to what exists. */
export function AppraiserHome() {
  const { t } = useI18n();
  const w = t.work.home;
  return (
    <section aria-labelledby="appraiser-title">
      <h2 className="heading-m" id="appraiser-title">
        {w.appraiserTitle}
      </h2>
      <div className="inset-text">
        <p>{w.appraiserNotYet}</p>
      </div>
      <p>{w.appraiserToday}</p>
      <ul className="list list--bullet">
        <li>
          <Link to={PATHS.catalogue}>{w.appraiserCatalogue}</Link>
        </li>
        <li>
          <Link to={PATHS.lookup}>{w.appraiserLookup}</Link>
        </li>
        <li>
          <Link to={PATHS.changePassword}>{w.appraiserPassword}</Link>
        </li>
      </ul>
    </section>
  );
}

/** A citizen's account signed in at the staff sign-in: the workspace is not for them. */
export function CitizenHome() {
  const { t } = useI18n();
  const w = t.work.citizen;
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <>
      <h1>{w.title}</h1>
      <p className="lead">{w.body}</p>
      <p>{w.portalLater}</p>
      <p>{w.whatYouCan}</p>
      <ul className="list list--bullet">
        <li>
          <Link to={PATHS.lookup}>{w.lookup}</Link>
        </li>
        <li>
          <Link to={PATHS.catalogue}>{w.catalogue}</Link>
        </li>
      </ul>
      <SubmitButton
        type="button"
        variant="secondary"
        busy={signOut.isPending}
        busyLabel={t.auth.signingOut}
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(PATHS.lookup) })}
      >
        {w.signOut}
      </SubmitButton>
    </>
  );
}
