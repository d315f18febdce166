import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useCitizen } from '../../../api/citizen.ts';
import { PostalLines } from '../../../components/PostalLines.tsx';
import { LoadError, Loading, usePageTitle } from '../../../components/ui.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { PATHS } from '../../../paths.ts';
import { RatingForm } from '../../feedback/RatingForm.tsx';
import { PaymentBox } from '../../fees/PaymentBox.tsx';
import { useMyDossier } from './api.ts';
import { DossierFacts } from './DossierFacts.tsx';
import { SupplementForm } from './SupplementForm.tsx';
import { WithdrawalForm } from './WithdrawalForm.tsx';

/**
 * One of the citizen's dossiers: status, due date, time left, timeline, result, the online
 * supplement form while one is asked and the withdrawal request when the server allows it.
 */
export default function MyDossierPage() {
  const t = useT();
  const m = t.citizenDossiers;
  const { locale } = useI18n();
  const { id = '' } = useParams();
  const citizen = useCitizen();
  const dossier = useMyDossier(id);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(dossier.data?.code ?? m.title);
  // The session's CSRF token comes with the citizen: a page opened from an email link sends with it.
  if (citizen.isPending) return <Loading />;
  if (!citizen.isError && !citizen.data) return <Navigate to={PATHS.citizenSignIn} replace />;
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <LoadError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const d = dossier.data;
  return (
    <div className="narrow">
      <p>
        <Link to="/cong-dan/ho-so">{m.back}</Link>
      </p>
      <h1>{d.code ?? m.noCode}</h1>
      <div role="status" aria-live="polite">
        {notice ? (
          <div className="notice notice--success">
            <p>{notice}</p>
          </div>
        ) : null}
      </div>
      <DossierFacts dossier={d} />
      {d.payment ? <PaymentBox payment={d.payment} headingId="my-payment-title" /> : null}
      {d.supplementItems.length > 0 ? (
        <SupplementForm
          dossier={d}
          onSent={(a) => setNotice(a.applied === 'now' ? m.supplementSent : m.supplementAlready)}
        />
      ) : null}
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
      <PostalLines shipments={d.postal} headingId="my-postal-title" />
      {d.state === 'returned' ? (
        <section aria-labelledby="my-rating-title">
          <h2 id="my-rating-title">{t.feedback.rating.title}</h2>
          {d.rating ? (
            <p data-testid="my-rating">
              {t.feedback.rating.youRated(
                t.feedback.rating.values[d.rating.value],
                formatDate(d.rating.ratedAt, locale),
              )}
            </p>
          ) : (
            <RatingForm
              path={`/api/v1/ratings/dossiers/${encodeURIComponent(d.id)}`}
              legend={t.feedback.rating.lead(d.code ?? '')}
            />
          )}
        </section>
      ) : null}
      {d.canWithdraw ? <WithdrawalForm dossier={d} onSent={() => setNotice(m.withdrawSent)} /> : null}
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
