import {
  CATALOGUE_EDITORS,
  FEEDBACK_ROLES,
  PAR_ROLES,
  RATING_FOLLOW_UP_ROLES,
  RATING_STATISTICS_ROLES,
  REFORM_ROLES,
  type Role,
  SURVEY_ROLES,
} from '@motcua/core';
import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { ForbiddenPage, LoadError, Loading, NotFoundPage } from '../../components/ui.tsx';
import { ADMIN_ONLY, COUNTER_ONLY, DOSSIER_WORKERS, LEADERS, PATHS, REPORT_READERS } from '../../paths.ts';
import { FEE_PAGE_ROLES } from '../fees/paths.ts';
import WorkspaceHome from './WorkspaceHome.tsx';
import WorkspaceLayout from './WorkspaceLayout.tsx';

const ChangePasswordPage = lazy(() => import('./ChangePasswordPage.tsx'));
const UnitsPage = lazy(() => import('../admin/UnitsPage.tsx'));
const UsersPage = lazy(() => import('../admin/UsersPage.tsx'));
const ProceduresPage = lazy(() => import('../admin/ProceduresPage.tsx'));
const ProcedureEditorPage = lazy(() => import('../admin/ProcedureEditorPage.tsx'));
const ImportExportPage = lazy(() => import('../admin/ImportExportPage.tsx'));
const CalendarPage = lazy(() => import('../admin/CalendarPage.tsx'));
const HistoryImportPage = lazy(() => import('../admin/HistoryImportPage.tsx'));
const NotificationTemplatesPage = lazy(() => import('../admin/NotificationTemplatesPage.tsx'));
const CounterPage = lazy(() => import('./CounterPage.tsx'));
const CounterReceivePage = lazy(() => import('./CounterReceivePage.tsx'));
const CounterReceiptPage = lazy(() => import('./CounterReceiptPage.tsx'));
const QueuePage = lazy(() => import('./QueuePage.tsx'));
const DossierPage = lazy(() => import('./DossierPage.tsx'));
const ApprovalPage = lazy(() => import('./ApprovalPage.tsx'));
const ReformApp = lazy(() => import('../reform/ReformApp.tsx'));
const SurveysApp = lazy(() => import('../reform/surveys/SurveysApp.tsx'));
const ReformReportsApp = lazy(() => import('../reform/reports/ReportsApp.tsx'));
const Report06Page = lazy(() => import('./Report06Page.tsx'));
const Report06DossiersPage = lazy(() => import('./Report06DossiersPage.tsx'));
const LeaderDashboardPage = lazy(() => import('../dashboards/LeaderDashboardPage.tsx'));
const Index766Page = lazy(() => import('./Index766Page.tsx'));
const Index766TargetsPage = lazy(() => import('../admin/Index766TargetsPage.tsx'));
const StaffFeedbackPage = lazy(() => import('../feedback/StaffFeedbackPage.tsx'));
const FollowUpsPage = lazy(() => import('../feedback/FollowUpsPage.tsx'));
const FeesApp = lazy(() => import('../fees/FeesApp.tsx'));
const FeedbackStatisticsPage = lazy(() => import('../feedback/FeedbackStatisticsPage.tsx'));

/** Staff pages need a session; a password set by an administrator must be changed first. */
function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return (
      <>
        <Navigate to={`${PATHS.signIn}?next=${encodeURIComponent(next)}`} replace />
        <Loading />
      </>
    );
  }
  if (session.data.user.mustChangePassword && location.pathname !== PATHS.changePassword) {
    return (
      <>
        <Navigate to={PATHS.changePassword} replace />
        <Loading />
      </>
    );
  }
  return <>{children}</>;
}

/** Sections for other roles are not shown in the navigation; opened directly they say so. */
function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (!hasAnyRole(session.data, roles)) return <ForbiddenPage />;
  return <>{children}</>;
}

/** The staff workspace under /can-bo. */
export default function StaffApp() {
  const admin = (page: ReactNode) => <RequireRole roles={ADMIN_ONLY}>{page}</RequireRole>;
  const catalogue = (page: ReactNode) => <RequireRole roles={CATALOGUE_EDITORS}>{page}</RequireRole>;
  const counter = (page: ReactNode) => <RequireRole roles={COUNTER_ONLY}>{page}</RequireRole>;
  const dossiers = (page: ReactNode) => <RequireRole roles={DOSSIER_WORKERS}>{page}</RequireRole>;
  const leaders = (page: ReactNode) => <RequireRole roles={LEADERS}>{page}</RequireRole>;
  return (
    <RequireSession>
      <Routes>
        <Route element={<WorkspaceLayout />}>
          <Route index element={<WorkspaceHome />} />
          <Route path="doi-mat-khau" element={<ChangePasswordPage />} />
          <Route path="quan-tri/don-vi" element={admin(<UnitsPage />)} />
          <Route path="quan-tri/nguoi-dung" element={admin(<UsersPage />)} />
          <Route path="quan-tri/thu-tuc" element={catalogue(<ProceduresPage />)} />
          <Route path="quan-tri/thu-tuc/moi" element={catalogue(<ProcedureEditorPage />)} />
          <Route path="quan-tri/thu-tuc/:id" element={catalogue(<ProcedureEditorPage />)} />
          <Route path="quan-tri/nhap-xuat" element={catalogue(<ImportExportPage />)} />
          <Route path="quan-tri/lich" element={admin(<CalendarPage />)} />
          <Route path="quan-tri/chuyen-doi-ho-so" element={admin(<HistoryImportPage />)} />
          <Route path="quan-tri/chi-so-766" element={admin(<Index766TargetsPage />)} />
          <Route path="quan-tri/mau-thong-bao" element={admin(<NotificationTemplatesPage />)} />
          <Route path="quay" element={counter(<CounterPage />)} />
          <Route path="quay/tiep-nhan/:procedureId" element={counter(<CounterReceivePage />)} />
          <Route path="quay/da-tiep-nhan/:id" element={counter(<CounterReceiptPage />)} />
          <Route path="ho-so" element={dossiers(<QueuePage />)} />
          <Route
            path="bao-cao/bieu-06"
            element={<RequireRole roles={REPORT_READERS}>{<Report06Page />}</RequireRole>}
          />
          <Route
            path="bao-cao/ho-so"
            element={<RequireRole roles={REPORT_READERS}>{<Report06DossiersPage />}</RequireRole>}
          />
          <Route
            path="bang-dieu-khien"
            element={<RequireRole roles={REPORT_READERS}>{<LeaderDashboardPage />}</RequireRole>}
          />
          <Route
            path="bao-cao/chi-so-766"
            element={<RequireRole roles={REPORT_READERS}>{<Index766Page />}</RequireRole>}
          />
          <Route path="ho-so/:id" element={dossiers(<DossierPage />)} />
          <Route path="phe-duyet" element={leaders(<ApprovalPage />)} />
          <Route
            path="cai-cach/bao-cao/*"
            element={<RequireRole roles={REFORM_ROLES}>{<ReformReportsApp />}</RequireRole>}
          />
          <Route path="cai-cach/*" element={<RequireRole roles={PAR_ROLES}>{<ReformApp />}</RequireRole>} />
          <Route
            path="khao-sat/*"
            element={<RequireRole roles={SURVEY_ROLES}>{<SurveysApp />}</RequireRole>}
          />
          <Route
            path="phan-anh"
            element={<RequireRole roles={FEEDBACK_ROLES}>{<StaffFeedbackPage />}</RequireRole>}
          />
          <Route
            path="phan-anh/danh-gia"
            element={<RequireRole roles={RATING_FOLLOW_UP_ROLES}>{<FollowUpsPage />}</RequireRole>}
          />
          <Route path="thu-phi/*" element={<RequireRole roles={FEE_PAGE_ROLES}>{<FeesApp />}</RequireRole>} />
          <Route
            path="phan-anh/thong-ke"
            element={<RequireRole roles={RATING_STATISTICS_ROLES}>{<FeedbackStatisticsPage />}</RequireRole>}
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </RequireSession>
  );
}
