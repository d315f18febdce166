import { Link, useParams } from 'react-router';
import { LoadError, Loading, usePageTitle } from '../../../components/ui.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { useMyDossier } from './api.ts';
import { TimeLeft } from './TimeLeft.tsx';

/** One of the citizen's dossiers: status, due date, time left, timeline, items asked, result. */
export default function MyDossierPage() {
  const m = useT().citizenDossiers;
  const { locale } = useI18n();
  const { id = '' } = useParams();
  const dossier = useMyDossier(id);
  usePageTitle(dossier.data?.code ?? m.title);
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <LoadError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const d = dossier.data;
  return (
    <div className="narrow">
      <p>
        <Link to="/cong-dan/ho-so">{m.back}</Link>
      </p>
      <h1>{d.code ?? m.noCode}</h1>
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
      {d.supplementItems.length > 0 && (
        <section>
          <h2>{m.supplementTitle}</h2>
          <ol>
            {d.supplementItems.map((i) => (
              <li key={i.number}>
                {i.description} ({i.reason})
              </li>
            ))}
          </ol>
        </section>
      )}
      <section>
        <h2>{m.result}</h2>
        {d.result ? (
          <a href={`/api/v1/citizen/dossiers/${d.id}/result`} download={d.result.filename}>
            {m.downloadResult} ({d.result.filename})
          </a>
        ) : (
          <p>{m.noResult}</p>
        )}
      </section>
      <section>
        <h2>{m.timeline}</h2>
        <ol>
          {d.timeline.map((e) => (
            <li key={`${e.at}-${e.title}`}>
              {formatDateTime(e.at, locale)}: {e.title} ({e.toStateLabel})
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
