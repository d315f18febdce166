import { Link, Navigate } from 'react-router';
import { useCitizen } from '../../../api/citizen.ts';
import { LoadError, Loading, usePageTitle } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/index.tsx';
import { PATHS } from '../../../paths.ts';
import { ActingBanner } from '../business/ActingBanner.tsx';
import { useMyDossiers } from './api.ts';
import { DossierFacts } from './DossierFacts.tsx';

/** Hồ sơ của tôi: every dossier of the signed-in citizen, with the status and time the server sends. */
export default function MyDossiersPage() {
  const m = useT().citizenDossiers;
  usePageTitle(m.title);
  const citizen = useCitizen();
  const list = useMyDossiers();
  // Signed out (or the session expired): to the sign-in page, rather than an error.
  if (citizen.isPending) return <Loading />;
  if (!citizen.isError && !citizen.data) return <Navigate to={PATHS.citizenSignIn} replace />;
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div className="narrow">
      <h1>{m.title}</h1>
      <ActingBanner />
      <p>{m.lead}</p>
      {list.data.items.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ul className="plain-list">
          {list.data.items.map((d) => (
            <li key={d.id}>
              <h2>
                <Link to={`/cong-dan/ho-so/${d.id}`}>{d.code ?? m.noCode}</Link>
              </h2>
              <DossierFacts dossier={d} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
