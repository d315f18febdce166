import type { VerifyVerdict } from '@motcua/core';
import type { Verification } from '../../api/signing.ts';
import { Notice } from '../../components/ui.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** How strongly each verdict is shown: only a valid result is a success; a forged or altered copy is an error. */
const VERDICT_KIND: Readonly<Record<VerifyVerdict, 'success' | 'warning' | 'error'>> = {
  valid: 'success',
  not_pdf: 'warning',
  unsigned: 'warning',
  altered: 'error',
  untrusted: 'error',
  not_issued: 'warning',
};

/**
 * The verdict of a verification as a panel (title in words, the server's explanation) and, when the
 * file is a result this system issued, its agency, procedure, masked dossier code, signing time and signer.
 */
export function VerificationResult({ v, focus = true }: { v: Verification; focus?: boolean }) {
  const { t, locale } = useI18n();
  const s = t.signing;
  const d = v.document;
  return (
    <section className="verify-result" aria-labelledby="verify-result-title">
      <h2 id="verify-result-title">{s.resultHeading}</h2>
      <Notice kind={VERDICT_KIND[v.verdict]} title={s.verdicts[v.verdict]} focus={focus}>
        <p>{v.message}</p>
      </Notice>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{s.signatureValid}</dt>
          <dd>{v.signatureValid ? s.yesSignature : s.noSignature}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{s.unchanged}</dt>
          <dd>{v.unchanged ? s.yesUnchanged : s.noUnchanged}</dd>
        </div>
      </dl>
      {d ? (
        <>
          <h2>{s.detailsHeading}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{s.agency}</dt>
              <dd lang="vi">{d.agencyName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{s.procedure}</dt>
              <dd lang="vi">{d.procedureName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{s.dossierCode}</dt>
              <dd>
                <span className="dossier-code">{d.dossierCode}</span>
                <span className="summary-list__note">{s.dossierCodeNote}</span>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{s.signedAt}</dt>
              <dd>
                <time dateTime={d.signedAt}>{formatDateTime(d.signedAt, locale)}</time>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{s.signer}</dt>
              <dd>{d.signer}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{s.documentId}</dt>
              <dd>
                <code>{d.documentId}</code>
              </dd>
            </div>
          </dl>
        </>
      ) : null}
    </section>
  );
}
