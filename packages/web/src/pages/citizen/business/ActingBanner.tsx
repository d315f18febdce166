import { useCitizen } from '../../../api/citizen.ts';
import { useT } from '../../../i18n/index.tsx';

/** Says, on the citizen's pages, that the session acts for a business (nothing when acting as oneself). */
export function ActingBanner() {
  const m = useT().citizenBusiness;
  const acting = useCitizen().data?.actingAs;
  if (acting?.kind !== 'business') return null;
  return (
    <p className="notice">
      <strong>{m.actingBanner(acting.business.name, acting.business.taxCode)}</strong>
    </p>
  );
}
