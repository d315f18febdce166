import { useT } from '../../i18n/index.tsx';
import { useDossierSurveyLink } from './api.ts';
import './surveys.css';

/**
 * On a returned dossier's page: the one-time survey link to give the applicant with the result
 * (the same link is in the outbox notification), or that it has been answered.
 */
export function DossierSurveyLink({ dossierId, state }: { dossierId: string; state: string }) {
  const t = useT();
  const s = t.surveys;
  const link = useDossierSurveyLink(dossierId, state === 'returned');
  if (!link.data) return null;
  const url = `${window.location.origin}${link.data.path}`;
  return (
    <section id="khao-sat" aria-labelledby="khao-sat-title" className="dossier__section">
      <h2 id="khao-sat-title">{s.linkTitle}</h2>
      {link.data.answeredAt ? (
        <p>{s.linkAnswered}</p>
      ) : (
        <>
          <p>{s.linkBody}</p>
          <p>
            <a href={link.data.path} className="survey-link">
              {url}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
