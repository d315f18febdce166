import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../components/ui.tsx';

const SurveysPage = lazy(() => import('./SurveysPage.tsx'));
const QuestionnairePage = lazy(() => import('./QuestionnairePage.tsx'));
const PaperEntryPage = lazy(() => import('./PaperEntryPage.tsx'));

/** The survey pages under /can-bo/khao-sat; the server decides what each user may do. */
export default function SurveysApp() {
  return (
    <Routes>
      <Route index element={<SurveysPage />} />
      <Route path="phieu/:id" element={<QuestionnairePage />} />
      <Route path="phieu-giay" element={<PaperEntryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
