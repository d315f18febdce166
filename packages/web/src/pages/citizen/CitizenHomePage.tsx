import { Navigate } from 'react-router';
import { useCitizen, useCitizenSignOut } from '../../api/citizen.ts';
import { SubmitButton } from '../../components/forms.tsx';
import { LoadError, Loading, usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { ActingAsSection } from './business/ActingAsSection.tsx';

/**
 * The signed-in citizen's own page: who the portal knows them as (identity number masked), and
 * whom they act as (themselves or a business they represent).
 */
export default function CitizenHomePage() {
  const t = useT();
  const c = t.citizen;
  usePageTitle(c.homeTitle);
  const citizen = useCitizen();
  const signOut = useCitizenSignOut();

  if (citizen.isPending) return <Loading />;
  if (citizen.isError) return <LoadError error={citizen.error} onRetry={() => void citizen.refetch()} />;
  if (!citizen.data) return <Navigate to={PATHS.citizenSignIn} replace />;
  const me = citizen.data;
  const rows: [string, string][] = [
    [c.fullName, me.fullName ?? c.notGiven],
    [c.identityNumber, me.identityNumberMasked ?? c.notGiven],
    [c.emailAddress, me.email ?? c.notGiven],
    [c.signedInWith, c.method[me.signInMethod]],
  ];
  return (
    <div className="narrow">
      <h1>{c.homeTitle}</h1>
      <dl className="summary-list">
        {rows.map(([key, value]) => (
          <div className="summary-list__row" key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ActingAsSection me={me} />
      <SubmitButton
        type="button"
        variant="secondary"
        busy={signOut.isPending}
        busyLabel={c.signOut}
        onClick={() => signOut.mutate()}
      >
        {c.signOut}
      </SubmitButton>
    </div>
  );
}
