import { lazy } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { FEE_PATHS } from './paths.ts';

const StatementImportPage = lazy(() => import('./StatementImportPage.tsx'));
const UnmatchedPage = lazy(() => import('./UnmatchedPage.tsx'));
const ReconciliationPage = lazy(() => import('./ReconciliationPage.tsx'));

/** Finance and counter pages under /can-bo/thu-phi; the server limits each to the user's agency. */
export default function FeesApp() {
  const t = useT();
  const f = t.fees;
  return (
    <>
      <nav aria-label={f.subNav} className="subnav">
        <ul className="subnav__list">
          <li>
            <NavLink to={FEE_PATHS.statements}>{f.statement.nav}</NavLink>
          </li>
          <li>
            <NavLink to={FEE_PATHS.unmatched}>{f.unmatched.nav}</NavLink>
          </li>
          <li>
            <NavLink to={FEE_PATHS.reconciliation}>{f.reconciliation.nav}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to={FEE_PATHS.statements} replace />} />
        <Route path="sao-ke" element={<StatementImportPage />} />
        <Route path="chua-khop" element={<UnmatchedPage />} />
        <Route path="doi-soat" element={<ReconciliationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
