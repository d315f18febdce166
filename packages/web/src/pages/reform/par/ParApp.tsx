import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../components/ui.tsx';

const ParPage = lazy(() => import('./ParPage.tsx'));
const AssessmentPage = lazy(() => import('./AssessmentPage.tsx'));
const CriterionPage = lazy(() => import('./CriterionPage.tsx'));

/** The PAR Index pages under /can-bo/cai-cach/chi-so-cchc; the server decides what each user sees. */
export default function ParApp() {
  return (
    <Routes>
      <Route index element={<ParPage />} />
      <Route path="danh-gia/:id" element={<AssessmentPage />} />
      <Route path="danh-gia/:id/tieu-chi/:code" element={<CriterionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
