import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/client.ts';
import { useVerifyDocument } from '../../api/signing.ts';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { VerificationResult } from './VerificationResult.tsx';

/**
 * /xac-thuc/:documentId — the QR code printed on a signed result opens this: the server checks the
 * stored copy of that document and answers its verdict and details (never the applicant).
 */
export default function VerifyDocumentPage() {
  const { t } = useI18n();
  const s = t.signing;
  const { documentId = '' } = useParams();
  const check = useVerifyDocument(documentId);
  usePageTitle(s.documentTitle);
  const notFound = isNotFound(check.error);

  return (
    <div className="verify">
      <h1>{s.documentTitle}</h1>
      <p className="lead">{s.documentLead}</p>
      {check.isPending ? <Loading label={s.checking} /> : null}
      {notFound ? (
        <Notice kind="warning" focus={false}>
          {s.documentNotFound}
        </Notice>
      ) : null}
      {check.isError && !notFound ? <LoadError error={check.error} onRetry={() => check.refetch()} /> : null}
      {check.data ? <VerificationResult v={check.data} focus={false} /> : null}
      <p>
        <Link className="link" to={PATHS.verify}>
          {notFound ? s.uploadInstead : s.another}
        </Link>
      </p>
    </div>
  );
}
