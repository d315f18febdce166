import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../components/ui.tsx';

const ReportsPage = lazy(() => import('./ReportsPage.tsx'));
const ReportPage = lazy(() => import('./ReportPage.tsx'));

/** The periodic reform reports under /can-bo/cai-cach/bao-cao; the server decides who sees what. */
export default function ReportsApp() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path=":id" element={<ReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
