import { useMemo } from 'react';
import { useSession } from '../../auth/session.ts';
import type { Option } from '../../components/forms.tsx';

/** The units whose counter the signed-in officer works at, as the options of a choice. */
export function useCounterUnits(): Option[] {
  const session = useSession();
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of session.data?.roles ?? [])
      if (r.role === 'counter_officer') seen.set(r.unitId, r.unitName);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [session.data]);
}
