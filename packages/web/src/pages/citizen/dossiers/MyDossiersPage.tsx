import { Link } from 'react-router';
import { LoadError, Loading, usePageTitle } from '../../../components/ui.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { useMyDossiers } from './api.ts';
import { TimeLeft } from './TimeLeft.tsx';

/** Hồ sơ của tôi: every dossier of the signed-in citizen, with the status and time the server sends. */
export default function MyDossiersPage() {
  const m = useT().citizenDossiers;
  const { locale } = useI18n();
  usePageTitle(m.title);
  const list = useMyDossiers();
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div className="narrow">
      <h1>{m.title}</h1>
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
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
