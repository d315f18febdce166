import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import type { CitizenDossierList } from './api.ts';
import { TimeLeft } from './TimeLeft.tsx';

type Facts = Pick<CitizenDossierList['items'][number], 'procedureName' | 'stateLabel' | 'dueAt' | 'time'>;

/** Procedure, status, due date and time left, as the server sends them: in the list and on the dossier's page. */
export function DossierFacts({ dossier: d }: { dossier: Facts }) {
  const m = useT().citizenDossiers;
  const { locale } = useI18n();
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{m.procedure}</dt>
        <dd>{d.procedureName}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{m.status}</dt>
        <dd>{d.stateLabel}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{m.dueAt}</dt>
        <dd>{d.dueAt ? formatDateTime(d.dueAt, locale) : m.notSet}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{m.timeLeft}</dt>
        <dd>
          <TimeLeft time={d.time} />
        </dd>
      </div>
    </dl>
  );
}
