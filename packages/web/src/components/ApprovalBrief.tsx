import { documentUrl } from '../api/dossiers.ts';
import type { DossierDocument } from '../api/types.ts';
import type { ApprovalBrief as Brief } from '../api/work.ts';
import { formatBytes, formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * What the leader reads before approving, as the server sends it: the draft result, the note each
 * step's holder wrote when moving the dossier on (oldest first), and the dossier's documents.
 */
export function ApprovalBrief({
  dossierId,
  brief,
  headingLevel = 3,
  id,
}: {
  dossierId: string;
  brief: Brief;
  headingLevel?: 3 | 4;
  id: string;
}) {
  const { t, locale } = useI18n();
  const w = t.work.brief;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const others = brief.documents.filter((d) => d.kind !== 'result');
  return (
    <div className="approval-brief">
      <H className="heading-s" id={`${id}-draft`}>
        {w.draft}
      </H>
      {brief.draft.length === 0 ? (
        <p className="approval-brief__empty">{w.noDraft}</p>
      ) : (
        <DocumentLinks dossierId={dossierId} documents={brief.draft} labelledBy={`${id}-draft`} />
      )}

      <H className="heading-s" id={`${id}-notes`}>
        {w.notes}
      </H>
      {brief.notes.length === 0 ? (
        <p className="approval-brief__empty">{w.noNotes}</p>
      ) : (
        <ol className="approval-brief__notes" aria-labelledby={`${id}-notes`}>
          {brief.notes.map((n) => (
            <li key={n.seq} className="approval-brief__note">
              <p className="approval-brief__who">
                <strong>{w.by(n.actorName, n.roleLabel)}</strong>
                {' · '}
                {n.stepName ? <span lang="vi">{w.step(n.stepName)}</span> : n.title}
                {' · '}
                <time dateTime={n.at}>{formatDateTime(n.at, locale)}</time>
              </p>
              <p className={n.text ? 'approval-brief__text' : 'approval-brief__empty'}>
                {n.text ?? w.noText}
              </p>
            </li>
          ))}
        </ol>
      )}

      <H className="heading-s" id={`${id}-documents`}>
        {w.documents}
      </H>
      {others.length === 0 ? (
        <p className="approval-brief__empty">{w.noDocuments}</p>
      ) : (
        <DocumentLinks dossierId={dossierId} documents={others} labelledBy={`${id}-documents`} />
      )}
    </div>
  );
}

function DocumentLinks({
  dossierId,
  documents,
  labelledBy,
}: {
  dossierId: string;
  documents: DossierDocument[];
  labelledBy: string;
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="list list--bullet" aria-labelledby={labelledBy}>
      {documents.map((d) => (
        <li key={d.id}>
          <a href={documentUrl(dossierId, d.id)} download>
            {d.name}
          </a>{' '}
          <span className="cell-note">
            {t.documents.kinds[d.kind] ?? d.kind} · {formatBytes(d.size, t, locale)} ·{' '}
            {formatDateTime(d.uploadedAt, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}
