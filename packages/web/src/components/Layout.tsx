import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAgencies } from '../api/public.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/index.tsx';
import { Loading } from './ui.tsx';

/** Move focus to the main content after a client-side navigation, as a full page load would. */
function useFocusMainOnNavigate(ref: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    ref.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname, ref]);
}

export function Layout() {
  const { t, locale, setLocale } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  useFocusMainOnNavigate(mainRef);
  const staffArea = location.pathname.startsWith('/can-bo');
  // Citizens never sign in: ask the server about a session only in the staff area.
  const session = useSession({ enabled: staffArea || location.pathname === '/dang-nhap' });
  const agencies = useAgencies();
  const agencyName = agencies.data?.items.length === 1 ? agencies.data.items[0]?.name : undefined;
  const otherLocale = locale === 'vi' ? 'en' : 'vi';
  const langParams = new URLSearchParams(location.search);
  langParams.set('lang', otherLocale);

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t.app.skipLink}
      </a>
      <header className="header">
        <div className={`container header__inner ${staffArea ? 'container--wide' : ''}`}>
          <Link to="/" className="header__brand">
            <span className="header__logo">
              <svg viewBox="0 0 32 32" width="36" height="36" focusable="false" aria-hidden="true">
                <circle cx="16" cy="16" r="15" fill="#c8102e" stroke="#ffcd00" strokeWidth="1.5" />
                <path
                  fill="#ffcd00"
                  d="M16 6.5l2.4 7.3h7.7l-6.2 4.5 2.4 7.3-6.3-4.5-6.3 4.5 2.4-7.3-6.2-4.5h7.7z"
                />
              </svg>
            </span>
            <span className="header__names">
              <span className="header__service">{t.app.name}</span>
              {agencyName ? (
                <span className="header__agency" lang="vi">
                  {agencyName}
                </span>
              ) : null}
            </span>
          </Link>
          <a
            className="header__lang"
            href={`${location.pathname}?${langParams.toString()}`}
            lang={t.app.switchLanguageLang}
            hrefLang={t.app.switchLanguageLang}
            onClick={(e) => {
              e.preventDefault();
              setLocale(otherLocale);
            }}
          >
            {t.app.switchLanguage}
          </a>
        </div>
        <nav className={`service-nav ${staffArea ? 'service-nav--staff' : ''}`} aria-label={t.app.mainNav}>
          <div className={`container ${staffArea ? 'container--wide' : ''}`}>
            <ul className="service-nav__list">
              <li>
                <NavLink to="/" end className="service-nav__link">
                  {t.app.home}
                </NavLink>
              </li>
              <li>
                <NavLink to="/thu-tuc" className="service-nav__link">
                  {t.app.catalogue}
                </NavLink>
              </li>
              <li>
                <NavLink to="/tra-cuu-ho-so" className="service-nav__link">
                  {t.app.lookup}
                </NavLink>
              </li>
              <li>
                <NavLink to="/bang-theo-doi" className="service-nav__link">
                  {t.dashboards.board.nav}
                </NavLink>
              </li>
              <li>
                <NavLink to="/phan-anh" className="service-nav__link">
                  {t.feedback.nav}
                </NavLink>
              </li>
              <li>
                <NavLink to="/dang-nhap-cong-dan" className="service-nav__link">
                  {t.citizen.nav}
                </NavLink>
              </li>
              <li>
                <NavLink
                  to="/can-bo"
                  className={({ isActive }) =>
                    `service-nav__link ${isActive || location.pathname === '/dang-nhap' ? 'active' : ''}`
                  }
                >
                  {session.data ? t.app.workspace : t.app.staff}
                </NavLink>
              </li>
            </ul>
          </div>
        </nav>
      </header>
      <div className={`container page ${staffArea ? 'container--wide' : ''}`}>
        <main id="main-content" ref={mainRef} tabIndex={-1} className="main">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <footer className="footer">
        <div className={`container ${staffArea ? 'container--wide' : ''}`}>
          <p>{t.app.footerAbout}</p>
          <p>{t.app.footerHelp}</p>
          <p className="footer__meta">{t.app.footerSoftware}</p>
        </div>
      </footer>
    </>
  );
}
