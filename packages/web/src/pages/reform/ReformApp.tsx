import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/ui.tsx';

const PlansPage = lazy(() => import('./PlansPage.tsx'));
const PlanPage = lazy(() => import('./PlanPage.tsx'));
const TaskPage = lazy(() => import('./TaskPage.tsx'));
const ParApp = lazy(() => import('./par/ParApp.tsx'));

/** The reform office's pages under /can-bo/cai-cach; the server decides what each user sees. */
export default function ReformApp() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path="ke-hoach/:id" element={<PlanPage />} />
      <Route path="nhiem-vu/:id" element={<TaskPage />} />
      <Route path="chi-so-cchc/*" element={<ParApp />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
