import { ROLE_LABELS } from '@motcua/core';
import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../../auth/session.ts';
import { SubmitButton } from '../../components/forms.tsx';
import { Loading } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { sectionsFor } from './nav.ts';

export default function WorkspaceLayout() {
  const { t, locale } = useI18n();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a phone the signed-in line and the menu fold behind one button, so the page's heading shows.
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setMenuOpen(false), [pathname]);
  const data = session.data;
  if (!data) return null;
  const roles = data.roles.map((r) => r.role);
  const sections = data.user.mustChangePassword
    ? sectionsFor([]).filter((s) => s.to === PATHS.changePassword)
    : sectionsFor(roles);
  const uniqueRoles = [...new Set(roles)].map((r) => ROLE_LABELS[r]?.[locale] ?? r);

  return (
    <div className={`workspace ${menuOpen ? 'workspace--menu-open' : ''}`}>
      <button
        type="button"
        className="workspace__menu-button"
        aria-expanded={menuOpen}
        aria-controls="workspace-bar workspace-nav"
        onClick={() => setMenuOpen((o) => !o)}
      >
        <span aria-hidden="true" className="workspace__menu-icon">
          {menuOpen ? '✕' : '☰'}
        </span>{' '}
        {menuOpen ? t.work.menu.close : t.work.menu.open}
      </button>
      <div className="workspace__bar" id="workspace-bar">
        <div className="workspace__user">
          <span className="workspace__user-label">{t.auth.signedInAs} </span>
          <strong className="workspace__user-name">{data.user.fullName}</strong>
          {uniqueRoles.length > 0 ? (
            <span className="workspace__roles"> ({uniqueRoles.join(', ')})</span>
          ) : null}
        </div>
        <SubmitButton
          type="button"
          variant="secondary"
          className="button--small"
          busy={signOut.isPending}
          busyLabel={t.auth.signingOut}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(PATHS.signIn) })}
        >
          {t.auth.signOut}
        </SubmitButton>
      </div>
      <div className="workspace__body">
        <nav className="side-nav" id="workspace-nav" aria-label={t.workspace.nav}>
          <ul className="side-nav__list">
            {sections.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to} end={s.end ?? false} className="side-nav__link">
                  {s.label(t, roles)}
                </NavLink>
              </li>
            ))}
          </ul>
          {/* On a phone the public site's menu is folded in here. */}
          <ul className="side-nav__list side-nav__list--public" aria-label={t.work.menu.public}>
            <li>
              <NavLink to={PATHS.home} end className="side-nav__link">
                {t.app.home}
              </NavLink>
            </li>
            <li>
              <NavLink to={PATHS.catalogue} className="side-nav__link">
                {t.app.catalogue}
              </NavLink>
            </li>
            <li>
              <NavLink to={PATHS.lookup} className="side-nav__link">
                {t.app.lookup}
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="workspace__content">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
