import { Link } from 'react-router';
import type { DossierListItem } from '../../api/types.ts';
import { DueStatus } from '../../components/dossier.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/** Cells of a row in a table of dossiers, under the column headings of the queue. */

/** The row's heading, the code (a link to the dossier) over the procedure; then the applicant. */
export function CodeAndApplicantCells({
  d,
  linkClassName,
}: {
  d: Pick<DossierListItem, 'id' | 'code' | 'procedureName' | 'applicantName'>;
  linkClassName?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <th scope="row" data-label={t.queue.colCode}>
        <Link to={PATHS.dossier(d.id)} className={linkClassName}>
          {d.code ?? t.dossier.noCode}
        </Link>
        <span className="cell-note" lang="vi">
          {d.procedureName}
        </span>
      </th>
      <td data-label={t.queue.colApplicant}>{d.applicantName}</td>
    </>
  );
}

/** The time left in words, over the date it is due. */
export function DueCell({ d }: { d: DossierListItem }) {
  const { t, locale } = useI18n();
  return (
    <td data-label={t.queue.colDue}>
      <DueStatus dossier={d} />
      {d.dueAt ? <span className="cell-note">{t.queue.dueOn(formatDateTime(d.dueAt, locale))}</span> : null}
    </td>
  );
}
