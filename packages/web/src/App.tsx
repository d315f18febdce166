import { CATALOGUE_EDITORS, type Role } from '@motcua/core';
import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { hasAnyRole, useSession } from './auth/session.ts';
import { Layout } from './components/Layout.tsx';
import { ForbiddenPage, LoadError, Loading, NotFoundPage } from './components/ui.tsx';
import { CataloguePage } from './pages/public/CataloguePage.tsx';
import { HomePage } from './pages/public/HomePage.tsx';
import { ProcedurePage } from './pages/public/ProcedurePage.tsx';
import { ADMIN_ONLY, PATHS } from './paths.ts';

// Staff pages load on demand, so that citizens download only the public portal.
const SignInPage = lazy(() => import('./pages/staff/SignInPage.tsx'));
const WorkspaceLayout = lazy(() => import('./pages/staff/WorkspaceLayout.tsx'));
const WorkspaceHome = lazy(() => import('./pages/staff/WorkspaceHome.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/staff/ChangePasswordPage.tsx'));
const UnitsPage = lazy(() => import('./pages/admin/UnitsPage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage.tsx'));
const ProceduresPage = lazy(() => import('./pages/admin/ProceduresPage.tsx'));
const ProcedureEditorPage = lazy(() => import('./pages/admin/ProcedureEditorPage.tsx'));
const ImportExportPage = lazy(() => import('./pages/admin/ImportExportPage.tsx'));

/** Staff pages need a session; a password set by an administrator must be changed first. */
function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${PATHS.signIn}?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== PATHS.changePassword) {
    return <Navigate to={PATHS.changePassword} replace />;
  }
  return <>{children}</>;
}

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (!hasAnyRole(session.data, roles)) return <ForbiddenPage />;
  return <>{children}</>;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc" element={<CataloguePage />} />
        <Route path="thu-tuc/:id" element={<ProcedurePage />} />
        <Route path="dang-nhap" element={<SignInPage />} />
        <Route
          path="can-bo"
          element={
            <RequireSession>
              <WorkspaceLayout />
            </RequireSession>
          }
        >
          <Route index element={<WorkspaceHome />} />
          <Route path="doi-mat-khau" element={<ChangePasswordPage />} />
          <Route
            path="quan-tri/don-vi"
            element={
              <RequireRole roles={ADMIN_ONLY}>
                <UnitsPage />
              </RequireRole>
            }
          />
          <Route
            path="quan-tri/nguoi-dung"
            element={
              <RequireRole roles={ADMIN_ONLY}>
                <UsersPage />
              </RequireRole>
            }
          />
          <Route
            path="quan-tri/thu-tuc"
            element={
              <RequireRole roles={CATALOGUE_EDITORS}>
                <ProceduresPage />
              </RequireRole>
            }
          />
          <Route
            path="quan-tri/thu-tuc/moi"
            element={
              <RequireRole roles={CATALOGUE_EDITORS}>
                <ProcedureEditorPage />
              </RequireRole>
            }
          />
          <Route
            path="quan-tri/thu-tuc/:id"
            element={
              <RequireRole roles={CATALOGUE_EDITORS}>
                <ProcedureEditorPage />
              </RequireRole>
            }
          />
          <Route
            path="quan-tri/nhap-xuat"
            element={
              <RequireRole roles={CATALOGUE_EDITORS}>
                <ImportExportPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
