import { useT } from '../../../i18n/index.tsx';
import type { CitizenDossierList } from './api.ts';

/** The time left as the server computed it (never recomputed here). */
export function TimeLeft({ time }: { time: CitizenDossierList['items'][number]['time'] }) {
  const m = useT().citizenDossiers;
  const r = time.remaining;
  if (!r) return <>{m.notSet}</>;
  return <>{r.workingMinutes < 0 ? m.late(r.days, r.hours) : m.left(r.days, r.hours)}</>;
}
