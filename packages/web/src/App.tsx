import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/ui.tsx';
import { CataloguePage } from './pages/public/CataloguePage.tsx';
import { HomePage } from './pages/public/HomePage.tsx';
import { LookupPage } from './pages/public/LookupPage.tsx';
import { ProcedurePage } from './pages/public/ProcedurePage.tsx';

// Staff pages load on demand, so that citizens download only the public portal.
const SignInPage = lazy(() => import('./pages/staff/SignInPage.tsx'));
const StaffApp = lazy(() => import('./pages/staff/StaffApp.tsx'));
const KioskPage = lazy(() => import('./pages/survey/KioskPage.tsx'));
const KioskRatingPage = lazy(() => import('./pages/feedback/KioskRatingPage.tsx'));
const LinkSurveyPage = lazy(() => import('./pages/survey/LinkSurveyPage.tsx'));
const CitizenSignInPage = lazy(() => import('./pages/citizen/CitizenSignInPage.tsx'));
const CitizenHomePage = lazy(() => import('./pages/citizen/CitizenHomePage.tsx'));
const MyDossiersPage = lazy(() => import('./pages/citizen/dossiers/MyDossiersPage.tsx'));
const MyDossierPage = lazy(() => import('./pages/citizen/dossiers/MyDossierPage.tsx'));
const NotificationPreferencesPage = lazy(
  () => import('./pages/citizen/dossiers/NotificationPreferencesPage.tsx'),
);
const PublicBoardPage = lazy(() => import('./pages/dashboards/PublicBoardPage.tsx'));
const OnlineSubmitRoute = lazy(() => import('./pages/citizen/submit/OnlineSubmitRoute.tsx'));
const FeedbackFormPage = lazy(() => import('./pages/feedback/FeedbackFormPage.tsx'));
const PublishedFeedbackPage = lazy(() => import('./pages/feedback/PublishedFeedbackPage.tsx'));
const AnswerRatingPage = lazy(() => import('./pages/feedback/AnswerRatingPage.tsx'));
const VerifyPage = lazy(() => import('./pages/public/VerifyPage.tsx'));
const VerifyDocumentPage = lazy(() => import('./pages/public/VerifyDocumentPage.tsx'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc" element={<CataloguePage />} />
        <Route path="thu-tuc/:id" element={<ProcedurePage />} />
        <Route path="tra-cuu-ho-so" element={<LookupPage />} />
        <Route path="xac-thuc" element={<VerifyPage />} />
        <Route path="xac-thuc/:documentId" element={<VerifyDocumentPage />} />
        <Route path="bang-theo-doi" element={<PublicBoardPage />} />
        <Route path="dang-nhap" element={<SignInPage />} />
        <Route path="dang-nhap-cong-dan" element={<CitizenSignInPage />} />
        <Route path="cong-dan" element={<CitizenHomePage />} />
        <Route path="nop-truc-tuyen/:procedure/*" element={<OnlineSubmitRoute />} />
        <Route path="cong-dan/ho-so" element={<MyDossiersPage />} />
        <Route path="cong-dan/ho-so/:id" element={<MyDossierPage />} />
        <Route path="cong-dan/thong-bao" element={<NotificationPreferencesPage />} />
        <Route path="khao-sat/quay/:token" element={<KioskPage />} />
        <Route path="danh-gia-tai-quay/:token" element={<KioskRatingPage />} />
        <Route path="khao-sat/:token" element={<LinkSurveyPage />} />
        <Route path="phan-anh" element={<FeedbackFormPage />} />
        <Route path="phan-anh/cong-khai" element={<PublishedFeedbackPage />} />
        <Route path="phan-anh/danh-gia/:token" element={<AnswerRatingPage />} />
        <Route path="can-bo/*" element={<StaffApp />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
